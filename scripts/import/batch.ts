/**
 * A batch of captures from the web: the addresses given, a feed's items, or the archive's
 * originals again. A few addresses are fetched at a time per host (polite to each site), several
 * hosts at once (bounded, for the machine's share of bandwidth); one that fails is reported in one
 * line and does not stop the others.
 */
import { lookup } from 'node:dns/promises';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import ipaddr from 'ipaddr.js';
import pLimit, { type LimitFunction } from 'p-limit';
import { capturePage, type Capture } from './capture.ts';
import { Progress } from './progress.ts';
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

/** Captures of one host at once: a site is asked for no more than this many pages together. */
export const PER_HOST = 2;
/** Captures at once over all hosts. */
export const AT_ONCE = 6;

/** A capture that failed, with why: `error.status` tells a page that is gone (404, 410). */
export interface Failure {
  readonly address: string;
  readonly error: FetchError;
}

/**
 * Captures each address into `folder`, at most `PER_HOST` of a host and `AT_ONCE` in all at a
 * time, with the batch's progress; the captures come back in the addresses' order. `guarded`:
 * addresses checked by `guard`; `robots`: none when ignored.
 */
export async function captureAll(
  addresses: readonly string[],
  folder: string,
  limits: Limits,
  guarded: ReadonlySet<string> = new Set(),
  guard?: (url: URL) => Promise<void>,
  robots?: Robots,
): Promise<{ captures: Capture[]; failures: Failure[] }> {
  const all = pLimit(AT_ONCE);
  const hosts = new Map<string, LimitFunction>();
  const hostOf = (address: string) => {
    try {
      return new URL(address).host;
    } catch {
      return '';
    }
  };
  const progress = new Progress(addresses.length);
  const outcomes = await Promise.all(
    addresses.map((address) => {
      const host = hostOf(address);
      let limit = hosts.get(host);
      if (!limit) hosts.set(host, (limit = pLimit(PER_HOST)));
      // The host's turn first, then a slot of all: a capture waiting for its host holds none.
      return limit(() =>
        all(async (): Promise<Capture | Failure> => {
          try {
            const capture = await capturePage(
              address,
              folder,
              limits,
              guarded.has(address) ? guard : undefined,
              robots,
            );
            const moved = capture.url === address ? '' : ` (redirected to ${capture.url})`;
            progress.finished({ line: `${address}: fetched${moved}` });
            for (const note of capture.notes) console.error(`${address}: ${note}`);
            return capture;
          } catch (error) {
            if (!(error instanceof FetchError)) throw error;
            progress.finished({ problem: `${address}: ${error.message}` });
            return { address, error };
          }
        }),
      );
    }),
  );
  return {
    captures: outcomes.filter((outcome): outcome is Capture => !('error' in outcome)),
    failures: outcomes.filter((outcome): outcome is Failure => 'error' in outcome),
  };
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
