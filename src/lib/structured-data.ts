import type { NewsArticle, WithContext } from 'schema-dts';
import type { ArticleData } from './article.ts';

/** Which capture of an article that changed a page shows, and when it was captured. */
export interface VersionInfo {
  readonly number: number;
  readonly modified: string;
}

/**
 * schema.org `NewsArticle` for an archived article: the publisher is the source, the original is
 * what it is based on. Of an article that changed, the version shown and the day it was captured.
 */
export function newsArticle(data: ArticleData, url: URL, version?: VersionInfo): WithContext<NewsArticle> {
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
    ...(version ? { version: version.number, dateModified: version.modified } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that no value
 * (a title holding `</script>`, say) can close the element; JSON parsers read `\u003c` as `<`.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
