import { permalink } from '../lib/article.ts';
import { validArticles } from './valid-articles.ts';

/**
 * Astro's `redirects` for every old address an article lists in `redirectFrom`, read from the
 * articles' front matter when the configuration loads (Astro wants redirects before it builds).
 */
export async function articleRedirects(articles: string): Promise<Record<string, string>> {
  const redirects: Record<string, string> = {};
  for await (const { data } of validArticles(articles)) {
    for (const from of data.redirectFrom) redirects[from] = permalink(data);
  }
  return redirects;
}
