/**
 * What Turkish matching costs at search time: the same built archive searched through this
 * project's search page (every year's bundle, the folded spelling and the exact forms) and through
 * a plain Pagefind index of the same pages (the Pagefind CLI, run over the built HTML as it is),
 * for a fixed list of queries, cold and warm, in Chromium.
 *
 *   npm run bench:search -- [--count 1000]
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { launchBrowser } from '../../tests/support/browser.ts';
import { buildSite, projectRoot, serveSite } from '../../tests/support/site.ts';
import { toSearchQuery } from '../../src/lib/search-query.ts';
import { RESULTS_PER_PAGE } from '../../src/lib/search-state.ts';
import { directorySize, QUERIES, syntheticSite } from './synthetic-site.ts';
import { timeQueries } from './query-timing.ts';
import { timeSearchPage } from './search-page-timing.ts';

const run = promisify(execFile);
const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const count = Number(values.count);

const site = await syntheticSite(count);
try {
  const dist = join(site.root, 'dist');
  const built = await buildSite(site.root);
  if (!built.ok) throw new Error(built.output);
  await run(
    process.execPath,
    [
      join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'),
      '--site',
      dist,
      '--output-subdir',
      'pagefind-plain',
    ],
    {
      maxBuffer: 64 << 20,
    },
  );
  const sizes = {
    archive: await directorySize(join(dist, 'pagefind')),
    plain: await directorySize(join(dist, 'pagefind-plain')),
  };
  const server = await serveSite(site.root, dist);
  const browser = await launchBrowser();
  const plain = await timeQueries(browser, server.url, '/pagefind-plain/pagefind.js', QUERIES);
  const archive = await timeSearchPage(browser, server.url, QUERIES);
  await browser.close();
  await server.stop();

  const foldStart = performance.now();
  for (let repeat = 0; repeat < 1000; repeat++) for (const query of QUERIES) toSearchQuery(query);
  const foldMicros = ((performance.now() - foldStart) * 1000) / (1000 * QUERIES.length);

  console.log(`## Search cost at ${count} synthetic articles\n`);
  console.log(`| index | bytes | files |\n| --- | --- | --- |`);
  for (const [name, size] of Object.entries(sizes))
    console.log(`| ${name} | ${(size.bytes / 1024).toFixed(0)} KiB | ${size.files} |`);
  console.log(`\nFolding a query: ${foldMicros.toFixed(1)} µs.\n`);
  console.log(
    `| index | query | results | KiB fetched (cold, incl. ${RESULTS_PER_PAGE} results' data) | ms cold (plain: load + search + data; the archive's page: submit to results shown) | ms warm |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, timings] of [
    ['plain', plain],
    ['archive', archive],
  ] as const) {
    for (const timing of timings) {
      console.log(
        `| ${name} | ${timing.query} | ${timing.results} | ${(timing.coldBytes / 1024).toFixed(1)} | ${timing.coldMs.toFixed(0)} | ${timing.warmMs.toFixed(1)} |`,
      );
    }
  }
} finally {
  await site.remove();
}
