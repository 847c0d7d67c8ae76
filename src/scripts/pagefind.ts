import { href } from '../lib/urls.ts';
/** The parts of Pagefind's browser API this site uses (pagefind.js ships no types). */
export interface PagefindResultData {
  url: string;
  /** The indexed text, as Pagefind extracted it, with the spelling variants at its end. */
  content: string;
  excerpt: string;
  /** Positions, in `content`'s words, of the words this search matched. */
  locations: number[];
  meta: Partial<Record<'title' | 'date' | 'published' | 'source' | 'variants', string>>;
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
}

export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  search(query: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
}

/** The index is written by the build at `/pagefind/` under the base; it is loaded on first use only. */
const PAGEFIND_URL = href('/pagefind/pagefind.js');

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
