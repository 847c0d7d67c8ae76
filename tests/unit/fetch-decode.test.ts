import { expect, test } from 'vitest';
import { decodePage, FetchError } from '../../scripts/import/fetch.ts';

/** "Dışişleri Bakanı İzmir'de" as a Turkish site still sends it: windows-1254 (ISO-8859-9's superset), one byte a letter. */
const TURKISH_1254 = Buffer.from([
  0x44, 0xfd, 0xfe, 0x69, 0xfe, 0x6c, 0x65, 0x72, 0x69, 0x20, 0x42, 0x61, 0x6b, 0x61, 0x6e, 0xfd,
  0x20, 0xdd, 0x7a, 0x6d, 0x69, 0x72, 0x27, 0x64, 0x65,
]);
const TURKISH = "Dışişleri Bakanı İzmir'de";

const page = (head: string, body: Buffer) =>
  Buffer.concat([Buffer.from(`<!doctype html><html><head>${head}</head><body><p>`), body]);

test('a page is read in the charset its server declares', () => {
  expect(decodePage(page('', TURKISH_1254), 'text/html; charset=windows-1254')).toContain(TURKISH);
  expect(decodePage(page('', TURKISH_1254), 'text/html; charset="ISO-8859-9"')).toContain(TURKISH);
});

test('else in the charset the page declares in its first bytes, else UTF-8', () => {
  expect(decodePage(page('<meta charset="windows-1254">', TURKISH_1254), 'text/html')).toContain(
    TURKISH,
  );
  expect(
    decodePage(
      page(
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">',
        TURKISH_1254,
      ),
      'text/html',
    ),
  ).toContain(TURKISH);
  expect(decodePage(page('', Buffer.from(TURKISH)), 'text/html')).toContain(TURKISH);
  const feed = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="windows-1254"?><rss><title>'),
    TURKISH_1254,
  ]);
  expect(decodePage(feed, 'application/rss+xml')).toContain(TURKISH);
});

test('text that is not in its charset, or a charset no one reads, is refused by name', () => {
  expect(() => decodePage(page('', TURKISH_1254), 'text/html; charset=utf-8')).toThrow(
    new FetchError('is not valid utf-8 text, as it declares'),
  );
  expect(() => decodePage(page('', TURKISH_1254), 'text/html; charset=x-klingon')).toThrow(
    new FetchError('declares the charset "x-klingon", which is not one this tool reads'),
  );
});
