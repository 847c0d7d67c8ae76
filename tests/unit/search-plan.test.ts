import { expect, test } from 'vitest';
import { exactFormsOf } from '../../src/lib/exact-forms.ts';
import type { LanguageBundles } from '../../src/lib/search-bundles.ts';
import {
  ENOUGH_RESULTS,
  estimatedPages,
  planSearch,
  type PlanInput,
} from '../../src/lib/search-plan.ts';
import {
  answeringBundles,
  answeringTogether,
  partFile,
  partsOf,
  shardFile,
  shardOf,
  writeDirectory,
  type BundleWords,
  type PagesPart,
  type Shard,
} from '../../src/lib/word-directory.ts';

/**
 * Plans made from a real directory: twelve years of Turkish texts, written as the build writes
 * them (writeDirectory) and read as the search page reads them (answeringBundles).
 */

const YEARS = Array.from({ length: 12 }, (_, index) => String(2014 + index));
/** Every year has four articles on the economy; the oldest one has one on turtles, and an economist's. */
const texts: Record<string, string[]> = Object.fromEntries(
  YEARS.map((year) => [
    `tr/${year}`,
    [
      'Ekonomi bakanı ihracat rakamlarını açıkladı.',
      'Ekonomi büyüdü, ticaret hacmi arttı.',
      'Ekonomi toplantısı ertelendi.',
      'Belediye ekonomi raporunu yayımladı.',
      ...(year === '2014'
        ? ['Sahilde yavru kaplumbağalar korundu.', 'Ekonom Ayşe Kaya konuştu.']
        : []),
    ],
  ]),
);
texts['en/2025'] = ['The economy grew.'];

function bundlesOf(byBundle: Record<string, string[]>): Map<string, BundleWords> {
  return new Map(
    Object.entries(byBundle).map(([bundle, pages]) => {
      const forms = new Map<string, number[]>();
      for (const [ordinal, page] of pages.entries())
        for (const form of exactFormsOf(page, bundle.startsWith('tr/')))
          forms.set(form, [...(forms.get(form) ?? []), ordinal]);
      return [bundle, { pages: pages.length, forms }];
    }),
  );
}

const files = writeDirectory(bundlesOf(texts));
const shard = (word: string) => {
  const text = files.get(shardFile(shardOf(word)));
  return text === undefined ? undefined : (JSON.parse(text) as Shard);
};
const archive: LanguageBundles = { tr: YEARS, en: ['2025'] };

/** A reader who chose nothing: every year, every language, by relevance. */
const NO_CHOICES = {
  chosenYears: [],
  chosenDays: [],
  narrowed: false,
  languages: [],
  order: 'relevance',
  everyYear: false,
} satisfies Partial<PlanInput>;

/** The plan of a query, as the search page makes it, with the reader's choices. */
function plan(
  query: string,
  choices: Partial<PlanInput> = {},
  bundles = archive,
  shardOfWord = shard,
) {
  const words = query.split(' ');
  const answering = answeringBundles(words, words.map(shardOfWord), bundles);
  if (answering.kind === 'missing') throw new Error(`${answering.word} is in no bundle`);
  return planSearch({
    answering: answering.bundles,
    words: answering.words,
    ...NO_CHOICES,
    ...choices,
  });
}

test('a common word loads the newest years until they hold a results page, and leaves the rest for later', () => {
  // Four articles a year have `ekonomi`: three years hold the ten results of the first page.
  expect(ENOUGH_RESULTS).toBe(10);
  const { now, later } = plan('ekonomi');
  expect(now).toEqual({ tr: ['2023', '2024', '2025'], en: [] });
  expect(later?.bundles).toEqual({ tr: YEARS.slice(0, 9), en: [] });
  expect(later?.span).toEqual({ kind: 'years', first: '2014', last: '2022', years: 9 });
  // The economist's page too: `ekonom` is `ekonomi`'s stem, and Pagefind finds it.
  expect(later?.pages).toBe(37);
});

test('a rare word loads exactly its bundles', () => {
  expect(plan('kaplumbağalar')).toEqual({ now: { tr: ['2014'], en: [] } });
});

test('a word few articles have as written loads every year, however many have longer words it starts', () => {
  // `ekonom` is on one page as written, and starts `ekonomi`, on four pages of every year: the
  // article with it as written ranks first (search-ranking.ts), wherever it is.
  const known = plan('ekonom');
  expect(known).toEqual({ now: { tr: YEARS, en: [] } });
});

test('newest first needs the newest years, oldest first the oldest', () => {
  expect(plan('ekonomi', { order: 'desc' }).now.tr).toEqual(['2023', '2024', '2025']);
  const oldest = plan('ekonomi', { order: 'asc' });
  expect(oldest.now.tr).toEqual(['2014', '2015', '2016']);
  expect(oldest.later?.bundles.tr).toEqual(YEARS.slice(3));
});

test('the reader’s step, a period or a filter asks every year chosen', () => {
  expect(plan('ekonomi', { everyYear: true }).now.tr).toEqual(YEARS);
  expect(plan('ekonomi', { everyYear: true }).later).toBeUndefined();
  const period = plan('ekonomi', { narrowed: true, chosenYears: ['2015', '2016', '2017', '2018'] });
  expect(period).toEqual({ now: { tr: ['2015', '2016', '2017', '2018'], en: [] } });
  expect(plan('ekonomi', { narrowed: true }).now.tr).toEqual(YEARS);
});

test('only the languages shown count towards enough', () => {
  // English has one article with `economy` in 2025: not enough for a page, so every year of it is asked.
  const english = plan('economy', { languages: ['en'] });
  expect(english).toEqual({ now: { tr: [], en: ['2025'] } });
});

test('a query of two words counts the pages likely to have both, at least', () => {
  // `ekonomi` on four of a year's pages, `bakanı` on one: one page a year, at least, by the
  // directory (the words falling on pages independently): ten years to fill a page.
  expect(estimatedPages('tr/2020', wordsOf('ekonomi bakanı'), 'least')).toBeCloseTo(1);
  const both = plan('ekonomi bakanı');
  expect(both.now.tr).toEqual(YEARS.slice(2));
  expect(both.later?.span).toEqual({ kind: 'years', first: '2014', last: '2015', years: 2 });
});

/** The plan of a query of two or more words once the page sets are read, as the search page makes it. */
function planTogether(query: string) {
  const words = query.split(' ');
  const answering = answeringBundles(words, words.map(shard), archive);
  if (answering.kind === 'missing') throw new Error(`${answering.word} is in no bundle`);
  const parts = new Map(
    partsOf(answering.words).map((part) => [
      part,
      JSON.parse(files.get(partFile(part))!) as PagesPart,
    ]),
  );
  const together = answeringTogether(answering, parts);
  return planSearch({
    answering: together.bundles,
    words: together.words,
    together: together.together,
    ...NO_CHOICES,
  });
}

test('two words’ pages together, once read, say which years hold them and how many pages', () => {
  // `ekonomi` and `bakanı` are on one page of every year together: the ten newest hold a page.
  expect(planTogether('ekonomi bakanı')).toEqual(plan('ekonomi bakanı'));
  // `bakanı` and `belediye` are each in every year, never on one page: no year is asked, where
  // counting them as independent asked all twelve.
  expect(plan('bakanı belediye').now.tr).toEqual(YEARS);
  expect(planTogether('bakanı belediye')).toEqual({ now: { tr: [], en: [] } });
  // `ekonomi` and `ertelendi` are together on one page a year, and `büyüdü` with both on none.
  expect(planTogether('ekonomi ertelendi').now.tr).toEqual(YEARS.slice(2));
  expect(planTogether('ekonomi ertelendi büyüdü').now.tr).toEqual([]);
});

function wordsOf(query: string) {
  const words = query.split(' ');
  const answering = answeringBundles(words, words.map(shard), archive);
  return answering.kind === 'bundles' ? answering.words : [];
}

/**
 * A large year split (search-bundles.ts): 2025's Turkish articles in its last three months, one
 * bundle a month, and its third quarter; 2024 whole; English's 2025 whole. Four articles of each
 * bundle have `ekonomi`.
 */
const SPLIT: LanguageBundles = {
  tr: ['2025-12', '2025-11', '2025-10', '2025-q3', '2024'],
  en: ['2025'],
};
const splitFiles = writeDirectory(
  bundlesOf(
    Object.fromEntries(
      [...SPLIT.tr!.map((period) => `tr/${period}`), 'en/2025'].map((bundle) => [
        bundle,
        bundle === 'en/2025' ? ['The economy grew.'] : texts['tr/2020']!,
      ]),
    ),
  ),
);
const splitShard = (word: string) => {
  const text = splitFiles.get(shardFile(shardOf(word)));
  return text === undefined ? undefined : (JSON.parse(text) as Shard);
};
const planSplit = (query: string, choices: Partial<PlanInput> = {}) =>
  plan(query, choices, SPLIT, splitShard);

test('a split year’s newest months are the first tier, and the step names the months it leaves', () => {
  const { now, later } = planSplit('ekonomi');
  // Four pages a month: the newest three months hold ten.
  expect(now).toEqual({ tr: ['2025-12', '2025-11', '2025-10'], en: [] });
  expect(later?.bundles).toEqual({ tr: ['2025-q3', '2024'], en: [] });
  expect(later?.span).toEqual({ kind: 'months', text: 'Ocak 2024 – Eylül 2025' });
  const oldest = planSplit('ekonomi', { order: 'asc' });
  expect(oldest.now.tr).toEqual(['2025-10', '2025-q3', '2024']);
  expect(oldest.later?.span).toEqual({ kind: 'months', text: 'Kasım–Aralık 2025' });
});

test('a period asks the bundles that hold its days, a year filter those of its year', () => {
  const november = planSplit('ekonomi', {
    narrowed: true,
    chosenYears: ['2025'],
    chosenDays: ['2025-11-28', '2025-11-29', '2025-11-30'],
  });
  expect(november).toEqual({ now: { tr: ['2025-11'], en: [] } });
  const summer = planSplit('ekonomi', {
    narrowed: true,
    chosenYears: ['2024', '2025'],
    chosenDays: ['2024-12-31', '2025-07-01'],
  });
  expect(summer.now).toEqual({ tr: ['2025-q3', '2024'], en: [] });
  expect(planSplit('ekonomi', { narrowed: true, chosenYears: ['2025'] }).now.tr).toEqual(
    SPLIT.tr!.slice(0, 4),
  );
});
