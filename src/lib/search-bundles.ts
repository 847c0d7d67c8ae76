/**
 * The archive's search index as the build writes it and the search page reads it: one Pagefind
 * bundle for each language and year of publication, `/pagefind/{language}/{year}/`.
 *
 * - A language: Pagefind stems a page by its language and builds its search code (WebAssembly)
 *   with one language's stemmer, so each language gets bundles of its own, searched with its own
 *   module (src/browser/pagefind.ts).
 * - A year: Pagefind has no incremental indexing (Pagefind#71) and holds a whole index in memory
 *   while it writes it. One bundle a year means a new or corrected article re-indexes its year only
 *   (the others are reused from the last build: src/integrations/pagefind.ts), and the memory an
 *   index takes grows with a year's articles, not the archive's. The search page merges a
 *   language's years into one search with Pagefind's `mergeIndex` (one WebAssembly for all), and
 *   tells them apart by a filter it gives each (`BUNDLE_FILTER`, src/browser/archive-search.ts).
 */

/** The interface's language: its bundles are searched first. */
export const INTERFACE_LANGUAGE = 'tr';

/** The Pagefind meta, set on each article's indexed body, that names the article's language (`language:en-GB`). */
export const LANGUAGE_META = 'language';

/** The Pagefind filter that holds an article's year of publication (`publicationYear`), and so names its bundle. */
export const YEAR_FILTER = 'year';

/** The Pagefind filter that holds an article's day of publication, by which a search is narrowed to a period (date-range.ts). */
export const DAY_FILTER = 'day';

/**
 * The filter the search page gives each year's bundle as it merges it (Pagefind's `mergeFilter`),
 * valued with the year: a search narrowed by it is answered by that bundle alone, from what it has
 * loaded already, where narrowing by `year` would fetch every bundle's year filter first.
 */
export const BUNDLE_FILTER = 'bundle';

/**
 * The words of a year's index Pagefind puts in one file: a tenth of its default (20,000 word
 * positions), since a query fetches one such file from every year's bundle. With ten years, a
 * word costs the bytes it would cost in one index of the whole archive (BENCHMARKS.md).
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * The language of the bundles an article of language `tag` goes into: its primary subtag, as
 * Pagefind picks a stemmer by it (`en-GB` and `en` are stemmed alike).
 */
export function searchLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The route of a language's bundle for one year, to be put under the base with `href`. */
export function bundleRoute(language: string, year: string): string {
  return `/pagefind/${language}/${year}/`;
}

/** Reads the article's language back from its indexed body's `data-pagefind-meta` (`title, language:en`). */
export function languageFromMeta(meta: string | undefined): string | undefined {
  return meta
    ?.split(',')
    .map((entry) => entry.trim())
    .find((entry) => entry.startsWith(`${LANGUAGE_META}:`))
    ?.slice(LANGUAGE_META.length + 1);
}

/** Languages in the order search lists them: the interface's first, then by code. */
export function orderLanguages(languages: Iterable<string>): string[] {
  return [...languages].sort(
    (a, b) =>
      Number(b === INTERFACE_LANGUAGE) - Number(a === INTERFACE_LANGUAGE) || a.localeCompare(b),
  );
}

/** Each language's years, newest first, as the search page is given them: `{ tr: ['2025', '2024'] }`. */
export type BundleYears = Record<string, string[]>;
