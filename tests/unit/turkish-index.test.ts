import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { prepareForTurkishIndex } from '../../src/lib/turkish-index.ts';

const page = `<html lang="tr"><body><header>Menü Işıklar</header>
<article data-pagefind-body>
  <h1 data-pagefind-meta="title">Dışişleri: ılık <em>ilişkiler</em></h1>
  <p class="dateline" data-pagefind-ignore><time data-pagefind-meta="published">28 Ekim</time> <a data-pagefind-filter="source">Işık Ajansı</a></p>
  <p>IĞDIR ve Iğdır'da kış.</p><p>İkinci   paragraf</p>
</article></body></html>`;

function prepare(html: string) {
  const tree = fromHtml(html);
  const changed = prepareForTurkishIndex(tree);
  return { changed, html: toHtml(tree) };
}

test('folds ı to i in the indexed text only', () => {
  const { html } = prepare(page);
  expect(html).toContain('<p>IĞDIR ve Iğdir\'da kiş.</p>');
  expect(html).toContain('Dişişleri: ilik <em>ilişkiler</em>');
  expect(html).toContain('<header>Menü Işıklar</header>');
  expect(html).toContain('<a data-pagefind-filter="source">Işık Ajansı</a>');
});

test('keeps the original text, word for word, as the text meta', () => {
  const { html } = prepare(page);
  expect(html).toContain(
    '<span data-pagefind-ignore="" data-pagefind-meta="text[data-pagefind-original]" data-pagefind-original="Dışişleri: ılık ilişkiler\nIĞDIR ve Iğdır&#x27;da kış.\nİkinci paragraf"></span>',
  );
});

test('points metas read from folded text at the original', () => {
  const { html } = prepare(page);
  expect(html).toContain('<h1 data-pagefind-meta="title[data-pagefind-original]" data-pagefind-original="Dışişleri: ılık ilişkiler">');
  expect(html).toContain('<time data-pagefind-meta="published">28 Ekim</time>');
});

test('leaves pages without an indexed body alone', () => {
  const html = '<html lang="tr"><head></head><body><p>Işık</p></body></html>';
  expect(prepare(html)).toEqual({ changed: false, html });
});
