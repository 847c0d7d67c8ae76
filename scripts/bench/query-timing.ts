import type { Browser } from 'playwright-core';
import { RESULTS_PER_PAGE } from '../../src/lib/search-state.ts';
import { sentSize } from './search-page-timing.ts';

export interface QueryTiming {
  query: string;
  results: number;
  /**
   * Bytes fetched from the index's folder, from loading Pagefind to the first page of results'
   * data, as a host sends them (`sentSize`).
   */
  coldBytes: number;
  coldMs: number;
  warmMs: number;
}

/**
 * Runs each query in a new page through one Pagefind bundle's own API, as plain Pagefind is asked
 * (the query as typed, the first page of results' data loaded): cold, with Pagefind loaded for
 * it, then warm, again.
 */
export async function timeQueries(
  browser: Browser,
  site: string,
  bundle: string,
  queries: readonly string[],
): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  const folder = bundle.slice(0, bundle.lastIndexOf('/') + 1);
  for (const query of queries) {
    const page = await browser.newPage();
    let coldBytes = 0;
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith(folder)) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      coldBytes += sentSize(body);
    });
    await page.goto(`${site}/ara/`);
    const asked = [query];
    const result = await page.evaluate(
      async ({ bundle, asked, loaded }) => {
        type Result = { id: string; data(): Promise<unknown> };
        const measure = async (pagefind: { search(q: string): Promise<{ results: Result[] }> }) => {
          const start = performance.now();
          const searches = await Promise.all(asked.map((text) => pagefind.search(text)));
          const merged = new Map(
            searches.flatMap((search) => search.results).map((found) => [found.id, found]),
          );
          await Promise.all([...merged.values()].slice(0, loaded).map((found) => found.data()));
          return { ms: performance.now() - start, results: merged.size };
        };
        const start = performance.now();
        const pagefind = await import(bundle);
        await pagefind.init();
        const cold = await measure(pagefind);
        const coldMs = performance.now() - start;
        const warm = await measure(pagefind);
        return { results: cold.results, coldMs, warmMs: warm.ms };
      },
      { bundle, asked, loaded: RESULTS_PER_PAGE },
    );
    await page.waitForLoadState('networkidle');
    timings.push({ query, coldBytes, ...result });
    await page.close();
  }
  return timings;
}
