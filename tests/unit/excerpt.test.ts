import { expect, test } from 'vitest';
import { buildExcerpt } from '../../src/lib/excerpt.ts';

const join = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

test('centres on the densest run of matches and marks them', () => {
  const words = Array.from({ length: 100 }, (_, index) => `w${index}`);
  const parts = buildExcerpt(words, [3, 60, 62, 64], 10);
  expect(join(parts)).toBe('… w59 w60 w61 w62 w63 w64 w65 w66 w67 w68 …');
  expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual([
    'w60',
    'w62',
    'w64',
  ]);
});

test('starts at the beginning when the match is there, and keeps punctuation and spelling', () => {
  const parts = buildExcerpt(
    'Rusya Dışişleri Bakanı Sergey Lavrov, Moskova’nın'.split(' '),
    [1, 4, 4],
    30,
  );
  expect(parts).toEqual([
    { text: 'Rusya ', marked: false },
    { text: 'Dışişleri', marked: true },
    { text: ' Bakanı Sergey ', marked: false },
    { text: 'Lavrov', marked: true },
    { text: ', Moskova’nın', marked: false },
  ]);
});

test('shows the start of the text when nothing is marked, and ignores positions past its end', () => {
  expect(join(buildExcerpt(['bir', 'iki', 'üç'], [7], 2))).toBe('bir iki …');
});

test('marks the word, not the punctuation around it', () => {
  expect(buildExcerpt(['„Lavrov:', 'dedi'], [0], 30)).toEqual([
    { text: '„', marked: false },
    { text: 'Lavrov', marked: true },
    { text: ': dedi', marked: false },
  ]);
  expect(buildExcerpt(['—', 'a'], [0], 30)).toEqual([{ text: '— a', marked: false }]);
});
