import type { NewsArticle, WithContext } from 'schema-dts';
import type { ArticleData } from './article.ts';
import { metaDescription } from './meta-description.ts';

/** Which capture of an article that changed a page shows, and when it was captured. */
export interface VersionInfo {
  readonly number: number;
  readonly modified: string;
}

/**
 * schema.org `NewsArticle` for an archived article: the publisher is the source, the people it
 * names are the authors, the original is what it is based on; `image` is the article's first
 * archived image. Of an article that changed, the version shown and the day it was captured. The
 * description is the lede cut as the page's meta description is: what search engines read of it,
 * not a lede of up to 20,000 characters in every page's head.
 */
export function newsArticle(
  data: ArticleData,
  url: URL,
  version?: VersionInfo,
  image?: string,
): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: metaDescription(data.description),
    datePublished: data.publishedAt.iso,
    inLanguage: data.lang,
    ...(data.authors.length > 0
      ? { author: data.authors.map((name) => ({ '@type': 'Person' as const, name })) }
      : {}),
    publisher: { '@type': 'Organization', name: data.source.name },
    ...(image ? { image } : {}),
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
