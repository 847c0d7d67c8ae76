import { href } from '../lib/urls.ts';
import { bundleRoute } from '../lib/search-languages.ts';

/** The parts of Pagefind's browser API this site uses (pagefind.js ships no types). */
export interface PagefindResultData {
  url: string;
  /** The indexed text, as Pagefind extracted it, with the spelling variants and exact forms at its end. */
  content: string;
  excerpt: string;
  /** Positions, in `content`'s words, of the words this search matched. */
  locations: number[];
  meta: Partial<Record<'title' | 'date' | 'published' | 'source' | 'variants' | 'language', string>>;
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

const bundles = new Map<string, Promise<Pagefind>>();

/**
 * A language's bundle (search-languages.ts), loaded on first use only. Each bundle's pagefind.js
 * is its own module, with its own worker and its own WebAssembly, and so its own language's
 * stemmer: Pagefind's `mergeIndex` would search every index with the first one's stemmer. A
 * bundle holding one language is opened in that language whatever the page's `lang` says
 * (Pagefind falls back to the bundle's largest language).
 */
export function loadPagefind(language: string): Promise<Pagefind> {
  let bundle = bundles.get(language);
  if (!bundle) {
    bundle = import(/* @vite-ignore */ href(`${bundleRoute(language)}pagefind.js`)).then(async (module: Pagefind & { init(): Promise<void> }) => {
      await module.init();
      return module;
    });
    bundle.catch(() => bundles.delete(language));
    bundles.set(language, bundle);
  }
  return bundle;
}
