/**
 * What Turkish matching costs at search time: the same built archive searched through this
 * project's folded index and through a plain Pagefind index of the same pages (the Pagefind CLI,
 * run over the built HTML as it is), for a fixed list of queries, cold and warm, in Chromium.
 *
 *   npm run bench:search -- [--count 1000]
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../tests/support/browser.ts';
import { buildSite, createFixtureSite, projectRoot, removeFixtureSite, serveSite } from '../../tests/support/site.ts';
import { toSearchQuery } from '../../src/lib/search-query.ts';
import { RESULTS_PER_PAGE } from '../../src/lib/search-state.ts';
import { seedSentences } from './seed-sentences.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';
import { turkishVocabulary } from './vocabulary.ts';

const run = promisify(execFile);
const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const count = Number(values.count);
/** Common and rare words, ASCII-typed Turkish, dotless-i words, two-word queries. */
const QUERIES = ['lavrov', 'anlaşması', 'anlasmasi', 'dışişleri', 'disisleri', 'ılık', 'ilik', 'bakanı putin', 'sona erme', 'stratejik silah'];

async function directorySize(path: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

const root = await createFixtureSite({});
try {
  await writeSyntheticArchive(join(root, 'content/articles'), {
    count,
    vocabulary: await turkishVocabulary(),
    sentences: await seedSentences(),
  });
  const dist = join(root, 'dist');
  const built = await buildSite(root);
  if (!built.ok) throw new Error(built.output);
  await run(process.execPath, [join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist, '--output-subdir', 'pagefind-plain'], {
    maxBuffer: 64 << 20,
  });
  const sizes = { folded: await directorySize(join(dist, 'pagefind')), plain: await directorySize(join(dist, 'pagefind-plain')) };

  const server = await serveSite(root, dist);
  const browser = await launchBrowser();
  const rows: string[] = [];
  for (const [name, bundle] of [['plain', '/pagefind-plain/pagefind.js'], ['folded', '/pagefind/pagefind.js']] as const) {
    for (const query of QUERIES) {
      const page = await browser.newPage();
      let bytes = 0;
      page.on('response', async (response) => {
        if (new URL(response.url()).pathname.startsWith('/pagefind')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.goto(`${server.url}/ara/`);
      const asked = name === 'folded' ? [...new Set([toSearchQuery(query).typed, toSearchQuery(query).folded])] : [query];
      const timings = await page.evaluate(
        async ({ bundle, asked, loaded }) => {
          type Result = { id: string; data(): Promise<unknown> };
          // As the search page does: every form of the query, results merged, the first page's data loaded.
          const measure = async (pagefind: { search(q: string): Promise<{ results: Result[] }> }) => {
            const start = performance.now();
            const searches = await Promise.all(asked.map((text) => pagefind.search(text)));
            const merged = new Map(searches.flatMap((search) => search.results).map((result) => [result.id, result]));
            await Promise.all([...merged.values()].slice(0, loaded).map((result) => result.data()));
            return { ms: performance.now() - start, results: merged.size };
          };
          const start = performance.now();
          const pagefind = await import(bundle);
          await pagefind.init();
          const cold = await measure(pagefind);
          const warm = await measure(pagefind);
          return { cold: { ...cold, ms: performance.now() - start }, warm };
        },
        { bundle, asked, loaded: RESULTS_PER_PAGE },
      );
      await page.waitForLoadState('networkidle');
      rows.push(
        `| ${name} | ${query} | ${timings.cold.results} | ${(bytes / 1024).toFixed(1)} | ${timings.cold.ms.toFixed(0)} | ${timings.warm.ms.toFixed(1)} |`,
      );
      await page.close();
    }
  }
  await browser.close();
  await server.stop();

  const foldStart = performance.now();
  for (let repeat = 0; repeat < 1000; repeat++) for (const query of QUERIES) toSearchQuery(query);
  const foldMicros = ((performance.now() - foldStart) * 1000) / (1000 * QUERIES.length);

  console.log(`## Search cost at ${count} synthetic articles\n`);
  console.log(`| index | bytes | files |\n| --- | --- | --- |`);
  for (const [name, size] of Object.entries(sizes)) console.log(`| ${name} | ${(size.bytes / 1024).toFixed(0)} KiB | ${size.files} |`);
  console.log(`\nFolding a query: ${foldMicros.toFixed(1)} µs.\n`);
  console.log(`| index | query | results | KiB fetched (cold, incl. ${RESULTS_PER_PAGE} results' data) | ms cold (load + search + data) | ms warm |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
} finally {
  await removeFixtureSite(root);
}
