/**
 * A batch of captures from the web: the addresses given, a feed's items, or the archive's
 * originals again. Each address is fetched on its own, one at a time (polite to the sites, and
 * the machine's share of bandwidth); one that fails is reported in one line and does not stop
 * the others.
 */
import { lookup } from 'node:dns/promises';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import ipaddr from 'ipaddr.js';
import { capturePage, type Capture } from './capture.ts';
import type { Robots } from './robots.ts';
import { decodePage, fetchResource, FetchError, FEED, reason, type Limits } from './fetch.ts';

/** Whether a command-line input is an address rather than a file: it starts with a scheme (`https:`, `ftp:`). */
export function isAddress(input: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(input);
}

/**
 * Refuses an address whose host is, or resolves to, anything but a public address: loopback,
 * private, link-local (the cloud metadata endpoint 169.254.169.254 among them), unique-local,
 * carrier-grade NAT, unspecified (ranges by ipaddr.js). A feed is untrusted input, and its items
 * must not make the keeper's machine fetch what only it can reach. The check is made before each
 * request, redirects included; a name that resolves differently a moment later is not caught.
 */
export function publicOnly(limits: Limits) {
  return async (url: URL) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: { address: string }[];
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new FetchError(reason(error, limits));
    }
    for (const { address } of addresses) {
      // ipaddr.js names ranges in camel case (`linkLocal`); a keeper reads `link-local`.
      const range = ipaddr
        .process(address)
        .range()
        .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      if (range !== 'unicast')
        throw new FetchError(
          `${url.host} is ${address === host ? '' : `${address}, `}a ${range} address, refused for a feed's item (--allow-private allows it)`,
        );
    }
  };
}

/** Captures each address into `folder`; a failure is a line "ADDRESS: reason". `guarded`: addresses checked by `guard`; `robots`: none when ignored. */
export async function captureAll(
  addresses: readonly string[],
  folder: string,
  limits: Limits,
  guarded: ReadonlySet<string> = new Set(),
  guard?: (url: URL) => Promise<void>,
  robots?: Robots,
): Promise<{ captures: Capture[]; failures: string[] }> {
  const captures: Capture[] = [];
  const failures: string[] = [];
  for (const [index, address] of addresses.entries()) {
    const progress = `[${index + 1}/${addresses.length}]`;
    try {
      const capture = await capturePage(
        address,
        folder,
        limits,
        guarded.has(address) ? guard : undefined,
        robots,
      );
      captures.push(capture);
      const moved = capture.url === address ? '' : ` (redirected to ${capture.url})`;
      console.log(`${progress} ${address}: fetched${moved}`);
      for (const note of capture.notes) console.error(`${address}: ${note}`);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      failures.push(`${address}: ${error.message}`);
      console.error(`${progress} ${address}: ${error.message}`);
    }
  }
  return { captures, failures };
}

/**
 * The addresses of a feed's items (RSS, Atom or JSON Feed, read by @extractus/feed-extractor),
 * in the feed's order, relative ones resolved against the feed's address.
 */
export async function feedAddresses(feed: string, limits: Limits): Promise<string[]> {
  const fetched = await fetchResource(feed, FEED, limits, []);
  const url = fetched.chain.at(-1)!;
  const text = decodePage(fetched.body, fetched.contentType);
  let items;
  try {
    items = /json/.test(fetched.contentType)
      ? extractFromJson(JSON.parse(text), { baseUrl: url })
      : extractFromXml(text, { baseUrl: url });
  } catch (error) {
    throw new FetchError(`is not a feed that can be read: ${(error as Error).message}`);
  }
  const addresses = (items.entries ?? []).flatMap((entry) => {
    if (!entry.link) return [];
    try {
      return [new URL(entry.link, url).href];
    } catch {
      return [];
    }
  });
  return [...new Set(addresses)];
}
