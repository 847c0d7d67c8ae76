/**
 * A lede as long as real Turkish news ledes run (95 of 40,677 measured are over 1,000
 * characters): the build takes it, the article page shows it whole, and what previews and search
 * engines read (meta descriptions, JSON-LD) is cut.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { corpusLines, sentenceOf } from '../../scripts/bench/corpus-archive.ts';
import { META_DESCRIPTION_LENGTH, SUMMARY_LEDE_LENGTH } from '../../src/lib/meta-description.ts';
import { dayFromToday } from '../support/dates.ts';
import {
  buildSite,
  createFixtureSite,
  removeFixtureSite,
  type BuildResult,
} from '../support/site.ts';

let root: string;
let build: BuildResult;
let lede: string;
const day = dayFromToday(-10);

beforeAll(async () => {
  // A real sentence of Turkish news (nlptoolkit-corpus) past 1,500 characters, as a keeper's copy reads it.
  lede = (await corpusLines()).map(sentenceOf).find((text) => text.length >= 1500)!;
  root = await createFixtureSite({
    'uzun-ozet.md': `---
title: "Uzun özetli haber"
description: ${JSON.stringify(lede)}
publishedAt: ${day}
source:
  name: Örnek Ajans
  url: https://ornek.example/haber/uzun
---

Haberin metni burada.
`,
  });
  build = await buildSite(root);
}, 600_000);
afterAll(() => removeFixtureSite(root));

test('the build takes a lede of over 1,500 characters; the page shows it whole, its meta description is cut', async () => {
  expect(lede.length).toBeGreaterThan(1500);
  expect(build.ok, build.output).toBe(true);
  const page = join(root, 'dist', ...day.split('-'), 'uzun-ozetli-haber/index.html');
  const tree = fromHtml(await readFile(page, 'utf8'));
  expect(toText(select('.lede', tree)!)).toBe(lede);
  for (const selector of [
    'meta[name="description"]',
    'meta[property="og:description"]',
    'meta[name="twitter:description"]',
  ]) {
    const content = String(select(selector, tree)?.properties.content);
    expect(content.length, selector).toBeLessThanOrEqual(META_DESCRIPTION_LENGTH);
    expect(content.endsWith('…'), selector).toBe(true);
    expect(lede.startsWith(content.slice(0, -1)), selector).toBe(true);
  }
});

test('its JSON-LD carries the lede cut as the meta description, not whole', async () => {
  const page = join(root, 'dist', ...day.split('-'), 'uzun-ozetli-haber/index.html');
  const tree = fromHtml(await readFile(page, 'utf8'));
  const script = select('script[type="application/ld+json"]', tree)!;
  const { description } = JSON.parse(toText(script)) as { description: string };
  expect(description).toBe(String(select('meta[name="description"]', tree)?.properties.content));
  expect(description.length).toBeLessThanOrEqual(META_DESCRIPTION_LENGTH);
  expect(lede.startsWith(description.slice(0, -1))).toBe(true);
});

test('a list of articles shows a long lede cut at a word, so a page of them stays light', async () => {
  const [year, month] = day.split('-');
  const listing = fromHtml(await readFile(join(root, 'dist', year!, month!, 'index.html'), 'utf8'));
  const summary = toText(select('.summary p:last-child', listing)!);
  expect(summary.length).toBeLessThanOrEqual(SUMMARY_LEDE_LENGTH);
  expect(summary.endsWith('…')).toBe(true);
  expect(lede.startsWith(summary.slice(0, -1))).toBe(true);
});
