import { expect, test } from 'vitest';
import {
  addCounts,
  keepsResults,
  mergeByDate,
  noticeOf,
  rankByRelevance,
  searchGroups,
  type FilterCounts,
  type Ranked,
} from '../../src/lib/search-ranking.ts';

/** A result as the search page ranks it: its address, and what it knows of it before its data. */
type Result = Ranked & { url: string };
const result = (url: string, ranked: Partial<Ranked>): Result => ({
  url,
  exactWords: 0,
  typedWords: 0,
  typed: false,
  score: 0,
  ...ranked,
});

test('an article with the word as typed ranks above one with another spelling, whatever the scores', () => {
  // `ilik`: the year of marrow weighs the word little, the year of `ılık` much.
  const marrow = [
    result('/2023/03/10/ilik-0/', { exactWords: 1, typedWords: 1, typed: true, score: 0.4 }),
    result('/2023/03/10/ilik-1/', { exactWords: 1, typedWords: 1, typed: true, score: 0.3 }),
  ];
  const lukewarm = [
    result('/2017/03/10/ilik-bir-gun/', { exactWords: 1, typedWords: 0, typed: true, score: 9 }),
  ];
  expect(rankByRelevance([lukewarm, marrow]).map(({ url }) => url)).toEqual([
    '/2023/03/10/ilik-0/',
    '/2023/03/10/ilik-1/',
    '/2017/03/10/ilik-bir-gun/',
  ]);
});

test('more of the query’s words first, then found as typed, then by score across bundles', () => {
  const ranked = rankByRelevance([
    [
      result('/2024/a/', { exactWords: 1, typedWords: 1, typed: true, score: 5 }),
      result('/2024/b/', { exactWords: 2, typedWords: 1, typed: false, score: 1 }),
    ],
    [
      result('/2015/c/', { exactWords: 1, typedWords: 1, typed: false, score: 8 }),
      result('/2015/d/', { exactWords: 1, typedWords: 1, typed: true, score: 6 }),
    ],
  ]);
  expect(ranked.map(({ url }) => url)).toEqual(['/2024/b/', '/2015/d/', '/2024/a/', '/2015/c/']);
});

test('lists in date order are merged by their heads’ dates, loading no more data than needed', async () => {
  const dated = (year: string, day: string) => ({
    url: `/${year}/${day}/`,
    date: `${year}-${day}`,
  });
  const lists = [
    [dated('2025', '11-02'), dated('2025', '03-10')],
    [dated('2014', '12-31'), dated('2014', '01-05')],
    [dated('2020', '06-01')],
  ];
  const loaded: string[] = [];
  const next = mergeByDate(
    lists,
    async (item) => {
      loaded.push(item.url);
      return { meta: { date: item.date } };
    },
    (data) => data.meta.date,
    'desc',
  );
  const first = await next(2);
  expect(first.map(({ item }) => item.url)).toEqual(['/2025/11-02/', '/2025/03-10/']);
  // Each list's head, and the next of the list the first page came from.
  expect(loaded.sort()).toEqual(['/2014/12-31/', '/2020/06-01/', '/2025/03-10/', '/2025/11-02/']);
  expect((await next(10)).map(({ item }) => item.url)).toEqual([
    '/2020/06-01/',
    '/2014/12-31/',
    '/2014/01-05/',
  ]);
  expect(await next(10)).toEqual([]);
  const oldest = mergeByDate(
    lists.map((list) => [...list].reverse()),
    async (item) => item.date,
    (date) => date,
    'asc',
  );
  expect((await oldest(3)).map(({ item }) => item.url)).toEqual([
    '/2014/01-05/',
    '/2014/12-31/',
    '/2020/06-01/',
  ]);
});

test('a word found as typed or as a prefix somewhere is found; a kept fallback is said; else nothing is', () => {
  const words = ['zirvelerimizdekiler', 'lavrov'];
  expect(
    noticeOf(words, [
      [{ kind: 'instead', word: 'zirve' }, 'exact'],
      [{ kind: 'unrelated' }, { kind: 'prefix' }],
    ]),
  ).toEqual({ kind: 'instead', word: 'zirvelerimizdekiler', instead: 'zirve' });
  expect(noticeOf(words, [['exact', 'exact']])).toEqual({ kind: 'none' });
  expect(
    noticeOf(words, [
      ['exact', { kind: 'unrelated' }],
      [{ kind: 'prefix' }, { kind: 'unrelated' }],
    ]),
  ).toEqual({ kind: 'notFound', word: 'lavrov' });
  expect(keepsResults(['exact', { kind: 'prefix' }, { kind: 'instead', word: 'zirve' }])).toBe(
    true,
  );
  expect(keepsResults(['exact', { kind: 'unrelated' }])).toBe(false);
});

test('filter counts add up across bundles, or take the larger of two searches of the same pages', () => {
  const into: FilterCounts = { source: { 'Yerel Haber': 3 } };
  addCounts(
    into,
    { source: { 'Yerel Haber': 2, 'Doğu Haber': 1 }, year: { '2024': 3 } },
    (a, b) => a + b,
  );
  expect(into).toEqual({ source: { 'Yerel Haber': 5, 'Doğu Haber': 1 }, year: { '2024': 3 } });
  addCounts(into, { source: { 'Yerel Haber': 4 } }, Math.max);
  expect(into.source!['Yerel Haber']).toBe(5);
});

test('years are asked one by one for words or a date order, together for filters alone', () => {
  const years = ['2014', '2015', '2016'];
  expect(searchGroups(years, true, false)).toEqual([['2014'], ['2015'], ['2016']]);
  expect(searchGroups(years, false, true)).toEqual([['2014'], ['2015'], ['2016']]);
  expect(searchGroups(years, false, false)).toEqual([years]);
});
