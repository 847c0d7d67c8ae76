import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, sharedPages, watchForProblems } from '../support/browser.ts';
import { accessibilityViolations } from '../support/checks.ts';
import { readSeed } from '../support/seed.ts';

const seed = readSeed();
const permalink =
  '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/';
const site = inject('archiveUrl');

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

async function openPage(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  page = await tabs.open({ javaScriptEnabled: options.javaScript ?? true });
  await page.goto(new URL(path, site).href);
  return page;
}

describe('the home page', () => {
  test('lists the seed article with its Turkish date, source, title and lede, and links to its permalink', async () => {
    await openPage('/');
    const item = page.locator('article.summary', { hasText: seed.title });
    await expect(item.locator('time').textContent()).resolves.toBe('28 Ekim 2025');
    await expect(item.locator('time').getAttribute('datetime')).resolves.toBe('2025-10-28');
    await expect(item.textContent()).resolves.toContain(seed.source);
    await expect(item.textContent()).resolves.toContain(seed.lede);
    await item.getByRole('link', { name: seed.title }).click();
    await page.waitForURL(`**${permalink}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(seed.title);
  });
});

describe('the article page', () => {
  test('holds every sentence of the seed, word for word and in order, with its paragraphs restored', async () => {
    await openPage(permalink, { javaScript: false });
    // The article's own text: the ¶ links the archive adds are not part of it.
    const blocks = await page.locator('.article-body > *').evaluateAll((elements) =>
      elements.map((element) => {
        const copy = element.cloneNode(true) as Element;
        copy.querySelectorAll('.anchor').forEach((anchor) => anchor.remove());
        return copy.textContent ?? '';
      }),
    );
    expect(blocks.join('')).toBe(seed.body);
    expect(blocks.length).toBeGreaterThanOrEqual(9);
    expect(blocks).toContain("'START Anlaşması'nın uzatılması uzun zamandır konuşulmuyor'");
    await expect(page.locator('.article-body h2').count()).resolves.toBe(1);
    await expect(page.locator('.lede').textContent()).resolves.toBe(seed.lede);
  });

  test('has its language, canonical link, title, description, dateline, source link and tags', async () => {
    await openPage(permalink, { javaScript: false });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');
    await expect(page.title()).resolves.toBe(`${seed.title} · Haber Arşivi`);
    await expect(page.locator('meta[name=description]').getAttribute('content')).resolves.toBe(
      seed.lede,
    );
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(new URL(canonical!).pathname).toBe(permalink);
    await expect(page.locator('.dateline time').getAttribute('datetime')).resolves.toBe(seed.date);
    await expect(page.locator('.dateline time').textContent()).resolves.toBe('28 Ekim 2025');
    const source = page.locator('.dateline a');
    await expect(source.textContent()).resolves.toBe(seed.source);
    await expect(source.getAttribute('href')).resolves.toBe(seed.url);
    const tags = await page.locator('.tags li').allTextContents();
    expect(tags).toEqual(
      expect.arrayContaining([
        'Sergey Lavrov',
        'Vladimir Putin',
        'Donald Trump',
        'START Anlaşması',
      ]),
    );
  });
});

describe('search', () => {
  test('/ara/?q=lavrov lists the seed article as a link with a highlighted excerpt, and the link opens it', async () => {
    await openPage('/ara/?q=lavrov');
    const result = page.locator('.search-result').first();
    await result.waitFor();
    await expect(result.locator('mark').first().textContent()).resolves.toMatch(/^lavrov/i);
    const link = result.getByRole('link', { name: seed.title });
    expect(new URL((await link.getAttribute('href'))!, site).pathname).toBe(permalink);
    await link.click();
    await page.waitForURL((url) => url.pathname === permalink);
  });

  test('the header search box leads to the search page with the query', async () => {
    await openPage('/');
    await page.getByRole('searchbox', { name: 'Arşivde ara' }).fill('Lavrov');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/ara/?q=Lavrov');
    await page.locator('.search-result').first().waitFor();
    await expect(page.locator('#site-search').inputValue()).resolves.toBe('Lavrov');
  });

  test('without JavaScript the search page says that search needs it', async () => {
    await openPage('/ara/?q=lavrov', { javaScript: false });
    await expect(
      page.getByText('Arama sonuçları için tarayıcınızda JavaScript açık olmalıdır.').isVisible(),
    ).resolves.toBe(true);
  });
});

test('an unknown address answers 404 with a search box', async () => {
  const response = await (await openPage('/yok/boyle-bir-sayfa/')).reload();
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1').textContent()).resolves.toBe('Sayfa bulunamadı');
  await expect(page.locator('main form[role=search] input[name=q]').count()).resolves.toBe(1);
});

describe('every page type', () => {
  const pages = [
    ['the home page', '/'],
    ['an article', permalink],
    ['the search page with results', '/ara/?q=lavrov'],
    ['the 404 page', '/yok/'],
    ['a tag page', '/etiket/rusya/'],
    ['the lookup page', '/bul/'],
  ];
  test.each(pages)(
    '%s loads with no console error, CSP violation or request to another origin',
    async (_, path) => {
      page = await tabs.open();
      const problems = watchForProblems(page, new URL(site).origin);
      await page.goto(new URL(path!, site).href);
      if (path!.startsWith('/ara/')) await page.locator('.search-result').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    },
  );

  test.each(pages)('%s fits a 320 px wide screen without scrolling sideways', async (_, path) => {
    page = await tabs.open({ viewport: { width: 320, height: 640 } });
    await page.goto(new URL(path!, site).href);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(320);
  });

  test.each(pages)(
    '%s carries a Content-Security-Policy without unsafe-inline scripts',
    async (_, path) => {
      await openPage(path!, { javaScript: false });
      const policy = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute('content');
      expect(policy).toMatch(/script-src 'self'/);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).toMatch(/default-src 'self'/);
    },
  );
});

describe('accessibility', () => {
  const pages = [
    ['the home page', '/'],
    ['an article', permalink],
    ['the search page with results', '/ara/?q=lavrov'],
    ['the 404 page', '/yok/'],
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    test.each(pages)(
      `%s has no WCAG 2.2 A or AA violation (${colorScheme} theme)`,
      async (_, path) => {
        page = await tabs.open({ colorScheme });
        await page.goto(new URL(path!, site).href);
        if (path!.startsWith('/ara/')) {
          await page.locator('.search-result').first().waitFor();
          await page.locator('#search-filters summary').click();
        }
        expect(await accessibilityViolations(page)).toEqual([]);
      },
    );
  }
});

describe('linking and citing an article', () => {
  test('every paragraph has an id and a ¶ link to itself that a reader can follow', async () => {
    await openPage(permalink);
    const ids = await page
      .locator('.article-body > p')
      .evaluateAll((paragraphs) => paragraphs.map((p) => p.id));
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, index) => `p-${index + 1}`));
    const third = page.locator('#p-3');
    await third.hover();
    await third.locator('a.anchor').click();
    await page.waitForURL((url) => url.hash === '#p-3');
    await expect(page.locator(':target').getAttribute('id')).resolves.toBe('p-3');
    await openPage(`${permalink}#start-anlasmasinin-uzatilmasi-uzun-zamandir-konusulmuyor`);
    await expect(page.locator(':target').textContent()).resolves.toContain(
      "'START Anlaşması'nın uzatılması",
    );
  });

  test('the ¶ link and the copy buttons copy the link and the citations', async () => {
    page = await tabs.open({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(new URL(permalink, site).href);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.locator('#p-2').hover();
    await page.locator('#p-2 a.anchor').click();
    expect(new URL(await clipboard()).hash).toBe('#p-2');
    await page.getByRole('button', { name: 'Bağlantıyı kopyala' }).click();
    expect(new URL(await clipboard()).pathname).toBe(permalink);
    await page.getByText('Alıntıla').click();
    await page.locator('button[data-copy-from="atif-bibtex"]').click();
    await expect(clipboard()).resolves.toMatch(/^@online\{sputnikturkiye2025lavrov,/);
    await expect(page.locator('#copy-status').textContent()).resolves.toBe('Kopyalandı');
  });

  test('the provenance block states the source, the dates and a checksum of the served Markdown', async () => {
    await openPage(permalink, { javaScript: false });
    const block = page.locator('.provenance');
    const text = await block.textContent();
    for (const expected of [
      'Sputnik Türkiye',
      seed.url,
      '28 Ekim 2025',
      '30 Kasım 2026',
      'Türkçe',
      'sözcük',
    ])
      expect(text).toContain(expected);
    const markdownUrl = await block
      .getByRole('link', { name: 'Markdown metni' })
      .getAttribute('href');
    const markdown = await (await fetch(new URL(markdownUrl!, site))).text();
    const frontMatter = `---\ntitle: ${JSON.stringify(seed.title)}\ndescription: ${JSON.stringify(seed.lede)}\n---\n\n`;
    expect(markdown.startsWith(frontMatter), markdown).toBe(true);
    expect(markdown.slice(frontMatter.length).replace(/\n+/g, '').replace(/## /g, '')).toBe(
      seed.body,
    );
    const { createHash } = await import('node:crypto');
    await expect(block.locator('.checksum:not(.ledger-entry)').textContent()).resolves.toBe(
      createHash('sha256').update(markdown).digest('hex'),
    );
    await expect(
      block.getByRole('link', { name: /Wayback Machine/ }).getAttribute('href'),
    ).resolves.toBe(`https://web.archive.org/web/*/${seed.url}`);
  });

  test('reference managers and link previews find the article in its meta tags', async () => {
    await openPage(permalink, { javaScript: false });
    const meta = (selector: string) =>
      page.locator(`meta[${selector}]`).first().getAttribute('content');
    await expect(meta('property="og:type"')).resolves.toBe('article');
    await expect(meta('property="og:locale"')).resolves.toBe('tr_TR');
    await expect(meta('property="article:published_time"')).resolves.toBe('2025-10-28');
    await expect(page.locator('meta[property="article:tag"]').count()).resolves.toBe(7);
    await expect(meta('name="citation_title"')).resolves.toBe(seed.title);
    await expect(meta('name="citation_publication_date"')).resolves.toBe('2025/10/28');
    await expect(meta('name="citation_publisher"')).resolves.toBe('Sputnik Türkiye');
    expect(new URL((await meta('name="citation_public_url"'))!).pathname).toBe(permalink);
    await expect(
      page.locator('link[rel=alternate][type="application/rss+xml"]').getAttribute('href'),
    ).resolves.toBe('/rss.xml');
  });
});

describe('reading comfort', () => {
  test('a skip link is the first stop of the keyboard and leads to the content', async () => {
    await openPage(permalink);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'İçeriğe geç',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('icerik');
  });

  test('printing leaves out navigation and search, keeps the citations, and prints the page’s address', async () => {
    await openPage(permalink, { javaScript: false });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.citation .cited').first().isVisible()).resolves.toBe(true);
    const printed = await page.evaluate(
      () => getComputedStyle(document.querySelector('.article')!, '::after').content,
    );
    expect(printed).toContain(`${permalink}`);
    expect(printed).toMatch(/^"Haber Arşivi: https?:\/\//);
  });

  test('the text column holds about 65 to 75 characters a line', async () => {
    await openPage(permalink, { javaScript: false });
    const perLine = await page.evaluate(() => {
      const paragraph = document.querySelector('.article-body p')!;
      const probe = document.createElement('span');
      probe.textContent = 'abcçdefgğhıijklmnoöprsştuüvyz '.repeat(4);
      probe.style.whiteSpace = 'nowrap';
      paragraph.append(probe);
      const width = probe.getBoundingClientRect().width / probe.textContent.length;
      probe.remove();
      return paragraph.getBoundingClientRect().width / width;
    });
    expect(perLine).toBeGreaterThanOrEqual(60);
    expect(perLine).toBeLessThanOrEqual(80);
  });
});
