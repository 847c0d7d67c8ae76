import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { wordCount } from '../lib/provenance.ts';
import { renderArticleMarkdown } from '../markdown/index.ts';
import { bodyOfText } from './front-matter.ts';

/** The project's folder, which entries' `filePath`s are relative to (set in astro.config.mjs). */
declare const __ARCHIVE_ROOT__: string;

type Entry = CollectionEntry<'articles'>;

let lastBody: { entry: Entry; body: string } | undefined;

/**
 * An entry's Markdown body, read from its file as Astro's glob loader reads it. The content store
 * keeps front matter only (`retainBody: false`, src/content.config.ts): with the bodies it grows by
 * 15 MB a thousand articles, and Astro writes it as one string, which breaks near 35,000
 * (withastro/astro#13360). The last one is kept, as a page asks for its body more than once.
 */
export function bodyOf(entry: Entry): string {
  if (lastBody?.entry !== entry) {
    const text = readFileSync(join(__ARCHIVE_ROOT__, entry.filePath!), 'utf8');
    lastBody = { entry, body: bodyOfText(text) };
  }
  return lastBody.body;
}

/** An article body as the archive's Markdown pipeline renders it, with its length in words. */
export type ArticleText = ReturnType<typeof renderArticleMarkdown> & { readonly words: number };

let lastRendered: { entry: Entry; text: ArticleText } | undefined;

/**
 * An article body as HTML, its headings and its words, rendered from its Markdown when a page
 * needs it: the content store holds no HTML (src/content.config.ts). The last one is kept, as the
 * page that shows a body also counts its words; keeping more would hold the whole archive's HTML in memory.
 */
export function articleText(entry: Entry): ArticleText {
  if (lastRendered?.entry !== entry) {
    const rendered = renderArticleMarkdown(bodyOf(entry), join(__ARCHIVE_ROOT__, entry.filePath!));
    lastRendered = { entry, text: { ...rendered, words: wordCount(rendered.text) } };
  }
  return lastRendered.text;
}
