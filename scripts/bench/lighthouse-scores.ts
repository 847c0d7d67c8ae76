import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

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
 * Lighthouse's four scores (0–100) for each page, with its default settings: a mid-range phone
 * on a throttled 4G connection, simulated. One Chromium (Debian's) serves every page in turn.
 */
export async function lighthouseScores(urls: readonly string[]): Promise<LighthouseScores[]> {
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { categories, audits } = result.lhr;
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
  } finally {
    chrome.kill();
  }
}
