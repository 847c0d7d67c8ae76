import { expect, test } from 'vitest';
import { pageParameter, paginate } from '../../src/lib/pagination.ts';
import { relatedByTags } from '../../src/lib/related.ts';

test('cuts a list into pages with links to their neighbours', () => {
  const pages = paginate(
    Array.from({ length: 45 }, (_, index) => index),
    '/etiket/rusya/',
    20,
  );
  expect(pages.map((page) => [page.url, page.items.length, page.previous, page.next])).toEqual([
    ['/etiket/rusya/', 20, undefined, '/etiket/rusya/sayfa/2/'],
    ['/etiket/rusya/sayfa/2/', 20, '/etiket/rusya/', '/etiket/rusya/sayfa/3/'],
    ['/etiket/rusya/sayfa/3/', 5, '/etiket/rusya/sayfa/2/', undefined],
  ]);
  expect(pages.map((page) => pageParameter(page.number))).toEqual([
    undefined,
    'sayfa/2',
    'sayfa/3',
  ]);
});

test('an empty list still has its one page', () => {
  expect(paginate([], '/', 20)).toEqual([{ items: [], number: 1, count: 1, url: '/' }]);
});

test('related items share the most tags, the newest first among equals, never the item itself', () => {
  const items = [
    { id: 'a', tags: ['rusya', 'abd', 'start'] },
    { id: 'b', tags: ['rusya'] },
    { id: 'c', tags: ['rusya', 'abd'] },
    { id: 'd', tags: ['ekonomi'] },
    { id: 'e', tags: ['abd', 'start'] },
  ];
  const related = relatedByTags(items, (item) => item.tags, 3);
  expect(related.get(items[0]!)!.map((item) => item.id)).toEqual(['c', 'e', 'b']);
  expect(related.get(items[3]!)).toEqual([]);
});
