import { absoluteUrl } from './urls.ts';
import type { ArticleData } from './article.ts';
import type { PublishedAt } from './dates.ts';
import { LEDGER_ROUTE } from './ledger.ts';

/** How many of the newest articles the feeds carry, each with its full text. */
export const FEED_SIZE = 50;

/** An item of the feeds: an article as first published, or a later version of it. */
export interface FeedArticle {
  /** The text of the version the item carries. */
  readonly data: ArticleData;
  /** Where the item leads: the article's permalink, or a later version's own address. */
  readonly permalink: string;
  /** The version's body as HTML, as it is published on its page. */
  readonly html: string;
  /** When it happened: the publication, or the day a changed version was captured. */
  readonly date: PublishedAt;
  /** For a later version: the item's title, which says it was updated, and what changed. */
  readonly update?: { readonly title: string; readonly summary: string };
}

/** The item's HTML: for a change, what changed before the text. */
export function feedContent({ html, update }: FeedArticle): string {
  return update ? `<p>${escapeMarkup(update.summary)}</p>${html}` : html;
}

/** Text written into HTML or XML by hand (a change's summary, a feed's own address): escaped all the same. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  readonly site: URL;
  readonly language: string;
  /** The ledger's head when the feed was built: a reader who keeps it can later check that the archive's history still holds it. */
  readonly ledger: { readonly count: number; readonly hash: string };
  /** The route of the page the feed follows: `/` for the whole archive, `/etiket/rusya/` for a tag. */
  readonly route: string;
}

/** The XML namespace of the RSS feed's ledger head: a name, not an address anything is fetched from. */
export const LEDGER_NAMESPACE = 'urn:haber-arsivi:ledger';

/** The ledger's head as the feeds carry it, with the address of the ledger. */
function ledgerHeadOf(channel: FeedChannel) {
  return {
    count: channel.ledger.count,
    hash: channel.ledger.hash,
    url: absoluteUrl(LEDGER_ROUTE, channel.site),
  };
}

/** The RSS channel's own element for the ledger's head (namespace `LEDGER_NAMESPACE`, prefix `defter`). */
export function rssLedgerHead(channel: FeedChannel): string {
  const { count, hash, url } = ledgerHeadOf(channel);
  return `<defter:head count="${count}" href="${escapeMarkup(url)}">${hash}</defter:head>`;
}

/** Each list with a page (the archive, a tag, a source, an author) has its feeds beside its page: `/etiket/rusya/rss.xml`. */
export const rssRoute = (route: string) => `${route}rss.xml`;
export const jsonFeedRoute = (route: string) => `${route}feed.json`;

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/) with full text. */
export function jsonFeed(channel: FeedChannel, articles: readonly FeedArticle[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    description: channel.description,
    home_page_url: absoluteUrl(channel.route, channel.site),
    feed_url: absoluteUrl(jsonFeedRoute(channel.route), channel.site),
    language: channel.language,
    // JSON Feed's extensions are keys that start with an underscore.
    _ledger: ledgerHeadOf(channel),
    items: articles.map((item) => ({
      id: absoluteUrl(item.permalink, channel.site),
      url: absoluteUrl(item.permalink, channel.site),
      external_url: item.data.source.url,
      title: item.update?.title ?? item.data.title,
      summary: item.update?.summary ?? item.data.description,
      content_html: feedContent(item),
      date_published: new Date(item.date.timestamp).toISOString(),
      authors:
        item.data.authors.length > 0
          ? item.data.authors.map((name) => ({ name }))
          : [{ name: item.data.source.name }],
      tags: [...item.data.tags],
      language: item.data.lang,
    })),
  };
}
