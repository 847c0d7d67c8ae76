import { href } from '../lib/urls.ts';
import { BUNDLE_FILTER, bundleRoute } from '../lib/search-bundles.ts';

/** The parts of Pagefind's browser API this site uses (pagefind.js ships no types). */
export interface PagefindResultData {
  url: string;
  /** The indexed text, as Pagefind extracted it, with the spelling variants and exact forms at its end. */
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

export type FilterCounts = Record<string, Record<string, number>>;

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

const languages = new Map<string, Promise<Pagefind>>();

/**
 * A language's bundles (search-bundles.ts) as one search, loaded on first use only. The newest
 * year's pagefind.js is the language's module, with its own worker and its own WebAssembly, and
 * so its own language's stemmer; the other years are merged into it with `mergeIndex`, which
 * searches them with that module's stemmer and WebAssembly: the right one, as they are all of
 * one language. Each year's bundle is given the filter `BUNDLE_FILTER` with its year, by which a
 * search asks for some years' results alone. The module is opened in its language whatever the
 * page's `lang` says (Pagefind falls back to the bundle's largest language).
 */
export function loadPagefind(language: string, years: readonly string[]): Promise<Pagefind> {
  let bundles = languages.get(language);
  if (!bundles) {
    const [newest, ...older] = years;
    bundles = import(/* @vite-ignore */ href(`${bundleRoute(language, newest!)}pagefind.js`)).then(
      async (module: PagefindModule) => {
        await module.options({ mergeFilter: { [BUNDLE_FILTER]: newest! } });
        await module.init();
        await Promise.all(
          older.map((year) =>
            module.mergeIndex(href(bundleRoute(language, year)), {
              mergeFilter: { [BUNDLE_FILTER]: year },
            }),
          ),
        );
        return module;
      },
    );
    bundles.catch(() => languages.delete(language));
    languages.set(language, bundles);
  }
  return bundles;
}
