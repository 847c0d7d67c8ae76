import rss from '@astrojs/rss';
import { feedItems, getFeedArticles } from './articles.ts';
import { NAMED_LISTS, type Listing, type NamedListKind } from './listings.ts';
import {
  escapeMarkup,
  feedContent,
  jsonFeed,
  LEDGER_NAMESPACE,
  rssLedgerHead,
  rssRoute,
  type FeedArticle,
  type FeedChannel,
} from '../lib/feeds.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { getLedger } from './ledger.ts';
import { ui } from '../i18n/tr.ts';

/** What a feed follows: the whole archive, or one tag's, source's or author's articles. */
export interface FeedSubject {
  /** The name of the list, as its page's heading says it (`Etiket: Rusya`); none for the archive. */
  readonly title?: string;
  /** The route of the list's page. */
  readonly route: string;
  readonly items: () => Promise<FeedArticle[]> | FeedArticle[];
}

export const archiveFeed: FeedSubject = { route: '/', items: getFeedArticles };

/** The title a feed and the links to it carry: `Etiket: Rusya · Haber Arşivi`. */
export const feedTitle = (title?: string) => (title ? `${title} · ${ui.siteName}` : ui.siteName);

function channelOf(subject: FeedSubject, site: URL): FeedChannel {
  return {
    title: feedTitle(subject.title),
    description: subject.title ? ui.listFeedDescription(subject.title) : ui.siteDescription,
    site,
    language: 'tr',
    route: subject.route,
    ledger: getLedger().head,
  };
}

/** RSS 2.0 with full text, by @astrojs/rss, with the `atom:link` to itself that feed validators ask for. */
export async function rssResponse(subject: FeedSubject, site: URL): Promise<Response> {
  const channel = channelOf(subject, site);
  const self = absoluteUrl(rssRoute(subject.route), site);
  return rss({
    title: channel.title,
    description: channel.description,
    site: absoluteUrl(subject.route, site),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', defter: LEDGER_NAMESPACE },
    customData: `<language>${channel.language}</language><atom:link href="${escapeMarkup(self)}" rel="self" type="application/rss+xml"/>${rssLedgerHead(channel)}`,
    items: (await subject.items()).map((item) => ({
      title: item.update?.title ?? item.data.title,
      description: item.update?.summary ?? item.data.description,
      link: absoluteUrl(item.permalink, site),
      pubDate: new Date(item.date.timestamp),
      content: feedContent(item),
      categories: [...item.data.tags],
      source: { title: item.data.source.name, url: item.data.source.url },
    })),
  });
}

export async function jsonFeedResponse(subject: FeedSubject, site: URL): Promise<Response> {
  const feed = jsonFeed(channelOf(subject, site), await subject.items());
  return new Response(JSON.stringify(feed), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}

/** The feeds of a list with a page of its own (a tag, a source, an author), with its page's title. */
export function listingFeed(listing: Listing, title: string): FeedSubject {
  return { title, route: listing.base, items: () => feedItems(listing.articles) };
}

export interface FeedProps {
  feed: FeedSubject;
}

/** Static paths of the feeds of every tag, source or author: `params` name it as its page's route does. */
export async function namedListFeedPaths(kind: NamedListKind) {
  const { lists, title } = NAMED_LISTS[kind];
  return (await lists()).map((listing) => ({
    params: { [kind]: listing.slug },
    props: { feed: listingFeed(listing, title(listing.name)) } satisfies FeedProps,
  }));
}
