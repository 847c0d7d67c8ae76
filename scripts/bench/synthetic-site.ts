import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createFixtureSite, removeFixtureSite } from '../../tests/support/site.ts';
import { corpusLines, sentenceOf } from './corpus-archive.ts';
import { seedSentences } from './seed-sentences.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';
import { turkishVocabulary } from './vocabulary.ts';

/** Common and rare words, ASCII-typed Turkish, dotless-i words, two-word queries. */
export const QUERIES = ['lavrov', 'anlaşması', 'anlasmasi', 'dışişleri', 'disisleri', 'ılık', 'ilik', 'bakanı putin', 'sona erme', 'stratejik silah'];

/** What the benchmark's articles are written in: drawn Turkish words, or real Turkish news sentences (`nlptoolkit-corpus`). */
export type ArchiveText = 'synthetic' | 'real';

/** What `writeSyntheticArchive` is given to write articles in `text`. */
export async function archiveMaterial(text: ArchiveText) {
  return {
    vocabulary: await turkishVocabulary(),
    sentences: await seedSentences(),
    corpus: text === 'real' ? (await corpusLines()).map(sentenceOf) : undefined,
  };
}

/** A copy of the project whose archive is `count` articles written in `text`, in a temporary folder. */
export async function syntheticSite(count: number, text: ArchiveText = 'synthetic'): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await createFixtureSite({});
  await writeSyntheticArchive(join(root, 'content/articles'), { count, ...(await archiveMaterial(text)) });
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
