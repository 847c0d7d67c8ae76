/**
 * Screenshots of every page type, to look at the design as a reader sees it:
 * at 390 px (a phone) and 1280 px (a laptop), in the light and the dark theme.
 *
 *   npm run screenshots -- [--out DIR] [--synthetic N | --content DIR] [--pages home,article,…] [--readme]
 *
 * Builds the archive as committed (or, with --synthetic, a copy holding N synthetic articles
 * over ten years, to see lists, pagination and the home page's chart full; with --content, a
 * copy holding the articles under DIR, such as tests/fixtures/versions), serves it and
 * writes DIR/{page}-{width}-{theme}.png (whole pages). --readme also writes the README's two
 * pictures to .github/screenshots/: an article on a laptop (1280 × 800, light) and a search on a
 * phone (390 × 844, dark).
 */
import { glob, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import {
  buildSite,
  createFixtureSite,
  projectRoot,
  removeFixtureSite,
  serveSite,
} from '../tests/support/site.ts';
import { syntheticSite } from './bench/synthetic-site.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(tmpdir(), 'haber-arsivi-screenshots') },
    synthetic: { type: 'string' },
    content: { type: 'string' },
    pages: { type: 'string' },
    readme: { type: 'boolean', default: false },
  },
});

const WIDTHS = [390, 1280] as const;
const THEMES = ['light', 'dark'] as const;
const README_PICTURES = join(projectRoot, '.github/screenshots');

/** One page of each type of the built site at `dist`, by name. */
async function pagesOf(dist: string) {
  const first = async (pattern: string) => {
    const [match] = (await Array.fromAsync(glob(pattern, { cwd: dist }))).sort().reverse();
    if (!match) throw new Error(`The built site has no page matching ${pattern}`);
    return `/${match.replace(/index\.html$/, '')}`;
  };
  const firstDirectory = async (folder: string) => {
    const entries = (await readdir(join(dist, folder), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    return `/${folder}/${entries.sort((a, b) => a.name.localeCompare(b.name))[0]!.name}/`;
  };
  return {
    home: '/',
    article: await first('[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html'),
    // The same article with its citations open.
    'article-open': await first('[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html'),
    year: await first('[0-9][0-9][0-9][0-9]/index.html'),
    month: await first('[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html'),
    tags: '/etiket/',
    tag: await firstDirectory('etiket'),
    sources: '/kaynak/',
    source: await firstDirectory('kaynak'),
    authors: '/yazar/',
    // An archive whose articles name no author has no author's page.
    ...((await readdir(join(dist, 'yazar'))).some((entry) => entry !== 'index.html')
      ? { author: await firstDirectory('yazar') }
      : {}),
    'search-empty': '/ara/',
    search: '/ara/?q=lavrov',
    'search-filters': '/ara/?q=lavrov&kaynak=Sputnik+T%C3%BCrkiye',
    'search-none': '/ara/?q=qqqzzz',
    'search-period': '/ara/?baslangic=2025-10&bitis=2025-11-15&sirala=eski',
    lookup: '/bul/',
    'not-found': '/yok/',
    ...(await Array.fromAsync(glob('**/fark/*/index.html', { cwd: dist })))
      .slice(0, 1)
      .reduce((pages, diff) => ({ ...pages, diff: `/${diff.replace(/index\.html$/, '')}` }), {}),
  };
}

interface Shot {
  width: number;
  height?: number;
  theme: 'light' | 'dark';
  fullPage: boolean;
  /** Opens every disclosure (the citations) first. */
  open?: boolean;
}

async function shoot(browser: Browser, url: string, file: string, options: Shot) {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 800 },
    colorScheme: options.theme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(url);
  // The search is done when its list is no longer busy (its status says "Aranıyor…" before).
  if (url.includes('/ara/?'))
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  if (options.open)
    await page.evaluate(() =>
      document.querySelectorAll('details').forEach((details) => (details.open = true)),
    );
  await page.screenshot({ path: file, fullPage: options.fullPage });
  await context.close();
}

/** A copy of the project holding the articles under `directory`. */
async function contentSite(directory: string) {
  const files: Record<string, string> = {};
  for await (const file of glob('**/*.md', { cwd: directory }))
    files[file] = await readFile(join(directory, file), 'utf8');
  const root = await createFixtureSite(files);
  return { root, remove: () => removeFixtureSite(root) };
}

const synthetic = values.synthetic
  ? await syntheticSite(Number(values.synthetic))
  : values.content
    ? await contentSite(values.content)
    : undefined;
const root = synthetic?.root ?? projectRoot;
const dist = await mkdtemp(join(tmpdir(), 'haber-arsivi-screenshots-dist-'));
try {
  const build = await buildSite(root, dist);
  if (!build.ok) throw new Error(`The archive did not build:\n${build.output}`);
  const server = await serveSite(root, dist);
  const browser = await launchBrowser();
  try {
    await mkdir(values.out, { recursive: true });
    const only = values.pages?.split(',');
    for (const [name, path] of Object.entries(await pagesOf(dist))) {
      if (only && !only.includes(name)) continue;
      for (const width of WIDTHS) {
        for (const theme of THEMES) {
          await shoot(
            browser,
            new URL(path, server.url).href,
            join(values.out, `${name}-${width}-${theme}.png`),
            { width, theme, fullPage: true, open: name.endsWith('-open') },
          );
        }
      }
    }
    if (values.readme) {
      await mkdir(README_PICTURES, { recursive: true });
      const pages = await pagesOf(dist);
      await shoot(
        browser,
        new URL(pages.article, server.url).href,
        join(README_PICTURES, 'article.png'),
        { width: 1280, height: 800, theme: 'light', fullPage: false },
      );
      await shoot(
        browser,
        new URL(pages.search, server.url).href,
        join(README_PICTURES, 'search.png'),
        { width: 390, height: 844, theme: 'dark', fullPage: false },
      );
    }
    console.log(`Screenshots in ${values.out}`);
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  await rm(dist, { recursive: true, force: true });
  await synthetic?.remove();
}
