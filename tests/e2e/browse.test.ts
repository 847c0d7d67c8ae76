import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extract, type FeedData } from '@extractus/feed-extractor';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { PLACEHOLDER_SITE } from '../../src/lib/deployment.ts';
import { launchBrowser, sharedPages } from '../support/browser.ts';
import { accessibilityViolations, xmlProblem } from '../support/checks.ts';
import { serveWithNginx } from '../support/nginx.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import { buildSite, createFixtureSite, projectRoot, removeFixtureSite } from '../support/site.ts';

/**
 * Browsing as a researcher does (issue 24): an author's articles, a tag's, a publisher's or an
 * author's feeds, the browser's search bar, and an article printed with what a citation needs.
 * A fixture built with `BASE_PATH=/arsiv/` and `SITE_URL`, served by nginx with the build's own
 * rules; the archive as committed (no base path) for the same checks without one.
 */
const run = promisify(execFile);
const BASE = '/arsiv/';
const SITE = 'https://arsiv.example.org';
const FEED_ITEMS = 50;
/** More articles by one pair of authors than a feed carries, and than two list pages hold. */
const PROLIFIC = 52;

const VERSIONS = join(projectRoot, 'tests/fixtures/versions/2025/11');
const IZMIR = '2025/11/05/izmirde-saganak-karsiyakada-yollar-su-altinda-kaldi/';
const SEED =
  '2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/';

/** Authors in other scripts, with the slugs tags get for the same names. */
const AUTHORS = [
  { name: 'Иван Петров', slug: 'ivan-petrov', title: 'Выборы в Москве', day: '2025-03-01' },
  { name: '王伟', slug: 'wangwei', title: '北京的选举', day: '2025-03-04' },
  { name: '山田太郎', slug: 'shantiantailang', title: '東京の選挙', day: '2025-03-05' },
];

const article = (
  title: string,
  day: string,
  authors: string[],
  source = 'Deneme Ajansı',
  url = `https://deneme.example/${encodeURIComponent(title)}`,
) => `---
title: "${title}"
description: "${title}: bir deneme haberi."
publishedAt: ${day}
source:
  name: "${source}"
  url: ${url}
authors: ${JSON.stringify(authors)}
tags: [Deneme]
---

${title}. Bu haberin metni kısadır.
`;

/** The versions fixture's three captures, each naming an author whose name has a dotless ı. */
async function izmirFiles(): Promise<Record<string, string>> {
  const withAuthor = (text: string) =>
    text.replace('\nlang: tr\n', '\nlang: tr\nauthors: [Zeynep Işık]\n');
  const folder = '05-izmirde-saganak-karsiyakada-yollar-su-altinda-kaldi';
  const files: Record<string, string> = {
    [`2025/11/${folder}.md`]: withAuthor(await readFile(join(VERSIONS, `${folder}.md`), 'utf8')),
  };
  for (const version of await readdir(join(VERSIONS, folder)))
    files[`2025/11/${folder}/${version}`] = withAuthor(
      await readFile(join(VERSIONS, folder, version), 'utf8'),
    );
  return files;
}

// Each test opens several pages in Chromium, or prints one: more than the default minute on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

let root: string;
let server: Awaited<ReturnType<typeof serveWithNginx>>;
let browser: Browser;
let tabs: ReturnType<typeof sharedPages>;
let page: Page;

beforeAll(async () => {
  const prolific = Object.fromEntries(
    Array.from({ length: PROLIFIC }, (_, index) => {
      const day = new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10);
      return [
        `2024/${index}.md`,
        article(`Deneme haberi ${index + 1}`, day, ['Ayşe Yılmaz', 'İlker Işık']),
      ];
    }),
  );
  root = await createFixtureSite({
    'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8'),
    ...(await izmirFiles()),
    ...prolific,
    ...Object.fromEntries(
      AUTHORS.map(({ name, title, day }, index) => [
        `2025/03/${index}.md`,
        article(title, day, [name], 'Известия', `https://iz.example/${index}`),
      ]),
    ),
  });
  const build = await buildSite(root, join(root, 'dist'), { BASE_PATH: BASE, SITE_URL: SITE });
  if (!build.ok) throw new Error(`The fixture archive did not build:\n${build.output}`);
  [server, browser] = await Promise.all([
    serveWithNginx(join(root, 'dist'), BASE),
    launchBrowser(),
  ]);
  tabs = sharedPages(browser);
}, 300_000);
afterEach(async () => {
  await tabs?.close(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) await removeFixtureSite(root);
});

async function open(path: string, options: { colorScheme?: 'light' | 'dark'; site?: string } = {}) {
  page = await tabs.open({ colorScheme: options.colorScheme ?? 'light' });
  const response = await page.goto(new URL(path, options.site ?? server.url).href);
  expect(response?.status(), path).toBe(200);
  return page;
}

const linksIn = (selector: string) =>
  page.$$eval(selector, (anchors) =>
    anchors.map((anchor) => ({
      text: anchor.textContent!.trim(),
      href: anchor.getAttribute('href')!,
    })),
  );

describe('authors', () => {
  test('a byline links each author to their page, which lists the article (Cyrillic, Chinese, Japanese)', async () => {
    for (const { name, slug, title, day } of AUTHORS) {
      await open(`${BASE}${day.slice(0, 7).replace('-', '/')}/`);
      await page.getByRole('link', { name: title }).click();
      await expect(page.locator('.article header .byline').textContent()).resolves.toBe(
        `Yazan: ${name}`,
      );
      await page.locator('.byline a', { hasText: name }).click();
      expect(new URL(page.url()).pathname).toBe(`${BASE}yazar/${slug}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(`Yazar: ${name}`);
      await expect(page.locator('main').textContent()).resolves.toContain(title);
    }
  });

  test('two authors are each a link, joined as Turkish joins them, with Turkish slugs', async () => {
    await open(`${BASE}2024/01/01/deneme-haberi-1/`);
    await expect(page.locator('.article header .byline').textContent()).resolves.toBe(
      'Yazan: Ayşe Yılmaz ve İlker Işık',
    );
    expect(await linksIn('.byline a')).toEqual([
      { text: 'Ayşe Yılmaz', href: `${BASE}yazar/ayse-yilmaz/` },
      { text: 'İlker Işık', href: `${BASE}yazar/ilker-isik/` },
    ]);
  });

  test('an author’s page is paginated like a tag’s, newest first', async () => {
    await open(`${BASE}yazar/ilker-isik/`);
    await expect(page.locator('.listing-head .count').textContent()).resolves.toBe(
      `${PROLIFIC} haber`,
    );
    await expect(page.locator('article.summary').count()).resolves.toBe(20);
    await expect(page.locator('article.summary h2').first().textContent()).resolves.toContain(
      `Deneme haberi ${PROLIFIC}`,
    );
    await open(`${BASE}yazar/ilker-isik/sayfa/3/`);
    await expect(page.locator('article.summary').count()).resolves.toBe(PROLIFIC - 40);
    await expect(page.locator('article.summary h2').last().textContent()).resolves.toContain(
      'Deneme haberi 1',
    );
  });

  test('an article stays on its author’s page through its versions, once', async () => {
    await open(`${BASE}yazar/zeynep-isik/`);
    await expect(page.locator('article.summary').count()).resolves.toBe(1);
    await open(`${BASE}${IZMIR}surum/2/`);
    expect(await linksIn('.byline a')).toEqual([
      { text: 'Zeynep Işık', href: `${BASE}yazar/zeynep-isik/` },
    ]);
  });

  test('the search filters by author, each author a choice with a count', async () => {
    await open(`${BASE}ara/?q=deneme`);
    await page.locator('.search-result').first().waitFor();
    await page.getByText('Süzgeçler').click();
    const authors = page.locator('fieldset.filter', { hasText: 'Yazar' });
    await authors.waitFor();
    for (const [name, count] of [
      ['İlker Işık', PROLIFIC],
      ['Иван Петров', 1],
    ] as const)
      await expect(authors.locator('label', { hasText: name }).textContent()).resolves.toContain(
        `(${count})`,
      );
    await authors.getByLabel('İlker Işık').check();
    await page.waitForURL((url) => url.searchParams.get('yazar') === 'İlker Işık');
    await expect
      .poll(() => page.locator('#search-status').textContent())
      .toBe(`“deneme” için ${PROLIFIC} sonuç`);
  });

  test('the index of authors names each with their count, in Turkish order, and links to their page', async () => {
    await open(`${BASE}yazar/`);
    const links = await linksIn('.terms a');
    expect(links.map(({ text }) => text)).toEqual(
      ['Ayşe Yılmaz', 'İlker Işık', 'Zeynep Işık', ...AUTHORS.map(({ name }) => name)].sort(
        (a, b) => a.localeCompare(b, 'tr'),
      ),
    );
    for (const link of links)
      expect((await fetch(new URL(link.href, server.url))).status).toBe(200);
    await expect(
      page.locator('.terms li', { hasText: 'Ayşe Yılmaz' }).textContent(),
    ).resolves.toContain(`(${PROLIFIC} haber)`);
    await open(BASE);
    await expect(page.locator('.figures a[href$="/yazar/"]').textContent()).resolves.toBe(
      String(AUTHORS.length + 3),
    );
  });

  for (const colorScheme of ['light', 'dark'] as const)
    test.each([`${BASE}yazar/`, `${BASE}yazar/ivan-petrov/`, `${BASE}yazar/ilker-isik/sayfa/2/`])(
      `%s has no WCAG 2.2 A or AA violation (${colorScheme} theme)`,
      async (path) => {
        await open(path, { colorScheme });
        expect(await accessibilityViolations(page)).toEqual([]);
      },
    );
});

describe('feeds of a tag, a publisher and an author', () => {
  const feed = (path: string) => extract(new URL(path, server.url).href, { descriptionMaxLen: 0 });
  /** Feed parsers normalise an entry to its address, title and date; the lists compare on those. */
  const entries = (data: FeedData) =>
    (data.entries ?? []).map(({ link, title, published }) => ({ link, title, published }));

  test('each list page advertises its RSS and JSON Feed first, then the archive’s, and each parses', async () => {
    for (const list of ['etiket/deneme/', 'kaynak/deneme-ajansi/', 'yazar/ivan-petrov/']) {
      await open(`${BASE}${list}`);
      const alternates = await page.$$eval('link[rel=alternate]', (links) =>
        links.map((link) => ({ type: link.getAttribute('type'), href: link.getAttribute('href') })),
      );
      expect(alternates).toEqual([
        { type: 'application/rss+xml', href: `${BASE}${list}rss.xml` },
        { type: 'application/feed+json', href: `${BASE}${list}feed.json` },
        { type: 'application/rss+xml', href: `${BASE}rss.xml` },
        { type: 'application/feed+json', href: `${BASE}feed.json` },
      ]);
      const rss = await feed(alternates[0]!.href!);
      const json = await feed(alternates[1]!.href!);
      expect(rss.link).toBe(`${SITE}${BASE}${list}`);
      expect(json.link).toBe(`${SITE}${BASE}${list}`);
      expect(rss.title).toBe(
        await page.evaluate(() => document.querySelector('h1')!.textContent + ' · Haber Arşivi'),
      );
      expect(entries(json)).toEqual(entries(rss));
      expect(rss.entries!.length).toBeGreaterThan(0);
      for (const entry of rss.entries!)
        expect(entry.link!.startsWith(`${SITE}${BASE}`), entry.link).toBe(true);
    }
  });

  test('the RSS is well-formed RSS 2.0 with its own address, and the JSON Feed is JSON Feed 1.1', async () => {
    const xml = await (await fetch(`${server.url}${BASE}yazar/wangwei/rss.xml`)).text();
    expect(xmlProblem(xml)).toBeUndefined();
    const { rss } = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(rss['@_version']).toBe('2.0');
    for (const required of ['title', 'link', 'description'])
      expect(rss.channel[required]).toBeTruthy();
    expect(rss.channel['atom:link']['@_href']).toBe(`${SITE}${BASE}yazar/wangwei/rss.xml`);
    const json = await (await fetch(`${server.url}${BASE}yazar/wangwei/feed.json`)).json();
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Yazar: 王伟 · Haber Arşivi',
      home_page_url: `${SITE}${BASE}yazar/wangwei/`,
      feed_url: `${SITE}${BASE}yazar/wangwei/feed.json`,
    });
    expect(json.items[0]).toMatchObject({ title: '北京的选举', authors: [{ name: '王伟' }] });
  });

  test('a list’s feed carries as many items as the archive’s, its newest first', async () => {
    const archive = await feed(`${BASE}rss.xml`);
    const author = await feed(`${BASE}yazar/ayse-yilmaz/rss.xml`);
    expect(archive.entries).toHaveLength(FEED_ITEMS);
    expect(author.entries).toHaveLength(FEED_ITEMS);
    expect(author.entries![0]!.title).toBe(`Deneme haberi ${PROLIFIC}`);
    const dates = author.entries!.map((entry) => Date.parse(entry.published!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('a list’s feeds carry the same version updates as the archive’s', async () => {
    const ofIzmir = (data: FeedData) => entries(data).filter(({ link }) => link!.includes(IZMIR));
    const archive = ofIzmir(await feed(`${BASE}feed.json`));
    expect(archive.map(({ link }) => link)).toEqual([
      `${SITE}${BASE}${IZMIR}surum/3/`,
      `${SITE}${BASE}${IZMIR}surum/2/`,
      `${SITE}${BASE}${IZMIR}`,
    ]);
    expect(archive[0]!.title).toMatch(/^Güncellendi: /);
    for (const list of ['yazar/zeynep-isik/', 'etiket/izmir/', 'kaynak/ege-postasi/'])
      for (const file of ['rss.xml', 'feed.json'])
        expect(ofIzmir(await feed(`${BASE}${list}${file}`)), `${list}${file}`).toEqual(archive);
  });
});

const openSearchXml = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false });

/** The OpenSearch 1.1 description's required structure (opensearch.org's specification), checked element by element. */
function checkOpenSearch(xml: string, site: string) {
  expect(xmlProblem(xml)).toBeUndefined();
  const { OpenSearchDescription: description } = openSearchXml.parse(xml);
  expect(description['@_xmlns']).toBe('http://a9.com/-/spec/opensearch/1.1/');
  expect(typeof description.ShortName).toBe('string');
  expect([...description.ShortName].length).toBeLessThanOrEqual(16);
  expect(description.Description.length).toBeLessThanOrEqual(1024);
  const urls = [description.Url].flat() as Record<string, string>[];
  const html = urls.find((url) => url['@_type'] === 'text/html')!;
  expect(html['@_template']).toBe(`${site}ara/?q={searchTerms}`);
  expect(urls.find((url) => url['@_rel'] === 'self')!['@_template']).toBe(`${site}opensearch.xml`);
  return html['@_template']!;
}

/** The day of publication of every article of the fixture, as its permalink gives it. */
const PUBLISHED = [
  ...Array.from({ length: PROLIFIC }, (_, index) =>
    new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10),
  ),
  ...AUTHORS.map(({ day }) => day),
  '2025-10-28',
  '2025-11-05',
];
const inPeriod = (from: string, to: string) =>
  PUBLISHED.filter((day) => day >= from && day <= to).sort();

describe('a period in search', () => {
  /** Waits for the search to end (its list may be empty, and so not visible). */
  const searched = () =>
    page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });

  /** The days of publication of every result, in the order shown, after showing them all. */
  async function resultDays(): Promise<string[]> {
    await searched();
    const more = page.locator('#search-more');
    while (await more.isVisible()) {
      const shown = await page.locator('.search-result').count();
      await more.click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('.search-result').length > count,
        shown,
      );
    }
    const hrefs = await page.$$eval('.search-result h2 a', (links) =>
      links.map((link) => link.getAttribute('href')!),
    );
    return hrefs.map((href) => /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(href)!.slice(1).join('-'));
  }

  test('a period of days, across two years, finds exactly the articles published in it, in date order', async () => {
    await open(`${BASE}ara/?baslangic=2024-02-20&bitis=2025-03-04&sirala=eski`);
    await expect(resultDays()).resolves.toEqual(inPeriod('2024-02-20', '2025-03-04'));
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      'Seçilen süzgeçlere uyan 4 haber · 20 Şubat 2024 – 4 Mart 2025',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('words and a month together find the month’s articles that have them', async () => {
    await open(`${BASE}ara/?q=deneme&baslangic=2024-01&bitis=2024-01`);
    const days = await resultDays();
    expect([...days].sort()).toEqual(inPeriod('2024-01-01', '2024-01-31'));
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '“deneme” için 31 sonuç · 1 Ocak 2024 – 31 Ocak 2024',
    );
  });

  test('a month page links to a search of its period, whose ends are changed from the keyboard', async () => {
    page = await tabs.open({ locale: 'tr-TR' });
    await page.goto(`${server.url}${BASE}2025/03/`);
    await page.getByRole('link', { name: 'Bu dönemin haberlerinde ara' }).click();
    expect(new URL(page.url()).search).toBe('?baslangic=2025-03&bitis=2025-03');
    expect((await resultDays()).sort()).toEqual(inPeriod('2025-03-01', '2025-03-31'));
    const from = page.getByLabel('Başlangıç');
    await expect(from.inputValue()).resolves.toBe('2025-03-01');
    await expect(page.getByLabel('Bitiş').inputValue()).resolves.toBe('2025-03-31');
    // An arrow key steps the field's first part (the month or the day, by the browser's language),
    // and the period changes at once; stepping down keeps it within the month's end.
    await from.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((url) => url.searchParams.get('baslangic') !== '2025-03');
    const stepped = new URL(page.url()).searchParams.get('baslangic')!;
    expect(stepped).toMatch(/^2025-0[23]-\d\d$/);
    expect(stepped).not.toBe('2025-03-01');
    expect((await resultDays()).sort()).toEqual(inPeriod(stepped, '2025-03-31'));
    await expect(from.inputValue()).resolves.toBe(stepped);
  });

  test('a year page links to a search of its whole year, which asks that year’s bundle only', async () => {
    await open(`${BASE}2024/`);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.getByRole('link', { name: 'Bu dönemin haberlerinde ara' }).click();
    await searched();
    expect(fetched.some((path) => path.startsWith(`${BASE}pagefind/tr/2024/`))).toBe(true);
    expect(fetched.filter((path) => path.startsWith(`${BASE}pagefind/tr/2025/`))).toEqual([]);
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      `Seçilen süzgeçlere uyan ${inPeriod('2024-01-01', '2024-12-31').length} haber · 1 Ocak 2024 – 31 Aralık 2024`,
    );
  });

  test('without a base path, the archive’s own month page leads to a search of its period', async () => {
    const site = inject('archiveUrl');
    await open('/2025/10/', { site });
    await page.getByRole('link', { name: 'Bu dönemin haberlerinde ara' }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
      '/ara/?baslangic=2025-10&bitis=2025-10',
    );
    expect(await resultDays()).toEqual(['2025-10-28']);
  });

  test('a period outside the archive’s years finds nothing, and says so', async () => {
    await open(`${BASE}ara/?q=lavrov&baslangic=1990-01&bitis=1990-12`);
    await searched();
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      'Seçilen süzgeçlere uyan 0 haber · 1 Ocak 1990 – 31 Aralık 1990',
    );
    await expect(page.locator('.search-result').count()).resolves.toBe(0);
  });
});

describe('OpenSearch', () => {
  test.each([BASE, `${BASE}${SEED}`, `${BASE}yazar/`, `${BASE}ara/`, `${BASE}yok/`])(
    '%s links to the description',
    async (path) => {
      const head = fromHtml(await (await fetch(`${server.url}${path}`)).text());
      const links = selectAll('link[rel=search]', head).map(({ properties }) => properties);
      expect(links).toEqual([
        {
          rel: ['search'],
          type: 'application/opensearchdescription+xml',
          title: 'Haber Arşivi',
          href: `${BASE}opensearch.xml`,
        },
      ]);
    },
  );

  test('the description is served as OpenSearch by nginx', async () => {
    const response = await fetch(`${server.url}${BASE}opensearch.xml`);
    expect(response.headers.get('content-type')).toBe('application/opensearchdescription+xml');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('the description is valid OpenSearch 1.1, and its template, filled in as a browser does, finds the seed', async () => {
    const xml = await (await fetch(`${server.url}${BASE}opensearch.xml`)).text();
    const template = checkOpenSearch(xml, `${SITE}${BASE}`);
    const address = new URL(
      template.replace('{searchTerms}', encodeURIComponent('Dışişleri Lavrov')),
    );
    await open(`${address.pathname}${address.search}`);
    await page.locator('.search-result').first().waitFor();
    // A result leads to the article, at the words found (a text fragment after #).
    await expect(
      page
        .locator('.search-result a')
        .first()
        .getAttribute('href')
        .then((href) => href?.split('#')[0]),
    ).resolves.toBe(`${BASE}${SEED}`);
  });

  test('without a base path, the archive’s own description leads to its own search', async () => {
    const site = inject('archiveUrl');
    const xml = await (await fetch(`${site}/opensearch.xml`)).text();
    // Built without SITE_URL, the archive names the placeholder site; the preview serves it here.
    const template = checkOpenSearch(xml, `${PLACEHOLDER_SITE}/`);
    const address = new URL(template.replace('{searchTerms}', encodeURIComponent('lavrov')));
    await open(`${address.pathname}${address.search}`, { site });
    await page.locator('.search-result').first().waitFor();
    // A result leads to the article, at the words found (a text fragment after #).
    await expect(
      page
        .locator('.search-result a')
        .first()
        .getAttribute('href')
        .then((href) => href?.split('#')[0]),
    ).resolves.toBe(`/${SEED}`);
  });
});

describe('printing', () => {
  /** The page printed to PDF by Chromium, and the PDF's text read back by poppler's pdftotext. */
  async function printedText(path: string, site = server.url): Promise<string> {
    await open(path, { site });
    const folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-pdf-'));
    try {
      const pdf = join(folder, 'page.pdf');
      await writeFile(pdf, await page.pdf({ format: 'A4' }));
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
      return stdout;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  /**
   * Addresses and hashes break across lines on paper, and pdftotext takes a hyphen at a line's end
   * for hyphenation and drops it: they are compared with spaces and hyphens taken out of both.
   */
  const unbroken = (text: string) => text.replace(/[\s-]+/g, '');
  const words = (text: string) => text.replace(/\s+/g, ' ');

  test('a version page prints its address, hash, dates, version and citations, without the site’s controls', async () => {
    const text = await printedText(`${BASE}${IZMIR}surum/2/`);
    const markdown = await (await fetch(`${server.url}${BASE}${IZMIR}surum/2.md`)).text();
    const hash = createHash('sha256').update(markdown).digest('hex');
    expect(unbroken(text)).toContain(unbroken(`${SITE}${BASE}${IZMIR}surum/2/`));
    expect(unbroken(text)).toContain(hash);
    expect(words(text)).toContain('Yayın tarihi 5 Kasım 2025');
    expect(words(text)).toMatch(/Arşive eklendiği tarih 5 Kasım 2025/);
    expect(words(text)).toContain('2. sürüm');
    expect(words(text)).toContain('Arşiv kopyası');
    expect(unbroken(text)).toContain(
      unbroken('(https://web.archive.org/web/*/https://ege.example/gundem/izmir-saganak)'),
    );
    for (const control of ['İçeriğe geç', 'Özgün adresle bul', 'Bağlantıyı kopyala', 'Kopyala'])
      expect(words(text), control).not.toContain(control);
  });

  test('a diff page prints its own address and leaves out the links to other comparisons', async () => {
    const text = await printedText(`${BASE}${IZMIR}fark/1-2/`);
    expect(unbroken(text)).toContain(unbroken(`${SITE}${BASE}${IZMIR}fark/1-2/`));
    expect(words(text)).not.toContain('1. ve 3. sürüm');
  });

  test('without a base path, the seed prints its permanent address and hash, the text and the boxes in the reading font', async () => {
    const site = inject('archiveUrl');
    const text = await printedText(`/${SEED}`, site);
    const markdown = await (await fetch(`${site}/${SEED.replace(/\/$/, '')}.md`)).text();
    expect(unbroken(text)).toContain(createHash('sha256').update(markdown).digest('hex'));
    expect(unbroken(text)).toContain(unbroken(`Haber Arşivi: ${PLACEHOLDER_SITE}/${SEED}`));
    expect(words(text)).toContain('Yayın tarihi 28 Ekim 2025');
    expect(words(text)).toContain('Arşive eklendiği tarih 30 Kasım 2026');
    await page.emulateMedia({ media: 'print' });
    const fonts = await page.evaluate(() =>
      ['.article-body p', '.provenance', '.citation .cited', '.dateline'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).fontFamily,
      ),
    );
    expect(new Set(fonts).size).toBe(1);
    // An in-page anchor (the ¶ links, the skip link) is not followed by an address.
    expect(words(text)).not.toMatch(/\(#/);
  });
});
