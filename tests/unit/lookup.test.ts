import { expect, test } from 'vitest';
import { lookupKey } from '../../src/lib/lookup.ts';

test('one article has one key whatever form its address is pasted in', () => {
  const key = 'anlatilaninotesi.com.tr/20251028/lavrov-1100546880.html';
  for (const address of [
    'https://anlatilaninotesi.com.tr/20251028/lavrov-1100546880.html',
    'http://www.anlatilaninotesi.com.tr/20251028/lavrov-1100546880.html#paylas',
    '  https://ANLATILANINOTESI.com.tr/20251028/lavrov-1100546880.html/ ',
  ]) {
    expect(lookupKey(address)).toBe(key);
  }
});

test('keeps the query, which can tell articles apart', () => {
  expect(lookupKey('https://haber.example/oku?id=42')).toBe('haber.example/oku?id=42');
});

test('refuses what is not a web address', () => {
  expect(lookupKey('lavrov')).toBeUndefined();
  expect(lookupKey('javascript:alert(1)')).toBeUndefined();
  expect(lookupKey('ftp://haber.example/x')).toBeUndefined();
});
