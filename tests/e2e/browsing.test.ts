import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, sharedPages } from '../support/browser.ts';
import { accessibilityViolations, brokenReferences, htmlProblems } from '../support/checks.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import { servedFixtureSite } from '../support/site.ts';

/**
 * Browsing an archive bigger than one page: the seed article and 24 short articles of one tag
 * and source, one a month through 2024 and 2023, one of which was renamed (`redirectFrom`).
 */
const COUNT = 24;
const SEED =
  '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/';
const monthOf = (index: number) => String((index % 12) + 1).padStart(2, '0');
const yearOf = (index: number) => 2024 - Math.floor(index / 12);
const article = (index: number) => `---
title: "Deneme haberi ${index + 1}"
description: "Sayfalama denemesi için ${index + 1}. haber."
publishedAt: ${yearOf(index)}-${monthOf(index)}-15
source:
  name: Deneme Ajansı
  url: https://www.deneme.example/haber/${index + 1}
tags: [Deneme, ${index % 2 ? 'Tek' : 'Çift'}]
${index === 0 ? 'redirectFrom: [/2024/01/15/eski-baslik/]' : ''}
---

Deneme metni ${index + 1}. İkinci cümle.
`;

let site: Awaited<ReturnType<typeof servedFixtureSite>>;
let browser: Browser;
let tabs: ReturnType<typeof sharedPages>;
let page: Page;

beforeAll(async () => {
  const files: Record<string, string> = {
    'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8'),
  };
  for (let index = 0; index < COUNT; index++) files[`deneme-${index + 1}.md`] = article(index);
  [site, browser] = await Promise.all([servedFixtureSite(files), launchBrowser()]);
  tabs = sharedPages(browser);
});
afterEach(async () => {
  await tabs?.close(page);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(path: string): Promise<Page> {
  page = await tabs.open();
  await page.goto(new URL(path, site.url).href);
  return page;
}

const titles = () => page.locator('article.summary h2').allTextContents();

describe('lists paginate, 20 articles a page', () => {
  test('the home page, newest first, with next and previous links', async () => {
    await open('/');
    expect(await titles()).toHaveLength(20);
    expect((await titles())[0]).toMatch(/^Lavrov/);
    await page.locator('a[rel=next]').click();
    await page.waitForURL((url) => url.pathname === '/sayfa/2/');
    // Newest first: the seed, 2024's twelve (12 to 1), then 2023's (24 down to 13).
    expect(await titles()).toEqual([
      'Deneme haberi 17',
      'Deneme haberi 16',
      'Deneme haberi 15',
      'Deneme haberi 14',
      'Deneme haberi 13',
    ]);
    await expect(page.locator('.pagination').textContent()).resolves.toContain('Sayfa 2 / 2');
    await page.locator('a[rel=prev]').click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  test('the pagination’s links are at least 44 × 44 px, on a phone and on a desktop', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      page = await tabs.open({ viewport });
      await page.goto(new URL('/sayfa/2/', site.url).href);
      const boxes = await page
        .locator('.pagination a')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect()));
      expect(boxes).toHaveLength(1);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      await tabs.close(page);
    }
  });

  test('a tag page, reached from an article, and the index of tags with counts', async () => {
    await open('/2024/01/15/deneme-haberi-1/');
    await page.locator('.tags').getByRole('link', { name: 'Deneme' }).click();
    await page.waitForURL((url) => url.pathname === '/etiket/deneme/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Etiket: Deneme');
    expect(await titles()).toHaveLength(20);
    await page.locator('a[rel=next]').click();
    expect(await titles()).toHaveLength(COUNT - 20);
    await open('/etiket/');
    await expect(page.locator('.terms li', { hasText: 'Çift' }).textContent()).resolves.toContain(
      '(12 haber)',
    );
    await expect(
      page.locator('.terms li', { hasText: 'Deneme' }).getByRole('link').getAttribute('href'),
    ).resolves.toBe('/etiket/deneme/');
  });

  test('a source page', async () => {
    await open('/kaynak/deneme-ajansi/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Yayın kuruluşu: Deneme Ajansı');
    await expect(page.locator('.count').textContent()).resolves.toBe(`${COUNT} haber`);
  });

  test('date archives by year and by month, with Turkish month names', async () => {
    await open('/2024/');
    await expect(page.locator('h1').textContent()).resolves.toBe('2024 tarihli haberler');
    expect(await titles()).toHaveLength(12);
    await page.getByRole('link', { name: 'Ağustos 2024' }).click();
    await page.waitForURL((url) => url.pathname === '/2024/08/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ağustos 2024 tarihli haberler');
    expect(await titles()).toEqual(['Deneme haberi 8']);
  });
});

test('the home page’s chart has a row for each year, newest first, and links each month to its page', async () => {
  await open('/');
  const chart = page.getByRole('group', { name: 'Aylara göre haber sayısı' });
  await expect(chart.locator('text.year').allTextContents()).resolves.toEqual([
    '2025',
    '2024',
    '2023',
  ]);
  // One link a month with articles: October 2025 and the 24 months of 2024 and 2023.
  await expect(chart.getByRole('link', { name: / haber$/ }).count()).resolves.toBe(25);
  await expect(
    chart.getByRole('link', { name: 'Mart 2023: 1 haber' }).getAttribute('href'),
  ).resolves.toBe('/2023/03/');
  await chart.getByRole('link', { name: '2024', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/2024/');
  await expect(page.locator('.figures').count()).resolves.toBe(0);
});

describe('the article page', () => {
  test('links to the articles before and after it by date', async () => {
    await open('/2024/02/15/deneme-haberi-2/');
    await expect(page.locator('.neighbours a[rel=prev]').getAttribute('href')).resolves.toBe(
      '/2024/01/15/deneme-haberi-1/',
    );
    await expect(page.locator('.neighbours a[rel=next]').getAttribute('href')).resolves.toBe(
      '/2024/03/15/deneme-haberi-3/',
    );
  });

  test('offers up to three related articles that share its tags', async () => {
    await open('/2024/02/15/deneme-haberi-2/');
    const related = await page.locator('.related a').allTextContents();
    expect(related).toHaveLength(3);
    for (const title of related) expect(Number(title.replace('Deneme haberi ', '')) % 2).toBe(0);
  });
});

test('an old address of a renamed article leads to its permalink, and stays out of the sitemap', async () => {
  await open('/2024/01/15/eski-baslik/');
  await page.waitForURL((url) => url.pathname === '/2024/01/15/deneme-haberi-1/');
  await expect(page.locator('h1').textContent()).resolves.toBe('Deneme haberi 1');
  const sitemap = await readFile(join(site.root, 'dist/sitemap-0.xml'), 'utf8');
  expect(sitemap).toContain('/2024/01/15/deneme-haberi-1/</loc>');
  expect(sitemap).not.toContain('eski-baslik');
});

describe('looking an article up by its original address', () => {
  test('lands on the archived copy, whatever form the address is pasted in', async () => {
    await open('/bul/');
    await page.getByLabel('Özgün haberin adresi').fill('http://deneme.example/haber/7#yorumlar');
    await page.getByRole('button', { name: 'Bul' }).click();
    await page.waitForURL((url) => url.pathname === '/2024/07/15/deneme-haberi-7/');
    await open(
      `/bul/?adres=${encodeURIComponent('https://anlatilaninotesi.com.tr/20251028/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var-1100546880.html')}`,
    );
    await page.waitForURL((url) => url.pathname === SEED);
  });

  test('says so when the archive does not have it', async () => {
    await open(`/bul/?adres=${encodeURIComponent('https://deneme.example/haber/999')}`);
    await page.waitForFunction(
      () =>
        document.querySelector('#lookup-status')?.textContent === 'Bu adresteki haber arşivde yok.',
    );
    await open(`/bul/?adres=${encodeURIComponent('https://baska.example/yok')}`);
    await page.waitForFunction(
      () =>
        document.querySelector('#lookup-status')?.textContent === 'Bu adresteki haber arşivde yok.',
    );
  });
});

describe('every page of this archive', () => {
  test('passes html-validate and has no broken link', async () => {
    const dist = join(site.root, 'dist');
    expect(await htmlProblems(dist)).toEqual([]);
    expect(await brokenReferences(dist)).toEqual([]);
  });

  test.each([
    '/',
    '/sayfa/2/',
    '/etiket/',
    '/etiket/deneme/',
    '/kaynak/',
    '/kaynak/deneme-ajansi/',
    '/2024/',
    '/2024/08/',
    '/bul/',
    '/2024/02/15/deneme-haberi-2/',
  ])('%s has no WCAG 2.2 A or AA violation', async (path) => {
    await open(path);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
