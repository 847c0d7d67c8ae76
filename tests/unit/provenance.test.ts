import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { languageName, openGraphLocale } from '../../src/lib/languages.ts';
import {
  canonicalMarkdown,
  readingMinutes,
  sha256,
  waybackCaptures,
  wordCount,
} from '../../src/lib/provenance.ts';

test('counts words, a suffixed name as one', () => {
  expect(wordCount("Lavrov'un açıklaması: 3. Avrasya Konferansı’nın ardından")).toBe(6);
});

test('reading time is at least a minute, at 200 words a minute', () => {
  expect(readingMinutes(30)).toBe(1);
  expect(readingMinutes(1000)).toBe(5);
});

test('the canonical Markdown has LF line endings, no surrounding blank space and one final newline', () => {
  expect(canonicalMarkdown('\r\n\r\nBir.\r\n\r\nİki.\r\n\r\n')).toBe('Bir.\n\nİki.\n');
});

test('the checksum is the SHA-256 of the UTF-8 bytes, as sha256sum prints it', () => {
  expect(sha256('Işık\n')).toBe(
    createHash('sha256').update(Buffer.from('Işık\n', 'utf8')).digest('hex'),
  );
  expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('the Wayback link lists every capture of the original', () => {
  expect(waybackCaptures('https://ornek.example/a?b=1')).toBe(
    'https://web.archive.org/web/*/https://ornek.example/a?b=1',
  );
});

test('names languages in Turkish', () => {
  expect(languageName('tr')).toBe('Türkçe');
  expect(languageName('en')).toBe('İngilizce');
});

test('an article language as an Open Graph locale', () => {
  expect(openGraphLocale('tr')).toBe('tr_TR');
  expect(openGraphLocale('en')).toBe('en_US');
  expect(openGraphLocale('ru')).toBe('ru_RU');
  expect(openGraphLocale('pt-BR')).toBe('pt_BR');
});
