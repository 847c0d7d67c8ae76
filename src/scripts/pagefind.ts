/** The parts of Pagefind's browser API this site uses (pagefind.js ships no types). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  word_count: number;
  locations: number[];
  meta: Partial<Record<'title' | 'date' | 'published' | 'source' | 'text', string>>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter, how many of these results carry each value. */
  filters: FilterCounts;
  unfilteredResultCount: number;
}

export interface Pagefind {
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
}

/** The index is written by the build at `/pagefind/`; it is loaded on first use only. */
const PAGEFIND_URL = '/pagefind/pagefind.js';

let pagefind: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (module: Pagefind & { init(): Promise<void> }) => {
    await module.init();
    return module;
  });
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}
