import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface SearchPageTiming {
  query: string;
  results: number;
  /**
   * Everything the search page fetched from the index's folder, from opening the page to the
   * first results on screen, as a host sends it (`sentSize`).
   */
  coldBytes: number;
  /** The same bytes by kind: Pagefind's runtime (scripts, WebAssembly), its metadata, filters, index chunks, result fragments. */
  coldBytesByKind: Record<string, number>;
  /** How many files those were: one index chunk a query word from each year's bundle, and each bundle's metadata. */
  coldRequests: number;
  /** From submitting the query to its results rendered, on a newly opened page. */
  coldMs: number;
  /** The same search submitted again on that page. */
  warmMs: number;
}

/** A response's size as a host sends it: gzipped where that makes it smaller (scripts; Pagefind's index files are gzipped already). */
export function sentSize(body: Buffer): number {
  return Math.min(body.length, gzipSync(body).length);
}

function kindOf(path: string): string {
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_filter')) return 'filters';
  if (path.endsWith('.pf_meta') || path.endsWith('.json')) return 'metadata';
  return 'runtime';
}

/**
 * Uses the search page as a reader does, one query per newly opened page: submits the query in
 * the search box and waits for the results list to be rendered (its `aria-busy` back to false),
 * then submits it again for the warm time.
 */
export async function timeSearchPage(
  browser: Browser,
  site: string,
  queries: readonly string[],
): Promise<SearchPageTiming[]> {
  const timings: SearchPageTiming[] = [];
  for (const query of queries) {
    const page = await browser.newPage();
    const coldBytesByKind: Record<string, number> = {};
    let coldRequests = 0;
    let counting = true;
    const counted: Promise<void>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!counting || !path.startsWith('/pagefind/')) return;
      coldRequests++;
      counted.push(
        response.body().then(
          (body) => {
            const kind = kindOf(path);
            coldBytesByKind[kind] = (coldBytesByKind[kind] ?? 0) + sentSize(body);
          },
          () => {},
        ),
      );
    });
    await page.goto(`${site}/ara/`, { waitUntil: 'networkidle' });
    const submit = async () => {
      const { status, ms } = await submitSearch(page, query);
      return { ms, results: Number(/(\d+) sonuç/.exec(status)?.[1] ?? 0) };
    };
    const cold = await submit();
    counting = false;
    await Promise.all(counted);
    const warm = await submit();
    await page.close();
    const coldBytes = Object.values(coldBytesByKind).reduce((total, bytes) => total + bytes, 0);
    timings.push({
      query,
      results: cold.results,
      coldBytes,
      coldBytesByKind,
      coldRequests,
      coldMs: cold.ms,
      warmMs: warm.ms,
    });
  }
  return timings;
}

/**
 * Submits a query in the search page's own box, as a reader does, and waits until the results list
 * is rendered (`aria-busy` back to false): the addresses of the first page of results, the status
 * line, and the milliseconds from submitting.
 */
export function submitSearch(
  page: Page,
  query: string,
): Promise<{ paths: string[]; status: string; ms: number }> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#site-search')!;
    const list = document.querySelector<HTMLElement>('#search-results')!;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (list.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        resolve();
      });
      observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
      input.value = text;
      input.form!.requestSubmit();
    });
    const paths = [...list.querySelectorAll<HTMLAnchorElement>('.search-result h2 a')].map(
      (link) => new URL(link.href).pathname,
    );
    return {
      paths,
      status: document.querySelector('#search-status')?.textContent ?? '',
      ms: performance.now() - start,
    };
  }, query);
}
