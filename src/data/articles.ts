import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, permalink, type ArticleData } from '../lib/article.ts';

export interface Article {
  readonly entry: CollectionEntry<'articles'>;
  readonly data: ArticleData;
  readonly permalink: string;
}

let articles: Promise<Article[]> | undefined;

/**
 * Every article, newest first, with its permalink. Built once per build:
 * every page needs the same list, and at 10,000 articles rebuilding it per page would dominate.
 * Fails the build when two files claim one permalink, naming both.
 */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((entries) => {
    const owners = new Map<string, string>();
    const list = entries.map((entry) => {
      const article = { entry, data: entry.data, permalink: permalink(entry.data) };
      const owner = owners.get(article.permalink);
      if (owner !== undefined) {
        throw new Error(`${entry.filePath} and ${owner} both have the permalink ${article.permalink}: give one of them another "slug"`);
      }
      owners.set(article.permalink, entry.filePath ?? entry.id);
      return article;
    });
    return list.sort(byNewest);
  });
  return articles;
}
