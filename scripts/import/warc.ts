/**
 * A capture's evidence as one WARC file (ISO 28500, WARC/1.1), written by Webrecorder's warcio:
 * a `warcinfo` record, then a `request` and a `response` record for every HTTP exchange of the
 * capture (redirects, the page, its images), each record a gzip member of its own, so that
 * ReplayWeb.page, pywb and `warcio index` read it and can seek to any record.
 */
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Exchange } from './fetch.ts';

/**
 * Headers that describe a transfer rather than the payload: undici has already undone them, so
 * the record keeps them under the name web-archive tools use for an original header that no
 * longer applies (pywb's `x-archive-orig-`), lest a replay decode the payload a second time.
 */
const TRANSFER_HEADERS = new Set(['transfer-encoding', 'content-encoding']);

function responseHeaders(exchange: Exchange): [string, string][] {
  return exchange.responseHeaders.map(([name, value]) =>
    TRANSFER_HEADERS.has(name.toLowerCase()) ? [`x-archive-orig-${name}`, value] : [name, value],
  );
}

/** The gzip WARC of a capture's exchanges, in the order they were made. */
export async function warcOf(
  exchanges: readonly Exchange[],
  software: string,
  now = new Date(),
): Promise<Uint8Array> {
  const records: WARCRecord[] = [
    WARCRecord.createWARCInfo(
      { filename: 'capture.warc.gz', warcVersion: 'WARC/1.1', date: now.toISOString() },
      { software, format: 'WARC File Format 1.1' },
    ),
  ];
  for (const exchange of exchanges) {
    const url = new URL(exchange.url);
    const date = exchange.date.toISOString();
    const response = WARCRecord.create(
      {
        url: exchange.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${exchange.status} ${exchange.statusText}`.trimEnd(),
        httpHeaders: responseHeaders(exchange),
      },
      [exchange.body],
    );
    const request = WARCRecord.create(
      {
        url: exchange.url,
        date,
        type: 'request',
        warcVersion: 'WARC/1.1',
        statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
        httpHeaders: [...exchange.requestHeaders],
        warcHeaders: {
          'WARC-Concurrent-To': response.warcHeaders.headers.get('WARC-Record-ID')!,
        },
      },
      [],
    );
    records.push(request, response);
  }
  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await WARCSerializer.serialize(record, { gzip: true }));
  return Buffer.concat(parts);
}
