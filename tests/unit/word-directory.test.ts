import { expect, test } from 'vitest';
import { exactFormsOf } from '../../src/lib/exact-forms.ts';
import {
  answeringBundles,
  lookUpWord,
  scoreFactor,
  shardFile,
  shardOf,
  writeDirectory,
  type BundleWords,
  type Shard,
} from '../../src/lib/word-directory.ts';

/** Each bundle's exact forms with how many of its texts have each, as the build counts them. */
function bundlesOf(texts: Record<string, string[]>): Map<string, BundleWords> {
  return new Map(
    Object.entries(texts).map(([bundle, pages]) => {
      const forms = new Map<string, number>();
      for (const page of pages)
        for (const form of exactFormsOf(page, bundle.startsWith('tr/')))
          forms.set(form, (forms.get(form) ?? 0) + 1);
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
      .filter((file) => file !== 'shards.json')
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
