import { absoluteUrl } from '../lib/urls.ts';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getFeedArticles } from '../data/articles.ts';
import { ui } from '../i18n/tr.ts';

export async function GET(context: APIContext) {
  const articles = await getFeedArticles();
  return rss({
    title: ui.siteName,
    description: ui.siteDescription,
    site: absoluteUrl('/', context.site!),
    trailingSlash: true,
    customData: '<language>tr</language>',
    items: articles.map(({ data, permalink, html }) => ({
      title: data.title,
      description: data.description,
      link: absoluteUrl(permalink, context.site!),
      pubDate: new Date(data.publishedAt.timestamp),
      content: html,
      categories: [...data.tags],
      source: { title: data.source.name, url: data.source.url },
    })),
  });
}
