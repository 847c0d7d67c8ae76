import { createHash } from 'node:crypto';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { XMLParser } from 'fast-xml-parser';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { launchBrowser, sharedPages, watchForProblems } from '../support/browser.ts';
import { accessibilityViolations, brokenReferences, htmlProblems } from '../support/checks.ts';
import { pagefindRecords, wordsOf } from '../support/dist.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { existsSync } from 'node:fs';
import {
  buildSite,
  createFixtureSite,
  projectRoot,
  removeFixtureSite,
  servedFixtureSite,
} from '../support/site.ts';

/**
 * An article that changed twice after publication, built with the real archive's seed beside it:
 * version 2 sharpens the headline, edits a sentence and adds a paragraph (with a typo), version 3
 * fixes the typo. The files are in tests/fixtures/versions, laid out as content/articles is.
 */
const FIXTURE = join(projectRoot, 'tests/fixtures/versions');
const PERMALINK = '/2025/11/05/izmirde-saganak-karsiyakada-yollar-su-altinda-kaldi/';
const SITE = 'https://haber-arsivi.example';

interface Version {
  number: number;
  data: ReturnType<typeof articleSchema.parse>;
  markdown: string;
}

let files: Record<string, string>;
let site: Awaited<ReturnType<typeof servedFixtureSite>>;
let dist: string;
let versions: Version[];
let browser: Browser;
let tabs: ReturnType<typeof sharedPages>;
let page: Page;

beforeAll(async () => {
  files = {};
  for await (const file of glob('**/*.md', { cwd: FIXTURE }))
    files[file] = await readFile(join(FIXTURE, file), 'utf8');
  files[
    '2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md'
  ] = await readFile(SEED_ARTICLE_FILE, 'utf8');
  const base = '2025/11/05-izmirde-saganak-karsiyakada-yollar-su-altinda-kaldi';
  versions = [`${base}.md`, `${base}/surum-2.md`, `${base}/surum-3.md`].map((file, index) => {
    const { frontmatter, content } = parseFrontmatter(files[file]!);
    return { number: index + 1, data: articleSchema.parse(frontmatter), markdown: content };
  });
  site = await servedFixtureSite(files);
  dist = join(site.root, 'dist');
  browser = await launchBrowser();
  tabs = sharedPages(browser);
});
afterEach(async () => {
  await tabs?.close(page);
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function openPage(
  path: string,
  options: { javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  page = await tabs.open({
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  await page.goto(new URL(path, site.url).href);
  return page;
}

/** An element's text as a sighted reader sees it: without the ¶ links and the labels only screen readers hear. */
function visibleText(selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('.anchor, .visually-hidden').forEach((hidden) => hidden.remove());
      return (copy.textContent ?? '').trim();
    }),
  );
}

const bodyWords = (version: Version) => wordsOf(toString(fromMarkdown(version.markdown)));
const versionPath = (number: number) => `${PERMALINK}surum/${number}/`;

describe('every version has its own page at its own permanent address', () => {
  test.each([1, 2, 3])(
    'version %i holds its own title, lede and body, word for word',
    async (number) => {
      const version = versions[number - 1]!;
      await openPage(versionPath(number), { javaScript: false });
      await expect(page.locator('h1').textContent()).resolves.toBe(version.data.title);
      await expect(page.locator('.lede').textContent()).resolves.toBe(version.data.description);
      expect(wordsOf((await visibleText('.article-body')).join(' '))).toEqual(bodyWords(version));
      const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(versionPath(number));
      await expect(page.locator('.versions [aria-current=page]').textContent()).resolves.toContain(
        `${number}. sürüm`,
      );
    },
  );

  test('each version’s Markdown copy is its file’s text, and its SHA-256 is the one the page states', async () => {
    await openPage(versionPath(3), { javaScript: false });
    const listed = page.locator('.version-checksums li');
    await expect(listed.count()).resolves.toBe(3);
    for (const version of versions) {
      const item = listed.nth(version.number - 1);
      const markdownUrl = await item
        .getByRole('link', { name: 'Markdown metni' })
        .getAttribute('href');
      expect(markdownUrl).toBe(`${PERMALINK}surum/${version.number}.md`);
      const markdown = await (await fetch(new URL(markdownUrl!, site.url))).text();
      // The captured text: title and lede as JSON strings in front matter, then the body as archived.
      expect(markdown).toBe(
        `---\ntitle: ${JSON.stringify(version.data.title)}\ndescription: ${JSON.stringify(version.data.description)}\n---\n\n${version.markdown.trim()}\n`,
      );
      await expect(item.locator('.checksum').textContent()).resolves.toBe(
        createHash('sha256').update(markdown).digest('hex'),
      );
    }
  });

  test('a version page cites that version: APA, MLA and BibTeX name its address, and the JSON-LD its number and capture time', async () => {
    await openPage(versionPath(2), { javaScript: false });
    const address = `${SITE}${versionPath(2)}`;
    for (const style of ['atif-apa', 'atif-mla', 'atif-bibtex']) {
      await expect(page.locator(`#${style}`).textContent()).resolves.toContain(address);
    }
    await expect(page.locator('#atif-apa').textContent()).resolves.toContain(
      versions[1]!.data.title,
    );
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    );
    expect(jsonLd).toMatchObject({
      url: address,
      version: 2,
      dateModified: '2025-11-05T14:10:00+03:00',
      headline: versions[1]!.data.title,
    });
  });

  test('version pages are not searched: the one search record of the article is its permalink, with the latest text', async () => {
    const records = (await pagefindRecords(dist)).filter((record) =>
      record.url.startsWith('/2025/11/'),
    );
    expect(records.map((record) => record.url)).toEqual([PERMALINK]);
    expect(records[0]!.meta.title).toBe(versions[2]!.data.title);
    expect(wordsOf(records[0]!.content)).toContain('vatandaşların');
    expect(wordsOf(records[0]!.content)).not.toContain('vatandaşlarn');
    await openPage('/ara/', { javaScript: false });
    await expect(page.locator('.search-scope').textContent()).resolves.toContain(
      'değişen haberlerin yalnızca son sürümü aranır',
    );
  });
});

describe('the permalink', () => {
  test('stays where it was and shows the latest version, with a notice linking every version and the diffs', async () => {
    await openPage(PERMALINK, { javaScript: false });
    await expect(page.locator('h1').textContent()).resolves.toBe(versions[2]!.data.title);
    expect(wordsOf((await visibleText('.article-body')).join(' '))).toEqual(
      bodyWords(versions[2]!),
    );
    const notice = page.locator('.versions');
    await expect(notice.locator('h2').textContent()).resolves.toBe(
      'Bu haber yayımlandıktan sonra 2 kez değişti',
    );
    await expect(notice.textContent()).resolves.toContain('arama da yalnızca son sürümü tarar');
    const links = await notice
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
      );
    expect(links).toEqual([
      ['1. sürüm', versionPath(1)],
      ['2. sürüm', versionPath(2)],
      ['öncekiyle farkları', `${PERMALINK}fark/1-2/`],
      ['3. sürüm', versionPath(3)],
      ['öncekiyle farkları', `${PERMALINK}fark/2-3/`],
      ['İlk ve son sürüm arasındaki farklar', `${PERMALINK}fark/1-3/`],
    ]);
    const times = await notice.locator('time').allTextContents();
    expect(times).toEqual(['5 Kasım 2025, 09:00', '5 Kasım 2025, 14:10', '6 Kasım 2025, 10:00']);
    const summaries = await notice.locator('.change-summary').allTextContents();
    expect(summaries).toEqual([
      'Değişen: başlık ve metin; 20 sözcük eklendi, 3 sözcük çıkarıldı',
      'Değişen: metin; 1 sözcük eklendi, 1 sözcük çıkarıldı; yazım düzeltmesi',
    ]);
  });

  test('its citation names the latest version’s address, whose text will not change; its JSON-LD is modified when that was captured', async () => {
    await openPage(PERMALINK, { javaScript: false });
    await expect(page.locator('#atif-mla').textContent()).resolves.toContain(
      `${SITE}${versionPath(3)}`,
    );
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    );
    expect(jsonLd).toMatchObject({
      url: `${SITE}${PERMALINK}`,
      version: 3,
      dateModified: '2025-11-06T10:00:00+03:00',
      datePublished: '2025-11-05T08:40:00+03:00',
    });
  });

  test('listings show the latest headline and say that the article changed', async () => {
    await openPage('/', { javaScript: false });
    const item = page.locator('article.summary', { hasText: versions[2]!.data.title });
    await expect(item.locator('.change-summary').textContent()).resolves.toBe(
      'Bu haber yayımlandıktan sonra 2 kez değişti',
    );
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe(PERMALINK);
    await expect(page.locator('article.summary .change-summary').count()).resolves.toBe(1);
  });

  test('the lookup by original address leads to it', async () => {
    const map = JSON.parse(await readFile(join(dist, 'bul/ege.example.json'), 'utf8'));
    expect(map).toEqual({ 'ege.example/gundem/izmir-saganak': PERMALINK });
  });
});

describe('diff pages', () => {
  /** The marked words of one part of a diff page, as a reader sees them. */
  async function marks(part: 'title' | 'description' | 'body') {
    return {
      removed: await visibleText(`.diff-${part} del`),
      added: await visibleText(`.diff-${part} ins`),
    };
  }

  test('version 1 to 2 marks exactly the changed words, headline, lede and body each on its own', async () => {
    await openPage(`${PERMALINK}fark/1-2/`, { javaScript: false });
    await expect(page.locator('h1').textContent()).resolves.toBe(
      '1. ve 2. sürüm arasındaki farklar',
    );
    expect(await marks('title')).toEqual({
      removed: ["Karşıyaka'da"],
      added: ["Karşıyaka ve Bayraklı'da"],
    });
    await expect(page.locator('.diff-description').textContent()).resolves.toContain('Değişmedi.');
    expect(await marks('description')).toEqual({ removed: [], added: [] });
    expect(await marks('body')).toEqual({
      removed: ['40', 'yerinde'],
      added: [
        '65',
        'yeri ve 12 evde',
        'İzmir Büyükşehir Belediyesi, hasar tespiti için vatandaşlarn 153 numaralı hattı aramasını istedi.',
      ],
    });
    await expect(page.locator('#diff-summary').textContent()).resolves.toBe(
      'Değişen: başlık ve metin; 20 sözcük eklendi, 3 sözcük çıkarıldı',
    );
  });

  test('the body read without what was taken out is the new version, and without what was put in the old one', async () => {
    await openPage(`${PERMALINK}fark/1-2/`, { javaScript: false });
    const read = (without: string) =>
      page.locator('.diff-body .diff-text').evaluate((element, skip) => {
        const copy = element.cloneNode(true) as Element;
        copy.querySelectorAll(`${skip}, .visually-hidden`).forEach((hidden) => hidden.remove());
        return copy.textContent ?? '';
      }, without);
    expect(wordsOf(await read('del'))).toEqual(bodyWords(versions[1]!));
    expect(wordsOf(await read('ins'))).toEqual(bodyWords(versions[0]!));
  });

  test('version 2 to 3 is a typo fix, and says so', async () => {
    await openPage(`${PERMALINK}fark/2-3/`, { javaScript: false });
    expect(await marks('body')).toEqual({ removed: ['vatandaşlarn'], added: ['vatandaşların'] });
    expect(await marks('title')).toEqual({ removed: [], added: [] });
    await expect(page.locator('#diff-summary').textContent()).resolves.toContain(
      'yazım düzeltmesi',
    );
  });

  test('first to latest shows every change at once, and links the other diffs and both versions', async () => {
    await openPage(`${PERMALINK}fark/1-3/`, { javaScript: false });
    expect((await marks('body')).added.at(-1)).toBe(
      'İzmir Büyükşehir Belediyesi, hasar tespiti için vatandaşların 153 numaralı hattı aramasını istedi.',
    );
    const links = await page
      .locator('.diff-versions a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual([versionPath(1), versionPath(3)]);
    await expect(
      page.locator('.diff-summary, #diff-summary').first().textContent(),
    ).resolves.not.toContain('yazım düzeltmesi');
  });

  test('each mark tells a screen reader what it is', async () => {
    await openPage(`${PERMALINK}fark/1-2/`, { javaScript: false });
    const labels = await page
      .locator('.diff-body del .visually-hidden, .diff-body ins .visually-hidden')
      .allTextContents();
    expect(labels.map((label) => label.trim())).toEqual([
      'çıkarılan:',
      'eklenen:',
      'çıkarılan:',
      'eklenen:',
      'eklenen:',
    ]);
    const snapshot = await page.locator('.diff-title').ariaSnapshot();
    expect(snapshot).toContain('çıkarılan:');
    expect(snapshot).toContain('eklenen:');
  });

  test('printed, the marks stay: struck through and underlined, not colour alone', async () => {
    await openPage(`${PERMALINK}fark/1-2/`, { javaScript: false });
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      del: getComputedStyle(document.querySelector('.diff del')!).textDecorationLine,
      ins: getComputedStyle(document.querySelector('.diff ins')!).textDecorationLine,
      header: getComputedStyle(document.querySelector('.site-header')!).display,
    }));
    expect(styles).toEqual({ del: 'line-through', ins: 'underline', header: 'none' });
  });
});

describe('feeds and sitemap carry the change', () => {
  test('RSS and JSON Feed have the publication at the permalink and an "updated" item at each later version’s address', async () => {
    const feed = JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'));
    const ours = feed.items.filter((item: { url: string }) =>
      new URL(item.url).pathname.startsWith(PERMALINK),
    );
    expect(
      ours.map((item: { url: string; title: string; date_published: string }) => [
        new URL(item.url).pathname,
        item.title,
        item.date_published,
      ]),
    ).toEqual([
      [versionPath(3), `Güncellendi: ${versions[2]!.data.title}`, '2025-11-06T07:00:00.000Z'],
      [versionPath(2), `Güncellendi: ${versions[1]!.data.title}`, '2025-11-05T11:10:00.000Z'],
      [PERMALINK, versions[0]!.data.title, '2025-11-05T05:40:00.000Z'],
    ]);
    expect(ours[0].summary).toBe(
      '3. sürüm: Değişen: metin; 1 sözcük eklendi, 1 sözcük çıkarıldı; yazım düzeltmesi',
    );
    expect(ours[0].content_html).toContain('vatandaşların');
    const rss = new XMLParser().parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
    const items = [rss.rss.channel.item]
      .flat()
      .filter((item: { link: string }) => new URL(item.link).pathname.startsWith(PERMALINK));
    expect(
      items.map((item: { link: string; title: string }) => [
        new URL(item.link).pathname,
        item.title,
      ]),
    ).toEqual([
      [versionPath(3), `Güncellendi: ${versions[2]!.data.title}`],
      [versionPath(2), `Güncellendi: ${versions[1]!.data.title}`],
      [PERMALINK, versions[0]!.data.title],
    ]);
  });

  test('the sitemap dates the permalink by its latest version and lists every version and diff', async () => {
    const sitemap = new XMLParser().parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
    const entries = new Map(
      [sitemap.urlset.url]
        .flat()
        .map((url: { loc: string; lastmod?: string }) => [new URL(url.loc).pathname, url.lastmod]),
    );
    expect(entries.get(PERMALINK)).toBe('2025-11-06T07:00:00.000Z');
    expect(entries.get(versionPath(1))).toBe('2025-11-05T06:00:00.000Z');
    expect(entries.get(versionPath(2))).toBe('2025-11-05T11:10:00.000Z');
    for (const range of ['1-2', '2-3', '1-3'])
      expect(entries.has(`${PERMALINK}fark/${range}/`)).toBe(true);
  });
});

describe('the built-site checks cover the new pages', () => {
  test('every HTML file passes html-validate, and every internal link resolves', async () => {
    const pages = await Array.fromAsync(glob('2025/11/05/**/*.html', { cwd: dist }));
    expect(pages).toHaveLength(1 + 3 + 3);
    expect(await htmlProblems(dist)).toEqual([]);
    expect(await brokenReferences(dist)).toEqual([]);
  });

  const pages = [
    ['the permalink', PERMALINK],
    ['a version page', versionPath(1)],
    ['a diff page', `${PERMALINK}fark/1-2/`],
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    test.each(pages)(
      `%s has no WCAG 2.2 A or AA violation (${colorScheme} theme)`,
      async (_, path) => {
        await openPage(path!, { colorScheme });
        expect(await accessibilityViolations(page)).toEqual([]);
      },
    );
  }

  test.each(pages)(
    '%s loads with no console error, CSP violation or request to another origin',
    async (_, path) => {
      page = await tabs.open();
      const problems = watchForProblems(page, new URL(site.url).origin);
      await page.goto(new URL(path!, site.url).href);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    },
  );

  test.each(pages)('%s fits a 320 px wide screen without scrolling sideways', async (_, path) => {
    page = await tabs.open({ viewport: { width: 320, height: 640 } });
    await page.goto(new URL(path!, site.url).href);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(320);
  });
});

describe('under a base path', () => {
  const BASE = '/arsiv/';
  let root: string;

  beforeAll(async () => {
    root = await createFixtureSite(files);
    const build = await buildSite(root, join(root, 'dist'), {
      BASE_PATH: BASE,
      SITE_URL: 'https://arsiv.example.org',
    });
    if (!build.ok)
      throw new Error(`The fixture archive did not build under ${BASE}:\n${build.output}`);
  });
  afterAll(async () => {
    if (root) await removeFixtureSite(root);
  });

  test('the permalink, version and diff pages link only under the base, to files that exist, and cite the version there', async () => {
    const built = join(root, 'dist');
    const pages = await Array.fromAsync(glob('2025/11/05/**/index.html', { cwd: built }));
    expect(pages).toHaveLength(7);
    const problems: string[] = [];
    for (const file of pages) {
      const tree = fromHtml(await readFile(join(built, file), 'utf8'));
      for (const node of selectAll('a[href], link[href], script[src]', tree)) {
        const reference = String(node.properties.href ?? node.properties.src);
        const url = new URL(reference, `https://arsiv.example.org${BASE}${file}`);
        if (
          url.origin !== 'https://arsiv.example.org' ||
          url.pathname === `${BASE}${file}`.replace(/index\.html$/, '')
        )
          continue;
        if (!url.pathname.startsWith(BASE))
          problems.push(`${file} links outside ${BASE}: ${reference}`);
        const path = decodeURIComponent(url.pathname.slice(BASE.length - 1));
        if (!existsSync(join(built, path.endsWith('/') ? `${path}index.html` : path)))
          problems.push(`${file}: ${reference} is no file`);
      }
    }
    expect(problems).toEqual([]);
    const version = fromHtml(
      await readFile(join(built, versionPath(2).slice(1), 'index.html'), 'utf8'),
    );
    expect(toText(select('#atif-apa', version)!)).toContain(
      `https://arsiv.example.org${BASE}${versionPath(2).slice(1)}`,
    );
  });

  test('the sitemap dates the pages under the base as it does at the root', async () => {
    const sitemap = new XMLParser().parse(await readFile(join(root, 'dist/sitemap-0.xml'), 'utf8'));
    const entries = new Map(
      [sitemap.urlset.url]
        .flat()
        .map((url: { loc: string; lastmod?: string }) => [url.loc, url.lastmod]),
    );
    expect(entries.get(`https://arsiv.example.org${BASE}${PERMALINK.slice(1)}`)).toBe(
      '2025-11-06T07:00:00.000Z',
    );
    expect(entries.get(`https://arsiv.example.org${BASE}${versionPath(1).slice(1)}`)).toBe(
      '2025-11-05T06:00:00.000Z',
    );
  });
});
