import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createFixtureSite, enterInLedger, removeFixtureSite } from '../../tests/support/site.ts';
import { corpusLines, sentenceOf } from './corpus-archive.ts';
import { seedSentences } from './seed-sentences.ts';
import { writeSyntheticArchive, type SyntheticOptions } from './synthetic-archive.ts';
import { turkishVocabulary } from './vocabulary.ts';

/** Common and rare words, ASCII-typed Turkish, dotless-i words, two-word queries. */
export const QUERIES = [
  'lavrov',
  'anlaşması',
  'anlasmasi',
  'dışişleri',
  'disisleri',
  'ılık',
  'ilik',
  'bakanı putin',
  'sona erme',
  'stratejik silah',
];

/** What the benchmark's articles are written in: drawn Turkish words, or real Turkish news sentences (`nlptoolkit-corpus`). */
export type ArchiveText = 'synthetic' | 'real';

/** What `writeSyntheticArchive` is given to write articles in `text`. */
export type ArchiveMaterial = Pick<
  SyntheticOptions,
  'vocabulary' | 'sentences' | 'corpus' | 'years'
>;

async function archiveMaterial(text: ArchiveText, years?: number): Promise<ArchiveMaterial> {
  return {
    years,
    vocabulary: await turkishVocabulary(),
    sentences: await seedSentences(),
    corpus: text === 'real' ? (await corpusLines()).map(sentenceOf) : undefined,
  };
}

/**
 * A copy of the project whose archive is `count` articles written in `text` over `years` (else
 * the bench's eleven), in a temporary folder, with the material they were written from, to write
 * more like them.
 */
export async function syntheticSite(
  count: number,
  text: ArchiveText = 'synthetic',
  years?: number,
): Promise<{ root: string; material: ArchiveMaterial; remove(): Promise<void> }> {
  const root = await createFixtureSite({});
  const material = await archiveMaterial(text, years);
  await writeSyntheticArchive(join(root, 'content/articles'), { count, ...material });
  // The build refuses articles the ledger does not hold.
  await enterInLedger(root);
  return { root, material, remove: () => removeFixtureSite(root) };
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
