/**
 * What the word directory (src/lib/word-directory.ts) weighs at a given archive size, without a
 * build: writes the bench's deterministic archive (synthetic and real Turkish text), takes each
 * article's exact forms from its title, lede and body as the index does (exact-forms.ts), by
 * year as the bundles split them, and prints the shards' count and their sizes as a host sends
 * them (gzipped).
 *
 *   npm run bench:directory -- [--counts 1000,10000,100000]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { exactFormsOf } from '../../src/lib/exact-forms.ts';
import { writeDirectory, type BundleWords } from '../../src/lib/word-directory.ts';
import { corpusLines, sentenceOf } from './corpus-archive.ts';
import { seedSentences } from './seed-sentences.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';
import { turkishVocabulary } from './vocabulary.ts';

const { values } = parseArgs({ options: { counts: { type: 'string', default: '1000,10000' } } });
const material = { vocabulary: await turkishVocabulary(), sentences: await seedSentences() };
const corpus = (await corpusLines()).map(sentenceOf);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

console.log(
  '| articles | text | shards | KiB gzipped: p50 / p95 / largest shard | list of shards KiB gzipped | all shards MiB raw |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const count of values.counts.split(',').map(Number)) {
  for (const text of ['synthetic', 'real'] as const) {
    const folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-directory-'));
    try {
      const files = await writeSyntheticArchive(folder, {
        count,
        ...material,
        corpus: text === 'real' ? corpus : undefined,
      });
      const bundles = new Map<string, { pages: number; forms: Map<string, number> }>();
      for (const file of files) {
        const [, front = '', body = ''] = (await readFile(file, 'utf8')).split(/^---$/m);
        const year = /publishedAt: (\d{4})/.exec(front)![1]!;
        const words = [...front.matchAll(/^(?:title|description): (".*")$/gm)]
          .map(([, quoted]) => JSON.parse(quoted!) as string)
          .join(' ');
        const bundle = bundles.get(`tr/${year}`) ?? { pages: 0, forms: new Map() };
        bundles.set(`tr/${year}`, bundle);
        bundle.pages++;
        for (const form of exactFormsOf(`${words} ${body}`))
          bundle.forms.set(form, (bundle.forms.get(form) ?? 0) + 1);
      }
      const directory = writeDirectory(bundles as Map<string, BundleWords>);
      const sizes = [...directory]
        .filter(([file]) => file !== 'shards.json')
        .map(([, json]) => gzipSync(json).length)
        .sort((a, b) => a - b);
      const raw = [...directory.values()].reduce((total, json) => total + json.length, 0);
      console.log(
        `| ${count} | ${text} | ${sizes.length} | ${kib(percentile(sizes, 50))} / ${kib(percentile(sizes, 95))} / ${kib(sizes.at(-1)!)} | ${kib(gzipSync(directory.get('shards.json')!).length)} | ${(raw / 2 ** 20).toFixed(1)} |`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
