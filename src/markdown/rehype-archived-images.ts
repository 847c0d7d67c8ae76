import { Buffer } from 'node:buffer';
import { basename, dirname } from 'node:path';
import type { Element, ElementContent, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { ui } from '../i18n/tr.ts';
import { astroImageProperties } from './astro-image-marker.ts';
import { imageFile } from './image-file.ts';

/** Whether an image's address is a file beside the article (`./28-slug/photo.jpg`), not a URL or a site path. */
function isLocalImage(src: string): boolean {
  return src !== '' && !URL.canParse(src) && !src.startsWith('/') && !src.startsWith('#');
}

/**
 * Whether Markdown may hold an image: `![` (inline, `![alt](file)`, or by reference, `![alt][1]`)
 * or a raw `<img>`. Only such bodies need their images checked and rendered by Astro.
 */
export const mayHaveImage = (markdown: string) => /!\[|<img\b/i.test(markdown);

/**
 * The longest file name of an archived image: Astro names its copy in `_astro/` after it, adding a
 * hash and an extension, and a file name has at most 255 bytes. The import's names are shorter.
 */
export const MAX_IMAGE_NAME_BYTES = 150;

/** What rendering found wrong with an article's images, each `image SRC …`: the build refuses them. */
export interface ImageData {
  imageProblems?: string[];
  /** Images whose address is a file beside the article that is not there. */
  missingImages?: string[];
  localImagePaths?: string[];
}

const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/**
 * The import's note where an image was not archived (scripts/import/html.ts): on a line of its own
 * emphasised, among words in brackets.
 */
function notArchivedNote(image: Element, parent: Parents): ElementContent {
  const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : '';
  const text = alt ? `${ui.imageNotArchived}: ${alt}` : ui.imageNotArchived;
  const emphasis: Element = {
    type: 'element',
    tagName: 'em',
    properties: {},
    children: [{ type: 'text', value: text }],
  };
  if (parent.type === 'root')
    return { type: 'element', tagName: 'p', properties: {}, children: [emphasis] };
  const alone = parent.children.filter((child) => !isBlank(child as ElementContent)).length === 1;
  return alone || (parent.type === 'element' && parent.tagName === 'figure')
    ? emphasis
    : { type: 'text', value: `[${text}]` };
}

/**
 * Archived images, for Astro's image pipeline and as figures; every other image as the note that
 * it was not archived, as the import writes it.
 *
 * A paragraph holding only an image whose Markdown title is set (`![alt](./x.jpg "caption")`,
 * as the import writes a captioned photo) becomes `<figure>` with that caption, once. An image is
 * archived when it is a raster file inside the article's folder (`imageFile`, given the article's
 * path as the file's `path`): it is listed in `localImagePaths` and marked for Astro's image
 * pipeline (src/markdown/astro-image-marker.ts), which swaps in the optimised, sized, lazily loaded
 * file. Any other image (on another site, a site path, a file that is not there, or one refused,
 * listed in `imageProblems`) is never published: the page would hot-link it, or the CSP block it.
 * Without a path (a body rendered on its own), images beside the article are taken as they are.
 */
export function rehypeArchivedImages() {
  return (tree: Root, file: VFile) => {
    const localImages = new Set<string>();
    const data = file.data as ImageData;
    const imageProblems: string[] = [];
    const missingImages: string[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const [image] = content;
      if (
        content.length !== 1 ||
        image?.type !== 'element' ||
        image.tagName !== 'img' ||
        typeof image.properties.title !== 'string'
      )
        return;
      const caption = image.properties.title;
      delete image.properties.title;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: {},
        children: [
          image,
          {
            type: 'element',
            tagName: 'figcaption',
            properties: {},
            children: [{ type: 'text', value: caption }],
          },
        ],
      };
      parent.children[index] = figure;
    });
    const folder = file.path ? dirname(file.path) : undefined;
    /** Whether the image may be published, noting why not when it is the keeper's to fix. */
    const archived = (src: string): boolean => {
      if (!isLocalImage(src)) return false;
      if (!folder) return true;
      const found = imageFile(src, folder, "the article's folder");
      if (found.kind === 'missing') missingImages.push(src);
      if (found.kind === 'refused') imageProblems.push(`image ${src} ${found.problem}`);
      if (found.kind !== 'archived') return false;
      const bytes = Buffer.byteLength(basename(src));
      if (bytes <= MAX_IMAGE_NAME_BYTES) return true;
      imageProblems.push(
        `image ${src} has a file name of ${bytes} bytes, more than ${MAX_IMAGE_NAME_BYTES}: Astro names its copy after it, and a name may have at most 255`,
      );
      return false;
    };
    const occurrences = new Map<string, number>();
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = decoded(typeof node.properties.src === 'string' ? node.properties.src : '');
      if (!archived(src)) {
        parent.children[index] = notArchivedNote(node, parent);
        return SKIP;
      }
      localImages.add(src);
      const occurrence = occurrences.get(src) ?? 0;
      occurrences.set(src, occurrence + 1);
      node.properties = astroImageProperties(node.properties, src, occurrence);
      return undefined;
    });
    data.localImagePaths = [...localImages];
    data.imageProblems = imageProblems;
    data.missingImages = missingImages;
  };
}
