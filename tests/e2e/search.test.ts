import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, sharedPages } from '../support/browser.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import { projectRoot, servedFixtureSite } from '../support/site.ts';

/**
 * The Turkish query suite runs on a site made of the seed article and articles written for the
 * hard cases of Turkish search: dotted and dotless i in both cases, ş ç ğ ö ü typed as ASCII,
 * apostrophe suffixes in straight and curly quotes.
 */
const ARTICLES = {
  seed: '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/',
  igdir: '/2024/01/15/igdirda-kar-yagisi-yollari-kapatti/',
  lukewarm: '/2023/06/02/kiyida-ilik-bir-gun/',
  marrow: '/2024/03/10/kemik-iligi-bagisi-icin-kampanya/',
  isik: '/2022/09/20/isik-universitesi-yeni-kampusunu-acti/',
  sirnak: '/2025/04/01/sirnakta-yeni-havalimani-seferleri/',
  agri: '/2025/07/12/agri-dagi-tirmanis-sezonu-basladi/',
  izmir: '/2025/09/01/izmirde-fuar-kapilarini-acti/',
  moscow: '/2025/11/02/moskovadan-yeni-aciklama/',
  markup: '/2021/05/05/sozde-etiket-img-src-x-onerror-alert-1-baslikta/',
  hostile: '/2020/02/02/zararli-icerik-denemesi/',
  english: '/2025/10/29/leaders-gather-in-geneva-for-the-summit/',
  russian: '/2025/10/30/peregovory-v-zheneve/',
  summit: '/2025/08/14/ankarada-zirve-hazirligi/',
  injuredOften: '/2024/05/06/yaralilar-hastanelere-kaldirildi/',
  injuredOnce: '/2024/05/20/koprudeki-kazanin-ardindan-belediye-onlem-aldi/',
} as const;
type Article = keyof typeof ARTICLES;

let site: Awaited<ReturnType<typeof servedFixtureSite>>;
let browser: Browser;
let tabs: ReturnType<typeof sharedPages>;
let page: Page;

beforeAll(async () => {
  const fixtures = join(projectRoot, 'tests/fixtures/search');
  const files: Record<string, string> = { 'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8') };
  for (const name of await readdir(fixtures))
    files[name] = await readFile(join(fixtures, name), 'utf8');
  [site, browser] = await Promise.all([servedFixtureSite(files), launchBrowser()]);
  tabs = sharedPages(browser);
});
afterEach(async () => {
  // The loaded search page stays for the next test while it shows a plain search, as `search` left it.
  if (page === searching && (await plainSearch(page))) return;
  if (page === searching) searching = undefined;
  await tabs.close(page);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  if (page !== searching) await tabs.close(page);
  page = await tabs.open({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1000, height: 600 },
  });
  await page.goto(new URL(path, site.url).href);
  return page;
}

/**
 * The search page the tests that read a search's results share, loaded once: each query is typed
 * into its box and submitted, as a reader searches again. A search page's first search is most of
 * what it costs Chromium (each language's Pagefind module and WebAssembly start; BENCHMARKS.md,
 * “The test suite”), and the page's code is the same for its first search and its next. A test
 * about a page's first load, or one that goes on to change the page (filters, keys, links, its
 * own Pagefind), opens a page of its own with `searchAnew` or `open`.
 */
let searching: Page | undefined;

/** Whether the page shows a plain search, `/ara/?q=…` with the filters never opened, that the next query can start from. */
async function plainSearch(shown: Page): Promise<boolean> {
  if (shown.isClosed()) return false;
  const url = new URL(shown.url());
  return (
    url.pathname === '/ara/' &&
    [...url.searchParams.keys()].every((name) => name === 'q') &&
    (await shown
      .locator('#search-filters')
      .evaluate((details) => !(details as HTMLDetailsElement).open))
  );
}

/** The paths of the results the search page shows, in order, once it has settled. */
async function resultPaths(): Promise<string[]> {
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
  const hrefs = await page
    .locator('.search-result h2 a')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}

/** The paths `query` finds, searched in the shared search page. */
async function search(query: string): Promise<string[]> {
  if (page !== searching) await tabs.close(page);
  if (!searching) {
    searching = await tabs.open({ viewport: { width: 1000, height: 600 } });
    await searching.goto(new URL('/ara/', site.url).href);
  }
  page = searching;
  const box = page.locator('#site-search');
  await box.fill(query);
  // The page starts the search as it handles Enter (`aria-busy` true), before the address says the query.
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  return resultPaths();
}

/** The paths `query` finds, searched by opening its address in a page of its own. */
async function searchAnew(query: string): Promise<string[]> {
  await open(`/ara/?q=${encodeURIComponent(query)}`);
  return resultPaths();
}

describe('Turkish matching: each query finds its article first', () => {
  const suite: [string, Article, Article[]?][] = [
    ['ığdır', 'igdir'],
    ['IĞDIR', 'igdir'],
    ['Iğdır', 'igdir'],
    ['igdir', 'igdir'],
    ["Iğdır'da", 'igdir'],
    ['ılık', 'lukewarm', ['marrow']],
    ['ILIK', 'lukewarm', ['marrow']],
    ['ilik', 'marrow', ['lukewarm']],
    ['ışık', 'isik'],
    ['IŞIK', 'isik'],
    ['isik', 'isik'],
    ['şırnak', 'sirnak'],
    ['ŞIRNAK', 'sirnak'],
    ['sirnak', 'sirnak'],
    ["Şırnak'ta", 'sirnak'],
    ['ağrı', 'agri'],
    ['AĞRI', 'agri'],
    ['agri', 'agri'],
    ['izmir', 'izmir'],
    ['İZMİR', 'izmir'],
    ['IZMIR', 'izmir'],
    ["izmir'de", 'izmir'],
    ['İzmir’de', 'izmir'],
    ['disisleri', 'moscow', ['seed']],
    ['DIŞİŞLERİ', 'moscow', ['seed']],
    ['aciklama', 'moscow', ['igdir', 'seed']],
    ["Lavrov'un", 'seed', ['moscow']],
    ['Lavrov’un', 'seed', ['moscow']],
    ['lavrovun', 'seed', ['moscow']],
    ['Anchor', 'seed'],
    ['"sona erme tarihine"', 'seed'],
  ];
  test.each(suite)('%s → %s', async (query, top, alsoFound = []) => {
    const paths = await search(query);
    expect(paths[0]).toBe(ARTICLES[top]);
    for (const other of alsoFound) expect(paths).toContain(ARTICLES[other]);
  });

  test('a quoted phrase matches only in its order', async () => {
    expect(await search('"tarihine sona erme"')).toEqual([]);
  });

  test('stemming still works, on Turkish spellings and on ASCII-typed ones', async () => {
    expect(await search('kampüsler')).toContain(ARTICLES.isik);
    expect(await search('gorusmeler')).toContain(ARTICLES.seed);
    // `bakanı` stems to `bakan`, so it finds `Bakanlığı` too; a folded `bakani` would not.
    expect(await search('bakanı')).toEqual(
      expect.arrayContaining([ARTICLES.seed, ARTICLES.moscow]),
    );
  });
});

/** What the search page says about the results, once they are shown. */
async function statusText(): Promise<string> {
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
  return (await page.locator('#search-status').textContent()) ?? '';
}

describe('every language of the archive', () => {
  test('an English article is found by its own words, in capitals and inflected', async () => {
    expect(await search('negotiations')).toEqual([ARTICLES.english]);
    expect(await search('NEGOTIATORS')).toEqual([ARTICLES.english]);
    expect(await search('negotiation')).toEqual([ARTICLES.english]);
    expect(await search('summits')).toEqual([ARTICLES.english]);
    await expect(statusText()).resolves.toBe(
      '“summits” bulunamadı; bunun yerine “summit” için 1 sonuç',
    );
  });

  test('a Russian article is found by its own words, in capitals and inflected', async () => {
    expect(await search('переговоры')).toEqual([ARTICLES.russian]);
    expect(await search('ПЕРЕГОВОРЫ')).toEqual([ARTICLES.russian]);
    expect(await search('делегаций')).toEqual([ARTICLES.russian]);
    expect(await search('журналистов')).toEqual([ARTICLES.russian]);
  });

  test('results of every language come in one list, each marked with its language', async () => {
    const paths = await search('lavrov');
    expect(paths).toEqual(
      expect.arrayContaining([ARTICLES.seed, ARTICLES.moscow, ARTICLES.english]),
    );
    const english = page.locator('.search-result', {
      has: page.locator(`a[href^="${ARTICLES.english}"]`),
    });
    await expect(english.locator('.dateline').textContent()).resolves.toContain('İngilizce');
    await expect(english.locator('h2 a').getAttribute('lang')).resolves.toBe('en');
    await expect(english.locator('.excerpt').getAttribute('lang')).resolves.toBe('en');
    const turkish = page.locator('.search-result', {
      has: page.locator(`a[href^="${ARTICLES.moscow}"]`),
    });
    await expect(turkish.locator('.dateline').textContent()).resolves.toContain('Türkçe');
  });

  test('the language filter lists each language with its count and keeps the choice in the URL', async () => {
    await searchAnew('lavrov');
    await page.getByText('Süzgeçler').click();
    const language = page.locator('fieldset', { hasText: 'Dil' });
    await expect(language.locator('label', { hasText: 'Türkçe' }).textContent()).resolves.toContain(
      '(2)',
    );
    await expect(
      language.locator('label', { hasText: 'İngilizce' }).textContent(),
    ).resolves.toContain('(1)');
    await language.getByLabel(/İngilizce/).check();
    await page.waitForURL((url) => url.searchParams.get('dil') === 'en');
    expect(await resultPaths()).toEqual([ARTICLES.english]);
    await open('/ara/?dil=ru');
    expect(await resultPaths()).toEqual([ARTICLES.russian]);
  });

  test('the interface stays Turkish around an article in another language, which says its own', async () => {
    await open(ARTICLES.english);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');
    for (const selector of ['h1', '.lede', '.article-body'])
      await expect(page.locator(`article ${selector}`).getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.provenance').getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('meta[property="og:locale"]').getAttribute('content')).resolves.toBe(
      'en_US',
    );
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent())!,
    );
    expect(jsonLd.inLanguage).toBe('en');
    await expect(page.locator('.provenance').textContent()).resolves.toContain('İngilizce');
    await open(ARTICLES.seed);
    await expect(page.locator('meta[property="og:locale"]').getAttribute('content')).resolves.toBe(
      'tr_TR',
    );
  });
});

describe('matches readers can trust', () => {
  test.each(['verification', 'kelebeklerimizin', 'uzunqxwzrt', 'qqqzzz'])(
    '%s, in no article, is said to be not found',
    async (word) => {
      expect(await search(word)).toEqual([]);
      // No filter was chosen: the hint does not send the reader to remove one.
      await expect(statusText()).resolves.toBe(
        `“${word}” için sonuç bulunamadı. Yazımı denetleyin, daha kısa ya da başka bir sözcük deneyin.`,
      );
    },
  );

  test("a word one year has is not answered, in another year, with that year's fallback", async () => {
    // `enerji` is in one article of 2025; 2022's bundle lacks it and has `en`, which Pagefind answers it with there.
    expect(await search('enerji')).toEqual([ARTICLES.summit]);
    await expect(statusText()).resolves.toBe('“enerji” için 1 sonuç');
  });

  test('a query with one word that no article has finds nothing, naming that word', async () => {
    expect(await search('zirve kelebeklerimizin')).toEqual([]);
    await expect(statusText()).resolves.toContain('“kelebeklerimizin” için sonuç bulunamadı.');
  });

  test('an over-suffixed Turkish word falls back to its stem, and says so', async () => {
    const paths = await search('zirvelerimizdekiler');
    expect(paths).toContain(ARTICLES.summit);
    await expect(statusText()).resolves.toBe(
      `“zirvelerimizdekiler” bulunamadı; bunun yerine “zirve” için ${paths.length} sonuç`,
    );
  });

  test.each(['yaralılarının', 'yaralilarinin', 'YARALILARININ'])(
    '%s: the article with the word as written comes first',
    async (query) => {
      const paths = await searchAnew(query);
      expect(paths[0]).toBe(ARTICLES.injuredOnce);
      expect(paths).toContain(ARTICLES.injuredOften);
      // The fixtures are made so that Pagefind alone ranks the other form first: this test can fail.
      // A string, so that the test runner's bundler leaves its import() alone.
      const plain: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/tr/2024/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search('yaralılarının');
      return Promise.all(search.results.map(async (result) => (await result.data()).url));
    })()`);
      expect(plain.indexOf(ARTICLES.injuredOften)).toBeLessThan(
        plain.indexOf(ARTICLES.injuredOnce),
      );
    },
  );
});

describe('the search page', () => {
  test('shows excerpts in the original spelling with the matches marked', async () => {
    await search('disisleri');
    const marks = await page
      .locator('.search-result', { has: page.locator(`a[href^="${ARTICLES.seed}"]`) })
      .locator('.excerpt mark')
      .allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^Dışişleri/);
  });

  test('announces the count in a live region, and leaves the focus in the search box', async () => {
    await open('/ara/');
    const box = page.locator('#site-search');
    await box.fill('izmir');
    await box.press('Enter');
    await expect(statusText()).resolves.toBe('“izmir” için 1 sonuç');
    await expect(page.locator('#search-status').getAttribute('aria-live')).resolves.toBe('polite');
    await expect(page.locator('#search-status').getAttribute('role')).resolves.toBe('status');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
  });

  test('marks the word, not the punctuation around it, and does not repeat the title in the excerpt', async () => {
    await search('lavrov');
    const seed = page.locator('.search-result', {
      has: page.locator(`a[href^="${ARTICLES.seed}"]`),
    });
    const marks = await seed.locator('.excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^[\p{L}\p{N}](.*[\p{L}\p{N}])?$/u);
    const title = (await seed.locator('h2 a').textContent())!;
    await expect(seed.locator('.excerpt').textContent()).resolves.not.toContain(title);
  });

  test('counts the results and says so in Turkish', async () => {
    await search('aciklama');
    await expect(page.locator('#search-status').textContent()).resolves.toBe(
      '“aciklama” için 3 sonuç',
    );
  });

  test('says clearly when nothing is found', async () => {
    expect(await search('qqqzzz')).toEqual([]);
    await expect(page.locator('#search-status').textContent()).resolves.toContain(
      '“qqqzzz” için sonuç bulunamadı.',
    );
  });

  test('turns markup in titles and excerpts into text, never into elements', async () => {
    expect(await search('sözde etiket')).toEqual([ARTICLES.markup]);
    const result = page.locator('.search-result').first();
    await expect(result.locator('h2 a').textContent()).resolves.toBe(
      'Sözde etiket <img src=x onerror=alert(1)> başlıkta',
    );
    await expect(result.locator('img, script, b').count()).resolves.toBe(0);
    await search('onerror');
    await expect(page.locator('.search-results img, .search-results script').count()).resolves.toBe(
      0,
    );
    await expect(page.evaluate(() => (window as { xss?: number }).xss)).resolves.toBeUndefined();
  });

  test('keeps the query in the URL as you type, and back and forward restore it', async () => {
    await open('/ara/');
    const box = page.locator('#site-search');
    await box.pressSequentially('şırnak', { delay: 20 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'şırnak');
    expect(await resultPaths()).toEqual([ARTICLES.sirnak]);
    await box.fill('ağrı');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ağrı');
    expect(await resultPaths()).toEqual([ARTICLES.agri]);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'şırnak');
    await expect(box.inputValue()).resolves.toBe('şırnak');
    expect(await resultPaths()).toEqual([ARTICLES.sirnak]);
    await page.goForward();
    await expect(box.inputValue()).resolves.toBe('ağrı');
  });

  test('loads the filters once they are opened, then filters by source with counts, and keeps the filter in the URL', async () => {
    const filterFiles: string[] = [];
    page = await (await browser.newContext()).newPage();
    // Pagefind fetches from a worker: the page's own resource timings would not see it, its requests do.
    page.on('request', (request) => {
      if (/^\/pagefind\/.*\/filter\//.test(new URL(request.url()).pathname))
        filterFiles.push(request.url());
    });
    await page.goto(new URL('/ara/?q=aciklama', site.url).href);
    await resultPaths();
    expect(filterFiles).toEqual([]);
    await page.getByText('Süzgeçler').click();
    const source = page.locator('fieldset', { hasText: 'Yayın kuruluşu' });
    await expect(
      source.locator('label', { hasText: 'Sputnik Türkiye' }).textContent(),
    ).resolves.toContain('(2)');
    await expect(
      source.locator('label', { hasText: 'Doğu Haber' }).textContent(),
    ).resolves.toContain('(1)');
    expect(filterFiles.length).toBeGreaterThan(0);
    await source.getByLabel(/Doğu Haber/).check();
    await page.waitForURL((url) => url.searchParams.get('kaynak') === 'Doğu Haber');
    expect(await resultPaths()).toEqual([ARTICLES.igdir]);
  });

  test('filters by year and by tag from the URL', async () => {
    await open('/ara/?q=aciklama&yil=2025');
    expect((await resultPaths()).sort()).toEqual([ARTICLES.moscow, ARTICLES.seed].sort());
    await open('/ara/?etiket=Hava+durumu');
    expect((await resultPaths()).sort()).toEqual([ARTICLES.igdir, ARTICLES.lukewarm].sort());
  });

  test('sorts by newest and oldest', async () => {
    await open('/ara/?q=aciklama&sirala=yeni');
    expect(await resultPaths()).toEqual([ARTICLES.moscow, ARTICLES.seed, ARTICLES.igdir]);
    await page.locator('select[name=sirala]').selectOption('eski');
    await page.waitForURL((url) => url.searchParams.get('sirala') === 'eski');
    expect(await resultPaths()).toEqual([ARTICLES.igdir, ARTICLES.seed, ARTICLES.moscow]);
  });

  test('is used from the keyboard: arrows move through results, Enter opens one, Escape clears', async () => {
    await searchAnew('aciklama');
    const box = page.locator('#site-search');
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(new URL(second).pathname).toBe((await resultPaths())[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    await page.keyboard.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await expect(page.locator('.search-result').count()).resolves.toBe(0);
    await box.fill('izmir');
    await page.keyboard.press('Enter');
    await page.locator('.search-result').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === ARTICLES.izmir);
  });

  test('opening a result highlights the match on the article and scrolls to it', async () => {
    await searchAnew('niceliksel');
    const link = page.locator('.search-result h2 a').first();
    expect(decodeURIComponent((await link.getAttribute('href'))!)).toBe(
      `${ARTICLES.seed}#:~:text=niceliksel`,
    );
    await link.click();
    await page.waitForURL((url) => url.pathname === ARTICLES.seed);
    await page.waitForFunction(() => window.scrollY > 0);
    const word = page.locator('.article-body p', { hasText: 'niceliksel' });
    const box = await word.boundingBox();
    expect(box!.y).toBeLessThan(600);
    expect(box!.y + box!.height).toBeGreaterThan(0);
  });
});

test('raw HTML in an article reaches its page only as harmless text and markup', async () => {
  await open(ARTICLES.hostile);
  const body = page.locator('.article-body');
  await expect(body.textContent()).resolves.toContain('Son paragraf.');
  await expect(body.textContent()).resolves.not.toContain('display');
  await expect(
    body.locator('script, iframe, style, form, input, button, [onmouseover]').count(),
  ).resolves.toBe(0);
  await expect(body.locator('a[href^="javascript:"], img[src^="data:"]').count()).resolves.toBe(0);
  await body.locator('p', { hasText: 'Üzerine gelinince' }).hover();
  await expect(
    page.evaluate(() => (window as { hacked?: number }).hacked),
  ).resolves.toBeUndefined();
  await expect(page.evaluate(() => getComputedStyle(document.body).display)).resolves.toBe('block');
});

describe('search on every page', () => {
  test('"/" focuses the search box from any page', async () => {
    await open(ARTICLES.izmir);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
  });

  test('the header box works as a plain form without JavaScript', async () => {
    await open(ARTICLES.izmir, { javaScript: false });
    await page.locator('#site-search').fill('Iğdır');
    await page.locator('.site-header button[type=submit]').click();
    await page.waitForURL(
      (url) => url.pathname === '/ara/' && url.searchParams.get('q') === 'Iğdır',
    );
    await expect(page.locator('#search-needs-javascript').isVisible()).resolves.toBe(true);
  });

  test('an article page loads no search code, not even when the search box is focused', async () => {
    const requests: string[] = [];
    const context = await browser.newContext();
    page = await context.newPage();
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(new URL(ARTICLES.seed, site.url).href);
    await page.locator('#site-search').focus();
    await page.waitForLoadState('networkidle');
    expect(
      requests.filter((path) => path.startsWith('/pagefind/') || path.endsWith('.js')),
    ).toEqual([]);
  });
});
