import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { parseHTML } from 'linkedom';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { ui } from '../../src/i18n/tr.ts';
import { boundedSlug, turkishSlug } from '../../src/lib/slug.ts';
import { imageFile } from '../../src/markdown/image-file.ts';
import { pageMetadata, textLanguage, type PageMetadata } from './metadata.ts';

/** The folder an article's images are copied into is known only once its file name is: this stands for it until then. */
export const IMAGE_FOLDER = 'haber-arsivi-images';

/** Raster image types Astro's image pipeline reads. */
const IMAGE_TYPES = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tiff']);

/** Boxes that Readability sometimes leaves in an article: sharing, newsletters, related links, promotions. */
const BOILERPLATE =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|signup|related|recommend|promo|outbrain|taboola|more-on|read-more|also-read)(?:$|[\s_-])/i;

export interface ArchivedImage {
  /** The saved file beside the page. */
  from: string;
  /** Its name in the article's image folder. */
  name: string;
}

export interface PageDraft extends PageMetadata {
  body?: string;
  images: ArchivedImage[];
  /** Images of the article that could not be archived (only on the web, or not saved): their addresses. */
  notArchived: string[];
  /** Problems that do not stop the import, such as an image with no text alternative. */
  warnings: string[];
}

/** The address the page was saved from: browsers write it in a comment, SingleFile in its header. */
function savedFrom(html: string): string | undefined {
  return (
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1] ??
    /<!--[\s\S]*?\burl:\s*(https?:\/\/\S+)[\s\S]*?-->/i.exec(html)?.[1]
  );
}

const markdown = unified()
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_' });

const isElement = (node: unknown, ...names: string[]): node is Element =>
  typeof node === 'object' &&
  node !== null &&
  (node as Element).type === 'element' &&
  (names.length === 0 || names.includes((node as Element).tagName));

function textOf(node: Element | Root): string {
  let text = '';
  visit(node, 'text', (child) => void (text += child.value));
  return text.replace(/\s+/g, ' ').trim();
}

const classAndId = (node: Element) =>
  `${[node.properties.className ?? []].flat().join(' ')} ${String(node.properties.id ?? '')}`;

/** A note where an image could not be kept: visible, and naming what it showed where the page said so. */
function notArchivedNote(description: string, inline: boolean): ElementContent[] {
  const text = description ? `${ui.imageNotArchived}: ${description}` : ui.imageNotArchived;
  // Inline, beside the words of a link or a line, it is set off by brackets and a space, not emphasis.
  if (inline) return [{ type: 'text', value: `[${text}] ` }];
  return [
    {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [
        {
          type: 'element',
          tagName: 'em',
          properties: {},
          children: [{ type: 'text', value: text }],
        },
      ],
    },
  ];
}

/** Elements inside which a note must stay inline (a photo inside a link, say). */
const INLINE = new Set([
  'a',
  'span',
  'em',
  'strong',
  'i',
  'b',
  'small',
  'p',
  'li',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'label',
]);
/** Media that a saved page does not hold and the archive cannot serve. */
const MEDIA = ['video', 'audio', 'iframe', 'object', 'embed'];

/**
 * Finds the saved file an image's address points to, beside the page (`Page_files/photo.jpg`):
 * a raster image inside the page's folder, however the address or a symbolic link leads there
 * (src/markdown/image-file.ts, the build's rule too). A file refused (an SVG, which can script;
 * a file from outside) is not archived, as one not saved is not, and `warn` says why: the rest of
 * the page is still worth archiving.
 */
function savedFile(
  src: string,
  pageFolder: string,
  warn: (warning: string) => void = () => undefined,
): string | undefined {
  let path: string;
  try {
    if (src.startsWith('file:')) path = fileURLToPath(src);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
    else path = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const found = imageFile(path, pageFolder, "the page's folder");
  if (found.kind === 'refused') warn(`the image ${src} ${found.problem}: not archived`);
  if (found.kind !== 'archived') return undefined;
  return IMAGE_TYPES.has(extname(found.path).toLowerCase()) ? found.path : undefined;
}

/**
 * Cleans Readability's article and archives its images: comments (conditional ones too) go,
 * boilerplate boxes go, links to anchors the article does not have become plain text, a caption
 * repeated after its figure is dropped. Each image saved beside the page is kept under a name of
 * its own; any other one becomes a visible note and is listed.
 */
function cleanArticle(
  tree: Root,
  pageFolder: string | undefined,
  draft: Pick<PageDraft, 'images' | 'notArchived' | 'warnings'>,
): void {
  // A box is boilerplate by its name only when it is small beside the article: the article itself may sit in a "social-story" wrapper.
  const articleLength = textOf(tree).length;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (
      node.type === 'comment' ||
      (isElement(node) &&
        BOILERPLATE.test(classAndId(node)) &&
        textOf(node).length < articleLength / 4)
    ) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    for (const id of [node.properties.id, node.properties.name])
      if (typeof id === 'string') ids.add(id);
  });
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined || node.tagName !== 'a') return;
    const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    if (
      href === undefined ||
      (href.startsWith('#') && !ids.has(decodeURIComponent(href.slice(1))))
    ) {
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    }
    return undefined;
  });
  const names = new Set<string>();
  const archive = (file: string) => {
    const existing = draft.images.find((image) => image.from === file);
    if (existing) return existing.name;
    // Named as slugs are, at most 100 characters: a saved file's name may be up to 255 bytes, and a version's prefix and Astro's hash come on top.
    const stem = boundedSlug(turkishSlug(basename(file, extname(file)))) || 'image';
    let name = `${stem}${extname(file).toLowerCase()}`;
    for (let n = 2; names.has(name); n++) name = `${stem}-${n}${extname(file).toLowerCase()}`;
    names.add(name);
    draft.images.push({ from: file, name });
    return name;
  };
  visit(tree, 'element', (node, index, parent) => {
    if (
      !parent ||
      index === undefined ||
      !['img', 'figure', 'picture', ...MEDIA].includes(node.tagName)
    )
      return;
    const inline = parent.type === 'element' && INLINE.has(parent.tagName);
    if (MEDIA.includes(node.tagName)) {
      draft.notArchived.push(
        String(
          node.properties.src ??
            node.properties.poster ??
            node.properties.data ??
            `(${node.tagName})`,
        ),
      );
      parent.children.splice(
        index,
        1,
        ...notArchivedNote(
          String(node.properties.title ?? node.properties.ariaLabel ?? ''),
          inline,
        ),
      );
      return [SKIP, index + 1];
    }
    const image = node.tagName === 'img' ? node : findImage(node);
    const captionElement = node.tagName === 'figure' ? findElement(node, 'figcaption') : undefined;
    const caption = captionElement ? textOf(captionElement) : '';
    if (!image) {
      if (node.tagName === 'figure' && !caption) parent.children.splice(index, 1);
      return;
    }
    const width = Number(image.properties.width);
    const height = Number(image.properties.height);
    // A tracking pixel or a spacer is nothing of the article.
    if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const src = String(image.properties.src ?? image.properties.dataSrc ?? '');
    const decorative =
      image.properties.alt === '' ||
      image.properties.role === 'presentation' ||
      image.properties.ariaHidden === 'true';
    const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : '';
    const file = pageFolder
      ? savedFile(src, pageFolder, (warning) => draft.warnings.push(warning))
      : undefined;
    let replacement: ElementContent[];
    if (file) {
      if (!alt && !decorative)
        draft.warnings.push(
          `the image ${src} has no text alternative (alt): describe it in the Markdown`,
        );
      const kept: Element = {
        type: 'element',
        tagName: 'img',
        properties: {
          src: `./${IMAGE_FOLDER}/${archive(file)}`,
          alt: alt === caption ? '' : alt,
          ...(caption ? { title: caption } : {}),
        },
        children: [],
      };
      replacement = [
        inline ? kept : { type: 'element', tagName: 'p', properties: {}, children: [kept] },
      ];
    } else {
      draft.notArchived.push(src || '(an image without an address)');
      replacement = notArchivedNote(caption || alt, inline);
    }
    parent.children.splice(index, 1, ...replacement);
    // A caption the page repeats after its figure (`<p>` of the same words) is said once.
    const next = parent.children
      .slice(index + 1)
      .find((child) => child.type !== 'text' || child.value.trim());
    if (caption && isElement(next) && textOf(next) === caption)
      parent.children.splice(parent.children.indexOf(next as RootContent & ElementContent), 1);
    return [SKIP, index + 1];
  });
}

function findElement(node: Element, name: string): Element | undefined {
  let found: Element | undefined;
  visit(node, 'element', (child) => {
    if (found) return false;
    if (child.tagName === name) found = child;
    return undefined;
  });
  return found;
}

const findImage = (node: Element) => findElement(node, 'img');

/**
 * A draft from a saved web page: metadata as the page states it (see `metadata.ts`), the article body by
 * Mozilla's Readability, cleaned and as Markdown, with its images archived when the page was saved
 * "complete" (`Page_files/` beside it). `input` is the page's path, to find those files.
 * The language is the page's own or, failing that, detected from the body by tinyld.
 */
export async function draftFromHtml(
  html: string,
  input: string,
  url: string | undefined,
): Promise<PageDraft> {
  const { document } = parseHTML(html);
  const copy = document.cloneNode(true) as Document;
  const pageFolder = resolve(dirname(input));
  // Saved images by their full file address, which Readability leaves as it is (it would resolve a
  // relative one against the page's original address).
  for (const image of copy.querySelectorAll('img')) {
    const file = savedFile(image.getAttribute('src') ?? '', pageFolder);
    if (file) image.setAttribute('src', pathToFileURL(file).href);
  }
  // A date standing alone in its paragraph is the page's dateline, which the front matter carries.
  for (const time of copy.querySelectorAll('time')) {
    if (time.parentElement?.textContent?.trim() === time.textContent?.trim())
      time.parentElement?.remove();
  }
  const readable = new Readability(copy, { keepClasses: true }).parse();
  const metadata = pageMetadata(html, url ?? savedFrom(html), readable?.byline ?? undefined);
  const draft: PageDraft = { ...metadata, images: [], notArchived: [], warnings: [] };
  if (readable?.content) {
    const tree = unified().use(rehypeParse, { fragment: true }).parse(readable.content);
    cleanArticle(tree, pageFolder, draft);
    const body = String(markdown.stringify(markdown.runSync(tree))).trim();
    if (body) draft.body = body;
    const excerpt = readable.excerpt?.trim();
    if (!draft.description && excerpt) draft.description = excerpt;
    if (!draft.lang && readable.textContent) {
      const detected = textLanguage(readable.textContent);
      if (detected) draft.lang = detected;
    }
  }
  draft.warnings = [...new Set(draft.warnings)];
  return draft;
}
