import { expect, test } from 'vitest';
import { exactFormsOf } from '../../src/lib/exact-forms.ts';
import {
  bundlesFor,
  shardFile,
  shardOf,
  writeDirectory,
  type Shard,
} from '../../src/lib/word-directory.ts';

/** Each bundle's exact forms with how many of its texts have each, as the build counts them. */
function bundlesOf(texts: Record<string, string[]>): Map<string, Map<string, number>> {
  return new Map(
    Object.entries(texts).map(([bundle, pages]) => {
      const forms = new Map<string, number>();
      for (const page of pages)
        for (const form of exactFormsOf(page)) forms.set(form, (forms.get(form) ?? 0) + 1);
      return [bundle, forms];
    }),
  );
}

const archive = bundlesOf({
  'tr/2015': ['Zeytinyağı üreticileri toplandı.', 'Kemik iliği bağışı.'],
  'tr/2024': ['Kıyıda ılık bir gün.', 'Zeytin hasadı başladı.', 'Zeytin fiyatları.'],
  'en/2025': ['Leaders gather for the summit.'],
});
const files = writeDirectory(archive);
const shard = (word: string): Shard | undefined => {
  const text = files.get(shardFile(shardOf(word)));
  return text === undefined ? undefined : (JSON.parse(text) as Shard);
};
const language = (bundle: string) => bundle.split('/')[0]!;
const lookUp = (word: string) =>
  Object.fromEntries(bundlesFor(shard(word.toLocaleLowerCase('tr')), word, language));

test('a shard is named by its first two letters, in hex of their UTF-8 bytes', () => {
  expect(shardOf('zeytin')).toBe('ze');
  expect(shardFile('ze')).toBe('7a65.json');
  expect(shardFile(shardOf('ılık'))).toBe('c4b16c.json');
  expect(shardFile(shardOf('переговоры'))).toBe('d0bfd0b5.json');
  expect([...files.keys()]).toContain('7a65.json');
});

test('each word says which bundles hold it and on how many pages, in sorted order', () => {
  expect(JSON.parse(files.get('7a65.json')!)).toEqual({
    bundles: ['tr/2015', 'tr/2024'],
    words: { '0zeytin0': [1, 2], '0zeytinyagi0': [0, 1] },
  });
  // Folded: `ılık` is in the shard of `il`, beside `iliği`.
  expect(JSON.parse(files.get(shardFile('il'))!).words).toEqual({
    '0iligi0': [0, 1],
    '0ilik0': [1, 1],
  });
});

test('the same bundles give the same bytes, whatever order they came in', () => {
  const reversed = new Map(
    [...archive].reverse().map(([bundle, forms]) => [bundle, new Map([...forms].reverse())]),
  );
  expect(writeDirectory(reversed)).toEqual(files);
});

test('a rare word is answered by its one bundle, a common one by every bundle that has it', () => {
  expect(lookUp('zeytinyağı')).toEqual({ 'tr/2015': 1 });
  expect(lookUp('ZEYTİNYAĞI')).toEqual({ 'tr/2015': 1 });
  // `zeytin` starts `zeytinyağı`: Pagefind's prefix matching finds it there too.
  expect(lookUp('zeytin')).toEqual({ 'tr/2015': 1, 'tr/2024': 2 });
  expect(lookUp('summit')).toEqual({ 'en/2025': 1 });
});

test('a word the fallback rule keeps is answered by the bundles of its stem', () => {
  // zeytin + ler·in·den: a stem and its suffixes.
  expect(lookUp('zeytinlerinden')).toEqual({ 'tr/2015': 1, 'tr/2024': 2 });
  expect(lookUp('summits')).toEqual({ 'en/2025': 1 });
});

test('a word no bundle can answer has none, whether its shard exists or not', () => {
  expect(lookUp('zeybek')).toEqual({});
  expect(lookUp('qqqzzz')).toEqual({});
  expect(shard('qqqzzz')).toBeUndefined();
  // `zeytinxqwerty` shares `zeytin`, but the rest is no Turkish suffix.
  expect(lookUp('zeytinxqwerty')).toEqual({});
});
