import type { Element, Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { toText } from 'hast-util-to-text';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize from 'rehype-sanitize';
import { markdownToHast } from 'satteri';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { MarkdownHeading } from 'astro';
import type { MarkdownProcessor } from 'astro/markdown';
import { rehypeArchivedImages, type ImageData } from './rehype-archived-images.ts';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeParagraphAnchors } from './rehype-paragraph-anchors.ts';
import { rehypeTableAlignment } from './rehype-table-alignment.ts';
import { ui } from '../i18n/tr.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/**
 * The rehype steps every article body goes through, in order. The sanitiser sees raw HTML as
 * elements (parsed with the Markdown, below), and tables' alignment already as classes; ids and
 * their ¶ links are given after sanitising, so that they are the archive's own.
 */
const rehype = unified()
  .use(rehypeTableAlignment)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeArchivedImages)
  .use(rehypeExternalLinks, { rel: ['external', 'noopener', 'noreferrer'] })
  .use(rehypeHeadingIds)
  .use(rehypeParagraphAnchors, { label: ui.linkToParagraph })
  .freeze();

/** A block as a reader reads it: its text as the browser lays it out (cells and list items apart), its ¶ link left out. */
function blockText(block: Element): string {
  const words = {
    ...block,
    children: block.children.filter(
      (child) => !(child.type === 'element' && child.properties.dataPagefindIgnore !== undefined),
    ),
  };
  return toText(words).replace(/\s+/g, ' ').trim();
}

/**
 * The body's words as a reader sees them: each block's text, one a paragraph, blocks apart by a
 * blank line. Text that stands between blocks (what the sanitiser kept of an element it took out)
 * is shown, so it is read too.
 */
function readableText(blocks: readonly RootContent[]): string {
  return blocks
    .map((node) =>
      node.type === 'element'
        ? blockText(node)
        : node.type === 'text'
          ? node.value.replace(/\s+/g, ' ').trim()
          : '',
    )
    .filter(Boolean)
    .join('\n\n');
}

/**
 * An article body as HTML, its headings, and its text: the words a reader sees, read from the
 * rendered tree, which the word count, the versions' differences and the import's summary all use.
 *
 * Sätteri (Astro's own Rust parser) reads the Markdown, with GitHub's extensions, and parses
 * raw HTML into elements; the unified rehype plugins above then run on its tree. At 10,000
 * articles this takes a tenth of the time of the all-JavaScript remark pipeline, with the same
 * output, while sanitising stays with `rehype-sanitize`. A faithful copy keeps the publisher's
 * quotes and dashes as they were written: no smart punctuation.
 *
 * `path`, the article file's, is what its images are checked against (src/markdown/image-file.ts):
 * `imageProblems` lists those refused, `missingImages` those not there; neither is published.
 */
export function renderArticleMarkdown(
  markdown: string,
  path?: string,
): {
  html: string;
  text: string;
  headings: MarkdownHeading[];
  localImagePaths: string[];
  imageProblems: string[];
  missingImages: string[];
} {
  const parsed = markdownToHast(markdown, {
    features: { gfm: true, frontmatter: false, smartPunctuation: false, rawHtml: true },
    position: false,
  });
  const file = new VFile(path === undefined ? {} : { path });
  const tree = rehype.runSync(parsed as Root, file);
  const headings: MarkdownHeading[] = [];
  for (const node of tree.children) {
    const depth = node.type === 'element' ? headingRank(node) : undefined;
    // A heading's last child is its ¶ link (rehypeParagraphAnchors), not part of its text.
    if (depth !== undefined && node.type === 'element')
      headings.push({
        depth,
        slug: String(node.properties.id),
        text: toString({ ...node, children: node.children.slice(0, -1) }),
      });
  }
  const data = file.data as ImageData;
  return {
    html: toHtml(tree),
    text: readableText(tree.children),
    headings,
    localImagePaths: data.localImagePaths ?? [],
    imageProblems: data.imageProblems ?? [],
    missingImages: data.missingImages ?? [],
  };
}

/** The archive's Markdown processor for Astro (`markdown.processor`): `renderArticleMarkdown` for every article. */
export function articleMarkdown(): MarkdownProcessor {
  return {
    name: 'haber-arsivi',
    options: {},
    createRenderer: async () => ({
      render: async (markdown, options) => {
        const { html, headings, localImagePaths } = renderArticleMarkdown(
          markdown,
          options?.fileURL && fileURLToPath(options.fileURL),
        );
        return {
          code: html,
          metadata: {
            headings,
            localImagePaths,
            remoteImagePaths: [],
            frontmatter: options?.frontmatter ?? {},
          },
        };
      },
    }),
  };
}
