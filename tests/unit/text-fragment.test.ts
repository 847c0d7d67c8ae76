import { expect, test } from 'vitest';
import { textFragment } from '../../src/lib/text-fragment.ts';

const words =
  'Rusya Dışişleri Bakanı Sergey Lavrov, Putin-Trump zirvesi. Lavrov, "garantilere ihtiyacımız var" dedi.'.split(
    ' ',
  );

test('names the matched words in the page’s spelling, first match first, without surrounding punctuation', () => {
  expect(decodeURIComponent(textFragment(words, [8, 1, 4]))).toBe(
    '#:~:text=Dışişleri&text=Lavrov&text=garantilere',
  );
});

test('encodes hyphens, which mean something in a text directive', () => {
  expect(textFragment(words, [5])).toBe('#:~:text=Putin%2DTrump');
});

test('names each word once and at most three', () => {
  expect(textFragment(words, [4, 7, 1, 2, 3]).split('&text=')).toHaveLength(3);
  expect(textFragment(words, [4, 7])).toBe('#:~:text=Lavrov');
});

test('is empty without matches', () => {
  expect(textFragment(words, [])).toBe('');
});
