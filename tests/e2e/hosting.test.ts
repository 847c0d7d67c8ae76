import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, watchForProblems } from '../support/browser.ts';
import { serveWithNginx } from '../support/nginx.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import { buildSite, createFixtureSite, removeFixtureSite } from '../support/site.ts';

/**
 * The archive as a keeper publishes it under a sub-path (a GitHub Pages project site, a folder of
 * an existing site): built with `BASE_PATH=/arsiv/` and `SITE_URL`, served by a real nginx with the
 * build's own `_nginx.conf`, and crawled link by link.
 */
const BASE = '/arsiv/';
const SITE = 'https://arsiv.example.org';
const SEED = `${BASE}2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/`;
const RENAMED = `${BASE}2024/05/02/yeni-baslik/`;
const OLD_ADDRESS = `${BASE}2024/05/02/eski-baslik/`;

const renamed = `---
title: "Yeni başlık"
description: "Adı değişen bir haber."
publishedAt: 2024-05-02
source:
  name: Deneme Ajansı
  url: https://www.deneme.example/haber/1
tags: [Sergey Lavrov, Deneme]
slug: yeni-baslik
redirectFrom: [/2024/05/02/eski-baslik/]
---

Lavrov bu haberde de geçiyor. İkinci cümle.
`;

const english = `---
title: "Lavrov on the summit"
description: "An article in English, whose search bundle is its own."
publishedAt: 2025-10-29
source:
  name: Test Agency
  url: https://news.example/lavrov-summit
lang: en
---

Lavrov spoke about the summit.
`;
const ENGLISH = `${BASE}2025/10/29/lavrov-on-the-summit/`;

let root: string;
let dist: string;
let server: Awaited<ReturnType<typeof serveWithNginx>>;
let browser: Browser;
let buildOutput: string;

beforeAll(async () => {
  root = await createFixtureSite({
    'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8'),
    'renamed.md': renamed,
    'english.md': english,
  });
  dist = join(root, 'dist');
  const build = await buildSite(root, dist, { BASE_PATH: BASE, SITE_URL: SITE });
  if (!build.ok) throw new Error(`The fixture archive did not build:\n${build.output}`);
  buildOutput = build.output;
  [server, browser] = await Promise.all([serveWithNginx(dist, BASE), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) await removeFixtureSite(root);
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

/** Every address a page of the site refers to: links, assets, forms. */
function referencesOf(html: string): string[] {
  const tree = fromHtml(html);
  return selectAll(
    'a[href], link[href], script[src], img[src], source[src], form[action]',
    tree,
  ).map((node) => String(node.properties.href ?? node.properties.src ?? node.properties.action));
}

const xml = new XMLParser();

/** The absolute addresses the sitemaps list, each sitemap checked to be under the site and base. */
async function sitemapLocations(): Promise<string[]> {
  const index = xml.parse(await (await get(`${BASE}sitemap-index.xml`)).text());
  const locations: string[] = [];
  for (const { loc } of [index.sitemapindex.sitemap].flat() as { loc: string }[]) {
    expect(loc.startsWith(`${SITE}${BASE}`), loc).toBe(true);
    const urls: { loc: string }[] = [
      xml.parse(await (await get(new URL(loc).pathname)).text()).urlset.url,
    ].flat();
    locations.push(...urls.map((url) => url.loc));
  }
  return locations;
}

describe('a site built with BASE_PATH=/arsiv/, served by nginx', () => {
  test('every page, from the home page, the 404 page and the sitemaps, links only under /arsiv/, and every link resolves', async () => {
    const queue = [
      BASE,
      `${BASE}404.html`,
      ...(await sitemapLocations()).map((loc) => new URL(loc).pathname),
    ];
    const seen = new Set(queue);
    const problems: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift()!;
      let response = await get(path);
      if (response.status === 301) response = await get(response.headers.get('location')!);
      if (response.status !== 200) {
        problems.push(`${path}: ${response.status}`);
        continue;
      }
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      for (const reference of referencesOf(await response.text())) {
        const url = new URL(reference, `${server.url}${path}`);
        if (url.origin !== server.url) continue;
        if (!url.pathname.startsWith(BASE))
          problems.push(`${path} links outside ${BASE}: ${reference}`);
        if (!seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      }
    }
    expect(problems).toEqual([]);
    // The crawl reached every kind of page, not just the home page.
    for (const path of [
      SEED,
      RENAMED,
      `${BASE}ara/`,
      `${BASE}etiket/sergey-lavrov/`,
      `${BASE}kaynak/`,
      `${BASE}2025/10/`,
      `${BASE}rss.xml`,
      `${SEED.replace(/\/$/, '')}.md`,
    ]) {
      expect(seen, path).toContain(path);
    }
  });

  test('canonical links, feeds, sitemaps and robots.txt name the public address with the base', async () => {
    const page = fromHtml(await (await get(SEED)).text());
    expect(select('link[rel=canonical]', page)?.properties.href).toBe(`${SITE}${SEED}`);
    expect(select('meta[property="og:url"]', page)?.properties.content).toBe(`${SITE}${SEED}`);
    const jsonLd = JSON.parse(
      String(
        (select('script[type="application/ld+json"]', page)?.children[0] as { value: string })
          .value,
      ),
    );
    expect(jsonLd.url).toBe(`${SITE}${SEED}`);

    const rss = xml.parse(await (await get(`${BASE}rss.xml`)).text());
    expect(rss.rss.channel.link).toBe(`${SITE}${BASE}`);
    const items: { link: string }[] = [rss.rss.channel.item].flat();
    expect(items.map((item) => item.link).sort()).toEqual(
      [RENAMED, ENGLISH, SEED].map((path) => `${SITE}${path}`).sort(),
    );

    const feed = await (await get(`${BASE}feed.json`)).json();
    expect(feed.home_page_url).toBe(`${SITE}${BASE}`);
    expect(feed.feed_url).toBe(`${SITE}${BASE}feed.json`);
    expect(feed.items.map((item: { url: string }) => item.url).sort()).toEqual(
      [RENAMED, ENGLISH, SEED].map((path) => `${SITE}${path}`).sort(),
    );

    const robots = await (await get(`${BASE}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);

    const locations = await sitemapLocations();
    expect(locations).toContain(`${SITE}${SEED}`);
    for (const loc of locations) expect(loc.startsWith(`${SITE}${BASE}`), loc).toBe(true);
  });

  test('search works under the base: results link to the articles there', async () => {
    const page = await browser.newPage();
    const problems = watchForProblems(page, server.url);
    await page.goto(`${server.url}${BASE}ara/?q=lavrov`);
    const links = page.locator('#search-results a');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs.sort()).toEqual([RENAMED, ENGLISH, SEED].sort());
    await links.first().click();
    await page.waitForURL((url) => url.pathname.startsWith(`${BASE}20`));
    expect([RENAMED, ENGLISH, SEED]).toContain(new URL(page.url()).pathname);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the lookup by original address leads to the article under the base', async () => {
    const page = await browser.newPage();
    await page.goto(
      `${server.url}${BASE}bul/?adres=${encodeURIComponent('http://deneme.example/haber/1/')}`,
    );
    await page.waitForURL(`${server.url}${RENAMED}`);
    await page.close();
  });

  test('the header form searches under the base without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${BASE}`);
    await page.locator('#site-search').fill('zirve');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${server.url}${BASE}ara/?q=zirve`);
    await context.close();
  });
});

describe('the nginx rules the build writes', () => {
  test('pages carry the security headers and no script policy that would block their hashed scripts', async () => {
    const response = await get(SEED);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).not.toMatch(/script-src|default-src/);
    expect(response.headers.get('cache-control')).toBeNull();
  });

  test('hashed assets and the hashed parts of the index are cached for a year, and keep the security headers', async () => {
    const html = await (await get(SEED)).text();
    const stylesheet = referencesOf(html).find((reference) =>
      reference.startsWith(`${BASE}_astro/`),
    )!;
    // One bundle a language and year (src/lib/search-bundles.ts).
    const bundles = ['pagefind/tr/2025/', 'pagefind/en/2025/'];
    const fragments = await Promise.all(
      bundles.map(
        async (bundle) =>
          `${BASE}${bundle}fragment/${(await readdir(join(dist, bundle, 'fragment')))[0]}`,
      ),
    );
    for (const path of [stylesheet, ...fragments]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(
        'public, max-age=31536000, immutable',
      );
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    for (const bundle of bundles)
      expect((await get(`${BASE}${bundle}pagefind.js`)).headers.get('cache-control')).toBeNull();
  });

  test('an SVG that scripts, in Astro’s assets or anywhere else in the site, is served with a policy that forbids scripts, and opened it runs none', async () => {
    // However it got there (a file of public/, an asset): the headers are the last line of defence.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="document.documentElement.setAttribute('data-onload', 'ran')"><script>document.documentElement.setAttribute('data-script', 'ran')</script><rect width="10" height="10"/></svg>`;
    for (const path of ['_astro/kotu.svg', 'kotu.svg', 'favicon.svg']) {
      if (path !== 'favicon.svg') await writeFile(join(dist, path), svg);
      const response = await get(`${BASE}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('image/svg+xml');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      const policy = response.headers.get('content-security-policy');
      expect(policy, path).toContain("default-src 'none'; style-src 'unsafe-inline'; sandbox");
      expect(policy, path).toContain("frame-ancestors 'none'");
      if (path === 'favicon.svg') continue;
      const page = await browser.newPage();
      await page.goto(`${server.url}${BASE}${path}`);
      await page.waitForLoadState('load');
      const ran = await page.evaluate(() => [
        document.documentElement.getAttribute('data-onload'),
        document.documentElement.getAttribute('data-script'),
      ]);
      expect(ran, path).toEqual([null, null]);
      await page.close();
    }
    const headers = await readFile(join(dist, '_headers'), 'utf8');
    for (const rule of ['/arsiv/_astro/*', '/arsiv/favicon.svg'])
      expect(headers, rule).toContain(
        `${rule}\n  Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox\n`,
      );
  });

  test('an unknown address gets the archive’s 404 page with status 404', async () => {
    const response = await get(`${BASE}2025/10/28/boyle-bir-haber-yok/`);
    expect(response.status).toBe(404);
    const page = fromHtml(await response.text());
    expect(select('h1', page)).toBeDefined();
    expect(select('a[href="/arsiv/"]', page)).toBeDefined();
  });

  test('a folder without its trailing slash is redirected to it, keeping the base', async () => {
    const response = await get(`${BASE}2025/10`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${BASE}2025/10/`);
  });

  test('the old address of a renamed article is a permanent redirect to its permalink, with or without the slash', async () => {
    for (const path of [OLD_ADDRESS, OLD_ADDRESS.replace(/\/$/, '')]) {
      const response = await get(path);
      expect(response.status, path).toBe(301);
      expect(response.headers.get('location'), path).toBe(RENAMED);
    }
  });

  test('the Markdown copy is served as UTF-8 Markdown', async () => {
    const response = await get(`${SEED.replace(/\/$/, '')}.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await response.text()).toContain('Lavrov');
  });

  test('a WARC is served to download as application/warc, its gzip kept in the file and never sent as a Content-Encoding', async () => {
    const warc = gzipSync(
      'WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 0\r\n\r\n\r\n\r\n',
    );
    const path = `${SEED}surum/1.warc.gz`;
    await mkdir(join(dist, SEED.slice(BASE.length), 'surum'), { recursive: true });
    await writeFile(join(dist, path.slice(BASE.length)), warc);
    // fetch asks for gzip and would undo a Content-Encoding: the bytes would not be the file's.
    const response = await fetch(`${server.url}${path}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/warc');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-disposition')).toBe('attachment');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(warc);
  });

  test('the files written for hosts are not served', async () => {
    for (const file of ['_headers', '_redirects', '_nginx.conf'])
      expect((await get(`${BASE}${file}`)).status, file).toBe(404);
  });

  test('hosts without redirects (GitHub Pages) get a page at the old address that leads under the base', async () => {
    const page = fromHtml(await readFile(join(dist, '2024/05/02/eski-baslik/index.html'), 'utf8'));
    expect(select('meta[http-equiv="refresh"]', page)?.properties.content).toBe(`0;url=${RENAMED}`);
    expect(select('link[rel=canonical]', page)?.properties.href).toBe(`${SITE}${RENAMED}`);
  });

  test('_redirects and _headers carry the base', async () => {
    expect(await readFile(join(dist, '_redirects'), 'utf8')).toContain(
      `${OLD_ADDRESS} ${RENAMED} 301`,
    );
    expect(await readFile(join(dist, '_headers'), 'utf8')).toMatch(/^\/arsiv\/\*$/m);
  });
});

describe('the public address', () => {
  const WARNING =
    /SITE_URL is not set, so canonical links, feeds, sitemaps, JSON-LD and citations name https:\/\/haber-arsivi\.example\. Set it to/;

  test('a production build without SITE_URL says so once; with it, or for the local preview of npm start, it is quiet', async () => {
    const fixture = await createFixtureSite({
      'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8'),
    });
    try {
      const unset = await buildSite(fixture);
      expect(unset.ok, unset.output).toBe(true);
      expect(unset.output.match(new RegExp(WARNING, 'g'))).toHaveLength(1);
      // npm start builds with the address it previews at.
      const preview = await buildSite(fixture, join(fixture, 'dist'), {}, [
        '--site',
        'http://localhost:4321',
      ]);
      expect(preview.output).not.toMatch(WARNING);
      const home = fromHtml(await readFile(join(fixture, 'dist/index.html'), 'utf8'));
      expect(select('link[rel=canonical]', home)?.properties.href).toBe('http://localhost:4321/');
    } finally {
      await removeFixtureSite(fixture);
    }
  });

  test('the build with SITE_URL set did not warn', async () => {
    expect(buildOutput).not.toMatch(WARNING);
  });

  test.each([
    [{ SITE_URL: 'arsiv.example.org' }, 'SITE_URL="arsiv.example.org" is not an absolute address'],
    [{ BASE_PATH: '/a b/' }, 'BASE_PATH="/a b/": "a b" is not a plain folder name'],
  ])(
    'a wrong %o stops the build with one line saying what is wrong, and no stack trace',
    async (env, message) => {
      const fixture = await createFixtureSite({
        'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8'),
      });
      try {
        const build = await buildSite(fixture, join(fixture, 'dist'), env);
        expect(build.ok).toBe(false);
        expect(build.output).toContain(`haber-arsivi: ${message}`);
        expect(build.output).not.toMatch(/\n\s+at /);
      } finally {
        await removeFixtureSite(fixture);
      }
    },
  );
});
