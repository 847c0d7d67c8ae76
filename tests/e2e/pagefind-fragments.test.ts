import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { slimFragments } from '../../src/integrations/pagefind-fragments.ts';
import { indexedWords, prepareForTurkishIndex, textWordsOf } from '../../src/lib/turkish-index.ts';
import { EXACT_FORM_AS_INDEXED } from '../../src/lib/exact-forms.ts';
import { launchBrowser } from '../support/browser.ts';
import type { PagefindRecord } from '../support/dist.ts';

/**
 * The fragments the build slims (src/integrations/pagefind-fragments.ts), tried on Pagefind
 * itself: the same readied pages indexed twice, one bundle left as Pagefind wrote it and one
 * slimmed, then searched in Chromium with Pagefind's own code. Fails when Pagefind 1.6's fragment
 * format changes, or when a slim bundle answers a search otherwise than the whole one.
 */

const ARTICLES = [
  `<h1 id="baslik">Dışişleri Bakanı Iğdır’da</h1><p>Dışişleri Bakanı dün Iğdır’da konuştu; ılık bir gündü.</p>`,
  `<h1>Kışın ilik</h1><p>İlik suyu ve kış çorbası, soğuk günlerin yemeği.</p>`,
  `<h1>Zirve</h1><p>Bakanlar zirvede buluştu, dışişlerinden bir açıklama bekleniyor.</p>`,
];

/** The queries, as the search page asks them: typed, folded (a match on the variants alone), an exact form. */
const QUERIES = ['dışişleri', 'disisleri', 'kis', 'ılık', 'ilik', '"0dısisleri0"', 'zirve'];

let folder: string;
let browser: Browser;
let server: Server;
let origin: string;

const fragmentsOf = async (bundle: string) =>
  (await readdir(join(folder, bundle, 'fragment'))).sort();
const recordOf = async (bundle: string, fragment: string) => {
  const text = gunzipSync(await readFile(join(folder, bundle, 'fragment', fragment))).toString();
  return {
    signature: text.slice(0, 12),
    record: JSON.parse(text.slice(12)) as PagefindRecord & { word_count: number },
  };
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-fragments-'));
  const { index } = await createIndex({ forceLanguage: 'tr' });
  if (!index) throw new Error('Pagefind did not create an index');
  for (const [number, body] of ARTICLES.entries()) {
    const prepared = prepareForTurkishIndex(
      `<html lang="tr"><body><article data-pagefind-body data-pagefind-meta="title:Haber ${number}">${body}</article></body></html>`,
    )!;
    await index.addHTMLFile({ url: `/haber/${number}/`, content: prepared.html });
  }
  await index.writeFiles({ outputPath: join(folder, 'whole') });
  await close();
  await cp(join(folder, 'whole'), join(folder, 'slim'), { recursive: true });
  await slimFragments(join(folder, 'slim'));
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    if (path === '/') {
      response.setHeader('content-type', 'text/html');
      response.end(
        '<!DOCTYPE html><html lang="tr"><title>Arama</title><link rel="icon" href="data:,"></html>',
      );
      return;
    }
    readFile(join(folder, path)).then(
      (body) => {
        response.setHeader(
          'content-type',
          extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream',
        );
        response.end(body);
      },
      () => {
        response.statusCode = 404;
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

test('Pagefind 1.6 writes each record in a fragment of its own: gzip, the signature, then JSON with the fields the slimming rewrites', async () => {
  const fragments = await fragmentsOf('whole');
  expect(fragments).toHaveLength(ARTICLES.length);
  for (const fragment of fragments) {
    const { signature, record } = await recordOf('whole', fragment);
    expect(signature).toBe('pagefind_dcd');
    expect(Object.keys(record).sort()).toEqual([
      'anchors',
      'content',
      'filters',
      'meta',
      'url',
      'word_count',
    ]);
    // The content is the record's words in index order: as many as Pagefind counted.
    expect(record.content.split(/\s+/)).toHaveLength(record.word_count);
    expect(record.content).toMatch(/ 0\S+0\.?$/u);
  }
});

test('a slim fragment keeps the name, the text and the variants, and none of the exact forms', async () => {
  expect(await fragmentsOf('slim')).toEqual(await fragmentsOf('whole'));
  for (const fragment of await fragmentsOf('whole')) {
    const whole = (await recordOf('whole', fragment)).record;
    const { signature, record: slim } = await recordOf('slim', fragment);
    expect(signature).toBe('pagefind_dcd');
    const words = whole.content.split(/\s+/);
    const text = words.slice(0, words.length - Number(whole.meta['variants']));
    expect(slim.content).toBe(text.join(' '));
    expect(slim.content).not.toMatch(/(^| )0\S*0/u);
    const variants = slim.meta['variants']!.split(' ').filter(Boolean);
    expect(variants.length).toBeGreaterThan(0);
    expect(words.slice(text.length, text.length + variants.length)).toEqual(variants);
    expect(words.slice(text.length + variants.length).length).toBeGreaterThan(0);
    expect(
      words.slice(text.length + variants.length).every((word) => EXACT_FORM_AS_INDEXED.test(word)),
    ).toBe(true);
    expect({ ...slim, content: '', meta: {} }).toEqual({ ...whole, content: '', meta: {} });
    expect((await readFile(join(folder, 'slim/fragment', fragment))).length).toBeLessThan(
      (await readFile(join(folder, 'whole/fragment', fragment))).length,
    );
  }
});

test('slimming is deterministic: the same fragments give the same bytes', async () => {
  await cp(join(folder, 'whole'), join(folder, 'again'), { recursive: true });
  await slimFragments(join(folder, 'again'));
  for (const fragment of await fragmentsOf('slim'))
    expect(await readFile(join(folder, 'again/fragment', fragment))).toEqual(
      await readFile(join(folder, 'slim/fragment', fragment)),
    );
});

test('a fragment in another format stops the slimming, naming it', async () => {
  const odd = join(folder, 'odd');
  await cp(join(folder, 'whole'), odd, { recursive: true });
  const [first] = await fragmentsOf('whole');
  const { record } = await recordOf('whole', first!);
  // A group of records in one fragment, as Pagefind 1.6 can write.
  await writeFile(
    join(odd, 'fragment', first!),
    gzipSync(`pagefind_dcd${JSON.stringify({ [first!]: record })}`),
  );
  await expect(slimFragments(odd)).rejects.toThrow(
    `fragment/${first}: not a Pagefind 1.6 fragment of one record (fields ${first}, not anchors,content,filters,meta,url,word_count)`,
  );
});

interface Answer {
  id: string;
  score: number;
  words: number[];
  content: string;
  meta: Record<string, string>;
  url: string;
}

/** Every query's results in a bundle, with their data, as Pagefind's own code in Chromium gives them. */
async function answers(bundle: string): Promise<Record<string, Answer[]>> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(origin);
  // A string, not a function: Vitest would rewrite a function's `import()` into its own loader.
  const found: unknown = await page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`/${bundle}/pagefind.js`)});
    await pagefind.init();
    const answered = {};
    for (const query of ${JSON.stringify(QUERIES)}) {
      const search = await pagefind.search(query);
      answered[query] = await Promise.all(search.results.map(async (result) => {
        const data = await result.data();
        return { id: result.id, score: result.score, words: result.words, content: data.content, meta: data.meta, url: data.url };
      }));
    }
    return answered;
  })()`);
  await page.close();
  expect(errors).toEqual([]);
  return found as Record<string, Answer[]>;
}

test('searched with Pagefind in Chromium, a slim bundle gives the same results, and each matched position names the same word up to the exact forms', async () => {
  const whole = await answers('whole');
  const slim = await answers('slim');
  for (const query of QUERIES) {
    expect(whole[query]!.length, query).toBeGreaterThan(0);
    const ranked = (found: Answer[]) =>
      found.map(({ id, score, words, url }) => ({ id, score, words, url }));
    expect(ranked(slim[query]!), query).toEqual(ranked(whole[query]!));
    for (const [rank, result] of slim[query]!.entries()) {
      const wholeWords = whole[query]![rank]!.content.split(/\s+/);
      const read = indexedWords(result.content, result.meta);
      for (const position of result.words) {
        const word = wholeWords[position]!;
        if (EXACT_FORM_AS_INDEXED.test(word)) expect(read[position]).toBeUndefined();
        else expect(read[position], `${query}: ${position}`).toBe(word);
      }
    }
  }
  // The folded query matches the variants alone, after the text; the exact form, past them.
  for (const result of slim['disisleri']!) {
    const read = indexedWords(result.content, result.meta);
    for (const position of result.words) {
      expect(position).toBeGreaterThanOrEqual(textWordsOf(result.content).length);
      expect(read[position]).toMatch(/^disisleri/);
    }
  }
  const exact = slim['"0dısisleri0"']![0]!;
  expect(exact.words[0]).toBeGreaterThanOrEqual(indexedWords(exact.content, exact.meta).length);
}, 60_000);
