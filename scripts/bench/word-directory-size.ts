/**
 * What the word directory (src/lib/word-directory.ts) weighs at a given archive size, without a
 * build: writes the bench's deterministic archive (synthetic and real Turkish text), takes each
 * article's exact forms from its title, lede and body as the index does (exact-forms.ts), by
 * year as the bundles split them, and prints the shards' count and their sizes as a host sends
 * them (gzipped); then the parts of the page sets likewise, and what the bench's queries of two
 * words fetch of them.
 *
 *   npm run bench:directory -- [--counts 1000,10000,100000]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { exactFormsOf } from '../../src/lib/exact-forms.ts';
import {
  answeringBundles,
  partFile,
  partsOf,
  shardFile,
  shardOf,
  writeDirectory,
  type BundleWords,
} from '../../src/lib/word-directory.ts';
import { QUERIES } from './synthetic-site.ts';
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

const rows: string[] = [];
const queryRows: string[] = [];
for (const count of values.counts.split(',').map(Number)) {
  for (const text of ['synthetic', 'real'] as const) {
    const folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-directory-'));
    try {
      const files = await writeSyntheticArchive(folder, {
        count,
        ...material,
        corpus: text === 'real' ? corpus : undefined,
      });
      const bundles = new Map<string, { pages: number; forms: Map<string, number[]> }>();
      for (const file of files) {
        const [, front = '', body = ''] = (await readFile(file, 'utf8')).split(/^---$/m);
        const year = /publishedAt: (\d{4})/.exec(front)![1]!;
        const words = [...front.matchAll(/^(?:title|description): (".*")$/gm)]
          .map(([, quoted]) => JSON.parse(quoted!) as string)
          .join(' ');
        const bundle = bundles.get(`tr/${year}`) ?? { pages: 0, forms: new Map() };
        bundles.set(`tr/${year}`, bundle);
        // Ordinals in the order the files came, where the build sorts by path: the sizes are alike.
        const ordinal = bundle.pages++;
        for (const form of exactFormsOf(`${words} ${body}`)) {
          const pages = bundle.forms.get(form);
          if (pages) pages.push(ordinal);
          else bundle.forms.set(form, [ordinal]);
        }
      }
      const directory = writeDirectory(bundles as Map<string, BundleWords>);
      const gzipped = (keep: (file: string) => boolean) =>
        [...directory]
          .filter(([file]) => keep(file))
          .map(([, json]) => gzipSync(json).length)
          .sort((a, b) => a - b);
      const raw = (keep: (file: string) => boolean) =>
        [...directory]
          .filter(([file]) => keep(file))
          .reduce((total, [, json]) => total + json.length, 0);
      const isPart = (file: string) => file.endsWith('.pages.json');
      const isShard = (file: string) => file !== 'shards.json' && !isPart(file);
      const sizes = (keep: (file: string) => boolean) => {
        const sorted = gzipped(keep);
        return `${sorted.length} | ${kib(percentile(sorted, 50))} / ${kib(percentile(sorted, 95))} / ${kib(sorted.at(-1)!)} | ${(raw(keep) / 2 ** 20).toFixed(1)} | ${(sorted.reduce((total, size) => total + size, 0) / 2 ** 20).toFixed(2)}`;
      };
      rows.push(
        `| ${count} | ${text} | shards | ${sizes(isShard)} |`,
        `| ${count} | ${text} | parts of the page sets | ${sizes(isPart)} |`,
      );
      const periods = { tr: [...bundles.keys()].map((bundle) => bundle.slice(3)) };
      for (const query of QUERIES.filter((query) => query.includes(' '))) {
        const words = query.split(' ');
        const shards = words.map((word) => {
          const json = directory.get(shardFile(shardOf(word)));
          return json === undefined ? undefined : JSON.parse(json);
        });
        const answering = answeringBundles(words, shards, periods);
        if (answering.kind !== 'bundles') continue;
        const parts = partsOf(answering.words);
        const bytes = parts.reduce(
          (total, part) => total + gzipSync(directory.get(partFile(part))!).length,
          0,
        );
        queryRows.push(`| ${count} | ${text} | ${query} | ${parts.join(', ')} | ${kib(bytes)} |`);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
console.log(
  '| articles | text | files | count | KiB gzipped: p50 / p95 / largest | all MiB raw | all MiB gzipped |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('\n| articles | text | query | parts fetched | KiB gzipped |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of queryRows) console.log(row);
