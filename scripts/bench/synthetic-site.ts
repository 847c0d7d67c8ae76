import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createFixtureSite, removeFixtureSite } from '../../tests/support/site.ts';
import { seedSentences } from './seed-sentences.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';
import { turkishVocabulary } from './vocabulary.ts';

/** Common and rare words, ASCII-typed Turkish, dotless-i words, two-word queries. */
export const QUERIES = ['lavrov', 'anlaşması', 'anlasmasi', 'dışişleri', 'disisleri', 'ılık', 'ilik', 'bakanı putin', 'sona erme', 'stratejik silah'];

/** A copy of the project whose archive is `count` synthetic articles, in a temporary folder. */
export async function syntheticSite(count: number): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await createFixtureSite({});
  await writeSyntheticArchive(join(root, 'content/articles'), {
    count,
    vocabulary: await turkishVocabulary(),
    sentences: await seedSentences(),
  });
  return { root, remove: () => removeFixtureSite(root) };
}

export async function directorySize(path: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}
