import { describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { archiveProblems } from '../../src/lib/archive-rules.ts';

const valid = {
  title: "İzmir'de yağmur",
  description: 'Kısa özet.',
  publishedAt: '2025-10-28',
  source: { name: 'Örnek Ajans', url: 'https://ornek.example/haber/1' },
};

/** Articles from their files' front matter, with defaults filled by the schema. */
const articles = (files: Record<string, object>) =>
  Object.entries(files).map(([file, fields]) => ({
    file,
    data: articleSchema.parse({ ...valid, ...fields }),
  }));

describe('archiveProblems', () => {
  test('accepts different articles, and spellings of one tag or source that differ in case and accents', () => {
    expect(
      archiveProblems(
        articles({
          'a.md': { tags: ['İzmir', 'Dışişleri'], redirectFrom: ['/2025/10/27/eski/'] },
          'b.md': {
            title: 'Ankara',
            source: { name: 'ÖRNEK AJANS', url: 'https://ornek.example/haber/2' },
            tags: ['IZMIR', 'Disisleri'],
          },
        }),
      ),
    ).toEqual([]);
  });

  test('refuses one original in two files, whatever form its address is written in', () => {
    for (const [first, second] of [
      ['https://ornek.example/haber/çevre', 'https://ornek.example/haber/çevre'.normalize('NFD')],
      ['https://ornek.example/haber/1', 'http://www.ornek.example/haber/1/'],
      ['https://ornek.example/haber/%c3%a7', 'https://ornek.example/haber/%C3%A7#yorum'],
    ]) {
      const problems = archiveProblems(
        articles({
          'bir.md': { source: { ...valid.source, url: first } },
          'iki.md': { title: 'Başka', source: { ...valid.source, url: second } },
        }),
      );
      expect(problems, second).toHaveLength(1);
      expect(problems[0]).toMatch(/^iki\.md and bir\.md archive the same original/);
    }
  });

  test('refuses two tags, or sources, whose different names make one page', () => {
    const long = 'Cumhurbaşkanlığı Hükümet Sistemi '.repeat(4);
    const problems = archiveProblems(
      articles({
        'bir.md': { tags: [`${long}birinci tartışma`] },
        'iki.md': {
          title: 'Başka',
          source: { ...valid.source, url: 'https://ornek.example/haber/2' },
          tags: [`${long}ikinci tartışma`],
        },
        'uc.md': {
          title: 'Üçüncü',
          source: { name: '★★★', url: 'https://ornek.example/haber/3' },
        },
        'dort.md': {
          title: 'Dördüncü',
          source: { name: 'Örnek-Ajans!', url: 'https://ornek.example/haber/4' },
        },
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^iki\.md: tag ".*ikinci tartışma" and ".*birinci tartışma" \(bir\.md\) are different names with one page, \/etiket\/cumhurbaskanligi-[a-z-]+\/: shorten or change one of them$/,
    );
  });

  test('refuses two authors whose different names make one page', () => {
    const long = 'Ayşe Yılmaz Öztürk '.repeat(6);
    const problems = archiveProblems(
      articles({
        'bir.md': { authors: [`${long}Birinci`] },
        'iki.md': {
          title: 'Başka',
          source: { ...valid.source, url: 'https://ornek.example/haber/2' },
          authors: [`${long}İkinci`],
        },
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^iki\.md: author ".*İkinci" and ".*Birinci" \(bir\.md\) are different names with one page, \/yazar\//,
    );
  });

  test('refuses an old address that is, or falls under, an article’s permalink, or another’s old address', () => {
    const problems = archiveProblems(
      articles({
        'bir.md': { redirectFrom: ['/2025/10/28/ankara/', '/2025/10/28/izmirde-yagmur/surum/2/'] },
        'iki.md': {
          title: 'Ankara',
          source: { ...valid.source, url: 'https://ornek.example/haber/2' },
          redirectFrom: ['/2025/10/28/ankara/fark/1-2/', '/2025/10/01/eski/'],
        },
        'uc.md': {
          title: 'Üç',
          source: { ...valid.source, url: 'https://ornek.example/haber/3' },
          redirectFrom: ['/2025/10/01/eski/'],
        },
      }),
    );
    expect(problems).toEqual([
      'bir.md: redirectFrom.0: /2025/10/28/ankara/ is the permalink of iki.md: an old address cannot take a published one',
      'bir.md: redirectFrom.1: /2025/10/28/izmirde-yagmur/surum/2/ is under the permalink /2025/10/28/izmirde-yagmur/ of this article: an old address cannot take a published one',
      'iki.md: redirectFrom.0: /2025/10/28/ankara/fark/1-2/ is under the permalink /2025/10/28/ankara/ of this article: an old address cannot take a published one',
      'uc.md: redirectFrom.0: /2025/10/01/eski/ is an old address of iki.md too: it leads to one article',
    ]);
  });

  test('refuses two articles at one permalink', () => {
    expect(
      archiveProblems(
        articles({
          'bir.md': {},
          'iki.md': { source: { ...valid.source, url: 'https://ornek.example/haber/2' } },
        }),
      ),
    ).toEqual([
      'iki.md and bir.md have the same permalink /2025/10/28/izmirde-yagmur/: give one of them another "slug"',
    ]);
  });
});
