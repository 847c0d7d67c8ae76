import { href } from '../lib/urls.ts';
import { BUNDLE_FILTER, bundleRoute } from '../lib/search-bundles.ts';
import type { FilterCounts } from '../lib/search-ranking.ts';

/** The parts of Pagefind's browser API this site uses (pagefind.js ships no types). */
export interface PagefindResultData {
  url: string;
  /** The indexed text, as Pagefind extracted it (the spelling variants that follow it in the index are in `meta.variants`: turkish-index.ts, `slimRecord`). */
  content: string;
  excerpt: string;
  /** Positions, in `content`'s words, of the words this search matched. */
  locations: number[];
  meta: Partial<
    Record<'title' | 'date' | 'published' | 'source' | 'variants' | 'language', string>
  >;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions, in the record's words, of the words this search matched (before loading its data). */
  words: number[];
  data(): Promise<PagefindResultData>;
}

export type { FilterCounts };

export interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter, how many of these results carry each value. */
  filters: FilterCounts;
}

export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  search(query: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
}

interface IndexOptions {
  mergeFilter?: Record<string, string>;
}

interface PagefindModule extends Pagefind {
  options(options: IndexOptions): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options: IndexOptions): Promise<void>;
}

interface LanguageSearch {
  /** The module, once its first bundle is loaded. */
  module: Promise<PagefindModule>;
  /** The bundles loaded, or being loaded, by their periods (`2025`, `2025-q4`). */
  years: Set<string>;
  /** The last merge asked for: the next waits for it, so that no bundle is merged twice. */
  merged: Promise<void>;
}

const languages = new Map<string, LanguageSearch>();

/**
 * A language's bundles (search-bundles.ts: a year, or part of a large one) as one search, each
 * loaded when a query first needs it (the word directory says which: word-directory.ts). The
 * first bundle asked for gives the language's module, with its own worker and its own
 * WebAssembly, and so its own language's stemmer; later bundles are merged into it with
 * `mergeIndex`, which searches them with that module's stemmer and WebAssembly: the right one, as
 * they are all of one language. Each bundle is given the filter `BUNDLE_FILTER` with its period,
 * by which a search asks for some bundles' results alone. The module is opened in its language whatever the page's `lang` says (Pagefind
 * falls back to the bundle's largest language).
 */
export async function loadPagefind(language: string, years: readonly string[]): Promise<Pagefind> {
  let search = languages.get(language);
  if (!search) {
    const first = years[0]!;
    const module = import(
      /* @vite-ignore */ href(`${bundleRoute(language, first)}pagefind.js`)
    ).then(async (loaded: PagefindModule) => {
      await loaded.options({ mergeFilter: { [BUNDLE_FILTER]: first } });
      await loaded.init();
      return loaded;
    });
    search = { module, years: new Set([first]), merged: module.then(() => undefined) };
    languages.set(language, search);
    const started = search;
    module.catch(() => {
      if (languages.get(language) === started) languages.delete(language);
    });
  }
  const module = await search.module;
  const missing = years.filter((year) => !search.years.has(year));
  for (const year of missing) search.years.add(year);
  if (missing.length > 0) {
    search.merged = search.merged.then(() =>
      Promise.all(
        missing.map((year) =>
          module.mergeIndex(href(bundleRoute(language, year)), {
            mergeFilter: { [BUNDLE_FILTER]: year },
          }),
        ),
      ).then(() => undefined),
    );
  }
  await search.merged;
  return module;
}
