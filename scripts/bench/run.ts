/**
 * The archive at scale, against a baseline: builds deterministic archives of each size, in
 * synthetic and in real Turkish news text, with this project's production build and with the
 * least Astro site that renders the same Markdown plus the Pagefind CLI (`baseline-site.ts`),
 * then serves this project's build and measures it in Chromium, then adds one article and builds
 * again, then edits one and builds again.
 *
 *   npm run bench -- [--sizes 1000,10000] [--texts synthetic,real] [--years N] [--baseline-max 10000] [--rebuild-max 10000]
 *
 * `--years N` spreads each archive's dates over N years (else eleven, 2015–2025), to give a year the
 * articles of a larger archive: 10,000 articles over one year make a year as large as 100,000 over ten.
 *
 * The baseline is built up to `--baseline-max` articles: beyond, the least Astro site keeps every
 * rendered article in its content store, which Astro writes as one string (withastro/astro#13360).
 * The rebuilds are measured up to `--rebuild-max` articles, as the targets ask them at 10,000.
 *
 * Records, per size: wall, CPU and peak memory (GNU time: its largest process) of each build,
 * indexing's share, dist/ and index size; the weight and Lighthouse scores of the home, an
 * article and the search page; the bytes and time of a fixed list of queries; the rebuild after
 * one new article and after one edited article; the size of Astro's content store. Writes
 * scripts/bench/results/latest.{json,md}.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { glob, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { enterInLedger, projectRoot, serveSite } from '../../tests/support/site.ts';
import { versionFile } from '../../src/lib/versions.ts';
import { baselineSite } from './baseline-site.ts';
import { watchPeaks } from './process-peaks.ts';
import {
  LIGHTHOUSE_CATEGORIES,
  lighthouseScores,
  type LighthouseScores,
} from './lighthouse-scores.ts';
import { timeSearchPage, type SearchPageTiming } from './search-page-timing.ts';
import { writeSyntheticArchive } from './synthetic-archive.ts';
import {
  directorySize,
  QUERIES,
  syntheticSite,
  type ArchiveMaterial,
  type ArchiveText,
} from './synthetic-site.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    texts: { type: 'string', default: 'synthetic,real' },
    'baseline-max': { type: 'string', default: '10000' },
    'rebuild-max': { type: 'string', default: '10000' },
    years: { type: 'string' },
  },
});
const years = values.years === undefined ? undefined : Number(values.years);
const sizes = values.sizes.split(',').map(Number);
const texts = values.texts.split(',') as ArchiveText[];
const baselineMax = Number(values['baseline-max']);
const rebuildMax = Number(values['rebuild-max']);
const TIME = '/usr/bin/time';
if (!existsSync(TIME))
  throw new Error(`${TIME} is missing: install GNU time (apt-get install time)`);
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
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = execFile(
        TIME,
        ['-v', process.execPath, ...args],
        { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 256 << 20 },
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`${args.join(' ')} failed:\n${stdout}${stderr}`))
            : resolve({ stdout, stderr }),
      );
      peaks = watchPeaks(child.pid!);
    },
  );
  const peaksByProgram = peaks!.stop();
  const output = stdout + stderr;
  const field = (label: string) =>
    (new RegExp(`${label}: (.+)`).exec(output)?.[1]?.trim() ?? '0')
      .split(':')
      .reduce((total, part) => total * 60 + Number(part), 0);
  const timing = {
    wallSeconds: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    cpuSeconds: Number(
      (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')).toFixed(1),
    ),
    peakMegabytes: Math.round(field('Maximum resident set size \\(kbytes\\)') / 1024),
    peaksByProgram,
  };
  return { timing, output };
}

type BuildTiming = Timing & { indexingSeconds: number; bundlesWritten: number; bundles: number };

/** This project's production build: the whole, and indexing's share and the search bundles it wrote, as the Pagefind integration logs them. */
async function build(root: string): Promise<BuildTiming> {
  const { timing, output } = await timedRun([ASTRO, 'build', '--root', root], root);
  const indexing =
    /indexed \d+ articles \([^;]*; (\d+) bundles, (\d+) written, \d+ unchanged\) in ([\d.]+) s/.exec(
      output,
    );
  if (!indexing) throw new Error(`the build did not log its indexing:\n${output.slice(-2000)}`);
  return {
    ...timing,
    bundles: Number(indexing[1]),
    bundlesWritten: Number(indexing[2]),
    indexingSeconds: Number(indexing[3]),
  };
}

interface BaselineTiming {
  astro: Timing;
  pagefind: Timing;
  wallSeconds: number;
}

/** The baseline: Astro's build of the least site, then the Pagefind CLI over its output; what stopped it, if it failed. */
async function baselineBuild(articles: string): Promise<BaselineTiming | { failed: string }> {
  const site = await baselineSite(articles);
  try {
    const { timing: astro } = await timedRun([ASTRO, 'build', '--root', site.root], site.root);
    const { timing: pagefind } = await timedRun([PAGEFIND, '--site', 'dist'], site.root);
    return {
      astro,
      pagefind,
      wallSeconds: Number((astro.wallSeconds + pagefind.wallSeconds).toFixed(2)),
    };
  } catch (error) {
    return {
      failed:
        (error as Error).message
          .split('\n')
          .find((line) => /error/i.test(line))
          ?.trim() ?? (error as Error).message.slice(0, 200),
    };
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
    const kind = /html/.test(type)
      ? 'html'
      : /css/.test(type)
        ? 'css'
        : /javascript/.test(type)
          ? 'js'
          : /font/.test(type)
            ? 'font'
            : 'other';
    bodies.push(
      response.body().then(
        (body) => ({ kind, body }),
        () => ({ kind, body: Buffer.alloc(0) }),
      ),
    );
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

interface SizeResult {
  size: number;
  text: ArchiveText;
  build: BuildTiming;
  /** Undefined above `--baseline-max`. */
  baseline: BaselineTiming | { failed: string } | undefined;
  /** Undefined above `--rebuild-max`. */
  rebuilds: { added: BuildTiming; edited: BuildTiming } | undefined;
  /** Astro's content store as the first build left it (node_modules/.astro/data-store.json). */
  storeBytes: number;
  dist: { bytes: number; files: number };
  index: { bytes: number; files: number };
  weights: Record<string, Weight>;
  lighthouse: Record<string, LighthouseScores>;
  queries: SearchPageTiming[];
}

/**
 * Builds again after the everyday change, one more article, then after a correction of one
 * archived article, which the archive keeps as its next version (an archived text is never edited:
 * the build refuses one that no longer matches its ledger entry), with what the builds before left
 * (Astro's caches). Each change is entered in the ledger before its build, as the import does.
 */
async function rebuildAfterChanges(
  root: string,
  size: number,
  label: string,
  material: ArchiveMaterial,
): Promise<SizeResult['rebuilds']> {
  const articles = join(root, 'content/articles');
  await writeSyntheticArchive(articles, { count: 1, firstIndex: size, seed: size, ...material });
  await enterInLedger(root);
  const added = await build(root);
  console.error(`${label}: rebuilt after a new article in ${added.wallSeconds.toFixed(1)} s`);
  const [corrected] = await Array.fromAsync(glob('**/*.md', { cwd: articles }));
  const next = join(articles, versionFile(corrected!, 2));
  await mkdir(dirname(next), { recursive: true });
  // A version holds the text as captured again; the article's own fields (slug, tags) stay in its first file.
  const text = (await readFile(join(articles, corrected!), 'utf8'))
    .replace('---\n', `---\narchivedAt: "${new Date().toISOString()}"\n`)
    .replace(/^(slug|tags): .*\n/gm, '');
  await writeFile(next, `${text}\nDüzeltme: bu haberin bir cümlesi sonradan düzeltildi.\n`);
  await enterInLedger(root);
  const edited = await build(root);
  console.error(
    `${label}: rebuilt after a corrected article in ${edited.wallSeconds.toFixed(1)} s`,
  );
  return { added, edited };
}

const results: SizeResult[] = [];
const browser = await launchBrowser();
const started = performance.now();
for (const size of sizes) {
  for (const text of texts) {
    const site = await syntheticSite(size, text, years);
    const articles = join(site.root, 'content/articles');
    const label = `${size} articles, ${text} text${years ? ` over ${years} years` : ''}`;
    try {
      const ours = await build(site.root);
      const storeBytes = (await stat(join(site.root, 'node_modules/.astro/data-store.json'))).size;
      console.error(`${label}: built in ${ours.wallSeconds.toFixed(1)} s`);
      const baseline = size <= baselineMax ? await baselineBuild(articles) : undefined;
      if (baseline)
        console.error(
          `${label}: baseline ${'failed' in baseline ? `failed: ${baseline.failed}` : `built in ${baseline.wallSeconds.toFixed(1)} s`}`,
        );
      const dist = join(site.root, 'dist');
      const server = await serveSite(site.root, dist);
      const article = `/${(await Array.fromAsync(glob('2*/*/*/*/index.html', { cwd: dist })))[0]!.replace(/index\.html$/, '')}`;
      const pages = { home: '/', article, search: '/ara/' };
      const weights: Record<string, Weight> = {};
      for (const [name, path] of Object.entries(pages))
        weights[name] = await pageWeight(browser, `${server.url}${path}`);
      const scores = await lighthouseScores(
        Object.values(pages).map((path) => `${server.url}${path}`),
      );
      const lighthouse = Object.fromEntries(
        Object.keys(pages).map((name, index) => [name, scores[index]!]),
      );
      const queries = await timeSearchPage(browser, server.url, QUERIES);
      await server.stop();
      const distSize = await directorySize(dist);
      const indexSize = await directorySize(join(dist, 'pagefind'));
      const rebuilds =
        size <= rebuildMax
          ? await rebuildAfterChanges(site.root, size, label, site.material)
          : undefined;
      results.push({
        size,
        text,
        build: ours,
        baseline,
        rebuilds,
        storeBytes,
        dist: distSize,
        index: indexSize,
        weights,
        lighthouse,
        queries,
      });
    } finally {
      await site.remove();
    }
  }
}
await browser.close();
const benchMinutes = (performance.now() - started) / 60000;

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (value: number) => value.toFixed(1);
const SEARCH_BYTE_KINDS = ['runtime', 'metadata', 'filters', 'index', 'fragments'];
/** Node's main thread names the Astro process; Pagefind's binary is `pagefind_extended`, cut to 15 characters by Linux. */
const programPeaks = ({ peaksByProgram: peaks }: Timing) =>
  `${peaks['MainThread'] ?? peaks['node'] ?? 0}; ${peaks['pagefind_extend'] ?? 0}`;
/** The baseline's cells: its time (Astro + Pagefind CLI), its peaks, and this build's ratio to it. */
function baselineCells(build: BuildTiming, baseline: SizeResult['baseline']): string[] {
  if (!baseline) return ['not run', '–', '–', '–'];
  if ('failed' in baseline) return [`failed: ${baseline.failed}`, '–', '–', '–'];
  const cpu = baseline.astro.cpuSeconds + baseline.pagefind.cpuSeconds;
  return [
    `${seconds(baseline.wallSeconds)} (${seconds(baseline.astro.wallSeconds)} + ${seconds(baseline.pagefind.wallSeconds)})`,
    `${baseline.astro.peakMegabytes}; ${baseline.pagefind.peakMegabytes}`,
    (build.wallSeconds / baseline.wallSeconds).toFixed(2),
    (build.cpuSeconds / cpu).toFixed(2),
  ];
}

const rebuildCells = (rebuild: BuildTiming | undefined, build: BuildTiming) =>
  rebuild
    ? [
        `${seconds(rebuild.wallSeconds)} (${rebuild.bundlesWritten} of ${rebuild.bundles})`,
        (rebuild.wallSeconds / build.wallSeconds).toFixed(2),
        (rebuild.cpuSeconds / build.cpuSeconds).toFixed(2),
      ]
    : ['not run', '–', '–'];

/** The nearest-rank percentile: with ten queries, p95 is the largest. */
function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

const lines = [
  `Whole run: ${benchMinutes.toFixed(1)} minutes${years ? `; dates over ${years} years` : ''}.`,
  '',
  '| articles | text | KiB until the results are final, p50 / p95 (min–max) | ms warm, p50 / p95 |',
  '| --- | --- | --- | --- |',
  ...results.map(({ size, text, queries }) => {
    const bytes = queries.map((query) => query.coldBytes);
    const warm = queries.map((query) => query.warmMs);
    return `| ${size} | ${text} | ${kib(percentile(bytes, 0.5))} / ${kib(percentile(bytes, 0.95))} (${kib(Math.min(...bytes))}–${kib(Math.max(...bytes))}) | ${percentile(warm, 0.5).toFixed(0)} / ${percentile(warm, 0.95).toFixed(0)} |`;
  }),
  '',
  '| articles | text | build s | of which indexing s | CPU s | peak MB (Astro; Pagefind) | baseline s (Astro + Pagefind CLI) | baseline peak MB (Astro; Pagefind) | × baseline, wall | × baseline, CPU | rebuild after 1 new article s (bundles indexed) | ÷ build, wall | ÷ build, CPU | rebuild after 1 edited article s (bundles indexed) | ÷ build, wall | ÷ build, CPU |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results
    .map(({ size, text, build, baseline, rebuilds }) =>
      [
        size,
        text,
        seconds(build.wallSeconds),
        seconds(build.indexingSeconds),
        seconds(build.cpuSeconds),
        programPeaks(build),
        ...baselineCells(build, baseline),
        ...rebuildCells(rebuilds?.added, build),
        ...rebuildCells(rebuilds?.edited, build),
      ].join(' | '),
    )
    .map((row) => `| ${row} |`),
  '',
  '| articles | text | content store MiB | dist MiB (files) | index MiB (files) |',
  '| --- | --- | --- | --- | --- |',
  ...results.map(
    ({ size, text, storeBytes, dist, index }) =>
      `| ${size} | ${text} | ${(storeBytes / 1048576).toFixed(1)} | ${(dist.bytes / 1048576).toFixed(1)} (${dist.files}) | ${(index.bytes / 1048576).toFixed(1)} (${index.files}) |`,
  ),
  '',
  `| articles | text | page | requests | HTML KiB raw / gzip | CSS KiB raw / gzip | JS KiB raw / gzip | Lighthouse ${LIGHTHOUSE_CATEGORIES.join(' / ')} | audits under 100 |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.flatMap(({ size, text, weights, lighthouse }) =>
    Object.entries(weights).map(([name, weight]) => {
      const cell = (kind: string) =>
        weight.bytes[kind]
          ? `${kib(weight.bytes[kind].raw)} / ${kib(weight.bytes[kind].gzip)}`
          : '0';
      const scores = lighthouse[name]!;
      const missed =
        Object.entries(scores.missed)
          .map(([audit, score]) => `${audit} ${score}`)
          .join(', ') || '–';
      return `| ${size} | ${text} | ${name} | ${weight.requests} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${LIGHTHOUSE_CATEGORIES.map((category) => scores[category]).join(' / ')} | ${missed} |`;
    }),
  ),
  '',
  `| articles | text | query | results | KiB fetched cold | of which ${SEARCH_BYTE_KINDS.join(' / ')} | requests cold | ms cold | ms warm |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.flatMap(({ size, text, queries }) =>
    queries.map(
      (query) =>
        `| ${size} | ${text} | ${query.query} | ${query.results} | ${kib(query.coldBytes)} | ${SEARCH_BYTE_KINDS.map((kind) => kib(query.coldBytesByKind[kind] ?? 0)).join(' / ')} | ${query.coldRequests} | ${query.coldMs.toFixed(0)} | ${query.warmMs.toFixed(1)} |`,
    ),
  ),
];
const folder = join(projectRoot, 'scripts/bench/results');
await mkdir(folder, { recursive: true });
await writeFile(
  join(folder, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), minutes: Number(benchMinutes.toFixed(1)), results }, null, 2)}\n`,
);
await writeFile(join(folder, 'latest.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
