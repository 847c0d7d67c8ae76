import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleSchema, type ArticleData } from '../../src/lib/article.ts';
import { projectRoot } from './site.ts';

const run = promisify(execFile);

/** What the import made of a saved page: its front matter and text, or nothing; and what it printed. */
export interface ImportOutcome {
  imported?: { data: ArticleData; body: string };
  stderr: string;
}

/**
 * Imports the saved page `source` with the real CLI, as a keeper would, given nothing but the
 * original's address, into the folder `into` (made by the import).
 */
export async function importPage(
  source: string,
  url: string,
  into: string,
): Promise<ImportOutcome> {
  try {
    const { stderr } = await run(
      process.execPath,
      [join(projectRoot, 'scripts/import.ts'), '--into', into, source, '--url', url],
      { cwd: projectRoot },
    );
    const [file] = (await readdir(into, { recursive: true })).filter((name) =>
      name.endsWith('.md'),
    );
    const { frontmatter, content } = parseFrontmatter(await readFile(join(into, file!), 'utf8'));
    return { imported: { data: articleSchema.parse(frontmatter), body: content }, stderr };
  } catch (error) {
    return { stderr: String((error as { stderr?: string }).stderr ?? error) };
  }
}

/** `work` on each item, two at a time (the machine has two cores), the results in the items' order. */
export async function twoAtATime<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += 2)
    results.push(...(await Promise.all(items.slice(index, index + 2).map(work))));
  return results;
}

const normalised = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The same headline after Unicode NFC and whitespace collapsed to one space. */
export const sameTitle = (imported: string, expected: string) =>
  normalised(imported) === normalised(expected);

const nameSet = (names: string[]) =>
  JSON.stringify([...new Set(names.map((name) => normalised(name).toLowerCase()))].sort());

/** The same set of names, compared case-insensitively after whitespace collapsed. */
export const sameAuthors = (imported: string[], expected: string[]) =>
  nameSet(imported) === nameSet(expected);

const language = (tag: string) => {
  const primary = tag.toLowerCase().split('-')[0]!;
  return primary === 'nb' || primary === 'nn' ? 'no' : primary;
};

/** The same primary language subtag, Norwegian's `nb` and `nn` counted as its `no`. */
export const sameLanguage = (imported: string, expected: string) =>
  language(imported) === language(expected);

/** A saved page of a scored set, as its `pages.json` lists it. */
export interface ScoredPage {
  name: string;
  url: string;
  title: string;
  /** The days the page itself gives for its publication (two where it gives two). */
  days: string[];
  authors: string[];
  lang: string;
}

/** The least of each score a set must reach, of its `pages` pages. */
export interface Floors {
  pages: number;
  imported: number;
  title: number;
  day: number;
  authors: number;
  lang: number;
}

/**
 * Imports each page of a set with the real CLI and nothing but `--url`, and scores the four
 * fields against the set's `pages.json`: the same harness for every set, which differ in their
 * pages and their floors. A held-out set prints its
 * totals only (`totalsOnly`): which page fails, and why, is what tuning must not see.
 */
export function describeScoredPages(
  title: string,
  folder: string,
  floors: Floors,
  { totalsOnly = false } = {},
): void {
  type P = ScoredPage;
  const fields = {
    title: (page: P, data: ArticleData) => sameTitle(data.title, page.title),
    day: (page: P, data: ArticleData) => page.days.includes(data.publishedAt.date),
    authors: (page: P, data: ArticleData) => sameAuthors(data.authors ?? [], page.authors),
    lang: (page: P, data: ArticleData) => sameLanguage(data.lang, page.lang),
  };
  const outcomes: { page: P; imported?: ArticleData; stderr: string }[] = [];
  const score = (right: (page: P, data: ArticleData) => boolean) =>
    outcomes.filter(({ page, imported }) => imported && right(page, imported)).length;
  let into: string;

  beforeAll(async () => {
    const { pages } = JSON.parse(await readFile(join(folder, 'pages.json'), 'utf8')) as {
      pages: P[];
    };
    into = await mkdtemp(join(tmpdir(), 'haber-arsivi-scored-pages-'));
    outcomes.push(
      ...(await twoAtATime(pages, async (page) => {
        const { imported, stderr } = await importPage(
          join(folder, page.name, 'source.html'),
          page.url,
          join(into, page.name),
        );
        return { page, stderr, ...(imported ? { imported: imported.data } : {}) };
      })),
    );
    const verdicts = (page: P, data: ArticleData) =>
      Object.entries(fields)
        .map(([field, right]) => `${field} ${right(page, data) ? 'ok' : 'WRONG'}`)
        .join(', ');
    if (!totalsOnly)
      console.log(
        outcomes
          .map(({ page, imported, stderr }) =>
            imported
              ? `${page.name}: ${verdicts(page, imported)} (${JSON.stringify({ title: imported.title, publishedAt: imported.publishedAt.iso, authors: imported.authors, lang: imported.lang })})`
              : `${page.name}: not imported: ${stderr.trim()}`,
          )
          .join('\n'),
      );
    console.log(
      `${title}: ${Object.entries(fields)
        .map(([field, right]) => `${field} ${score(right)}/${outcomes.length}`)
        .join(', ')}, ${outcomes.filter(({ imported }) => imported).length} imported`,
    );
  }, 600_000);

  afterAll(() => rm(into, { recursive: true, force: true }));

  describe(title, () => {
    test(`at least ${floors.imported} import, with no stack trace from any`, () => {
      expect(outcomes).toHaveLength(floors.pages);
      expect(outcomes.filter(({ imported }) => imported).length).toBeGreaterThanOrEqual(
        floors.imported,
      );
      for (const { stderr } of outcomes) expect(stderr).not.toMatch(/^\s+at /m);
    });

    test(`the headline, on at least ${floors.title} of ${floors.pages}`, () => {
      expect(score(fields.title)).toBeGreaterThanOrEqual(floors.title);
    });

    test(`the day of publication, on at least ${floors.day} of ${floors.pages}`, () => {
      expect(score(fields.day)).toBeGreaterThanOrEqual(floors.day);
    });

    test(`the authors, on at least ${floors.authors} of ${floors.pages}`, () => {
      expect(score(fields.authors)).toBeGreaterThanOrEqual(floors.authors);
    });

    test(`the language, on at least ${floors.lang} of ${floors.pages}`, () => {
      expect(score(fields.lang)).toBeGreaterThanOrEqual(floors.lang);
    });
  });
}
