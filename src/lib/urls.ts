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
