import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './site.ts';

/** The archive's copy of the seed article. */
export const SEED_ARTICLE_FILE = join(
  projectRoot,
  'content/articles/2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md',
);

/** The raw capture the first article was made from: a copy of the archive's source material, kept with the tests so that a clone needs nothing beside it. */
export const SEED_CAPTURE_FILE = join(projectRoot, 'tests/fixtures/seed/000_dc48fdb0813769b0.txt');

/** The raw capture the first article was made from, read as the tests' reference text. */
export function readSeed() {
  const [dateLine, title, lede, body] = readFileSync(SEED_CAPTURE_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean) as [string, string, string, string];
  const [, date, url] = dateLine.split(' ') as [string, string, string];
  const [, ledeText, datelineDate, source] = /^(.*?)\s*(\d{2}\.\d{2}\.\d{4}), ([^,]+)$/.exec(
    lede,
  ) as unknown as [string, string, string, string];
  return { date, url, title, lede: ledeText, datelineDate, source, body };
}
