import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, sharedPages } from '../support/browser.ts';

/**
 * The reading design, measured in Chromium on the archive as committed: touch targets, the
 * header's size, headlines, hyphenation, the home page's chart and its text alternative, the
 * search page's help, the 404 page's one search box, and the article page's weight.
 */
const site = inject('archiveUrl');
const dist = inject('archiveDir');
const ARTICLE =
  '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/';
/** WCAG 2.5.5's size, which the archive keeps for every control (2.5.8 asks 24). */
const TARGET = 44;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let browser: Browser;
let tabs: ReturnType<typeof sharedPages>;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  tabs = sharedPages(browser);
});
afterEach(async () => {
  await tabs?.close(page);
});
afterAll(async () => {
  await browser.close();
});

async function open(
  path: string,
  viewport = DESKTOP,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  page = await tabs.open({ viewport, colorScheme });
  await page.goto(new URL(path, site).href);
  return page;
}

/** The elements of `locator` smaller than a fingertip, with their sizes, for a readable failure. */
async function smallTargets(locator: Locator): Promise<string[]> {
  const boxes = await locator.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        name: `${element.tagName.toLowerCase()} “${element.textContent?.trim().slice(0, 30)}”`,
        width: box.width,
        height: box.height,
      };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  return boxes
    .filter((box) => box.width < TARGET - 0.5 || box.height < TARGET - 0.5)
    .map((box) => `${box.name}: ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
}

describe('touch targets are at least 44 × 44 px', () => {
  for (const [name, viewport] of [
    ['a phone', PHONE],
    ['a desktop', DESKTOP],
  ] as const) {
    test(`the header’s name, links, search box and button (${name})`, async () => {
      await open('/', viewport);
      expect(
        await smallTargets(page.locator('.site-header a, .site-header input, .site-header button')),
      ).toEqual([]);
    });

    test(`the search page’s sort, filters and filter boxes (${name})`, async () => {
      await open('/ara/?q=lavrov', viewport);
      await page.locator('.search-result').first().waitFor();
      await page.locator('#search-filters summary').click();
      await page.locator('.filter label').first().waitFor();
      expect(
        await smallTargets(
          page.locator('#search-options select, #search-filters summary, .filter label'),
        ),
      ).toEqual([]);
      const checkbox = await page.locator('.filter input[type=checkbox]').first().boundingBox();
      expect(checkbox!.width).toBeGreaterThanOrEqual(20);
    });

    test(`the article’s copy buttons, citation summary and tags (${name})`, async () => {
      await open(ARTICLE, viewport);
      await page.locator('.citation summary').click();
      expect(await smallTargets(page.locator('button.copy, .citation summary'))).toEqual([]);
      // Tags sit in a wrapped row of pills: 36 px tall, well apart, beyond WCAG 2.5.8's 24.
      const tags = await page
        .locator('.tags a')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
      for (const height of tags) expect(height).toBeGreaterThanOrEqual(32);
    });
  }
});

describe('the header', () => {
  test('on a desktop, the name, the navigation and the search box share one row under 72 px', async () => {
    await open('/', DESKTOP);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(72);
    const middles = await page
      .locator('.site-name, .site-nav a, .site-header input')
      .evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return Math.round(box.top + box.height / 2);
        }),
      );
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);
  });

  test('on a phone, the search box is on the first row, visible without a tap, and the header stays under 110 px', async () => {
    await open(ARTICLE, PHONE);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(110);
    const name = await page.locator('.site-name').boundingBox();
    const search = await page.locator('.site-header input[type=search]').boundingBox();
    expect(
      Math.abs(name!.y + name!.height / 2 - (search!.y + search!.height / 2)),
    ).toBeLessThanOrEqual(2);
    await expect(page.locator('.site-header input[type=search]').isVisible()).resolves.toBe(true);
  });
});

describe('headlines and text', () => {
  test('headlines wrap balanced and are not hyphenated', async () => {
    for (const path of [ARTICLE, '/', '/ara/']) {
      await open(path);
      const styles = await page.locator('h1, .summary h2').evaluateAll((elements) =>
        elements.map((element) => {
          const style = getComputedStyle(element);
          return { wrap: style.textWrapStyle, hyphens: style.hyphens };
        }),
      );
      expect(styles.length).toBeGreaterThan(0);
      for (const style of styles) expect(style).toEqual({ wrap: 'balance', hyphens: 'manual' });
    }
  });

  test('the seed’s 81-character headline takes at most three lines on a desktop and five on a phone', async () => {
    for (const [viewport, most] of [
      [DESKTOP, 3],
      [PHONE, 5],
    ] as const) {
      await open(ARTICLE, viewport);
      const lines = await page
        .locator('h1')
        .evaluate((h1) =>
          Math.round(
            h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight),
          ),
        );
      expect(lines).toBeLessThanOrEqual(most);
    }
  });

  test('Turkish text is hyphenated on a phone’s narrow column, not on a desktop’s', async () => {
    await open(ARTICLE, PHONE);
    await expect(
      page.locator('.article-body').evaluate((body) => getComputedStyle(body).hyphens),
    ).resolves.toBe('auto');
    await open(ARTICLE, DESKTOP);
    await expect(
      page.locator('.article-body').evaluate((body) => getComputedStyle(body).hyphens),
    ).resolves.toBe('manual');
  });

  test('APA and MLA are set in the reading font; BibTeX, which is code, in monospace', async () => {
    await open(ARTICLE);
    const fonts = await page.evaluate(() =>
      ['atif-apa', 'atif-mla', 'atif-bibtex'].map(
        (id) => getComputedStyle(document.getElementById(id)!).fontFamily,
      ),
    );
    const body = await page
      .locator('.article-body p')
      .first()
      .evaluate((p) => getComputedStyle(p).fontFamily);
    expect(fonts.slice(0, 2)).toEqual([body, body]);
    expect(fonts[2]).toMatch(/monospace$/);
  });

  test('tag pills have a border and no underline; the copy buttons look like the search button, outlined', async () => {
    await open(ARTICLE);
    const tag = await page
      .locator('.tags a')
      .first()
      .evaluate((link) => {
        const style = getComputedStyle(link);
        return { line: style.textDecorationLine, border: style.borderTopStyle };
      });
    expect(tag).toEqual({ line: 'none', border: 'solid' });
    const shape = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((button) => {
          const style = getComputedStyle(button);
          return {
            height: button.getBoundingClientRect().height,
            radius: style.borderTopLeftRadius,
            font: style.fontFamily,
            weight: style.fontWeight,
          };
        });
    await expect(shape('button.copy')).resolves.toEqual(await shape('.search-form button'));
  });

  test('the focus ring is the same 3 px ring in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await open('/', DESKTOP, colorScheme);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline).toBe('solid 3px');
    }
  });
});

describe('the home page shows the archive at a glance', () => {
  test('its counts, years and publishers', async () => {
    await open('/');
    const overview = page.getByRole('complementary', { name: 'Arşiv bir bakışta' });
    const figures = await overview
      .locator('.figures div')
      .evaluateAll((items) =>
        items.map((item) => [
          item.querySelector('dt')!.textContent,
          item.querySelector('dd')!.textContent,
        ]),
      );
    expect(figures).toEqual([
      ['Haber', '1'],
      ['Yayın kuruluşu', '1'],
      ['Etiket', '7'],
      ['Yıllar', '2025'],
    ]);
    await expect(
      overview.getByRole('link', { name: 'Sputnik Türkiye' }).getAttribute('href'),
    ).resolves.toBe('/kaynak/sputnik-turkiye/');
  });

  test('a chart of articles a month, in the page as SVG, named by its caption, each month a link named with its count', async () => {
    await open('/', DESKTOP);
    const chart = page.getByRole('group', { name: 'Aylara göre haber sayısı' });
    await expect(chart.evaluate((svg) => svg.tagName)).resolves.toBe('svg');
    await expect(page.locator('.month-chart figcaption').textContent()).resolves.toContain(
      'en yoğun ay Ekim 2025 (1 haber)',
    );
    const month = chart.getByRole('link', { name: 'Ekim 2025: 1 haber' });
    await expect(month.count()).resolves.toBe(1);
    await month.click();
    await page.waitForURL((url) => url.pathname === '/2025/10/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ekim 2025 tarihli haberler');
  });

  test('the chart needs no script: the home page loads none from a file', async () => {
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    expect(selectAll('script[src]', fromHtml(html))).toEqual([]);
    expect(html).toContain('<svg');
  });
});

describe('the search page without a search', () => {
  test('says what can be searched and how, with example searches that work', async () => {
    await open('/ara/');
    const help = page.getByRole('region', { name: 'Nasıl aranır?' });
    await expect(help.isVisible()).resolves.toBe(true);
    const text = await help.textContent();
    for (const hint of ['bütün metni', 'düz yazabilirsiniz', 'tırnak', 'süzebilir'])
      expect(text).toContain(hint);
    await help.getByRole('link', { name: 'disisleri' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'disisleri');
    await page.locator('.search-result').first().waitFor();
    // Results take the help's place; a search that finds nothing shows it again.
    await expect(page.getByRole('region', { name: 'Nasıl aranır?' }).isVisible()).resolves.toBe(
      false,
    );
    await open('/ara/?q=qqqzzz');
    await page.waitForFunction(() =>
      document.querySelector('#search-status')?.textContent?.includes('sonuç bulunamadı'),
    );
    await expect(page.getByRole('region', { name: 'Nasıl aranır?' }).isVisible()).resolves.toBe(
      true,
    );
  });
});

test('the 404 page has one search box, the one the "/" key reaches', async () => {
  await open('/yok/boyle-bir-sayfa/');
  await expect(page.locator('input[type=search]').count()).resolves.toBe(1);
  await expect(page.locator('main input[type=search]').getAttribute('id')).resolves.toBe(
    'site-search',
  );
  await page.keyboard.press('/');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
});

describe('the article page fits in one round trip', () => {
  test('its HTML and CSS are at most 14 KB gzipped, and it loads no script file', async () => {
    const html = await readFile(join(dist, ARTICLE, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    expect(selectAll('script[src]', tree)).toEqual([]);
    const styles = selectAll('link[rel=stylesheet]', tree).map((link) =>
      String(link.properties.href),
    );
    let bytes = gzipSync(html).length;
    for (const style of styles) bytes += gzipSync(await readFile(join(dist, style))).length;
    expect(bytes).toBeLessThanOrEqual(14_000);
  });
});
