import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const LIGHTHOUSE_CATEGORIES = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
] as const;
export type LighthouseScores = Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number> & {
  /** The audits that kept a category under 100, by id, with their scores. */
  missed: Record<string, number>;
};

/**
 * The Lighthouse the bench runs, pinned, fetched by `npm exec` into npm's cache on the bench's first
 * run rather than installed with the project: it and what it brings (Sentry, OpenTelemetry,
 * Puppeteer) were a fifth of every developer's `node_modules`, for a number only the bench reports.
 */
const LIGHTHOUSE = 'lighthouse@13.5.0';

/** The part of Lighthouse's JSON report the bench reads. */
interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null }>;
}

/**
 * Lighthouse's four scores (0–100) for each page, with its default settings: a mid-range phone
 * on a throttled 4G connection, simulated, in Debian's Chromium (Lighthouse's CLI starts it).
 */
export async function lighthouseScores(urls: readonly string[]): Promise<LighthouseScores[]> {
  const scores: LighthouseScores[] = [];
  for (const url of urls) {
    const { stdout } = await run(
      'npm',
      [
        'exec',
        '--yes',
        `--package=${LIGHTHOUSE}`,
        '--',
        'lighthouse',
        url,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
      ],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: unknown) => {
      throw new Error(`Lighthouse (${LIGHTHOUSE}) failed on ${url}`, { cause: error });
    });
    const { categories, audits } = JSON.parse(stdout) as LighthouseReport;
    const missed: Record<string, number> = {};
    for (const category of Object.values(categories)) {
      for (const { id, weight } of category.auditRefs) {
        const score = audits[id]?.score;
        if (weight > 0 && typeof score === 'number' && score < 1)
          missed[id] = Math.round(score * 100);
      }
    }
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    scores.push({
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      missed,
    });
  }
  return scores;
}
