import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useIndexChunkSize } from '../../src/integrations/pagefind-chunk-size.ts';

/**
 * The unstable setting the build relies on (src/integrations/pagefind-chunk-size.ts), tried on
 * Pagefind itself: the same pages indexed with Pagefind's default and with small index files.
 * Fails when an upgrade of Pagefind stops honouring it.
 */
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-chunks-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** 40 pages of 50 distinct words each: 2,000 word positions. */
const PAGES = Array.from({ length: 40 }, (_, page) =>
  Array.from({ length: 50 }, (_, word) => `sözcük${page}x${word}`).join(' '),
);

async function indexFiles(into: string): Promise<string[]> {
  const { index } = await createIndex({});
  if (!index) throw new Error('Pagefind did not create an index');
  for (const [number, content] of PAGES.entries())
    await index.addCustomRecord({ url: `/${number}/`, content, language: 'tr' });
  await index.writeFiles({ outputPath: join(folder, into) });
  return (await readdir(join(folder, into, 'index'))).filter((file) => file.endsWith('.pf_index'));
}

test('Pagefind writes an index file a chunk of the size set, one file by default', async () => {
  const byDefault = await indexFiles('default');
  await close();
  const closeIndexing = useIndexChunkSize(200);
  let small: string[];
  try {
    small = await indexFiles('small');
  } finally {
    await closeIndexing();
  }
  expect(byDefault).toHaveLength(1);
  expect(small.length).toBeGreaterThanOrEqual(8);
  expect(process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE']).toBeUndefined();
});
