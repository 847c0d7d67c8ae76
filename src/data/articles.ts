import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, permalink, type ArticleData } from '../lib/article.ts';
import { FEED_SIZE, type FeedArticle } from '../lib/feeds.ts';
import { canonicalMarkdown, sha256, textOfHtml, wordCount } from '../lib/provenance.ts';
import { lookupHost, lookupKey } from '../lib/lookup.ts';
import { href } from '../lib/urls.ts';

export interface Article {
  readonly entry: CollectionEntry<'articles'>;
  readonly data: ArticleData;
  readonly permalink: string;
}

let articles: Promise<Article[]> | undefined;

/** Remembers who claimed each value first, and fails naming both files when a second one does. */
function claims(what: string, advice: string) {
  const owners = new Map<string, string>();
  return (value: string, file: string) => {
    const owner = owners.get(value);
    if (owner !== undefined) throw new Error(`${file} and ${owner} have the same ${what} ${value}: ${advice}`);
    owners.set(value, file);
  };
}

/**
 * Every article, newest first, with its permalink. Built once per build:
 * every page needs the same list, and at 10,000 articles rebuilding it per page would dominate.
 * Fails the build, naming the files, when two articles claim one permalink or one original,
 * or when an article has no body.
 */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((entries) => {
    const claimPermalink = claims('permalink', 'give one of them another "slug"');
    const claimOriginal = claims('original URL (source.url)', 'an article is archived once');
    const claimAddress = claims('address', 'an address leads to one article');
    const list = entries.map((entry) => {
      const file = entry.filePath ?? entry.id;
      if (!entry.body?.trim()) throw new Error(`${file} has no body: an archived article needs its text`);
      const article = { entry, data: entry.data, permalink: permalink(entry.data) };
      claimPermalink(article.permalink, file);
      for (const path of [article.permalink, ...article.data.redirectFrom]) claimAddress(path, file);
      claimOriginal(article.data.source.url, file);
      return article;
    });
    return list.sort(byNewest);
  });
  return articles;
}

/** The newest articles with their published HTML, for the feeds. */
export async function getFeedArticles(): Promise<FeedArticle[]> {
  return (await getArticles()).slice(0, FEED_SIZE).map(({ entry, data, permalink }) => ({
    data,
    permalink,
    html: entry.rendered?.html ?? '',
  }));
}

/** The route parameters of every article's permalink, with the article. */
export async function articlePaths() {
  return (await getArticles()).map((article) => {
    const [year, month, day, slug] = article.permalink.split('/').filter(Boolean);
    return { params: { year, month, day, slug }, props: { article } };
  });
}

/** What the provenance block states: the Markdown text as served, its SHA-256 and its length in words. */
export function provenanceOf(article: Article) {
  const markdown = canonicalMarkdown(article.entry.body ?? '');
  return {
    markdown,
    checksum: sha256(markdown),
    words: wordCount(textOfHtml(article.entry.rendered?.html ?? '')),
    markdownUrl: `${article.permalink.replace(/\/$/, '')}.md`,
  };
}

/** For each host of the originals, a map from each original's lookup key to its permalink. */
export async function lookupMaps() {
  const maps = new Map<string, Record<string, string>>();
  for (const article of await getArticles()) {
    const host = lookupHost(new URL(article.data.source.url));
    const map = maps.get(host) ?? {};
    map[lookupKey(article.data.source.url)!] = href(article.permalink);
    maps.set(host, map);
  }
  return [...maps].map(([host, map]) => ({ params: { host }, props: { map } }));
}
