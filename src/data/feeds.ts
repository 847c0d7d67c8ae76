import rss from '@astrojs/rss';
import type { CollectionEntry } from 'astro:content';
import { getArticles, type Article } from './articles.ts';
import { articleText } from './article-text.ts';
import { NAMED_LISTS, type Listing, type NamedListKind } from './listings.ts';
import { changeSummary, versionDiff } from './versions.ts';
import { withArticleFields } from '../lib/article.ts';
import type { PublishedAt } from '../lib/dates.ts';
import {
  escapeMarkup,
  FEED_SIZE,
  feedContent,
  jsonFeed,
  LEDGER_NAMESPACE,
  rssLedgerHead,
  rssRoute,
  type FeedArticle,
  type FeedChannel,
} from '../lib/feeds.ts';
import { withoutAstroImages } from '../markdown/astro-image-marker.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { getLedger } from './ledger.ts';
import { ui } from '../i18n/tr.ts';

/**
 * An entry's published HTML for a feed. An archived image is still Astro's placeholder there,
 * swapped for the optimised file only on the page: the feeds carry the text and the captions.
 */
const feedHtml = (entry: CollectionEntry<'articles'>) =>
  withoutAstroImages(articleText(entry).html);

let feedArticles: Promise<FeedArticle[]> | undefined;

/** The items of the archive's own feeds (`feedItems` of every article), made once for both. */
export function getFeedArticles(): Promise<FeedArticle[]> {
  feedArticles ??= getArticles().then(feedItems);
  return feedArticles;
}

/**
 * The newest publications and changes of these articles (newest first), for a feed: each article
 * as first published, at its permalink, and each later version at its own address, dated the day
 * it was captured. Only the items the feed carries are rendered: rendering every article took 8 s
 * a feed at 10,000 articles.
 */
export function feedItems(articles: readonly Article[]): FeedArticle[] {
  const items: { date: PublishedAt; permalink: string; item: () => FeedArticle }[] = [];
  for (const article of articles) {
    const [first, ...later] = article.versions;
    const { permalink, data } = article;
    items.push({
      date: data.publishedAt,
      permalink,
      item: () => ({
        data: withArticleFields(first!.data, data),
        permalink,
        html: feedHtml(first!.entry),
        date: data.publishedAt,
      }),
    });
    for (const version of later) {
      const date = version.data.archivedAt!;
      items.push({
        date,
        permalink: version.path,
        item: () => ({
          data: withArticleFields(version.data, data),
          permalink: version.path,
          html: feedHtml(version.entry),
          date,
          update: {
            title: ui.updatedTitle(version.data.title),
            summary: ui.versionChanged(
              version.number,
              changeSummary(versionDiff(article, version.number - 1, version.number)),
            ),
          },
        }),
      });
    }
  }
  return items
    .sort((a, b) => b.date.timestamp - a.date.timestamp || a.permalink.localeCompare(b.permalink))
    .slice(0, FEED_SIZE)
    .map(({ item }) => item());
}

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
