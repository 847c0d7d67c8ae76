/**
 * Every address the site writes is made here, so that the archive works under any base path.
 * The code names pages by their route (`/2025/10/28/slug/`, `/ara/`): the archive's own idea of an
 * address, which lookup keys, redirects and tests share. `href` puts a route under the base the
 * site was built with (`/arsiv/2025/10/28/slug/`); `absoluteUrl` under the public site as well,
 * for what is read away from the page (feeds, citations, JSON-LD, sitemaps, robots.txt).
 */

/** `/arsiv/` + `/ara/` → `/arsiv/ara/`. The route must start with `/`; a fragment or query stays as it is. */
export function joinBase(base: string, route: string): string {
  if (!route.startsWith('/'))
    throw new Error(`"${route}" is not a route of the site: it must start with "/"`);
  return base.replace(/\/$/, '') + route;
}

/**
 * The base this code was built with, which `astro.config.mjs` hands to Vite to write in place of
 * this name in pages and browser code alike. Not `import.meta.env.BASE_URL`: a `BASE_URL` in the
 * environment (Vitest sets one, so do some CI services) silently takes its place. Outside Vite
 * (the import command) the name is not defined, and routes are what they are.
 */
declare const __ARCHIVE_BASE__: string | undefined;

function builtBase(): string {
  return typeof __ARCHIVE_BASE__ === 'undefined' ? '/' : __ARCHIVE_BASE__;
}

/** A route as a link on this site: `/ara/` → `/arsiv/ara/` under `BASE_PATH=/arsiv/`. */
export function href(route: string): string {
  return joinBase(builtBase(), route);
}

/** A route as an absolute address on the public site: `https://arsiv.example.org/arsiv/ara/`. */
export function absoluteUrl(route: string, site: URL | string): string {
  return new URL(href(route), site).href;
}

/** The segment of a list's later pages: `/etiket/rusya/sayfa/2/`, `/sayfa/2/`. */
export const PAGE_SEGMENT = 'sayfa';

/**
 * The site's own addresses, each with everything under it: no article's address or old address
 * (`redirectFrom`) may take one. Every route of `src/pages/` but the dated ones, every file of
 * `public/`, the folders the build writes (`/_astro/`, `/pagefind/`) and the hosts' files:
 * tests/unit/urls.test.ts fails when one of those is missing here.
 */
export const RESERVED_ROUTES: readonly string[] = [
  '/404/',
  '/_astro/',
  '/_headers',
  '/_nginx.conf',
  '/_redirects',
  '/ara/',
  '/bul/',
  '/etiket/',
  '/favicon.svg',
  '/feed.json',
  '/kaynak/',
  '/pagefind/',
  '/robots.txt',
  '/rss.xml',
  `/${PAGE_SEGMENT}/`,
  '/sitemap-',
];

/** Where articles live among the dated routes: `/2025/10/28/slug/` and what is under it. */
const ARTICLE_ADDRESS = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\//;
/** The dated routes: a year's page `/2025/`, a month's `/2025/10/`, their later pages, and the articles. */
const DATED = /^\/\d{4}\//;

/**
 * The site's own route that `route` is or falls under, if any: the home page, one of
 * `RESERVED_ROUTES`, or a year's (`/2025/`: its page, its months' pages and their later pages)
 * where it is not an article's address.
 */
export function reservedRoute(route: string): string | undefined {
  if (route === '/') return '/';
  const reserved = RESERVED_ROUTES.find((prefix) => route.startsWith(prefix));
  if (reserved) return reserved;
  if (DATED.test(route) && !ARTICLE_ADDRESS.test(route)) return route.slice(0, 6);
  return undefined;
}
