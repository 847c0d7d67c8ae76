/**
 * The archive at scale, against a baseline: builds deterministic synthetic archives of each size
 * with this project's production build and with the least Astro site that renders the same
 * Markdown plus the Pagefind CLI (`baseline-site.ts`), then serves this project's build and
 * measures it in Chromium, then adds one article and builds again.
 *
 *   npm run bench -- [--sizes 100,1000,10000]
 *
 * Records, per size: wall, CPU and peak memory (GNU time: its largest process) of each build,
 * indexing's share, dist/ and index size; the weight and Lighthouse scores of the home, an
 * article and the search page; the bytes and time of a fixed list of queries; the rebuild after
 * one new article and after one edited article; the size of Astro's content store. Writes
 * scripts/bench/results/latest.{json,md}.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, glob, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { projectRoot, serveSite } from '../../tests/support/site.ts';
import { baselineSite } from './baseline-site.ts';
import { watchPeaks } from './process-peaks.ts';
import { LIGHTHOUSE_CATEGORIES, lighthouseScores, type LighthouseScores } from './lighthouse-scores.ts';
import { timeSearchPage, type SearchPageTiming } from './search-page-timing.ts';
import { seedSentences } from './seed-sentences.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';
import { directorySize, QUERIES, syntheticSite } from './synthetic-site.ts';
import { turkishVocabulary } from './vocabulary.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,10000' } } });
const sizes = values.sizes.split(',').map(Number);
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error(`${TIME} is missing: install GNU time (apt-get install time)`);
const ASTRO = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs');

interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
  /** The largest process's peak (GNU time), and each program's (`process-peaks.ts`). */
  peakMegabytes: number;
  peaksByProgram: Record<string, number>;
}

/** Runs a command under GNU time; its output is returned for the lines a build logs. */
async function timedRun(args: string[], cwd: string): Promise<{ timing: Timing; output: string }> {
  let peaks: ReturnType<typeof watchPeaks> | undefined;
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    const child = execFile(TIME, ['-v', process.execPath, ...args], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 256 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${args.join(' ')} failed:\n${stdout}${stderr}`)) : resolve({ stdout, stderr }),
    );
    peaks = watchPeaks(child.pid!);
  });
  const peaksByProgram = peaks!.stop();
  const output = stdout + stderr;
  const field = (label: string) => (new RegExp(`${label}: (.+)`).exec(output)?.[1]?.trim() ?? '0').split(':').reduce((total, part) => total * 60 + Number(part), 0);
  const timing = {
    wallSeconds: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    cpuSeconds: Number((field('User time \\(seconds\\)') + field('System time \\(seconds\\)')).toFixed(1)),
    peakMegabytes: Math.round(field('Maximum resident set size \\(kbytes\\)') / 1024),
    peaksByProgram,
  };
  return { timing, output };
}

/** This project's production build: the whole, and indexing's share as the Pagefind integration logs it. */
async function build(root: string): Promise<Timing & { indexingSeconds: number }> {
  const { timing, output } = await timedRun([ASTRO, 'build', '--root', root], root);
  return { ...timing, indexingSeconds: Number(/indexed \d+ articles (?:\([^)]*\) )?in ([\d.]+) s/.exec(output)?.[1] ?? 0) };
}

interface BaselineTiming {
  astro: Timing;
  pagefind: Timing;
  wallSeconds: number;
}

/** The baseline: Astro's build of the least site, then the Pagefind CLI over its output. */
async function baselineBuild(articles: string): Promise<BaselineTiming> {
  const site = await baselineSite(articles);
  try {
    const { timing: astro } = await timedRun([ASTRO, 'build', '--root', site.root], site.root);
    const { timing: pagefind } = await timedRun([PAGEFIND, '--site', 'dist'], site.root);
    return { astro, pagefind, wallSeconds: Number((astro.wallSeconds + pagefind.wallSeconds).toFixed(2)) };
  } finally {
    await site.remove();
  }
}

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

const vocabulary = await turkishVocabulary();
const sentences = await seedSentences();
interface SizeResult {
  size: number;
  build: Timing & { indexingSeconds: number };
  baseline: BaselineTiming;
  rebuild: Timing & { indexingSeconds: number };
  rebuildEdited: Timing & { indexingSeconds: number };
  /** Astro's content store as the first build left it (node_modules/.astro/data-store.json). */
  storeBytes: number;
  dist: { bytes: number; files: number };
  index: { bytes: number; files: number };
  weights: Record<string, Weight>;
  lighthouse: Record<string, LighthouseScores>;
  queries: SearchPageTiming[];
}

const results: SizeResult[] = [];
const browser = await launchBrowser();
const started = performance.now();
for (const size of sizes) {
  const site = await syntheticSite(size);
  const articles = join(site.root, 'content/articles');
  try {
    const ours = await build(site.root);
    const storeBytes = (await stat(join(site.root, 'node_modules/.astro/data-store.json'))).size;
    console.error(`${size} articles: built in ${ours.wallSeconds.toFixed(1)} s`);
    const baseline = await baselineBuild(articles);
    console.error(`${size} articles: baseline built in ${baseline.wallSeconds.toFixed(1)} s`);
    const dist = join(site.root, 'dist');
    const server = await serveSite(site.root, dist);
    const article = `/${(await Array.fromAsync(glob('2*/*/*/*/index.html', { cwd: dist })))[0]!.replace(/index\.html$/, '')}`;
    const pages = { home: '/', article, search: '/ara/' };
    const weights: Record<string, Weight> = {};
    for (const [name, path] of Object.entries(pages)) weights[name] = await pageWeight(browser, `${server.url}${path}`);
    const scores = await lighthouseScores(Object.values(pages).map((path) => `${server.url}${path}`));
    const lighthouse = Object.fromEntries(Object.keys(pages).map((name, index) => [name, scores[index]!]));
    const queries = await timeSearchPage(browser, server.url, QUERIES);
    await server.stop();
    const distSize = await directorySize(dist);
    const indexSize = await directorySize(join(dist, 'pagefind'));
    // The everyday case: one more article, built again with what the first build left (Astro's content cache).
    await writeSyntheticArchive(articles, { count: 1, firstIndex: size, seed: size, vocabulary, sentences });
    const rebuild = await build(site.root);
    // A keeper's correction: one archived article's text changes.
    const [edited] = await Array.fromAsync(glob('**/*.md', { cwd: articles }));
    await appendFile(join(articles, edited!), '\nDüzeltme: bu haberin bir cümlesi sonradan düzeltildi.\n');
    const rebuildEdited = await build(site.root);
    results.push({ size, build: ours, baseline, rebuild, rebuildEdited, storeBytes, dist: distSize, index: indexSize, weights, lighthouse, queries });
  } finally {
    await site.remove();
  }
}
await browser.close();
const benchMinutes = (performance.now() - started) / 60000;

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (value: number) => value.toFixed(1);
const SEARCH_BYTE_KINDS = ['runtime', 'metadata', 'filters', 'index', 'fragments'];
/** Node's main thread names the Astro process; Pagefind's binary is `pagefind_extended`, cut to 15 characters by Linux. */
const programPeaks = ({ peaksByProgram: peaks }: Timing) => `${peaks['MainThread'] ?? peaks['node'] ?? 0}; ${peaks['pagefind_extend'] ?? 0}`;
const lines = [
  `Whole run: ${benchMinutes.toFixed(1)} minutes.`,
  '',
  '| articles | build s | of which indexing s | CPU s | peak MB (Astro; Pagefind) | ms/article | baseline s (Astro + Pagefind CLI) | baseline peak MB (Astro; Pagefind) | × baseline | rebuild after 1 new article s | rebuild / build | rebuild after 1 edited article s | rebuild / build |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(({ size, build, baseline, rebuild, rebuildEdited }) =>
    [
      size,
      seconds(build.wallSeconds),
      seconds(build.indexingSeconds),
      seconds(build.cpuSeconds),
      programPeaks(build),
      Math.round((build.wallSeconds * 1000) / size),
      `${seconds(baseline.wallSeconds)} (${seconds(baseline.astro.wallSeconds)} + ${seconds(baseline.pagefind.wallSeconds)})`,
      `${baseline.astro.peakMegabytes}; ${baseline.pagefind.peakMegabytes}`,
      (build.wallSeconds / baseline.wallSeconds).toFixed(2),
      seconds(rebuild.wallSeconds),
      (rebuild.wallSeconds / build.wallSeconds).toFixed(2),
      seconds(rebuildEdited.wallSeconds),
      (rebuildEdited.wallSeconds / build.wallSeconds).toFixed(2),
    ].join(' | '),
  ).map((row) => `| ${row} |`),
  '',
  '| articles | content store MiB | dist MiB (files) | index MiB (files) |',
  '| --- | --- | --- | --- |',
  ...results.map(({ size, storeBytes, dist, index }) => `| ${size} | ${(storeBytes / 1048576).toFixed(1)} | ${(dist.bytes / 1048576).toFixed(1)} (${dist.files}) | ${(index.bytes / 1048576).toFixed(1)} (${index.files}) |`),
  '',
  `| articles | page | requests | HTML KiB raw / gzip | CSS KiB raw / gzip | JS KiB raw / gzip | Lighthouse ${LIGHTHOUSE_CATEGORIES.join(' / ')} | audits under 100 |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.flatMap(({ size, weights, lighthouse }) =>
    Object.entries(weights).map(([name, weight]) => {
      const cell = (kind: string) => (weight.bytes[kind] ? `${kib(weight.bytes[kind].raw)} / ${kib(weight.bytes[kind].gzip)}` : '0');
      const scores = lighthouse[name]!;
      const missed = Object.entries(scores.missed).map(([audit, score]) => `${audit} ${score}`).join(', ') || '–';
      return `| ${size} | ${name} | ${weight.requests} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${LIGHTHOUSE_CATEGORIES.map((category) => scores[category]).join(' / ')} | ${missed} |`;
    }),
  ),
  '',
  `| articles | query | results | KiB fetched cold | of which ${SEARCH_BYTE_KINDS.join(' / ')} | ms cold | ms warm |`,
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...results.flatMap(({ size, queries }) =>
    queries.map(
      (query) =>
        `| ${size} | ${query.query} | ${query.results} | ${kib(query.coldBytes)} | ${SEARCH_BYTE_KINDS.map((kind) => kib(query.coldBytesByKind[kind] ?? 0)).join(' / ')} | ${query.coldMs.toFixed(0)} | ${query.warmMs.toFixed(1)} |`,
    ),
  ),
];
const folder = join(projectRoot, 'scripts/bench/results');
await mkdir(folder, { recursive: true });
await writeFile(join(folder, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), minutes: Number(benchMinutes.toFixed(1)), results }, null, 2)}\n`);
await writeFile(join(folder, 'latest.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
