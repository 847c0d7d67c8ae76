import { expect, test } from 'vitest';
import {
  BUNDLE_ARTICLES,
  bundleOfDay,
  newestFirst,
  oldestFirst,
  periodMonths,
  readBundleArticles,
  spanOf,
  splitIntoBundles,
  splitYear,
} from '../../src/lib/search-bundles.ts';

/** Month counts (`01`…`12`) from a list of twelve. */
const months = (counts: readonly number[]) =>
  new Map(counts.map((count, index) => [String(index + 1).padStart(2, '0'), count]));

test('a year within the bound is one bundle; over it, its quarters, and a quarter over it its months', () => {
  expect(splitYear('2025', months([100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 900]), 1000)).toEqual([
    '2025',
  ]);
  expect(splitYear('2025', months(Array(12).fill(0)), 1000)).toEqual([]);
  // 3,600 articles: the first two quarters within 1,000 stay whole, the third and fourth do not.
  const year = months([300, 300, 300, 100, 100, 100, 400, 400, 400, 0, 500, 700]);
  expect(splitYear('2025', year, 1000)).toEqual([
    '2025-12',
    '2025-11',
    '2025-09',
    '2025-08',
    '2025-07',
    '2025-q2',
    '2025-q1',
  ]);
  // A month over the bound stays whole: a month is the smallest period.
  expect(splitYear('2025', months([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5000]), 1000)).toEqual([
    '2025-12',
  ]);
});

test('an archive is split per language and year, newest first, and each article finds its bundle', () => {
  const days = [
    ...Array.from({ length: 5 }, (_, index) => ({ language: 'tr', day: `2025-12-0${index + 1}` })),
    { language: 'tr', day: '2025-02-01' },
    { language: 'tr', day: '2024-06-15' },
    { language: 'tr', day: '2024-07-15' },
    { language: 'en', day: '2025-12-01' },
    { language: 'en', day: '2025-01-01' },
  ];
  const bundles = splitIntoBundles(days, 3);
  // Turkish first (the interface's language); 2025 has six articles, over three: its quarters, the last one's months.
  expect(bundles).toEqual({ tr: ['2025-12', '2025-q1', '2024'], en: ['2025'] });
  expect(Object.keys(bundles)).toEqual(['tr', 'en']);
  expect(bundleOfDay(bundles.tr!, '2025-12-03')).toBe('2025-12');
  expect(bundleOfDay(bundles.tr!, '2025-02-01')).toBe('2025-q1');
  expect(bundleOfDay(bundles.tr!, '2024-07-15')).toBe('2024');
  expect(bundleOfDay(bundles.tr!, '2023-07-15')).toBeUndefined();
  // A new article changes its own year's split at most.
  const more = splitIntoBundles([...days, { language: 'tr', day: '2024-01-02' }, ...days], 3);
  expect(more.tr!.filter((period) => !period.startsWith('2024'))).toEqual(['2025-12', '2025-q1']);
});

test('periods are ordered by the months they cover', () => {
  expect(periodMonths('2025')).toEqual({ from: '2025-01', to: '2025-12' });
  expect(periodMonths('2025-q3')).toEqual({ from: '2025-07', to: '2025-09' });
  expect(periodMonths('2025-11')).toEqual({ from: '2025-11', to: '2025-11' });
  const periods = ['2024', '2025-q1', '2025-12', '2025', '2025-11'];
  expect([...periods].sort(newestFirst)).toEqual(['2025-12', '2025', '2025-11', '2025-q1', '2024']);
  expect([...periods].sort(oldestFirst)).toEqual(['2024', '2025-q1', '2025', '2025-11', '2025-12']);
});

test('bundles are named in Turkish: whole years by their count, parts of a year by their months', () => {
  expect(spanOf(['2025', '2022', '2024'])).toEqual({
    kind: 'years',
    first: '2022',
    last: '2025',
    years: 3,
  });
  expect(spanOf(['2025-q4'])).toEqual({ kind: 'months', text: 'Ekim–Aralık 2025' });
  expect(spanOf(['2025-12'])).toEqual({ kind: 'months', text: 'Aralık 2025' });
  expect(spanOf(['2025-11', '2025-12'])).toEqual({ kind: 'months', text: 'Kasım–Aralık 2025' });
  expect(spanOf(['2024', '2025-q1', '2025-04'])).toEqual({
    kind: 'months',
    text: 'Ocak 2024 – Nisan 2025',
  });
  expect(spanOf(['2025-08', '2025-q1'])).toEqual({ kind: 'months', text: 'Ocak–Ağustos 2025' });
  // Parts that span whole years, January to December, are named as those years.
  expect(spanOf(['2018', '2020-q1', '2020-08', '2020-12', '2025'])).toEqual({
    kind: 'years',
    first: '2018',
    last: '2025',
    years: 3,
  });
  expect(spanOf(['2025-q1', '2025-q4'])).toEqual({
    kind: 'years',
    first: '2025',
    last: '2025',
    years: 1,
  });
  expect(spanOf([])).toBeUndefined();
});

test('SEARCH_BUNDLE_ARTICLES sets the bound; anything but a whole number of at least one is refused in one line', () => {
  expect(readBundleArticles({})).toBe(BUNDLE_ARTICLES);
  expect(readBundleArticles({ SEARCH_BUNDLE_ARTICLES: ' 4 ' })).toBe(4);
  for (const wrong of ['0', '-3', '2.5', 'çok', '1e3'])
    expect(() => readBundleArticles({ SEARCH_BUNDLE_ARTICLES: wrong })).toThrow(
      `SEARCH_BUNDLE_ARTICLES="${wrong}" is not a whole number of articles of at least 1, e.g. SEARCH_BUNDLE_ARTICLES=1000`,
    );
});
