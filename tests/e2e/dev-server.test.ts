import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ui } from '../../src/i18n/tr.ts';
import { launchBrowser } from '../support/browser.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import {
  buildSite,
  createFixtureSite,
  removeFixtureSite,
  startDevServer,
} from '../support/site.ts';

/**
 * `npm run dev`, as the README says: Pagefind indexes built pages only, so the dev server serves
 * the index of the last build, says so when there is none, and picks up a build made while it runs.
 */
let root: string;
let server: Awaited<ReturnType<typeof startDevServer>>;
let browser: Browser;

beforeAll(async () => {
  root = await createFixtureSite({ 'seed.md': await readFile(SEED_ARTICLE_FILE, 'utf8') });
  [server, browser] = await Promise.all([startDevServer(root), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) await removeFixtureSite(root);
});

test('without a build the search page says how to get an index; after one it searches that index', async () => {
  const url = `${server.url}/ara/?q=lavrov`;
  const page = await browser.newPage();
  await page.goto(url);
  await expect
    .poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 })
    .toBe(ui.searchIndexMissingInDev);

  const build = await buildSite(root, join(root, 'dist'));
  expect(build.ok, build.output).toBe(true);
  await page.reload();
  await page.locator('#search-results a').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('#search-results a').first().getAttribute('href')).toMatch(
    /^\/2025\/10\/28\/lavrov-putin-trump/,
  );
  await page.close();
  // A build inside the test, beside the dev server's first renders: past the 60 s of the others
  // on a loaded machine (a full run at load 9–20 timed out here), so a build hook's 180 s.
}, 180_000);
