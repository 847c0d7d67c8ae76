import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { astroImageProperties } from './astro-image-marker.ts';

/** Whether an image's address is a file beside the article (`./28-slug/photo.jpg`), not a URL or a site path. */
export function isLocalImage(src: string): boolean {
  return !URL.canParse(src) && !src.startsWith('/') && !src.startsWith('#');
}

const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

/**
 * Archived images, for Astro's image pipeline and as figures.
 *
 * A paragraph holding only an image whose Markdown title is set (`![alt](./x.jpg "caption")`,
 * as the import writes a captioned photo) becomes `<figure>` with that caption, once. Each image
 * beside the article is listed in `localImages` and marked for Astro's image pipeline
 * (src/markdown/astro-image-marker.ts; the paths go in the file's `data.localImagePaths`): Astro
 * then swaps in the optimised, sized, lazily loaded file.
 */
export function rehypeArchivedImages() {
  return (tree: Root, file: VFile) => {
    const localImages = new Set<string>();
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
    const occurrences = new Map<string, number>();
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = decodeURI(node.properties.src);
      if (!isLocalImage(src)) return;
      localImages.add(src);
      const index = occurrences.get(src) ?? 0;
      occurrences.set(src, index + 1);
      node.properties = astroImageProperties(node.properties, src, index);
    });
    (file.data as { localImagePaths?: string[] }).localImagePaths = [...localImages];
  };
}
