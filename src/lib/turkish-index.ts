import { Parser } from 'htmlparser2';
import { foldTurkish } from './turkish.ts';
import { EXACT_FORM_AS_INDEXED, exactFormsOf } from './exact-forms.ts';
import {
  DAY_FILTER,
  INTERFACE_LANGUAGE,
  languageFromMeta,
  searchLanguage,
  YEAR_FILTER,
} from './search-bundles.ts';

/**
 * The meta that tells how many words at the end of an indexed record are spelling variants and
 * exact forms, not text; in the record the search page reads (`slimRecord`), the variants themselves.
 */
const VARIANTS_META = 'variants';
/** Variants weigh less than the text, so a page that has a word as typed ranks above one that has it only folded. */
const VARIANT_WEIGHT = '0.5';
/** Exact forms only say whether a page has a word as typed (exact-forms.ts): they add nothing to a score. */
const EXACT_FORM_WEIGHT = '0';
const WORD_CHARACTER = /[\p{L}\p{N}'’]/u;
const EDGE_APOSTROPHES = /^['’]+|['’]+$/g;
/** What separates a record's words, as Pagefind's content is split (`textWordsOf`). */
const SPACE = /\s/;
/** How the paragraph of exact forms opens in a readied page (`exactFormsOfPrepared` reads it back). */
const EXACT_FORMS_OPENING = `<p data-pagefind-weight="${EXACT_FORM_WEIGHT}">`;
/** Elements whose text Pagefind never indexes. */
const UNINDEXED = new Set(['script', 'style', 'template', 'noscript']);
/** Elements that sit inside a line of text: their tags do not end a word (`Iğ<em>dır</em>`), every other tag does. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/**
 * Reads a page's indexed body as Pagefind does: the text of its `data-pagefind-body` element,
 * less what is `data-pagefind-ignore`d. A streaming parse (no tree): at 10,000 pages a tree per
 * page cost more than Pagefind's own indexing.
 */
function indexedBody(html: string):
  | {
      text: string;
      start: number;
      end: number;
      closed: number;
      meta: string | undefined;
      year: string | undefined;
      day: string | undefined;
    }
  | undefined {
  let depth = 0;
  let start = 0;
  let closed = 0;
  let meta: string | undefined;
  let year: string | undefined;
  let day: string | undefined;
  let ignoredFrom = Infinity;
  let text = '';
  let end: number | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (end !== undefined) return;
      if (depth === 0 && !('data-pagefind-body' in attributes)) return;
      if (depth === 0) {
        meta = attributes['data-pagefind-meta'];
        start = parser.startIndex;
      }
      // Pagefind reads filters in ignored parts too (the dateline is one).
      const filter = attributes['data-pagefind-filter'];
      if (filter?.startsWith(`${YEAR_FILTER}:`)) year = filter.slice(YEAR_FILTER.length + 1);
      if (filter?.startsWith(`${DAY_FILTER}:`)) day = filter.slice(DAY_FILTER.length + 1);
      depth++;
      if (depth < ignoredFrom && ('data-pagefind-ignore' in attributes || UNINDEXED.has(name)))
        ignoredFrom = depth;
    },
    ontext(chunk) {
      if (depth > 0 && depth < ignoredFrom) text += chunk;
    },
    onclosetag(name) {
      if (depth === 0 || end !== undefined) return;
      if (depth === ignoredFrom) ignoredFrom = Infinity;
      if (!INLINE.has(name)) text += ' ';
      if (--depth === 0) {
        end = parser.startIndex;
        closed = parser.endIndex + 1;
      }
    },
  });
  parser.end(html);
  return end === undefined ? undefined : { text, start, end, closed, meta, year, day };
}

/**
 * The distinct words of `text` that contain `ı` (`Iğdır'da`, apostrophe and suffix kept, as
 * Pagefind keeps them). Found by looking around each `ı` rather than matching every word: most
 * words have none, and a word pattern over all of them cost more than parsing the page.
 */
function wordsWithDotlessI(text: string): Set<string> {
  const words = new Set<string>();
  for (let at = text.indexOf('ı'); at !== -1;) {
    let start = at;
    let end = at + 1;
    while (start > 0 && WORD_CHARACTER.test(text[start - 1]!)) start--;
    while (end < text.length && WORD_CHARACTER.test(text[end]!)) end++;
    words.add(text.slice(start, end).replace(EDGE_APOSTROPHES, ''));
    at = text.indexOf('ı', end);
  }
  return words;
}

/** A built page readied for Pagefind, and the bundle it goes into (search-bundles.ts): its body's `language` meta, `year` filter and `day` filter. */
export interface PreparedPage {
  html: string;
  language: string;
  /** Undefined for a page without one, which no year's search could find. */
  year: string | undefined;
  /** Undefined for a page without one, which no part of a split year could hold. */
  day: string | undefined;
}

/**
 * Readies a built page for Pagefind so that it matches Turkish the way readers type.
 *
 * Pagefind lowercases and strips accents (`Ş` → `s`, `İ` → `i`), but `ı` has no accent to strip,
 * so `Dışişleri` never meets `disisleri` and `Iğdır` never meets `ığdır`. Folding the page's own
 * text would fix that but break Pagefind's Turkish stemmer, whose suffix rules follow vowel
 * harmony (`bakanı` → `bakan`, while a folded `bakani` is left as it is). So the text is indexed
 * as written, and every word with an `ı` is added once more, folded (`disisleri`), at the end of the
 * record and at a lower weight; the query is asked both as typed and folded (`toSearchQuery`).
 * After them come the page's exact forms (exact-forms.ts), at weight 0. The exact forms are for the
 * index alone: the fragment a result loads keeps the text and the variants (`slimRecord`).
 * The page people read is not changed: this returns the copy to give Pagefind.
 *
 * Returns `undefined` when the page has no `data-pagefind-body`.
 */
export function prepareForTurkishIndex(html: string): PreparedPage | undefined {
  // Most built pages (lists, feeds) have no indexed body: they are not parsed at all.
  if (!html.includes('data-pagefind-body')) return undefined;
  const body = indexedBody(html);
  if (!body) return undefined;
  const variants = new Set(Array.from(wordsWithDotlessI(body.text), (word) => foldTurkish(word)));
  const language = languageFromMeta(body.meta) ?? INTERFACE_LANGUAGE;
  const exact = exactFormsOf(body.text, searchLanguage(language) === INTERFACE_LANGUAGE);
  // Folded words and exact forms are letters, digits and apostrophes only: nothing in them needs escaping.
  const lists =
    `<p data-pagefind-weight="${VARIANT_WEIGHT}" data-pagefind-meta="${VARIANTS_META}:${variants.size + exact.size}">${[...variants].join(' ')}</p>` +
    `${EXACT_FORMS_OPENING}${[...exact].join(' ')}</p>`;
  return {
    // The indexed body alone: it holds all Pagefind takes of an article page (text, meta, filters),
    // and the rest (neighbours, related articles) changes with other articles, which would make
    // an unchanged article's year look changed (src/integrations/pagefind.ts).
    html: `<!DOCTYPE html><html><body>${html.slice(body.start, body.end)}${lists}${html.slice(body.end, body.closed)}</body></html>`,
    language,
    year: body.year,
    day: body.day,
  };
}

/** The exact forms a page readied by `prepareForTurkishIndex` carries, as it wrote them: what the word directory (word-directory.ts) counts. */
export function exactFormsOfPrepared(html: string): string[] {
  const start = html.lastIndexOf(EXACT_FORMS_OPENING);
  if (start < 0) return [];
  const from = start + EXACT_FORMS_OPENING.length;
  return html.slice(from, html.indexOf('</p>', from)).split(' ').filter(Boolean);
}

/**
 * A record as the search page reads it, made from the record Pagefind wrote of a readied page
 * (its `content`, the words in the order they were indexed, and its `meta`): the text alone, and in
 * the `variants` meta the spelling variants that follow it in the index, space-separated. The exact
 * forms that close the record are left out: only the index needs them, and they were half a
 * result's bytes. A search's matched positions still index the words of the text followed by the
 * variants (`indexedWords`); a position past them is an exact form's, which no reader of the
 * record takes as a word (`judgeMatches` in src/browser/archive-search.ts drops words of their
 * shape, so a variant of that shape at the list's end goes too). The text is cut out of `content`
 * as written, separators and all. Throws on a record without its count, or with fewer words than it
 * says (not a record of a readied page).
 */
export function slimRecord(
  content: string,
  meta: Record<string, string>,
): { content: string; meta: Record<string, string> } {
  const listed = Number(meta[VARIANTS_META]);
  // The lists are read from the end, word by word, rather than splitting the whole record: they are a fraction of its words, and the build slims every fragment.
  const lists: string[] = [];
  let at = content.length;
  while (Number.isInteger(listed) && lists.length < listed) {
    while (at > 0 && SPACE.test(content[at - 1]!)) at--;
    if (at === 0) break;
    const end = at;
    while (at > 0 && !SPACE.test(content[at - 1]!)) at--;
    lists.push(content.slice(at, end));
  }
  lists.reverse();
  if (!Number.isInteger(listed) || listed < 0 || lists.length < listed)
    throw new Error(
      `the record has ${textWordsOf(content).length} words and "${VARIANTS_META}: ${meta[VARIANTS_META]}", not the count of the words listed after its text`,
    );
  while (at > 0 && SPACE.test(content[at - 1]!)) at--;
  let variants = lists.length;
  while (variants > 0 && EXACT_FORM_AS_INDEXED.test(lists[variants - 1]!)) variants--;
  return {
    content: content.slice(0, at),
    meta: { ...meta, [VARIANTS_META]: lists.slice(0, variants).join(' ') },
  };
}

/**
 * The words of a record read from its slim form (`slimRecord`) as the index holds them: the text's,
 * then the spelling variants', so that a position a search matched names its word (none for an
 * exact form's).
 */
export function indexedWords(content: string, meta: Partial<Record<string, string>>): string[] {
  return [...textWordsOf(content), ...textWordsOf(meta[VARIANTS_META] ?? '')];
}

/** The words of a slim record's text (`slimRecord`), as Pagefind counts them. */
export function textWordsOf(content: string): string[] {
  return content.split(/\s+/).filter(Boolean);
}
