import { expect, test } from 'vitest';
import {
  indexedWords,
  prepareForTurkishIndex,
  slimRecord,
  textWordsOf,
} from '../../src/lib/turkish-index.ts';

const page = `<html lang="tr"><body><header>Menü Işıklar</header>
<article data-pagefind-body>
  <h1 data-pagefind-meta="title">Dışişleri: ılık <em>ilişkiler</em></h1>
  <p class="dateline" data-pagefind-ignore><time data-pagefind-meta="published">28 Ekim</time> <a data-pagefind-filter="source">Kırık Ajansı</a></p>
  <p>IĞDIR ve Iğdır'da kış.</p><p>Dışişleri bakanı.<br>Sığ<em>ınak</em> &amp; kırlangıç</p>
</article><footer>Kapanış</footer></body></html>`;

const prepared = (html: string) => prepareForTurkishIndex(html)?.html;

test('adds each indexed word with an ı once more, folded, at a lower weight, then every exact form at weight 0 (ı kept), and counts them', () => {
  expect(prepared(page)).toContain(
    '<p data-pagefind-weight="0.5" data-pagefind-meta="variants:16">disisleri ilik igdir\'da kis bakani siginak kirlangic</p>' +
      '<p data-pagefind-weight="0">0dısisleri0 0ılık0 0iliskiler0 0ıgdır0 0ve0 0kıs0 0bakanı0 0sıgınak0 0kırlangıc0</p></article>',
  );
});

test("tells the language of the article from its body's meta, Turkish when it has none", () => {
  expect(
    prepareForTurkishIndex(
      '<html lang="tr"><body><main data-pagefind-body data-pagefind-meta="language:en-GB"><p>Summit</p></main></body></html>',
    )?.language,
  ).toBe('en-GB');
  expect(prepareForTurkishIndex(page)?.language).toBe('tr');
});

test('gives Pagefind the indexed body as it was, and nothing else of the page', () => {
  const html = prepared(page)!;
  const body = page.slice(page.indexOf('<article'), page.indexOf('<footer>'));
  expect(
    html.replace(/<p data-pagefind-weight[^]*?<\/p><p data-pagefind-weight="0">[^]*?<\/p>/, ''),
  ).toBe(`<!DOCTYPE html><html><body>${body}</body></html>`);
  expect(html).not.toContain('kirik');
  expect(html).not.toContain('Menü');
  expect(html).not.toContain('Kapanış');
});

test('tells the year and day of the article from its filters, read in ignored parts too, as Pagefind reads filters', () => {
  const dated = page
    .replace(
      '<time data-pagefind-meta="published">',
      '<time data-pagefind-meta="published" data-pagefind-filter="year:2025">',
    )
    .replace(
      '<p class="dateline" data-pagefind-ignore>',
      '<p class="dateline" data-pagefind-ignore data-pagefind-filter="day:2025-10-28">',
    );
  expect(prepareForTurkishIndex(dated)).toMatchObject({ year: '2025', day: '2025-10-28' });
  expect(prepareForTurkishIndex(page)).toMatchObject({ year: undefined, day: undefined });
});

test('adds an empty variant list when no word has an ı', () => {
  expect(
    prepared('<html lang="tr"><body><main data-pagefind-body><p>İzmir</p></main></body></html>'),
  ).toContain(
    '<p data-pagefind-weight="0.5" data-pagefind-meta="variants:1"></p><p data-pagefind-weight="0">0izmir0</p></main>',
  );
});

test('leaves pages without an indexed body alone', () => {
  expect(
    prepareForTurkishIndex('<html lang="tr"><head></head><body><p>Işık</p></body></html>'),
  ).toBeUndefined();
});

/** A record as Pagefind 1.6 writes it of a readied page: the text, the variants and the exact forms, each paragraph closed with a `.`. */
const RECORD =
  'Iğdır’da kış. Dışişleri  Bakanı dün konuştu. igdir’da kis disisleri bakani. 0ıgdır0 0kıs0 0dısisleri0 0bakanı0 0dun0 0konustu0.';

test('a record for the search page keeps its text as written and its spelling variants, and leaves out the exact forms', () => {
  const slim = slimRecord(RECORD, { title: 'Iğdır’da kış', variants: '10' });
  expect(slim.content).toBe('Iğdır’da kış. Dışişleri  Bakanı dün konuştu.');
  expect(slim.meta).toEqual({
    title: 'Iğdır’da kış',
    variants: 'igdir’da kis disisleri bakani.',
  });
  // Positions in the index name the same words as in the whole record, up to the exact forms.
  const whole = RECORD.split(/\s+/);
  const read = indexedWords(slim.content, slim.meta);
  expect(read).toEqual(whole.slice(0, 10));
  expect(textWordsOf(slim.content)).toEqual(whole.slice(0, 6));
});

test('a record with no variant, or with nothing but its lists, is cut where its text ends', () => {
  expect(slimRecord('İzmir. 0izmir0.', { variants: '1' })).toEqual({
    content: 'İzmir.',
    meta: { variants: '' },
  });
  expect(slimRecord('ilik 0ılık0', { variants: '2' })).toEqual({
    content: '',
    meta: { variants: 'ilik' },
  });
});

test('a record without the count of its lists, or with fewer words than it says, is refused', () => {
  expect(() => slimRecord('Işık', {})).toThrow(
    'the record has 1 words and "variants: undefined", not the count of the words listed after its text',
  );
  expect(() => slimRecord('Işık 0ısık0', { variants: '3' })).toThrow('the record has 2 words');
});
