/**
 * The archive at scale: builds deterministic synthetic archives of each size with the production
 * build, then serves each and measures it in Chromium.
 *
 *   npm run bench -- [--sizes 100,1000,10000]
 *
 * Records, per size: build wall, CPU and peak memory (GNU time; its largest process), indexing's
 * share, dist/ and index size; the weight of the home, an article and the search page; and the
 * bytes and time of a fixed list of queries. Writes scripts/bench/results/latest.{json,md}.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { glob, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { projectRoot, serveSite } from '../../tests/support/site.ts';
import { timeQueries, type QueryTiming } from './query-timing.ts';
import { directorySize, QUERIES, syntheticSite } from './synthetic-site.ts';

const run = promisify(execFile);
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,10000' } } });
const sizes = values.sizes.split(',').map(Number);
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error(`${TIME} is missing: install GNU time (apt-get install time)`);

interface Weight {
  requests: number;
  bytes: Record<string, { raw: number; gzip: number }>;
}

/** What a page costs a reader: every response while it loads, by kind, raw and gzipped. */
async function pageWeight(browser: Browser, url: string): Promise<Weight> {
  const page = await browser.newPage();
  const bodies: Promise<{ kind: string; body: Buffer }>[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    const kind = /html/.test(type) ? 'html' : /css/.test(type) ? 'css' : /javascript/.test(type) ? 'js' : /font/.test(type) ? 'font' : 'other';
    bodies.push(response.body().then((body) => ({ kind, body }), () => ({ kind, body: Buffer.alloc(0) })));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  const bytes: Weight['bytes'] = {};
  for (const { kind, body } of await Promise.all(bodies)) {
    const entry = (bytes[kind] ??= { raw: 0, gzip: 0 });
    entry.raw += body.length;
    entry.gzip += gzipSync(body).length;
  }
  return { requests: bodies.length, bytes };
}

function timed(output: string, label: string): number {
  const match = new RegExp(`${label}: (.+)`).exec(output)?.[1]?.trim() ?? '0';
  return match.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

const results: Record<string, unknown>[] = [];
const browser = await launchBrowser();
for (const size of sizes) {
  const site = await syntheticSite(size);
  try {
    const { stderr, stdout } = await run(TIME, ['-v', process.execPath, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', site.root], {
      cwd: site.root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 256 << 20,
    });
    const output = stdout + stderr;
    const wall = timed(output, 'Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
    const indexing = Number(/indexed \d+ articles in ([\d.]+) s/.exec(output)?.[1] ?? 0);
    const dist = join(site.root, 'dist');
    const server = await serveSite(site.root, dist);
    const article = (await Array.fromAsync(glob('2*/*/*/*/index.html', { cwd: dist })))[0]!;
    const weights = {
      home: await pageWeight(browser, `${server.url}/`),
      article: await pageWeight(browser, `${server.url}/${article.replace(/index\.html$/, '')}`),
      search: await pageWeight(browser, `${server.url}/ara/`),
    };
    const queries: QueryTiming[] = await timeQueries(browser, server.url, '/pagefind/pagefind.js', QUERIES);
    await server.stop();
    results.push({
      size,
      build: {
        wallSeconds: wall,
        astroSeconds: Number((wall - indexing).toFixed(1)),
        indexingSeconds: indexing,
        cpuSeconds: timed(output, 'User time \\(seconds\\)') + timed(output, 'System time \\(seconds\\)'),
        peakMegabytes: Math.round(timed(output, 'Maximum resident set size \\(kbytes\\)') / 1024),
        msPerArticle: Math.round((wall * 1000) / size),
      },
      dist: await directorySize(dist),
      index: await directorySize(join(dist, 'pagefind')),
      weights,
      queries,
    });
    console.error(`${size} articles: built in ${wall.toFixed(1)} s`);
  } finally {
    await site.remove();
  }
}
await browser.close();

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const lines = [
  '| articles | build wall s | Astro s | indexing s | CPU s | peak MB | ms/article | dist MiB (files) | index MiB (files) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map((result) => {
    const { size, build, dist, index } = result as { size: number; build: Record<string, number>; dist: { bytes: number; files: number }; index: { bytes: number; files: number } };
    return `| ${size} | ${build.wallSeconds!.toFixed(1)} | ${build.astroSeconds} | ${build.indexingSeconds} | ${build.cpuSeconds!.toFixed(1)} | ${build.peakMegabytes} | ${build.msPerArticle} | ${(dist.bytes / 1048576).toFixed(1)} (${dist.files}) | ${(index.bytes / 1048576).toFixed(1)} (${index.files}) |`;
  }),
  '',
  '| articles | page | requests | HTML KiB raw / gzip | CSS KiB raw / gzip | JS KiB raw / gzip |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.flatMap((result) =>
    Object.entries(result.weights as Record<string, Weight>).map(([name, weight]) => {
      const cell = (kind: string) => (weight.bytes[kind] ? `${kib(weight.bytes[kind].raw)} / ${kib(weight.bytes[kind].gzip)}` : '0');
      return `| ${result.size} | ${name} | ${weight.requests} | ${cell('html')} | ${cell('css')} | ${cell('js')} |`;
    }),
  ),
  '',
  '| articles | query | results | KiB fetched cold | ms cold | ms warm |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.flatMap((result) =>
    (result.queries as QueryTiming[]).map(
      (query) => `| ${result.size} | ${query.query} | ${query.results} | ${kib(query.coldBytes)} | ${query.coldMs.toFixed(0)} | ${query.warmMs.toFixed(1)} |`,
    ),
  ),
];
const folder = join(projectRoot, 'scripts/bench/results');
await mkdir(folder, { recursive: true });
await writeFile(join(folder, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
await writeFile(join(folder, 'latest.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
