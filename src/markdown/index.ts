import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import type { RehypePlugins, UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { rehypeHeadingIds } from './rehype-heading-ids.ts';
import { rehypeParagraphAnchors } from './rehype-paragraph-anchors.ts';
import { ui } from '../i18n/tr.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/**
 * The rehype steps every article body goes through, in order. Raw HTML is parsed first so that
 * the sanitiser sees it as elements (Astro would otherwise parse it after every plugin has run);
 * ids and their ¶ links are given after sanitising, so that they are the archive's own.
 */
const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  [rehypeExternalLinks, { rel: ['external', 'noopener', 'noreferrer'] }],
  rehypeHeadingIds,
  [rehypeParagraphAnchors, { label: ui.linkToParagraph }],
];

/** The Markdown pipeline's settings: one object for the site and for the tests of the pipeline. */
export const markdownOptions = {
  // A faithful copy keeps the publisher's quotes and dashes as they were written.
  smartypants: false,
  rehypePlugins,
} satisfies UnifiedProcessorOptions;
