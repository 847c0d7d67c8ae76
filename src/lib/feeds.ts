import { absoluteUrl } from './urls.ts';
import type { ArticleData } from './article.ts';

/** How many of the newest articles the feeds carry, each with its full text. */
export const FEED_SIZE = 50;

export interface FeedArticle {
  readonly data: ArticleData;
  readonly permalink: string;
  /** The article body as HTML, as it is published on its page. */
  readonly html: string;
}

export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  readonly site: URL;
  readonly language: string;
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/) with full text. */
export function jsonFeed(channel: FeedChannel, articles: readonly FeedArticle[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    description: channel.description,
    home_page_url: absoluteUrl('/', channel.site),
    feed_url: absoluteUrl('/feed.json', channel.site),
    language: channel.language,
    items: articles.map(({ data, permalink, html }) => ({
      id: absoluteUrl(permalink, channel.site),
      url: absoluteUrl(permalink, channel.site),
      external_url: data.source.url,
      title: data.title,
      summary: data.description,
      content_html: html,
      date_published: new Date(data.publishedAt.timestamp).toISOString(),
      authors: [{ name: data.source.name }],
      tags: [...data.tags],
      language: data.lang,
    })),
  };
}
