import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchForProblems } from '../support/browser.ts';
import { accessibilityViolations, brokenReferences, htmlProblems } from '../support/checks.ts';

/** The site checks pass on the archive; here each is shown failing on a page that breaks its rule. */
let dist: string;
let browser: Browser;

const valid = (body: string, head = '') =>
  `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Deneme</title>${head}</head><body><main>${body}</main></body></html>`;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'haber-arsivi-broken-'));
  await mkdir(join(dist, 'var'));
  await writeFile(
    join(dist, 'index.html'),
    valid(
      '<p><a href="/var/">Var olan</a> <a href="/yok/">Olmayan</a> <img src="/yok.png" alt="Yok"></p>',
    ),
  );
  await writeFile(
    join(dist, 'var/index.html'),
    valid('<p id="a">Bir</p><p id="a">İki</p><div><span></div>'),
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await rm(dist, { recursive: true, force: true });
});

test('html-validate reports invalid HTML', async () => {
  const problems = await htmlProblems(dist);
  expect(
    problems.some(
      (problem) => problem.startsWith('var/index.html') && problem.includes('no-dup-id'),
    ),
  ).toBe(true);
  expect(problems.some((problem) => problem.includes('close-order'))).toBe(true);
});

test('the link check reports links and assets that lead nowhere', async () => {
  expect(await brokenReferences(dist)).toEqual(['index.html: /yok/', 'index.html: /yok.png']);
});

test('axe reports a page that fails WCAG AA', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.setContent(
    valid(
      '<p style="color:#bbb;background:#fff">Soluk yazı</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
    ),
  );
  const violations = await accessibilityViolations(page);
  expect(violations.some((violation) => violation.startsWith('color-contrast'))).toBe(true);
  expect(violations.some((violation) => violation.startsWith('image-alt'))).toBe(true);
  await page.context().close();
});

test('the page watch reports CSP violations, script errors and requests to other origins', async () => {
  const page = await browser.newPage();
  const problems = watchForProblems(page, 'http://127.0.0.1');
  await page.route('**/*', (route) =>
    route.request().url() === 'http://127.0.0.1/'
      ? route.fulfill({
          contentType: 'text/html',
          body: valid(
            '<script>window.ran = true</script><img src="https://baska.example/iz.gif" alt="İz">',
            `<meta http-equiv="content-security-policy" content="script-src 'self'">`,
          ),
        })
      : route.abort(),
  );
  await page.goto('http://127.0.0.1/');
  await page.waitForLoadState('load');
  expect(problems.some((problem) => problem.includes('CSP violation'))).toBe(true);
  expect(problems).toContain('request to another origin: https://baska.example/iz.gif');
  await page.close();
});
