import { expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { parsePublishedAt } from '../../src/lib/dates.ts';
import { feedContent, jsonFeed, rssLedgerHead, type FeedArticle } from '../../src/lib/feeds.ts';

const data = articleSchema.parse({
  title: "İzmir'de sağanak",
  description: 'Özet.',
  publishedAt: '2025-11-05T08:40:00+03:00',
  source: { name: 'Ege Postası', url: 'https://ege.example/gundem/izmir-saganak' },
});
const channel = {
  title: 'Haber Arşivi',
  description: 'Arşiv',
  site: new URL('https://arsiv.example/'),
  language: 'tr',
  ledger: { count: 12, hash: 'a'.repeat(64) },
  route: '/',
};
const published: FeedArticle = {
  data,
  permalink: '/2025/11/05/izmirde-saganak/',
  html: '<p>Metin.</p>',
  date: data.publishedAt,
};
const updated: FeedArticle = {
  data,
  permalink: '/2025/11/05/izmirde-saganak/surum/2/',
  html: '<p>Yeni metin.</p>',
  date: parsePublishedAt('2025-11-05T14:10:00+03:00')!,
  update: {
    title: "Güncellendi: İzmir'de sağanak",
    summary: '2. sürüm: Değişen: metin; 2 sözcük eklendi, 0 sözcük çıkarıldı <&>',
  },
};

test('a publication is the article as published, at its permalink and date', () => {
  expect(jsonFeed(channel, [published]).items[0]).toMatchObject({
    id: 'https://arsiv.example/2025/11/05/izmirde-saganak/',
    title: "İzmir'de sağanak",
    summary: 'Özet.',
    content_html: '<p>Metin.</p>',
    date_published: '2025-11-05T05:40:00.000Z',
  });
});

test('a change is an item of its own: the version’s address, “updated” in its title, dated when captured, what changed before the text', () => {
  expect(jsonFeed(channel, [updated]).items[0]).toMatchObject({
    id: 'https://arsiv.example/2025/11/05/izmirde-saganak/surum/2/',
    title: "Güncellendi: İzmir'de sağanak",
    date_published: '2025-11-05T11:10:00.000Z',
    external_url: 'https://ege.example/gundem/izmir-saganak',
  });
  expect(feedContent(updated)).toBe(
    '<p>2. sürüm: Değişen: metin; 2 sözcük eklendi, 0 sözcük çıkarıldı &#60;&#38;&#62;</p><p>Yeni metin.</p>',
  );
});

test('both feeds carry the ledger’s head at their top level, with the ledger’s address', () => {
  expect(jsonFeed(channel, [])._ledger).toEqual({
    count: 12,
    hash: 'a'.repeat(64),
    url: 'https://arsiv.example/defter.jsonl',
  });
  expect(rssLedgerHead(channel)).toBe(
    `<defter:head count="12" href="https://arsiv.example/defter.jsonl">${'a'.repeat(64)}</defter:head>`,
  );
});

test('a list’s feed names its page and its own address beside it', () => {
  const feed = jsonFeed({ ...channel, route: '/yazar/ivan-petrov/' }, [published]);
  expect(feed.home_page_url).toBe('https://arsiv.example/yazar/ivan-petrov/');
  expect(feed.feed_url).toBe('https://arsiv.example/yazar/ivan-petrov/feed.json');
});
