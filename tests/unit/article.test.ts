import { describe, expect, test } from 'vitest';
import { articleSchema, byNewest, permalink, withArticleFields } from '../../src/lib/article.ts';
import { dayFromToday } from '../support/dates.ts';

const valid = {
  title: 'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var',
  description: 'Lede.',
  publishedAt: '2025-10-28',
  source: { name: 'Sputnik Türkiye', url: 'https://anlatilaninotesi.com.tr/20251028/x.html' },
};
/** A year from today: after today wherever the publisher is. */
const futureDay = dayFromToday(365);

/** The paths and messages of the issues the schema reports for `data`. */
function problems(data: unknown): string[] {
  const result = articleSchema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('articleSchema', () => {
  test('accepts the contract and fills the defaults', () => {
    const article = articleSchema.parse(valid);
    expect(article.lang).toBe('tr');
    expect(article.tags).toEqual([]);
    expect(article.publishedAt.date).toBe('2025-10-28');
  });

  test('accepts an original on the loopback address, where captures are tested', () => {
    const url = 'http://127.0.0.1:8123/haber/1';
    expect(articleSchema.parse({ ...valid, source: { ...valid.source, url } }).source.url).toBe(
      url,
    );
    expect(
      articleSchema.safeParse({ ...valid, source: { ...valid.source, url: 'http://127.0.0.2/' } })
        .success,
    ).toBe(false);
  });

  test('reads the Date that YAML makes of an unquoted day', () => {
    expect(
      articleSchema.parse({ ...valid, publishedAt: new Date('2025-10-28') }).publishedAt.date,
    ).toBe('2025-10-28');
  });

  test.each([
    ['a missing title', { ...valid, title: undefined }, 'title'],
    ['an empty description', { ...valid, description: '  ' }, 'description'],
    ['an impossible date', { ...valid, publishedAt: '2025-02-30' }, 'publishedAt'],
    [
      'a date-time without an offset',
      { ...valid, publishedAt: '2025-10-28T10:00:00' },
      'publishedAt',
    ],
    [
      'an unquoted date-time, whose offset YAML dropped',
      { ...valid, publishedAt: new Date('2025-10-28T10:00:00+03:00') },
      'publishedAt',
    ],
    [
      'a source URL that is not http(s)',
      { ...valid, source: { ...valid.source, url: 'javascript:alert(1)' } },
      'source.url',
    ],
    [
      'a source URL on a private address',
      { ...valid, source: { ...valid.source, url: 'http://192.168.1.10/haber/1' } },
      'source.url',
    ],
    [
      'a relative source URL',
      { ...valid, source: { ...valid.source, url: '/20251028/x.html' } },
      'source.url',
    ],
    ['a missing source name', { ...valid, source: { url: valid.source.url } }, 'source.name'],
    ['a misspelt field', { ...valid, publishedat: '2025-10-28' }, ''],
    [
      'an unknown field in source',
      { ...valid, source: { ...valid.source, author: 'X' } },
      'source',
    ],
    ['a slug with capitals', { ...valid, slug: 'Lavrov-Zirve' }, 'slug'],
    ['a slug with Turkish letters', { ...valid, slug: 'lavrov-zirvesi-ş' }, 'slug'],
    ['a language that is not a BCP 47 tag', { ...valid, lang: 'Türkçe' }, 'lang'],
    ['an empty tag', { ...valid, tags: ['Rusya', ''] }, 'tags.1'],
    ['a title with nothing to make a slug from and no slug', { ...valid, title: '«★»' }, 'slug'],
    ['a title over 300 characters', { ...valid, title: 'Başlık '.repeat(60) }, 'title'],
    [
      'a description over 20,000 characters',
      { ...valid, description: 'Özet. '.repeat(4001) },
      'description',
    ],
    ['a publication day after today', { ...valid, publishedAt: futureDay }, 'publishedAt'],
    [
      'a publication time after now',
      { ...valid, publishedAt: `${futureDay}T10:00:00+03:00` },
      'publishedAt',
    ],
    [
      'an archiving day before the publication day',
      { ...valid, archivedAt: '2025-10-27' },
      'archivedAt',
    ],
    ['an empty author', { ...valid, authors: ['Ayşe Yılmaz', ' '] }, 'authors.1'],
    ['a title of zero-width spaces', { ...valid, title: '\u200B\u200B \u200D' }, 'title'],
    [
      'a lede of invisible characters',
      { ...valid, description: '\u00AD\u2060\u3164\u2800' },
      'description',
    ],
    [
      'a tag of a byte order mark and a direction mark',
      { ...valid, tags: ['\uFEFF\u200F'] },
      'tags.0',
    ],
    [
      'a source name of no-break spaces',
      { ...valid, source: { ...valid.source, name: '\u00A0\u202F' } },
      'source.name',
    ],
    ['a slug of 300 characters', { ...valid, slug: 'a'.repeat(300) }, 'slug'],
    ['a slug of 101 characters', { ...valid, slug: `${'kelime-'.repeat(14)}abc` }, 'slug'],
    [
      'an old address with a part of 300 characters',
      { ...valid, redirectFrom: [`/2025/10/28/${'a'.repeat(300)}/`] },
      'redirectFrom.0',
    ],
    ['the search page as an old address', { ...valid, redirectFrom: ['/ara/'] }, 'redirectFrom.0'],
    [
      'a tag page as an old address',
      { ...valid, redirectFrom: ['/2025/10/28/x/', '/etiket/rusya/'] },
      'redirectFrom.1',
    ],
    ['the lookup pages as an old address', { ...valid, redirectFrom: ['/bul/'] }, 'redirectFrom.0'],
    ['the 404 page as an old address', { ...valid, redirectFrom: ['/404/'] }, 'redirectFrom.0'],
    [
      'the search index as an old address',
      { ...valid, redirectFrom: ['/pagefind/tr/'] },
      'redirectFrom.0',
    ],
    ['the home page as an old address', { ...valid, redirectFrom: ['/'] }, 'redirectFrom.0'],
    [
      "the home page's second page as an old address",
      { ...valid, redirectFrom: ['/sayfa/2/'] },
      'redirectFrom.0',
    ],
    ["a year's page as an old address", { ...valid, redirectFrom: ['/2025/'] }, 'redirectFrom.0'],
    [
      "a month's page as an old address",
      { ...valid, redirectFrom: ['/2025/10/'] },
      'redirectFrom.0',
    ],
    [
      "a month's later page as an old address",
      { ...valid, redirectFrom: ['/2025/10/sayfa/3/'] },
      'redirectFrom.0',
    ],
    ['a publication day in 1800', { ...valid, publishedAt: '1800-01-01' }, 'publishedAt'],
    ['an archiving day after today', { ...valid, archivedAt: '2999-01-01' }, 'archivedAt'],
  ])('refuses %s, naming the field', (_, data, field) => {
    const found = problems(data);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((problem) => problem.startsWith(`${field}: `))).toBe(true);
  });

  test('says why a date is refused', () => {
    expect(problems({ ...valid, publishedAt: futureDay }).join('\n')).toMatch(
      new RegExp(`^publishedAt: ${futureDay} is after today \\(\\d{4}-\\d{2}-\\d{2}\\)`),
    );
    expect(problems({ ...valid, archivedAt: '2025-10-27' }).join('\n')).toContain(
      'archivedAt: 2025-10-27 is before publishedAt (2025-10-28)',
    );
  });

  test("says why an old address is refused, and which of the site's routes it would take", () => {
    expect(problems({ ...valid, redirectFrom: ['/etiket/rusya/'] })).toEqual([
      "redirectFrom.0: /etiket/rusya/ is the site's own address (/etiket/…): an old address cannot take it",
    ]);
    expect(problems({ ...valid, redirectFrom: ['/2025/10/'] })).toEqual([
      "redirectFrom.0: /2025/10/ is the site's own address (/2025/…): an old address cannot take it",
    ]);
  });

  test('accepts the earliest day, an old address of an article, and a slug of 100 characters', () => {
    expect(problems({ ...valid, publishedAt: '1900-01-01' })).toEqual([]);
    expect(
      problems({ ...valid, redirectFrom: ['/2025/10/28/eski-baslik/', '/haber/ara/'] }),
    ).toEqual([]);
    expect(problems({ ...valid, slug: 'a'.repeat(100) })).toEqual([]);
    expect(problems({ ...valid, title: 'Başlık\u200B', tags: ['\u200BRusya'] })).toEqual([]);
  });

  test('accepts authors, an archiving day on the publication day, and a title in any script', () => {
    expect(
      articleSchema.parse({ ...valid, authors: ['Stella Kim', 'Jennifer Jett'] }).authors,
    ).toEqual(['Stella Kim', 'Jennifer Jett']);
    expect(articleSchema.parse(valid).authors).toEqual([]);
    expect(problems({ ...valid, archivedAt: '2025-10-28' })).toEqual([]);
    expect(permalink(articleSchema.parse({ ...valid, title: '«Известия»' }))).toBe(
      '/2025/10/28/izvestiya/',
    );
  });

  test('names the unknown key', () => {
    expect(problems({ ...valid, publishedat: '2025-10-28' }).join('\n')).toContain('publishedat');
  });
});

describe('permalink', () => {
  test('is /yyyy/mm/dd/slug/ from the publication day and the Turkish slug of the title', () => {
    expect(permalink(articleSchema.parse(valid))).toBe(
      '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/',
    );
  });

  test('cuts the slug of a long title at a word boundary, so a file name is never too long', () => {
    const address = permalink(
      articleSchema.parse({ ...valid, title: `${'Çok uzun başlık '.repeat(18)}son` }),
    );
    const slug = address.split('/')[4]!;
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug.split('-').every((word) => ['cok', 'uzun', 'baslik'].includes(word))).toBe(true);
  });

  test('keeps the slug field over a changed title', () => {
    expect(
      permalink(articleSchema.parse({ ...valid, title: 'Yeni başlık', slug: 'lavrov-zirve' })),
    ).toBe('/2025/10/28/lavrov-zirve/');
  });

  test("uses the publisher's day of a date-time", () => {
    expect(
      permalink(
        articleSchema.parse({ ...valid, publishedAt: '2025-10-29T01:15:00+03:00', title: 'Gece' }),
      ),
    ).toBe('/2025/10/29/gece/');
  });
});

test('byNewest orders by time, then by permalink', () => {
  const article = (publishedAt: string, title: string) => {
    const data = articleSchema.parse({ ...valid, publishedAt, title });
    return { data, permalink: permalink(data) };
  };
  const sorted = [
    article('2024-01-01', 'Eski'),
    article('2025-10-28', 'B'),
    article('2025-10-28', 'A'),
    article('2025-10-28T09:00:00+03:00', 'Sabah'),
  ].sort(byNewest);
  expect(sorted.map((a) => a.data.title)).toEqual(['Sabah', 'A', 'B', 'Eski']);
});

test("a version is published with its article's first day, slug, tags and old addresses, and its own text and capture", () => {
  const first = articleSchema.parse({
    ...valid,
    slug: 'lavrov-zirve',
    tags: ['Rusya', 'İzmir'],
    redirectFrom: ['/eski/lavrov/'],
  });
  const later = articleSchema.parse({
    ...valid,
    title: 'Lavrov: garantiler şart',
    publishedAt: '2025-10-29',
    archivedAt: '2025-10-30',
  });
  const published = withArticleFields(later, first);
  expect(published).toMatchObject({
    title: 'Lavrov: garantiler şart',
    slug: 'lavrov-zirve',
    tags: ['Rusya', 'İzmir'],
    redirectFrom: ['/eski/lavrov/'],
  });
  expect(published.publishedAt.date).toBe('2025-10-28');
  expect(published.archivedAt?.date).toBe('2025-10-30');
  expect(permalink(published)).toBe(permalink(first));
});
