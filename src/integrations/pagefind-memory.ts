/**
 * The one file that tunes how Pagefind's service holds memory. Its binary (1.6.0, pinned) allocates
 * with jemalloc, built with the `_rjem_` prefix, which reads its settings from `_RJEM_MALLOC_CONF`
 * in the environment when the service starts. By default jemalloc hands freed pages back to the
 * system within seconds, and building a bundle's index frees and allocates so much that faulting
 * those pages in again was much of Pagefind's CPU (BENCHMARKS.md). Kept instead, they are used
 * again by the next allocation: what Pagefind holds stays bounded by the largest bundle's peak,
 * and what it writes is the same to the byte.
 *
 * tests/e2e/pagefind-memory.test.ts indexes the same pages with and without it and fails when
 * Pagefind's service no longer honours it.
 */
const SETTING = '_RJEM_MALLOC_CONF';
const KEEP_FREED_PAGES = 'dirty_decay_ms:-1,muzzy_decay_ms:-1';

/**
 * Makes the Pagefind service started from now on keep the pages it frees; the function returned
 * puts the environment back as it was (call it once the service is closed).
 */
export function keepPagefindMemory(): () => void {
  const before = process.env[SETTING];
  process.env[SETTING] = KEEP_FREED_PAGES;
  return () => {
    if (before === undefined) delete process.env[SETTING];
    else process.env[SETTING] = before;
  };
}
