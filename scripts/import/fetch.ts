/**
 * Fetching for captures, with Node's own `fetch` (undici): every request and response is kept as
 * an exchange for the capture's WARC, redirects are followed by hand so that each hop is one of
 * them, and each fault becomes one line naming the address and the reason.
 */
import { declaredCharset, decodeDeclared, MAX_INPUT_BYTES } from './read-input.ts';

/** One HTTP request and its response, as the WARC keeps them. */
export interface Exchange {
  readonly url: string;
  readonly requestHeaders: readonly [string, string][];
  readonly status: number;
  readonly statusText: string;
  readonly responseHeaders: readonly [string, string][];
  /** The payload as received (the request asks for no content coding). */
  readonly body: Uint8Array;
  /** When the response began. */
  readonly date: Date;
}

export interface Limits {
  /** For one request, from sending it to its last byte. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 30_000,
  // The import's own limit on a page, and on each image.
  maxBytes: MAX_INPUT_BYTES,
  maxRedirects: 10,
};

export const USER_AGENT = 'HaberArsivi/0.1 (news archive; captures for the record)';

export class FetchError extends Error {
  /** The HTTP status of the answer refused, when it was one (a 404 or 410 says the page is gone). */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export interface Fetched {
  /** The address asked for, then each address redirected to: the last is where the body came from. */
  readonly chain: readonly string[];
  readonly contentType: string;
  readonly body: Uint8Array;
}

const MIB = 1024 * 1024;

/** Why a request failed, in words, from undici's error and its cause. */
export function reason(error: unknown, limits: Limits): string {
  const { name, cause } = error as Error & { cause?: NodeJS.ErrnoException };
  if (name === 'TimeoutError' || name === 'AbortError')
    return `no complete answer within ${limits.timeoutMs / 1000} s (timed out)`;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `its host could not be found (DNS: ${code})`;
    case 'ECONNREFUSED':
      return 'the connection was refused (ECONNREFUSED)';
    case 'ECONNRESET':
      return 'the connection was reset (ECONNRESET)';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'no complete answer in time (timed out)';
    default:
      if (code && /CERT|TLS|SSL/.test(code)) return `its TLS certificate was refused (${code})`;
      return `could not be fetched: ${cause?.message ?? (error as Error).message}`;
  }
}

/**
 * Reads a body up to the limit, counting what arrives rather than trusting Content-Length (which
 * may be absent or wrong), and stops reading the moment it is passed.
 */
async function readBounded(response: Response, limits: Limits): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const tooBig = () =>
    new FetchError(
      `is more than ${limits.maxBytes / MIB} MiB (read until the limit, then refused)`,
    );
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      length += chunk.byteLength;
      if (length > limits.maxBytes) {
        await response.body.cancel().catch(() => {});
        throw tooBig();
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks, length);
}

/**
 * Fetches `url` with GET, following redirects (each hop kept in `exchanges`), and returns the
 * final body when `accepts` its media type. Throws a `FetchError` whose message completes
 * "ADDRESS: …".
 */
export async function fetchResource(
  url: string,
  accepts: { test: (mediaType: string) => boolean; what: string; accept: string },
  limits: Limits,
  exchanges: Exchange[],
  /** Checks each address before it is asked (the first, and every redirect's). */
  guard?: (url: URL) => Promise<void>,
): Promise<Fetched> {
  const chain = [url];
  for (;;) {
    const current = chain.at(-1)!;
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      throw new FetchError('is not an address');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new FetchError(
        chain.length > 1
          ? `redirects to ${current}, which is not an http(s) address`
          : `is not an http(s) address (${parsed.protocol.slice(0, -1)})`,
      );
    await guard?.(parsed);
    const sent: [string, string][] = [
      ['User-Agent', USER_AGENT],
      ['Accept', accepts.accept],
      // The WARC keeps the payload as it came; undici would decode a content coding silently.
      ['Accept-Encoding', 'identity'],
      ['Accept-Language', '*'],
    ];
    // The request as it goes out: undici adds these to every request, and reports none of them,
    // so the WARC's request record names them here (the capture tests compare it with what the
    // server received).
    const requestHeaders: [string, string][] = [
      ['Host', parsed.host],
      ['Connection', 'keep-alive'],
      ...sent,
      ['Sec-Fetch-Mode', 'cors'],
    ];
    const signal = AbortSignal.timeout(limits.timeoutMs);
    let response: Response;
    let body: Uint8Array;
    const date = new Date();
    try {
      response = await fetch(parsed, {
        headers: sent,
        redirect: 'manual',
        signal,
      });
      body = await readBounded(response, limits);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw new FetchError(reason(error, limits));
    }
    exchanges.push({
      url: parsed.href,
      requestHeaders,
      status: response.status,
      statusText: response.statusText,
      responseHeaders: [...response.headers],
      body,
      date,
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      let next: string;
      try {
        next = new URL(location, parsed).href;
      } catch {
        throw new FetchError(`redirects to "${location}", which is not an address`);
      }
      if (chain.includes(next))
        throw new FetchError(`redirects in a loop (${[...chain, next].join(' → ')})`);
      if (chain.length > limits.maxRedirects)
        throw new FetchError(`redirects more than ${limits.maxRedirects} times`);
      chain.push(next);
      continue;
    }
    const where = chain.length > 1 ? ` (at ${parsed.href})` : '';
    if (response.status >= 400)
      throw new FetchError(
        `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${where}`,
        response.status,
      );
    if (response.status !== 200)
      throw new FetchError(`the server answered HTTP ${response.status}, not 200${where}`);
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (!accepts.test(mediaType))
      throw new FetchError(`is ${mediaType || 'of no declared type'}, not ${accepts.what}${where}`);
    return { chain, contentType, body };
  }
}

export const HTML = {
  test: (type: string) => type === 'text/html' || type === 'application/xhtml+xml',
  what: 'an HTML page',
  accept: 'text/html,application/xhtml+xml;q=0.9',
};

/**
 * The image types the import archives, by the extension Astro's image pipeline reads them by: raster
 * only, as the build accepts (src/markdown/image-file.ts), since an SVG can carry a script.
 */
export const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'image/avif': '.avif',
  'image/tiff': '.tiff',
};

export const IMAGE = {
  test: (type: string) => type in IMAGE_EXTENSIONS,
  what: 'an image',
  accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
};

export const FEED = {
  test: (type: string) =>
    /^(?:application|text)\/(?:(?:rss|atom|feed|rdf)\+)?(?:xml|json)$/.test(type) ||
    type === 'application/feed+json',
  what: 'a feed (RSS, Atom or JSON Feed)',
  accept:
    'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8',
};

/**
 * A page's text in the charset its server declares, else the one the page declares in its first
 * 1024 bytes (as browsers prescan; a feed in its XML declaration), else UTF-8; Turkish sites still send windows-1254 and
 * ISO-8859-9, which Node's TextDecoder (WHATWG Encoding) reads by those names.
 */
export function decodePage(body: Uint8Array, contentType: string): string {
  const declared =
    /;\s*charset=["']?([^"';\s]+)/i.exec(contentType)?.[1] ?? declaredCharset(body) ?? 'utf-8';
  return decodeDeclared(body, declared, (message) => new FetchError(message));
}
