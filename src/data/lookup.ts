import { lookupHost, lookupKey } from '../lib/lookup.ts';
import { href } from '../lib/urls.ts';
import { getArticles } from './articles.ts';

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
