import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { prepareForTurkishIndex } from '../../src/lib/turkish-index.ts';

const page = `<html lang="tr"><body><header>Menü Işıklar</header>
<article data-pagefind-body>
  <h1 data-pagefind-meta="title">Dışişleri: ılık <em>ilişkiler</em></h1>
  <p class="dateline" data-pagefind-ignore><time data-pagefind-meta="published">28 Ekim</time> <a data-pagefind-filter="source">Kırık Ajansı</a></p>
  <p>IĞDIR ve Iğdır'da kış. Dışişleri bakanı.</p>
</article></body></html>`;

function prepare(html: string) {
  const tree = fromHtml(html);
  const changed = prepareForTurkishIndex(tree);
  return { changed, html: toHtml(tree) };
}

test('adds each indexed word with an ı once more, folded, at a lower weight, and counts them', () => {
  const { changed, html } = prepare(page);
  expect(changed).toBe(true);
  expect(html).toContain('<p data-pagefind-weight="0.5" data-pagefind-meta="variants:5">disisleri ilik igdir\'da kis bakani</p></article>');
});

test('leaves the text people read as it was', () => {
  const { html } = prepare(page);
  expect(html).toContain('<h1 data-pagefind-meta="title">Dışişleri: ılık <em>ilişkiler</em></h1>');
  expect(html).toContain("<p>IĞDIR ve Iğdır'da kış. Dışişleri bakanı.</p>");
  expect(html).toContain('<header>Menü Işıklar</header>');
  expect(html).not.toContain('kirik');
});

test('adds an empty, zero-count variant list when no word has an ı', () => {
  expect(prepare('<html lang="tr"><body><main data-pagefind-body><p>İzmir</p></main></body></html>').html).toContain(
    '<p data-pagefind-weight="0.5" data-pagefind-meta="variants:0"></p>',
  );
});

test('leaves pages without an indexed body alone', () => {
  const html = '<html lang="tr"><head></head><body><p>Işık</p></body></html>';
  expect(prepare(html)).toEqual({ changed: false, html });
});
