// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { pagefind } from './src/integrations/pagefind.ts';
import { articleMarkdown } from './src/markdown/index.ts';
import { articleIndex } from './src/integrations/article-index.ts';
import { hosting } from './src/integrations/hosting.ts';
import { DeploymentError, readDeployment } from './src/lib/deployment.ts';
import { BundleArticlesError, readBundleArticles } from './src/lib/search-bundles.ts';
import { joinBase } from './src/lib/urls.ts';

/** Pagefind compiles its WebAssembly in the page: the one script permission beyond this site's own files. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** `SITE_URL` and `BASE_PATH`: where the archive is published (see `src/lib/deployment.ts`). */
const deployment = readOrExit(() => readDeployment(process.env), DeploymentError);
/** `SEARCH_BUNDLE_ARTICLES`: when a year's search bundle is split (see `src/lib/search-bundles.ts`). */
const bundleArticles = readOrExit(() => readBundleArticles(process.env), BundleArticlesError);
const NOT_IN_SITEMAP = ['/bul/', '/404/'].map((route) => joinBase(deployment.base, route));
/** Old addresses and capture days, read from the articles' front matter: Astro wants redirects before it builds. */
const articles = await articleIndex(
  fileURLToPath(new URL('./content/articles', import.meta.url)),
  deployment.base,
);
for (const warning of articles.warnings) console.warn(`haber-arsivi: warning: ${warning}`);
// A broken archive is the keeper's to fix: every problem on a line of its own, naming the file and the field.
if (articles.problems.length > 0) {
  for (const problem of articles.problems) console.error(`haber-arsivi: ${problem}`);
  console.error(
    `haber-arsivi: ${articles.problems.length} problem(s) in content/articles: nothing was built`,
  );
  process.exit(1);
}

/**
 * The sitemap entry of a page, with the day its text was captured: an article that changed is
 * modified on the day of its latest version.
 * @param {import('@astrojs/sitemap').SitemapItem} item
 */
function withLastModified(item) {
  const route = `/${new URL(item.url).pathname.slice(deployment.base.length)}`;
  const lastmod = articles.lastModified.get(route);
  return lastmod ? { ...item, lastmod } : item;
}

/**
 * Reads a setting from the environment. A wrong one (`SITE_URL`, `BASE_PATH`…: an error of class
 * `kind`) is the user's to fix: say what is wrong in one line, without a stack trace.
 * @template T
 * @param {() => T} read
 * @param {new (...args: any[]) => Error} kind
 * @returns {T}
 */
function readOrExit(read, kind) {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof kind)) throw error;
    console.error(`haber-arsivi: ${error.message}`);
    process.exit(1);
  }
}

export default defineConfig({
  // The public address of the archive: canonical links and feeds are absolute.
  site: deployment.site,
  base: deployment.base,
  vite: {
    define: {
      // The base for src/lib/urls.ts, which every address the site writes goes through.
      __ARCHIVE_BASE__: JSON.stringify(deployment.base),
      // The folder the articles' paths are relative to, for reading their bodies (src/data/articles.ts).
      __ARCHIVE_ROOT__: JSON.stringify(fileURLToPath(new URL('.', import.meta.url))),
    },
  },
  trailingSlash: 'always',
  // Old addresses of renamed articles lead to their permalinks: links people made never break.
  redirects: articles.redirects,
  build: { format: 'directory' },
  // A rebuild copies the pages whose `cacheKey` (the articles they show: src/data/articles.ts) and code are unchanged.
  experimental: { incrementalBuild: true },
  markdown: {
    processor: articleMarkdown(),
    // News text has no code to colour, and Shiki's inline styles would need 'unsafe-inline'.
    syntaxHighlight: false,
  },
  security: {
    // Hashes for Astro's own scripts and styles, nothing else inline, and no other origin.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: SCRIPT_SOURCES },
    },
  },
  // The lookup and 404 pages are not content: they stay out of the sitemap, as do redirects. The
  // search page is in it, as a way into the archive; its result pages share its canonical address.
  integrations: [
    sitemap({
      filter: (page) => !NOT_IN_SITEMAP.includes(new URL(page).pathname),
      serialize: withLastModified,
    }),
    pagefind({ bundleArticles }),
    hosting(),
  ],
});
