import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { dayFromToday } from '../support/dates.ts';
import { servedFixtureSite } from '../support/site.ts';

/**
 * Search over an archive of many bundles (one a year, or part of a large year: search-bundles.ts),
 * through the word directory (word-directory.ts): a query loads only the bundles that can answer
 * it, and ranks the spelling typed first across them.
 */

/** Twelve years, the last one before this one: the oldest is the bundle a rare word is in. */
const THIS_YEAR = Number(dayFromToday(0).slice(0, 4));
const YEARS = Array.from({ length: 12 }, (_, index) => THIS_YEAR - 12 + index);
const OLDEST = YEARS[0]!;
/** `ilik` (marrow) is common in this year, so Pagefind weighs it little there… */
const MARROW_YEAR = YEARS[9]!;
/** …and `ılık` (lukewarm), folded to `ilik`, is in one article of this year, where it weighs much. */
const LUKEWARM_YEAR = YEARS[3]!;
/** `belediye` and `ihracat` are in every year (`COMMON`), and on one page together in this one only. */
const PAIR_YEAR = YEARS[5]!;

const COMMON = [
  'Belediye meclisi bütçeyi görüştü ve yeni yatırımları onayladı.',
  'Ekonomi bakanı ihracat rakamlarını açıkladı; ticaret hacmi arttı.',
  'Şehirde hava soğudu, yollar buzlandı ve okullar tatil edildi.',
];

function article(year: number, slug: string, title: string, body: string): [string, string] {
  return datedArticle(`${year}-03-10`, slug, title, body);
}

function datedArticle(day: string, slug: string, title: string, body: string): [string, string] {
  return [
    `${day}-${slug}.md`,
    `---\ntitle: "${title}"\ndescription: "${title}."\npublishedAt: ${day}\nsource:\n  name: Yerel Haber\n  url: https://yerel.example/${day}/${slug}\ntags: [Gündem]\n---\n\n${body}\n`,
  ];
}

/**
 * An archive whose last year is large for its bound (`SEARCH_BUNDLE_ARTICLES`, four articles
 * here: 2,000 in a real build): 19 articles, split into its last three months (four each), its
 * third quarter (four) and its first (three, one of them on turtles); the year before, three
 * articles, stays whole. Every article has `ekonomi`.
 */
const LARGE_YEAR = THIS_YEAR - 1;
const SMALL_YEAR = THIS_YEAR - 2;
const BOUND = { SEARCH_BUNDLE_ARTICLES: '4' };
const SPLIT_BUNDLES = [
  `${LARGE_YEAR}-12`,
  `${LARGE_YEAR}-11`,
  `${LARGE_YEAR}-10`,
  `${LARGE_YEAR}-q3`,
  `${LARGE_YEAR}-q1`,
  `${SMALL_YEAR}`,
];

function splitArchive(): Record<string, string> {
  const files: [string, string][] = [];
  const economy = (day: string, index: number) =>
    datedArticle(
      day,
      `ekonomi-${index}`,
      `Ekonomi haberi ${index}`,
      `Ekonomi bakanlığı ${day} günü yeni rakamları açıkladı.`,
    );
  let index = 0;
  for (const month of ['12', '11', '10'])
    for (const day of ['03', '10', '17', '24'])
      files.push(economy(`${LARGE_YEAR}-${month}-${day}`, index++));
  for (const day of ['07-05', '08-05', '08-20', '09-05'])
    files.push(economy(`${LARGE_YEAR}-${day}`, index++));
  for (const day of ['01-05', '02-05']) files.push(economy(`${LARGE_YEAR}-${day}`, index++));
  files.push(
    datedArticle(
      `${LARGE_YEAR}-03-05`,
      'kaplumbagalar',
      'Sahilde yavru kaplumbağalar',
      'Gönüllüler kaplumbağaların yuvalarını korudu; ekonomi bakanlığı destek verdi.',
    ),
  );
  for (const day of ['04-05', '06-05', '11-05'])
    files.push(economy(`${SMALL_YEAR}-${day}`, index++));
  return Object.fromEntries(files);
}

function archive(): Record<string, string> {
  const files: [string, string][] = [];
  for (const year of YEARS)
    COMMON.forEach((text, index) =>
      files.push(article(year, `${10 + index}-gundem-${index}`, `Gündem ${year} ${index}`, text)),
    );
  files.push(
    article(
      OLDEST,
      '20-kaplumbagalar',
      'Sahilde yavru kaplumbağalar',
      'Gönüllüler kaplumbağaların yuvalarını korumak için sahilde nöbet tuttu.',
    ),
  );
  for (const [index, text] of [
    'Hastanede ilik nakli için kampanya başladı; kemik iliği bağışı arttı.',
    'Uzmanlar ilik bağışçılarının kayıt olmasını istedi.',
    'Kemik iliği nakli bekleyenler için ilik bankası kuruldu.',
    'İlik bağışı yapanlara teşekkür belgesi verildi.',
    'Gönüllüler ilik örneği vermek için sıraya girdi.',
    'Bakanlık ilik nakli merkezlerinin sayısını artıracak.',
  ].entries())
    files.push(article(MARROW_YEAR, `${20 + index}-ilik-${index}`, `Bağış haberi ${index}`, text));
  files.push(
    article(
      PAIR_YEAR,
      '20-belediye-ihracat',
      'Belediye ihracat fuarı',
      'Belediye ihracat fuarı için hazırlıkları tamamladı.',
    ),
  );
  files.push(
    article(
      LUKEWARM_YEAR,
      '20-ilik-bir-gun',
      'ILIK BİR GÜN',
      'Ilık rüzgâr esti, deniz ılık, akşam da ılık geçti.',
    ),
  );
  return Object.fromEntries(files);
}

let site: Awaited<ReturnType<typeof servedFixtureSite>>;
let split: Awaited<ReturnType<typeof servedFixtureSite>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // One build at a time: the machine's cores are shared.
  browser = await launchBrowser();
  site = await servedFixtureSite(archive());
  split = await servedFixtureSite(splitArchive(), BOUND);
});
afterEach(async () => {
  await page?.context().close();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await split?.stop();
});

/** A search page opened on `query`, once it has settled, with every request it made under `/pagefind/` and the bytes a host would send for them (gzipped where that is smaller). */
async function search(
  query: string,
  parameters = '',
  on = site,
): Promise<{ paths: string[]; status: string; requested: string[]; bytes: number }> {
  page = await (await browser.newContext()).newPage();
  const requested: string[] = [];
  const sizes: Promise<number>[] = [];
  // Pagefind fetches from a worker: the page's own resource timings would not see it, its responses do.
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/pagefind/')) return;
    requested.push(path);
    sizes.push(
      response.body().then(
        (body) => Math.min(body.length, gzipSync(body).length),
        () => 0,
      ),
    );
  });
  await page.goto(new URL(`/ara/?q=${encodeURIComponent(query)}${parameters}`, on.url).href);
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  const paths = (
    await page
      .locator('.search-result h2 a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
  ).map((href) => new URL(href).pathname);
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const bytes = (await Promise.all(sizes)).reduce((total, size) => total + size, 0);
  return { paths, status, requested, bytes };
}

test('the archive has a bundle a year, and the directory a shard per two letters', async () => {
  const list: string[] = await (
    await fetch(new URL('/pagefind/words/shards.json', site.url))
  ).json();
  expect(list).toEqual(expect.arrayContaining(['ka', 'il', 'be']));
  for (const year of YEARS) {
    const entry = await fetch(new URL(`/pagefind/tr/${year}/pagefind-entry.json`, site.url));
    expect(entry.status).toBe(200);
  }
});

test('a rare word of the oldest year is found there, loading the directory and that one bundle only', async () => {
  const { paths, status, requested, bytes } = await search('kaplumbağalar');
  expect(paths).toEqual([`/${OLDEST}/03/10/sahilde-yavru-kaplumbagalar/`]);
  expect(status).toBe('“kaplumbağalar” için 1 sonuç');
  const outside = requested.filter(
    (path) =>
      !path.startsWith(`/pagefind/tr/${OLDEST}/`) &&
      !['/pagefind/words/shards.json', '/pagefind/words/6b61.json'].includes(path),
  );
  expect(outside).toEqual([]);
  expect(requested).toEqual(
    expect.arrayContaining([
      '/pagefind/words/shards.json',
      '/pagefind/words/6b61.json',
      `/pagefind/tr/${OLDEST}/pagefind.js`,
    ]),
  );
  // Pagefind's code (its script, worker and WebAssembly: about 90 KB) and one small bundle's parts.
  expect(bytes).toBeLessThan(110_000);
});

test('a word in no bundle loads no bundle, and is said to be not found', async () => {
  for (const word of ['qqqzzz', 'kaplumxqwerty']) {
    const { paths, status, requested } = await search(word);
    expect(paths).toEqual([]);
    expect(status).toContain(`“${word}” için sonuç bulunamadı.`);
    expect(requested.filter((path) => !path.startsWith('/pagefind/words/'))).toEqual([]);
  }
});

test('the spelling typed ranks first across years: ilik before ılık, ılık before ilik', async () => {
  const marrow = (path: string) => path.startsWith(`/${MARROW_YEAR}/`);
  const lukewarm = `/${LUKEWARM_YEAR}/03/10/ilik-bir-gun/`;
  const typed = await search('ilik');
  expect(typed.paths).toContain(lukewarm);
  expect(typed.paths.indexOf(lukewarm)).toBe(typed.paths.length - 1);
  expect(typed.paths.slice(0, -1).every(marrow)).toBe(true);
  const dotless = await search('ılık');
  expect(dotless.paths[0]).toBe(lukewarm);
  // Pagefind alone ranks ılık first for ilik (its headline in capitals, its year weighing the word
  // more): this test can fail.
  await page.goto(new URL('/ara/', site.url).href);
  const plain: string[] = await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/tr/${MARROW_YEAR}/pagefind.js');
    await pagefind.init();
    await pagefind.mergeIndex('/pagefind/tr/${LUKEWARM_YEAR}/');
    const search = await pagefind.search('ilik');
    return Promise.all(search.results.map(async (result) => (await result.data()).url));
  })()`);
  expect(plain[0]).toBe(lukewarm);
});

test('a word of every year loads the newest years first, and the older years when the reader asks', async () => {
  const { paths, requested } = await search('gündem');
  const yearsFetched = (): number[] =>
    YEARS.filter((year) => requested.some((path) => path.startsWith(`/pagefind/tr/${year}/`)));
  // Three articles a year have the word: the newest four years hold the first page's ten results.
  const newest = YEARS.slice(-4);
  expect(yearsFetched()).toEqual(newest);
  expect(paths).toHaveLength(10);
  expect(paths.every((path) => newest.some((year) => path.startsWith(`/${year}/`)))).toBe(true);
  expect(await page.locator('#search-status').textContent()).toBe(
    `“gündem” için 12 sonuç (${newest[0]}–${newest.at(-1)} yıllarında)`,
  );
  const step = page.locator('#search-later');
  expect(await step.textContent()).toBe('Daha eski yıllarda ara (8 yıl, yaklaşık 24 haber)');
  const href = new URL((await step.getAttribute('href'))!, site.url);
  expect(href.searchParams.get('tum-yillar')).toBe('evet');
  expect(href.searchParams.get('q')).toBe('gündem');

  // Taken with the keyboard: the URL says so, every year is loaded and merged into the ranking.
  await step.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('tum-yillar') === 'evet');
  await step.waitFor({ state: 'hidden' });
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  expect(yearsFetched()).toEqual(YEARS);
  expect(await page.locator('#search-status').textContent()).toBe('“gündem” için 36 sonuç');
  expect(
    await page.evaluate(() => document.activeElement?.closest('.search-result') !== null),
  ).toBe(true);
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    await more.click();
    await page.locator('.search-result').nth(shown).waitFor();
  }
  const all = await page
    .locator('.search-result h2 a')
    .evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
  expect(all).toHaveLength(36);
  expect(all.filter((path) => path.startsWith(`/${OLDEST}/`))).toHaveLength(3);

  // The step's address, shared, opens the search of every year with no step.
  const shared = await search('gündem', '&tum-yillar=evet');
  expect(
    YEARS.filter((year) => shared.requested.includes(`/pagefind/tr/${year}/pagefind-entry.json`)),
  ).toEqual(YEARS);
  expect(await page.locator('#search-later').isHidden()).toBe(true);
});

test('two words of every year, together on one page of one year, load that year only, and find what every year loaded finds', async () => {
  const together = `/${PAIR_YEAR}/03/10/belediye-ihracat-fuari/`;
  const pair = await search('belediye ihracat');
  expect(pair.paths).toEqual([together]);
  expect(pair.status).toBe('“belediye ihracat” için 1 sonuç');
  // The shards of both words, then their forms' pages in the parts `bel` and `ihr`, then one year.
  expect(pair.requested.filter((path) => path.startsWith('/pagefind/words/')).sort()).toEqual([
    '/pagefind/words/6265.json',
    '/pagefind/words/62656c.pages.json',
    '/pagefind/words/6968.json',
    '/pagefind/words/696872.pages.json',
    '/pagefind/words/shards.json',
  ]);
  expect(
    YEARS.filter((year) => pair.requested.some((path) => path.startsWith(`/pagefind/tr/${year}/`))),
  ).toEqual([PAIR_YEAR]);
  // The step's address finds the same.
  const everyYear = await search('belediye ihracat', '&tum-yillar=evet');
  expect(everyYear.paths).toEqual([together]);
  // Pagefind itself with every year's bundle loaded finds that one page too: no year left out held one.
  const all: string[] = await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/tr/${YEARS[0]}/pagefind.js');
    await pagefind.init();
    for (const year of ${JSON.stringify(YEARS.slice(1))}) await pagefind.mergeIndex('/pagefind/tr/' + year + '/');
    const search = await pagefind.search('belediye ihracat');
    return Promise.all(search.results.map(async (result) => (await result.data()).url));
  })()`);
  expect(all).toEqual([together]);
  // Each word alone is in every year: a one-word query reads no page sets.
  const alone = await search('ihracat');
  expect(alone.requested.filter((path) => path.endsWith('.pages.json'))).toEqual([]);
  expect(alone.requested.some((path) => path.startsWith('/pagefind/tr/'))).toBe(true);
  // Two words of every year never on one page: not found, with no bundle loaded.
  const never = await search('meclisi ihracat');
  expect(never.paths).toEqual([]);
  expect(never.status).toContain('“meclisi ihracat” için sonuç bulunamadı.');
  expect(never.requested.filter((path) => !path.startsWith('/pagefind/words/'))).toEqual([]);
});

/** The bundles a search fetched anything of, in `SPLIT_BUNDLES`' order. */
const bundlesFetched = (requested: readonly string[]) =>
  SPLIT_BUNDLES.filter((bundle) =>
    requested.some((path) => path.startsWith(`/pagefind/tr/${bundle}/`)),
  );

test('a year over the bound is split into months and quarters, a year within it stays whole', async () => {
  for (const bundle of SPLIT_BUNDLES) {
    const entry = await fetch(new URL(`/pagefind/tr/${bundle}/pagefind-entry.json`, split.url));
    expect(entry.status, bundle).toBe(200);
  }
  for (const bundle of [
    `${LARGE_YEAR}`,
    `${LARGE_YEAR}-q4`,
    `${LARGE_YEAR}-q2`,
    `${LARGE_YEAR}-09`,
  ]) {
    const entry = await fetch(new URL(`/pagefind/tr/${bundle}/pagefind-entry.json`, split.url));
    expect(entry.status, bundle).toBe(404);
  }
  const searchPage = await (await fetch(new URL('/ara/', split.url))).text();
  expect(searchPage).toContain(
    `data-bundles="{&quot;tr&quot;:${JSON.stringify(SPLIT_BUNDLES).replaceAll('"', '&quot;')}}"`,
  );
});

test('a common word loads the newest months of a split year, and the step the rest, named by their months', async () => {
  const first = await search('ekonomi', '', split);
  expect(bundlesFetched(first.requested)).toEqual(SPLIT_BUNDLES.slice(0, 3));
  expect(first.paths).toHaveLength(10);
  expect(first.paths.every((path) => /^\/\d{4}\/1[0-2]\//.test(path))).toBe(true);
  expect(first.status).toBe(`“ekonomi” için 12 sonuç (Ekim–Aralık ${LARGE_YEAR} döneminde)`);
  const step = page.locator('#search-later');
  expect(await step.textContent()).toBe(
    `Daha eski haberlerde ara (Ocak ${SMALL_YEAR} – Eylül ${LARGE_YEAR}, yaklaşık 10 haber)`,
  );
  await step.click();
  await page.waitForURL((url) => url.searchParams.get('tum-yillar') === 'evet');
  await step.waitFor({ state: 'hidden' });
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  expect(bundlesFetched(first.requested)).toEqual(SPLIT_BUNDLES);
  expect(await page.locator('#search-status').textContent()).toBe('“ekonomi” için 22 sonuç');
});

test('a rare word of an old quarter costs the directory and that bundle only', async () => {
  const { paths, status, requested, bytes } = await search('kaplumbağalar', '', split);
  expect(paths).toEqual([`/${LARGE_YEAR}/03/05/sahilde-yavru-kaplumbagalar/`]);
  expect(status).toBe('“kaplumbağalar” için 1 sonuç');
  expect(
    requested.filter(
      (path) =>
        !path.startsWith('/pagefind/words/') && !path.startsWith(`/pagefind/tr/${LARGE_YEAR}-q1/`),
    ),
  ).toEqual([]);
  // Pagefind's code (about 90 KB), the directory and one small bundle's parts.
  expect(bytes).toBeLessThan(110_000);
});

test('a period asks the bundles that hold its days; a year filter finds its year in all of its bundles', async () => {
  const november = await search(
    'ekonomi',
    `&baslangic=${LARGE_YEAR}-11&bitis=${LARGE_YEAR}-11`,
    split,
  );
  expect(bundlesFetched(november.requested)).toEqual([`${LARGE_YEAR}-11`]);
  expect(november.paths).toHaveLength(4);
  expect(november.paths.every((path) => path.startsWith(`/${LARGE_YEAR}/11/`))).toBe(true);
  const summer = await search(
    'ekonomi',
    `&baslangic=${LARGE_YEAR}-08-10&bitis=${LARGE_YEAR}-10-05`,
    split,
  );
  expect(bundlesFetched(summer.requested)).toEqual([`${LARGE_YEAR}-10`, `${LARGE_YEAR}-q3`]);
  expect(summer.paths.sort()).toEqual([
    `/${LARGE_YEAR}/08/20/ekonomi-haberi-14/`,
    `/${LARGE_YEAR}/09/05/ekonomi-haberi-15/`,
    `/${LARGE_YEAR}/10/03/ekonomi-haberi-8/`,
  ]);
  // A year filter opens the filters, which merge every bundle to count their values (and
  // Pagefind then reads a query's chunks in each): the year's bundles are the ones asked.
  const year = await search('ekonomi', `&yil=${LARGE_YEAR}`, split);
  expect(year.status).toBe('“ekonomi” için 19 sonuç');
  expect(year.paths).toHaveLength(10);
  expect(year.paths.every((path) => path.startsWith(`/${LARGE_YEAR}/`))).toBe(true);
});
