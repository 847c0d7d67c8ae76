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

test('one article has one key whatever its path is spelt in: composed or decomposed letters, escapes in either case', () => {
  const composed = 'https://haber.example/2025/çevre-ödülü';
  const key = lookupKey(composed);
  expect(key).toBe('haber.example/2025/%C3%A7evre-%C3%B6d%C3%BCl%C3%BC');
  for (const address of [
    composed.normalize('NFD'),
    'https://haber.example/2025/%c3%a7evre-%c3%b6d%c3%bcl%c3%bc',
    'https://haber.example/2025/c%CC%A7evre-o%CC%88du%CC%88lu%CC%88/',
    'http://www.haber.example:80/2025/çevre-ödülü#yorumlar',
    'https://haber.example.:443/2025/çevre-ödülü',
    'https://haber.example/2025/%C3%A7evre-%C3%B6d%C3%BCl%C3%BC',
  ])
    expect(lookupKey(address), address).toBe(key);
  expect(lookupKey('https://haber.example/ara?q=çevre'.normalize('NFD'))).toBe(
    lookupKey('https://haber.example/ara?q=%C3%A7evre'),
  );
});

test('keeps apart what can name another article: an escaped slash, another query, bytes that are not UTF-8', () => {
  expect(lookupKey('https://haber.example/a%2Fb')).not.toBe(lookupKey('https://haber.example/a/b'));
  expect(lookupKey('https://haber.example/oku?id=1')).not.toBe(
    lookupKey('https://haber.example/oku?id=2'),
  );
  expect(lookupKey('https://haber.example/%fd%fe')).toBe('haber.example/%FD%FE');
  expect(lookupKey('https://haber.example/%fd')).not.toBe(lookupKey('https://haber.example/ı'));
});
