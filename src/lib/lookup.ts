import { href } from './urls.ts';
/**
 * How an original article's address is looked up: the same article is often linked with or
 * without `www.`, over http or https, with a fragment or a trailing slash. The key keeps what
 * tells articles apart: the host, without `www.`, the path without a trailing slash, the query.
 */
export function lookupKey(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${lookupHost(url)}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** The host an address is filed under: one small map per host keeps a lookup from loading the whole archive's. */
export function lookupHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** Where the map of one host's articles is served. */
export function lookupMapUrl(host: string): string {
  return href(`/bul/${host}.json`);
}
