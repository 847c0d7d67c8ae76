import type { APIContext } from 'astro';
import { getFeedArticles } from '../data/articles.ts';
import { jsonFeed } from '../lib/feeds.ts';
import { getLedger } from '../data/ledger.ts';
import { ui } from '../i18n/tr.ts';

export async function GET(context: APIContext) {
  const feed = jsonFeed(
    {
      title: ui.siteName,
      description: ui.siteDescription,
      site: context.site!,
      language: 'tr',
      ledger: getLedger().head,
    },
    await getFeedArticles(),
  );
  return new Response(JSON.stringify(feed), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}
