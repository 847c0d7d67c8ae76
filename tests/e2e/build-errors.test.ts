import { afterAll, describe, expect, test } from 'vitest';
import { dayFromToday } from '../support/dates.ts';
import { buildSite, createFixtureSite, removeFixtureSite } from '../support/site.ts';

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

/** Each broken article fails the build, and the message names the file and what is wrong with it. */
describe.concurrent('invalid articles fail the build, naming the file and the problem', () => {
  test.each([
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
      article(validFrontMatter.replace('"Kısa özet."', `"${'Uzun özet. '.repeat(100)}"`)),
      [/description/, /longer than 1000 characters/],
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
  ])('%s', async (_, file, text, expected) => {
    const result = await build({ [file]: text, 'baska.md': other });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(file);
    for (const pattern of expected) expect(result.output).toMatch(pattern);
  });

  test('two articles with one permalink, naming both files', async () => {
    const result = await build({
      'bir.md': article(validFrontMatter),
      'iki.md': article(validFrontMatter.replace('haber/1', 'haber/3')),
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('/2025/10/28/izmirde-yagmur/');
    expect(result.output).toMatch(/bir\.md[\s\S]*iki\.md|iki\.md[\s\S]*bir\.md/);
  });

  test('two articles with one original URL, naming both files', async () => {
    const result = await build({
      'bir.md': article(validFrontMatter),
      'iki.md': article(validFrontMatter.replace('İzmir', 'Bursa')),
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('https://ornek.example/haber/1');
    expect(result.output).toMatch(/bir\.md[\s\S]*iki\.md|iki\.md[\s\S]*bir\.md/);
  });

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
