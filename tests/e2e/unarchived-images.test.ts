import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, watchForProblems } from '../support/browser.ts';
import { accessibilityViolations } from '../support/checks.ts';
import {
  buildSite,
  createFixtureSite,
  removeFixtureSite,
  serveSite,
  type BuildResult,
} from '../support/site.ts';

/**
 * Images an article shows that the archive does not hold (raw HTML pointing at nothing, another
 * site's photo, a file that is not there) are published as the import marks them, “Görsel
 * arşivlenmedi”, beside one that is archived: no request the page's policy blocks, nothing
 * hot-linked, no image without its text alternative.
 */
const ARTICLE = `---
title: "Limanda görseller"
description: "Arşivlenen ve arşivlenmeyen görseller."
publishedAt: 2025-10-28
source:
  name: Örnek Ajans
  url: https://ornek.example/haber/gorseller
---

Birinci paragraf, limanın fotoğrafından önce.

<img src="x">

<p>Metin içinde <img src="https://uzak.example/harita.jpg" alt="uzak harita"> ve devamı.</p>

![Eksik fotoğraf](./28-gorseller/yok.jpg)

![Limanın fotoğrafı](./28-gorseller/liman.png "Sabah limanı")
`;
const PAGE = '2025/10/28/limanda-gorseller';
/** A 1 × 1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let root: string;
let build: BuildResult;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  root = await createFixtureSite({ '2025/10/28-gorseller.md': ARTICLE });
  await mkdir(join(root, 'content/articles/2025/10/28-gorseller'));
  await writeFile(join(root, 'content/articles/2025/10/28-gorseller/liman.png'), PNG);
  build = await buildSite(root);
  if (!build.ok) throw new Error(`The fixture archive did not build:\n${build.output}`);
  [server, browser] = await Promise.all([serveSite(root, join(root, 'dist')), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) await removeFixtureSite(root);
});

test('each image the archive does not hold is the import’s note; the archived one is served from the site', async () => {
  const page = fromHtml(await readFile(join(root, 'dist', PAGE, 'index.html'), 'utf8'));
  const body = selectAll('.article-body', page)[0]!;
  const images = selectAll('img', body);
  expect(images.map((image) => String(image.properties.src))).toEqual([
    expect.stringMatching(/^\/_astro\/liman\..+\.webp$/),
  ]);
  const text = toText(body);
  // The image without an address or a text alternative: a note of its own paragraph.
  expect(text).toMatch(/önce\.¶\s+Görsel arşivlenmedi¶\s+Metin/);
  expect(text).toContain('Metin içinde [Görsel arşivlenmedi: uzak harita] ve devamı.');
  expect(text).toContain('Görsel arşivlenmedi: Eksik fotoğraf');
  expect(text).toContain('Sabah limanı');
  expect(text).not.toMatch(/uzak\.example|yok\.jpg/);
});

test('the build names the image that is not there, and goes on', () => {
  expect(build.output).toContain(
    'haber-arsivi: warning: content/articles/2025/10/28-gorseller.md: image ./28-gorseller/yok.jpg is not there: shown as “Görsel arşivlenmedi”',
  );
});

test('in Chromium the page makes no request its policy blocks, and axe finds nothing', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    // axe wants a page of a context of its own.
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const problems = watchForProblems(page, server.url);
    await page.goto(`${server.url}/${PAGE}/`);
    await page.waitForLoadState('load');
    expect(await page.locator('.article-body img').count()).toBe(1);
    expect(await accessibilityViolations(page), colorScheme).toEqual([]);
    expect(problems, colorScheme).toEqual([]);
    await context.close();
  }
});
