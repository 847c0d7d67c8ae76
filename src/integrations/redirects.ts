import { permalink } from '../lib/article.ts';
import { joinBase } from '../lib/urls.ts';
import { validArticles } from './valid-articles.ts';

/**
 * Astro's `redirects` for every old address an article lists in `redirectFrom`, read from the
 * articles' front matter when the configuration loads (Astro wants redirects before it builds).
 * Astro places the old route under the base but writes the destination as given, so it is given
 * under the base: `/eski/` → `/arsiv/2025/10/28/yeni/`.
 */
export async function articleRedirects(articles: string, base: string): Promise<Record<string, string>> {
  const redirects: Record<string, string> = {};
  for await (const { data } of validArticles(articles)) {
    for (const from of data.redirectFrom) redirects[from] = joinBase(base, permalink(data));
  }
  return redirects;
}
