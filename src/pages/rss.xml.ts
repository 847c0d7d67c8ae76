import { absoluteUrl } from '../lib/urls.ts';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getFeedArticles } from '../data/articles.ts';
import { feedContent, LEDGER_NAMESPACE, rssLedgerHead } from '../lib/feeds.ts';
import { getLedger } from '../data/ledger.ts';
import { ui } from '../i18n/tr.ts';

export async function GET(context: APIContext) {
  const articles = await getFeedArticles();
  const channel = {
    title: ui.siteName,
    description: ui.siteDescription,
    site: context.site!,
    language: 'tr',
    ledger: getLedger().head,
  };
  return rss({
    xmlns: { defter: LEDGER_NAMESPACE },
    title: ui.siteName,
    description: ui.siteDescription,
    site: absoluteUrl('/', context.site!),
    trailingSlash: true,
    customData: `<language>tr</language>${rssLedgerHead(channel)}`,
    items: articles.map((item) => ({
      title: item.update?.title ?? item.data.title,
      description: item.update?.summary ?? item.data.description,
      link: absoluteUrl(item.permalink, context.site!),
      pubDate: new Date(item.date.timestamp),
      content: feedContent(item),
      categories: [...item.data.tags],
      source: { title: item.data.source.name, url: item.data.source.url },
    })),
  });
}
