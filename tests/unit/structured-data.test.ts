import { expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { metaDescription } from '../../src/lib/meta-description.ts';
import { newsArticle, serializeJsonLd } from '../../src/lib/structured-data.ts';

const written = {
  title: 'Başlıkta </script><script>alert(1)</script> var',
  description: 'Özet.',
  publishedAt: '2025-10-28T14:05:00+03:00',
  source: { name: 'Sputnik Türkiye', url: 'https://anlatilaninotesi.com.tr/x.html' },
  tags: ['Rusya'],
};
const data = articleSchema.parse(written);

test('describes the article as a NewsArticle based on its original', () => {
  expect(newsArticle(data, new URL('https://arsiv.example/2025/10/28/x/'))).toEqual({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: 'Özet.',
    datePublished: '2025-10-28T14:05:00+03:00',
    inLanguage: 'tr',
    publisher: { '@type': 'Organization', name: 'Sputnik Türkiye' },
    isBasedOn: 'https://anlatilaninotesi.com.tr/x.html',
    url: 'https://arsiv.example/2025/10/28/x/',
    mainEntityOfPage: 'https://arsiv.example/2025/10/28/x/',
    keywords: ['Rusya'],
  });
});

test('cannot close its script element, and still parses to the same value', () => {
  const value = newsArticle(data, new URL('https://arsiv.example/x/'));
  const json = serializeJsonLd(value);
  expect(json).not.toContain('</script');
  expect(json).not.toContain('<');
  expect(JSON.parse(json)).toEqual(value);
});

test('of an article that changed, names the version shown and when it was captured', () => {
  expect(
    newsArticle(data, new URL('https://arsiv.example/2025/10/28/x/surum/2/'), {
      number: 2,
      modified: '2026-12-01',
    }),
  ).toMatchObject({
    url: 'https://arsiv.example/2025/10/28/x/surum/2/',
    version: 2,
    dateModified: '2026-12-01',
  });
});

test('describes the article by its lede cut as the meta description, not whole', () => {
  const lede = `${'Uzun bir özet cümlesi, '.repeat(50)}sonu.`;
  const { description } = newsArticle(
    articleSchema.parse({ ...written, description: lede }),
    new URL('https://arsiv.example/x/'),
  );
  expect(description).toBe(metaDescription(lede));
  expect(description).not.toBe(lede);
});
