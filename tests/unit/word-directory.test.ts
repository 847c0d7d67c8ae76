import { expect, test } from 'vitest';
import { exactFormsOf, exactKey } from '../../src/lib/exact-forms.ts';
import { judgeFallback } from '../../src/lib/fallback-match.ts';
import {
  answeringBundles,
  answeringTogether,
  decodePages,
  encodePages,
  lookUpWord,
  pagesTogether,
  partFile,
  partOf,
  partsOf,
  scoreFactor,
  shardFile,
  shardOf,
  writeDirectory,
  type BundleWords,
  type PagesPart,
  type Shard,
} from '../../src/lib/word-directory.ts';

/** Each bundle's exact forms with how many of its texts have each, as the build counts them. */
function bundlesOf(texts: Record<string, string[]>): Map<string, BundleWords> {
  return new Map(
    Object.entries(texts).map(([bundle, pages]) => {
      const forms = new Map<string, number[]>();
      for (const [ordinal, page] of pages.entries())
        for (const form of exactFormsOf(page, bundle.startsWith('tr/')))
          forms.set(form, [...(forms.get(form) ?? []), ordinal]);
      return [bundle, { pages: pages.length, forms }];
    }),
  );
}

const archive = bundlesOf({
  'tr/2015': ['Zeytinyağı üreticileri toplandı.', 'Kemik iliği bağışı, ilik nakli.'],
  'tr/2024': ['Kıyıda ılık bir gün.', 'Zeytin hasadı başladı.', 'Zeytin fiyatları.'],
  'en/2025': ['Leaders gather for the summit.'],
});
const files = writeDirectory(archive);
const shard = (word: string): Shard | undefined => {
  const text = files.get(shardFile(shardOf(word)));
  return text === undefined ? undefined : (JSON.parse(text) as Shard);
};
const language = (bundle: string) => bundle.split('/')[0]!;
const lookUp = (word: string) => lookUpWord(shard(word), word, language);
const bundles = (word: string) => Object.fromEntries(lookUp(word).bundles);

test('a shard is named by the first two letters of a word folded, in hex of their UTF-8 bytes', () => {
  expect(shardOf('Zeytin')).toBe('ze');
  expect(shardOf('ılık')).toBe('il');
  expect(shardFile('ze')).toBe('7a65.json');
  expect(shardFile(shardOf('переговоры'))).toBe('d0bfd0b5.json');
  expect([...files.keys()]).toContain('7a65.json');
  expect(JSON.parse(files.get('shards.json')!)).toEqual(
    [...files.keys()]
      .filter((file) => file !== 'shards.json' && !file.endsWith('.pages.json'))
      .map((file) => Buffer.from(file.slice(0, -5), 'hex').toString())
      .sort(),
  );
});

test('each word says which bundles hold it and on how many pages, in sorted order', () => {
  expect(JSON.parse(files.get('7a65.json')!)).toEqual({
    bundles: ['tr/2015', 'tr/2024'],
    pages: [2, 3],
    words: { '0zeytin0': [1, 2], '0zeytinyagı0': [0, 1] },
  });
  // `ılık` is in the shard of `il`, beside `ilik` and `iliği`: one spelling each.
  expect(JSON.parse(files.get(shardFile('il'))!).words).toEqual({
    '0iligi0': [0, 1],
    '0ilik0': [0, 1],
    '0ılık0': [1, 1],
  });
});

test('the same bundles give the same bytes, whatever order they came in', () => {
  const reversed = new Map(
    [...archive]
      .reverse()
      .map(([bundle, { pages, forms }]) => [
        bundle,
        { pages, forms: new Map([...forms].reverse()) },
      ]),
  );
  expect(writeDirectory(reversed)).toEqual(files);
});

test('a rare word is answered by its one bundle, a common one by every bundle that has it', () => {
  expect(bundles('zeytinyağı')).toEqual({ 'tr/2015': 1 });
  expect(bundles('ZEYTİNYAĞI')).toEqual({ 'tr/2015': 1 });
  expect(bundles('zeytinyagi')).toEqual({ 'tr/2015': 1 });
  // `zeytin` starts `zeytinyağı`: Pagefind's prefix matching finds it there too.
  expect(bundles('zeytin')).toEqual({ 'tr/2015': 1, 'tr/2024': 2 });
  expect(bundles('summit')).toEqual({ 'en/2025': 1 });
});

test('a word lists its spellings, ı and i apart, with the bundles of each', () => {
  expect(lookUp('ilik').spellings).toEqual(
    new Map([
      ['0ilik0', new Set(['tr/2015'])],
      ['0ılık0', new Set(['tr/2024'])],
    ]),
  );
  expect(lookUp('ılık').spellings).toEqual(lookUp('ilik').spellings);
  expect(lookUp('ilik').pages).toEqual(
    new Map([
      ['tr/2015', 2],
      ['tr/2024', 3],
    ]),
  );
});

test('a word the fallback rule keeps is answered by the bundles of its stem', () => {
  // zeytin + ler·in·den: a stem and its suffixes.
  expect(bundles('zeytinlerinden')).toEqual({ 'tr/2015': 1, 'tr/2024': 2 });
  expect(bundles('summits')).toEqual({ 'en/2025': 1 });
});

test('a word no bundle can answer has none, whether its shard exists or not', () => {
  expect(bundles('zeybek')).toEqual({});
  expect(bundles('qqqzzz')).toEqual({});
  expect(shard('qqqzzz')).toBeUndefined();
  // `zeytinxqwerty` shares `zeytin`, but the rest is no Turkish suffix.
  expect(bundles('zeytinxqwerty')).toEqual({});
});

test('scores of two bundles are made comparable: a word rare in one year weighs there what it weighs in the archive', () => {
  // `zeytin`: on 2 of the 3 pages of 2024 and 1 of the 2 of 2015; `fiyat…`: on 1 page of 2024 only.
  const words = [lookUp('zeytin')];
  const pagefindIdf = (pages: number, having: number) =>
    Math.log((pages - having + 0.5) / (having + 0.5) + 1);
  // Pagefind weighs a match by its bundle's idf: the factor turns both into the archive's (6 pages, 3 with it).
  const archiveIdf = pagefindIdf(6, 3);
  expect(scoreFactor('tr/2024', words, 6) * pagefindIdf(3, 2)).toBeCloseTo(archiveIdf);
  expect(scoreFactor('tr/2015', words, 6) * pagefindIdf(2, 1)).toBeCloseTo(archiveIdf);
  expect(scoreFactor('tr/2024', words, 6)).not.toBeCloseTo(scoreFactor('tr/2015', words, 6));
  // A bundle the shard does not know, or a word the directory could not look up, is left as it is.
  expect(scoreFactor('tr/1999', words, 6)).toBe(1);
  expect(scoreFactor('tr/2024', [undefined], 6)).toBe(1);
});

test('a query is answered by the bundles that can answer every word, in the archive’s order', () => {
  const bundles = { tr: ['2015', '2024'], en: ['2025'] };
  const answer = (...words: string[]) => answeringBundles(words, words.map(shard), bundles);
  expect(answer('zeytin')).toMatchObject({
    kind: 'bundles',
    bundles: { tr: ['2015', '2024'], en: [] },
  });
  // `ilik` is in 2015, `ılık` in 2024; `hasadı` in 2024 only.
  expect(answer('ilik', 'hasadı')).toMatchObject({ bundles: { tr: ['2024'], en: [] } });
  expect(answer('zeytin', 'qqqzzz')).toEqual({ kind: 'missing', word: 'qqqzzz' });
  const found = answer('zeytin');
  expect(found.kind === 'bundles' && found.words[0]!.bundles).toEqual(
    new Map([
      ['tr/2015', 1],
      ['tr/2024', 2],
    ]),
  );
});

test('a word’s surest count in a bundle is its most frequent form’s pages, its largest every form’s', () => {
  const files = writeDirectory(
    bundlesOf({ 'tr/2024': ['Zeytin hasadı, zeytinler.', 'Zeytinler toplandı.', 'Zeytin.'] }),
  );
  const zeytin = lookUpWord(JSON.parse(files.get(shardFile('ze'))!), 'zeytin', language);
  // `zeytin` on 2 pages and `zeytinler` on 2: at least 2 pages have one, at most 4 (one page has both).
  expect(zeytin.least.get('tr/2024')).toBe(2);
  expect(zeytin.bundles.get('tr/2024')).toBe(4);
});

test('a bundle’s pages are written as the gaps between them, and read back as they were', () => {
  for (const pages of [[], [0], [0, 1, 2, 3], [31], [32], [5, 40, 1000, 1031], [99_999]])
    expect(decodePages(encodePages(pages))).toEqual(pages);
  // Consecutive pages are one character each, the same one.
  expect(encodePages([0, 1, 2, 3])).toBe('AAAA');
  expect(encodePages([1000])).toHaveLength(2);
});

test('the page sets are in parts of three letters, each form’s pages in the order its shard lists its bundles', () => {
  expect(partOf('0zeytinyagı0')).toBe('zey');
  expect(partOf('0ılık0')).toBe('ili');
  expect(partFile('zey')).toBe('7a6579.pages.json');
  const part = JSON.parse(files.get(partFile('zey'))!) as PagesPart;
  expect(Object.keys(part)).toEqual(['0zeytin0', '0zeytinyagı0']);
  // `zeytin`: 2024's second and third pages; `zeytinyağı`: 2015's first.
  expect(part['0zeytin0']!.map(decodePages)).toEqual([[1, 2]]);
  expect(part['0zeytinyagı0']!.map(decodePages)).toEqual([[0]]);
});

/**
 * Twelve years in which `belediye` and `ihracat` are each on pages of every year, and together on
 * one page of 2020 only; `ihracatçılar` (a longer form, on one page) stands beside `belediye` in 2018.
 */
const pairYears = Array.from({ length: 12 }, (_, index) => `tr/${2014 + index}`);
const pairTexts = Object.fromEntries(
  pairYears.map((bundle) => [
    bundle,
    [
      'Belediye meclisi toplandı.',
      'İhracat rakamları açıklandı.',
      'Hava soğudu.',
      ...(bundle === 'tr/2020' ? ['Belediye ihracat fuarı açtı.'] : []),
      ...(bundle === 'tr/2018' ? ['Belediye ihracatçılarla buluştu.'] : []),
    ],
  ]),
);
const pairFiles = writeDirectory(bundlesOf(pairTexts));
const pairShard = (word: string) => JSON.parse(pairFiles.get(shardFile(shardOf(word)))!) as Shard;
const allParts = (names: readonly string[], files = pairFiles) =>
  new Map(names.map((name) => [name, JSON.parse(files.get(partFile(name))!) as PagesPart]));

function pairAnswer(words: string[]) {
  const answering = answeringBundles(words, words.map(pairShard), {
    tr: pairYears.map((bundle) => bundle.slice(3)),
  });
  if (answering.kind !== 'bundles') throw new Error('no bundle');
  return answering;
}

test('two words each in every bundle, together in one or two, are answered by those only', () => {
  const alone = pairAnswer(['belediye', 'ihracat']);
  expect(alone.bundles.tr).toHaveLength(12);
  expect(partsOf(alone.words)).toEqual(['bel', 'ihr']);
  const together = answeringTogether(alone, allParts(partsOf(alone.words)));
  // `ihracat` starts `ihracatçılarla`: Pagefind's prefix matching finds it in 2018 too.
  expect(together.bundles).toEqual({ tr: ['2018', '2020'] });
  expect(together.together?.get('tr/2020')).toEqual({ least: 1, most: 1 });
  // 2018's page has `ihracat` in no spelling: it may be a result, but does not rank first.
  expect(together.together?.get('tr/2018')).toEqual({ least: 0, most: 1 });
  expect(together.together?.get('tr/2015')).toEqual({ least: 0, most: 0 });
});

test('a word of two letters reads no part, its forms taken as anywhere: every bundle with both words is kept', () => {
  const files = writeDirectory(
    bundlesOf({
      'tr/2024': ['Abla geldi.', 'Abdest aldı.', 'Abi ve deniz.'],
      'tr/2025': ['Deniz dalgalı.', 'Abartılı haber.'],
    }),
  );
  const words = ['ab', 'deniz'];
  const answering = answeringBundles(
    words,
    words.map((word) => JSON.parse(files.get(shardFile(shardOf(word)))!) as Shard),
    { tr: ['2024', '2025'] },
  );
  if (answering.kind !== 'bundles') throw new Error('no bundle');
  expect(partsOf(answering.words)).toEqual(['den']);
  const together = answeringTogether(answering, allParts(['den'], files));
  // 2025 has `deniz` and `abartılı` on two pages, never on one: kept, as the forms of `ab` are unread.
  expect(together.bundles).toEqual({ tr: ['2024', '2025'] });
});

test('a form whose pages are not known is taken as anywhere in its bundle: no bundle that could answer is dropped', () => {
  const answering = pairAnswer(['belediye', 'ihracat']);
  // `ihr`'s part unread: every bundle keeps its pages of `ihracat` as unknown, so none is dropped.
  const unread = pagesTogether(answering.words, allParts(['bel']));
  expect([...unread.keys()]).toEqual(pairYears);
  for (const bundle of pairYears) expect(unread.get(bundle)!.most).toBeGreaterThan(0);
  // `ihracatçılarla` alone unknown (a form without its pages, as a part written before it): 2018 is kept, on at most one page.
  const parts = allParts(['bel', 'ihr']);
  const { '0ihracatcılarla0': _unknown, ...known } = parts.get('ihr')!;
  parts.set('ihr', known);
  const partly = pagesTogether(answering.words, parts);
  expect(partly.get('tr/2018')).toEqual({ least: 0, most: 1 });
  expect(partly.get('tr/2020')).toEqual({ least: 1, most: 1 });
  expect(partly.get('tr/2015')!.most).toBe(0);
});

/** A deterministic stream of numbers in [0, 1) (a linear congruential generator), for texts drawn at random. */
function draws(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

test('the pages together are bounded by the truth, and equal it when every form’s pages are known', () => {
  const vocabulary = [
    'bakan',
    'bakanı',
    'bakanın',
    'bakanlık',
    'putin',
    'putin’in',
    'putinle',
    'silah',
    'silahlı',
    'silahları',
    'sona',
    'son',
    'sonra',
    'erme',
    'ermesi',
    'hava',
    'deniz',
    'ılık',
  ];
  const next = draws(20);
  const texts = Object.fromEntries(
    Array.from({ length: 6 }, (_, year) => [
      `tr/${2020 + year}`,
      Array.from({ length: 15 }, () =>
        Array.from({ length: 3 }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(
          ' ',
        ),
      ),
    ]),
  );
  const files = writeDirectory(bundlesOf(texts));
  const shardOfWord = (word: string) =>
    JSON.parse(files.get(shardFile(shardOf(word))) ?? 'null') ?? undefined;
  // A page has a word when one of its forms is a spelling of it or passes the page's rule.
  const has = (text: string, word: string) =>
    [...exactFormsOf(text)].some((form) => {
      const written = form.slice(1, -1);
      return (
        exactKey(written) === exactKey(word) ||
        judgeFallback(word, [written], 'tr').kind !== 'unrelated'
      );
    });
  for (const query of [
    ['bakanı', 'putin'],
    ['sona', 'erme'],
    ['silah', 'bakan', 'hava'],
  ]) {
    const answering = answeringBundles(query, query.map(shardOfWord), {
      tr: Object.keys(texts).map((bundle) => bundle.slice(3)),
    });
    if (answering.kind !== 'bundles') continue;
    const names = partsOf(answering.words);
    const known = pagesTogether(answering.words, allParts(names, files));
    // Half the parts unread: bounds, not counts.
    const halfParts = allParts(
      names.filter((_, index) => index % 2 === 0),
      files,
    );
    const half = pagesTogether(answering.words, halfParts);
    for (const [bundle, pages] of Object.entries(texts)) {
      const truth = pages.filter((text) => query.every((word) => has(text, word))).length;
      expect(known.get(bundle)?.most ?? 0, `${query.join(' ')} in ${bundle}`).toBe(truth);
      expect(known.get(bundle)?.least ?? 0).toBeLessThanOrEqual(truth);
      expect(half.get(bundle)?.most ?? 0).toBeGreaterThanOrEqual(truth);
      expect(half.get(bundle)?.least ?? 0).toBeLessThanOrEqual(truth);
    }
  }
});
