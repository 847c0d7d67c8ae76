import { expect, test } from 'vitest';
import { prepareForTurkishIndex } from '../../src/lib/turkish-index.ts';

const page = `<html lang="tr"><body><header>Menü Işıklar</header>
<article data-pagefind-body>
  <h1 data-pagefind-meta="title">Dışişleri: ılık <em>ilişkiler</em></h1>
  <p class="dateline" data-pagefind-ignore><time data-pagefind-meta="published">28 Ekim</time> <a data-pagefind-filter="source">Kırık Ajansı</a></p>
  <p>IĞDIR ve Iğdır'da kış.</p><p>Dışişleri bakanı.<br>Sığ<em>ınak</em> &amp; kırlangıç</p>
</article><footer>Kapanış</footer></body></html>`;

test('adds each indexed word with an ı once more, folded, at a lower weight, and counts them', () => {
  expect(prepareForTurkishIndex(page)).toContain(
    '<p data-pagefind-weight="0.5" data-pagefind-meta="variants:7">disisleri ilik igdir\'da kis bakani siginak kirlangic</p></article>',
  );
});

test('leaves the text people read as it was', () => {
  const html = prepareForTurkishIndex(page)!;
  expect(html.replace(/<p data-pagefind-weight[^]*?<\/p>/, '')).toBe(page);
  expect(html).not.toContain('kirik');
  expect(html).not.toContain('kapanis');
  expect(html).not.toContain('isiklar');
});

test('adds an empty, zero-count variant list when no word has an ı', () => {
  expect(prepareForTurkishIndex('<html lang="tr"><body><main data-pagefind-body><p>İzmir</p></main></body></html>')).toContain(
    '<p data-pagefind-weight="0.5" data-pagefind-meta="variants:0"></p></main>',
  );
});

test('leaves pages without an indexed body alone', () => {
  expect(prepareForTurkishIndex('<html lang="tr"><head></head><body><p>Işık</p></body></html>')).toBeUndefined();
});
