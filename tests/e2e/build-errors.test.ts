import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dayFromToday } from '../support/dates.ts';
import {
  buildSite,
  createFixtureSite,
  removeFixtureSite,
  type BuildResult,
} from '../support/site.ts';

const fixtures: string[] = [];
afterAll(async () => {
  await Promise.all(fixtures.map(removeFixtureSite));
});

async function build(articles: Record<string, string>) {
  const root = await createFixtureSite(articles);
  fixtures.push(root);
  return buildSite(root);
}

const article = (frontMatter: string, body = 'Metin.') => `---\n${frontMatter}\n---\n\n${body}\n`;
const validFrontMatter = `title: "İzmir'de yağmur"
description: "Kısa özet."
publishedAt: 2025-10-28
source:
  name: Örnek Ajans
  url: https://ornek.example/haber/1`;
const other = article(validFrontMatter.replace('İzmir', 'Ankara').replace('haber/1', 'haber/2'));
/** A year from today: after today wherever the publisher is (the rule allows UTC+14). */
const futureDay = dayFromToday(365);

/** Each broken article: what is wrong, its file, its text, and what its line must say. */
const broken: [string, string, string, RegExp[]][] = [
  [
    'a missing title',
    'eksik-baslik.md',
    article(validFrontMatter.replace(/^title:.*\n/, '')),
    [/title/],
  ],
  [
    'an impossible date',
    'kotu-tarih.md',
    article(validFrontMatter.replace('2025-10-28', '"2025-02-30"')),
    [/publishedAt/, /2025-02-30/],
  ],
  [
    'a source URL that is not one',
    'kotu-adres.md',
    article(validFrontMatter.replace('https://ornek.example/haber/1', 'ornek haber')),
    [/source\.url/, /http\(s\) URL/],
  ],
  [
    'a YAML syntax error',
    'kotu-yaml.md',
    article(validFrontMatter.replace('title: "', 'title: [')),
    [/kotu-yaml\.md/],
  ],
  [
    'a misspelt field',
    'yazim-hatasi.md',
    article(`${validFrontMatter}\npublishedat: 2025-10-28`),
    [/publishedat/],
  ],
  ['an empty body', 'bos.md', article(validFrontMatter, '   '), [/has no body/]],
  [
    'a title over the length limit',
    'uzun-baslik.md',
    article(validFrontMatter.replace(`"İzmir'de yağmur"`, `"${'Çok uzun başlık '.repeat(30)}"`)),
    [/title/, /longer than 300 characters/],
  ],
  [
    'a description over the length limit',
    'uzun-ozet.md',
    // Past the bound that keeps a page's weight, far past any real lede.
    article(validFrontMatter.replace('"Kısa özet."', `"${'Uzun özet. '.repeat(1820)}"`)),
    [/description/, /longer than 20000 characters/],
  ],
  [
    'a publication day in the future',
    'gelecek.md',
    article(validFrontMatter.replace('2025-10-28', futureDay)),
    [/publishedAt/, new RegExp(`${futureDay} is after today`)],
  ],
  [
    'an archiving day before the publication day',
    'once-arsiv.md',
    article(`${validFrontMatter}\narchivedAt: 2025-10-01`),
    [/archivedAt/, /2025-10-01 is before publishedAt/],
  ],
];

/**
 * Every broken article above, and two pairs of valid ones that clash, in one archive built once:
 * the whole-archive check (src/integrations/article-index.ts) runs before Astro and prints every
 * problem on a line of its own naming its file, so one build says what fifteen builds of one
 * problem each would. Each case is checked on its own file's lines, not on the whole output.
 */
const clashing = {
  // One permalink, two originals.
  'kalici-bir.md': article(validFrontMatter),
  'kalici-iki.md': article(validFrontMatter.replace('haber/1', 'haber/3')),
  // One original, two permalinks.
  'adres-bir.md': article(validFrontMatter.replace('İzmir', 'Bursa').replace('haber/1', 'haber/7')),
  'adres-iki.md': article(
    validFrontMatter.replace('İzmir', 'Ankara').replace('haber/1', 'haber/7'),
  ),
};
let archive: BuildResult;
beforeAll(async () => {
  archive = await build({
    ...Object.fromEntries(broken.map(([, file, text]) => [file, text])),
    ...clashing,
  });
});
/** The lines the archive's build printed about this file (its problems name it first). */
const linesOf = (file: string) =>
  archive.output
    .split('\n')
    .filter((line) => line.startsWith(`haber-arsivi: content/articles/${file}`));
/** The lines of the archive's build that hold every one of these strings. */
const linesWith = (...strings: string[]) =>
  archive.output.split('\n').filter((line) => strings.every((string) => line.includes(string)));

/** Each broken article fails the build, and the message names the file and what is wrong with it. */
describe.concurrent('invalid articles fail the build, naming the file and the problem', () => {
  test('the archive of broken articles is not built, its problems counted', () => {
    expect(archive.ok).toBe(false);
    expect(archive.output).toMatch(/problem\(s\) in content\/articles: nothing was built/);
  });

  test.each(broken)('%s', (_, file, __, expected) => {
    expect(linesOf(file)).not.toEqual([]);
    const lines = linesOf(file).join('\n');
    for (const pattern of expected) expect(lines).toMatch(pattern);
  });

  test('two articles with one permalink, naming both files', () => {
    expect(linesWith('/2025/10/28/izmirde-yagmur/', 'kalici-bir.md', 'kalici-iki.md')).not.toEqual(
      [],
    );
  });

  test('two articles with one original URL, naming both files', () => {
    expect(linesWith('https://ornek.example/haber/7', 'adres-bir.md', 'adres-iki.md')).not.toEqual(
      [],
    );
  });

  // A broken chain of versions stops the check at the first (src/lib/versions.ts), and is said
  // only of an archive with no other problem: each needs a build of its own.
  test('a later version without its article file, naming both', async () => {
    const result = await build({
      'yok/surum-2.md': article(`${validFrontMatter}\narchivedAt: 2026-12-01`),
      'baska.md': other,
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('yok/surum-2.md is a version of yok.md, which does not exist');
  });

  test('a later version of another original, naming both files', async () => {
    const version = article(
      `${validFrontMatter.replace('haber/1', 'haber/9')}\narchivedAt: 2026-12-01`,
    );
    const result = await build({ 'bir.md': article(validFrontMatter), 'bir/surum-2.md': version });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'bir/surum-2.md archives https://ornek.example/haber/9, not https://ornek.example/haber/1 as bir.md does',
    );
  });

  test('CRLF line endings and a UTF-8 byte order mark are accepted', async () => {
    const text =
      `\uFEFF${article(validFrontMatter, 'Birinci paragraf.\n\nİkinci paragraf.')}`.replace(
        /\n/g,
        '\r\n',
      );
    const result = await build({ 'windows.md': text });
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
  });
});
