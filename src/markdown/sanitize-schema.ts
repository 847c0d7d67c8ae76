import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * Article Markdown is untrusted: it comes from other people's pages. GitHub's schema
 * (rehype-sanitize's default) already drops scripts, styles, frames, event handlers and
 * `javascript:` URLs, and prefixes ids and names from the source (`user-content-`) so they cannot
 * clobber the page's own. A style element goes with its rules, as a script goes with its code: a
 * reader would see them as text otherwise. News text also needs figures; forms and their controls
 * are never needed, and images may come only over http(s), never as `data:` URLs. An image is an
 * `<img>` and nothing else (no `<picture>` sources): the one element whose file is checked and
 * archived, or else marked as not archived (src/markdown/rehype-archived-images.ts).
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter(
      (tag) => !['input', 'picture', 'source'].includes(tag),
    ),
    'figure',
    'figcaption',
  ],
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    // Table columns' alignment, as `rehypeTableAlignment` writes it.
    th: [
      ...(defaultSchema.attributes?.['th'] ?? []),
      ['className', 'align-left', 'align-center', 'align-right'],
    ],
    td: [
      ...(defaultSchema.attributes?.['td'] ?? []),
      ['className', 'align-left', 'align-center', 'align-right'],
    ],
  },
};
