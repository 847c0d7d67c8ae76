import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, watchForProblems } from '../support/browser.ts';
import {
  buildSite,
  createFixtureSite,
  projectRoot,
  removeFixtureSite,
  serveSite,
} from '../support/site.ts';

/**
 * An archive as real use makes it: a page saved "complete" from a browser (TMZ, with two of
 * its pictures saved beside it and one not), imported with no flag at all, and articles whose tags,
 * sources and authors are written in five scripts. Built, served, and read in Chromium.
 */
const run = promisify(execFile);
const SAVED_PAGE = join(
  projectRoot,
  'tests/fixtures/saved-complete/Lupita Nyongo Oscar Dress Stolen.html',
);
const TMZ = '/2015/02/26/lupita-nyongos-150k-pearl-oscar-dress-stolen/';

/** One article per script: its title, its tag, its source and its author in that script. */
const SCRIPTS = [
  {
    script: 'Cyrillic',
    title: 'Выборы в Москве',
    tag: 'Москва',
    source: 'Известия',
    author: 'Иван Петров',
    day: '2025-03-01',
  },
  {
    script: 'Greek',
    title: 'Εκλογές στην Αθήνα',
    tag: 'Αθήνα',
    source: 'Η Καθημερινή',
    author: 'Νίκος Παπαδόπουλος',
    day: '2025-03-02',
  },
  {
    script: 'Arabic',
    title: 'انتخابات في القاهرة',
    tag: 'القاهرة',
    source: 'الأهرام',
    author: 'أحمد علي',
    day: '2025-03-03',
  },
  {
    script: 'Chinese',
    title: '北京的选举',
    tag: '北京',
    source: '人民日报',
    author: '王伟',
    day: '2025-03-04',
  },
  {
    script: 'Japanese',
    title: '東京の選挙',
    tag: 'とうきょう',
    source: '朝日新聞',
    author: '山田太郎',
    day: '2025-03-05',
  },
];

const articleFile = (
  { title, tag, source, author, day }: (typeof SCRIPTS)[number],
  index: number,
) => `---
title: "${title}"
description: "${title}."
publishedAt: ${day}
source:
  name: "${source}"
  url: https://haber${index}.example/${index}
lang: tr
authors: ["${author}"]
tags: ["${tag}", "Seçim"]
---

${title}. ${tag}.
`;

let root: string;
let url: string;
let stop: () => Promise<void>;
let browser: Browser;
let imported: { stdout: string; stderr: string };

beforeAll(async () => {
  root = await createFixtureSite(
    Object.fromEntries(
      SCRIPTS.map((article, index) => [
        `2025/03/${article.script.toLowerCase()}.md`,
        articleFile(article, index),
      ]),
    ),
  );
  imported = await run(
    process.execPath,
    [join(projectRoot, 'scripts/import.ts'), '--into', join(root, 'content/articles'), SAVED_PAGE],
    { cwd: projectRoot },
  );
  const build = await buildSite(root);
  if (!build.ok) throw new Error(`The archive did not build:\n${build.output}`);
  const server = await serveSite(root, join(root, 'dist'));
  url = server.url;
  stop = server.stop;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stop?.();
  await removeFixtureSite(root);
});

describe('a page saved complete, imported with no flag', () => {
  test('its saved photos are copied beside the Markdown, and the one not saved is named', async () => {
    const folder = join(
      root,
      'content/articles/2015/02/26-lupita-nyongos-150k-pearl-oscar-dress-stolen',
    );
    expect((await readdir(folder)).sort()).toEqual([
      '0225-lupita-nyongo-getty-4.jpg',
      'update-graphic-red-bar.jpg',
    ]);
    expect(imported.stderr).toContain('1 image(s) not archived');
    expect(imported.stderr).toContain(
      'http://ll-media.tmz.com/2015/02/26/0226-sub-london-hotel-swipe-tmz-11.jpg',
    );
  });

  test('the built page shows them from this site, sized and lazy, with no console error', async () => {
    const page = await browser.newPage();
    const problems = watchForProblems(page, url);
    await page.goto(new URL(TMZ, url).href, { waitUntil: 'networkidle' });
    const images = await page.$$eval('.article-body img', (elements) =>
      (elements as HTMLImageElement[]).map((image) => ({
        src: image.getAttribute('src') ?? '',
        alt: image.alt,
        loading: image.loading,
        width: image.getAttribute('width'),
      })),
    );
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.src).toMatch(/^\/_astro\/.+\.webp$/);
      expect(image).toMatchObject({ loading: 'lazy' });
      expect(Number(image.width)).toBeGreaterThan(0);
    }
    // Scrolled into view, each one loads.
    await page.$$eval('.article-body img', (elements) =>
      elements.forEach((image) => image.scrollIntoView()),
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.article-body img')].every(
        (image) => image.complete && image.naturalWidth > 0,
      ),
    );
    expect(images.map((image) => image.alt)).toEqual([
      '0225-lupita-nyongo-getty-01',
      'update_graphic_red_bar',
    ]);
    expect(await page.locator('.article-body').textContent()).toContain(
      'Görsel arşivlenmedi: 0226-SUB-london-hotel-swipe-tmz-02',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  test('its first photo is the page’s og:image and JSON-LD image, a file of the built site', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(TMZ, url).href);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    ) as { image?: string };
    expect(ogImage).toMatch(/^https?:\/\/[^/]+\/_astro\/0225-lupita-nyongo-getty-4\..+\.webp$/);
    expect(jsonLd.image).toBe(ogImage);
    const response = await page.request.get(new URL(new URL(ogImage!).pathname, url).href);
    expect(response.status()).toBe(200);
    await page.close();
  });
});

describe('tags, sources and authors in five scripts', () => {
  test('every tag and source page is built, linked from its index, and lists its articles', async () => {
    const page = await browser.newPage();
    const problems = watchForProblems(page, url);
    for (const index of ['/etiket/', '/kaynak/']) {
      await page.goto(new URL(index, url).href);
      const links = await page.$$eval('.terms a', (anchors) =>
        anchors.map((anchor) => ({
          name: anchor.textContent!.trim(),
          href: anchor.getAttribute('href')!,
        })),
      );
      const names =
        index === '/etiket/' ? SCRIPTS.map(({ tag }) => tag) : SCRIPTS.map(({ source }) => source);
      for (const name of names) {
        const link = links.find((candidate) => candidate.name === name);
        expect(link, `${index} links to ${name}`).toBeDefined();
        expect(link!.href).toMatch(/^\/(etiket|kaynak)\/[a-z0-9-]+\/$/);
        const response = await page.goto(new URL(link!.href, url).href);
        expect(response?.status(), link!.href).toBe(200);
        const article = SCRIPTS.find(
          (candidate) => candidate.tag === name || candidate.source === name,
        )!;
        expect(await page.locator('main').textContent()).toContain(article.title);
        await page.goto(new URL(index, url).href);
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test('an article names its author in its header, its citations and its metadata, and its tag links lead to the tag’s page', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/2025/03/01/vybory-v-moskve/', url).href);
    expect(await page.locator('.article header .byline').textContent()).toBe('Yazan: Иван Петров');
    expect(await page.locator('meta[name="citation_author"]').getAttribute('content')).toBe(
      'Иван Петров',
    );
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent())!,
    ) as { author?: unknown };
    expect(jsonLd.author).toEqual([{ '@type': 'Person', name: 'Иван Петров' }]);
    const citations = (await page.locator('.citation').textContent()) ?? '';
    expect(citations).toContain('Иван Петров. (2025, 1 Mart). Выборы в Москве. Известия.');
    expect(citations).toContain('author = {{Иван Петров}}');
    await page.locator('.tags a', { hasText: 'Москва' }).click();
    expect(new URL(page.url()).pathname).toBe('/etiket/moskva/');
    await page.close();
  });
});
