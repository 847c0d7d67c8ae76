import type { NewsArticle, WithContext } from 'schema-dts';
import type { ArticleData } from './article.ts';

/** schema.org `NewsArticle` for an archived article: the publisher is the source, the original is what it is based on. */
export function newsArticle(data: ArticleData, url: URL): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: data.description,
    datePublished: data.publishedAt.iso,
    inLanguage: data.lang,
    publisher: { '@type': 'Organization', name: data.source.name },
    isBasedOn: data.source.url,
    url: url.href,
    mainEntityOfPage: url.href,
    keywords: [...data.tags],
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that no value
 * (a title holding `</script>`, say) can close the element; JSON parsers read `\u003c` as `<`.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
