/**
 * The one file that relies on an unstable setting of Pagefind: the number of word positions it
 * writes into one index file. No public option sets it; Pagefind's service reads it from
 * `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` in its environment when it starts (options.rs), so it is
 * set here before the first index is created and restored once the service is closed.
 *
 * What this relies on is pinned: `pagefind` at an exact version in package.json.
 * tests/e2e/pagefind-chunk-size.test.ts indexes the same pages with and without it and fails when
 * Pagefind no longer honours it.
 */
import { close } from 'pagefind';

const SETTING = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * Makes the indexes created from now on write `size` word positions a file; the function returned
 * closes Pagefind's service and puts the environment back as it was.
 */
export function useIndexChunkSize(size: number): () => Promise<void> {
  const before = process.env[SETTING];
  process.env[SETTING] = String(size);
  return async () => {
    await close();
    if (before === undefined) delete process.env[SETTING];
    else process.env[SETTING] = before;
  };
}
