import { href } from './urls.ts';

/**
 * One original's address in one form: `lookupKey`. The same article is linked with or without
 * `www.`, over http or https, with a fragment, a default port or a trailing slash, its path's
 * letters composed (NFC) or decomposed (NFD, as macOS and some publishers' systems write them),
 * and percent-escapes in upper or lower case. The key keeps what tells articles apart: the host
 * without `www.` (and without the root's trailing dot), the path without a trailing slash, the
 * query, each with its letters composed and its escapes in one spelling. The import files a
 * capture under this key (a second capture of one key is a version) and the build refuses two
 * articles with one key.
 */
export function lookupKey(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const path = canonicalEscapes(url.pathname).replace(/\/+$/, '');
  return `${lookupHost(url)}${path}${canonicalEscapes(url.search)}`;
}

/** The host an address is filed under: one small map per host keeps a lookup from loading the whole archive's. */
export function lookupHost(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** A run of percent-escapes (`%C3%A9`, `%c3%a9`, `e%CC%81`): the bytes of one or more characters. */
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * A path or query with its escaped UTF-8 text decoded, its letters composed (NFC), and escaped
 * again in one spelling: what is not printable ASCII as UTF-8 in upper case. A run of escapes that
 * is not UTF-8 (a Latin-5 `%FD`) keeps its bytes, in upper case. `%2F`, `%25` and the other
 * reserved characters stay escaped: decoded, they would change what the address says.
 */
function canonicalEscapes(text: string): string {
  return text
    .replace(ESCAPES, (run) => {
      try {
        return decodeURIComponent(run).replace(/[%#?/&=+;,:@$]/g, encodeURIComponent);
      } catch {
        return run.toUpperCase();
      }
    })
    .normalize('NFC')
    .replace(/[^\x21-\x7E]/gu, encodeURIComponent);
}

/** Where the map of one host's articles is served. */
export function lookupMapUrl(host: string): string {
  return href(`/bul/${host}.json`);
}
