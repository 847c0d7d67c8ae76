import { OPENSEARCH_ROUTE, OPENSEARCH_TYPE } from './opensearch.ts';
import { joinBase } from './urls.ts';

/**
 * What a host must add to the built files: response headers, cache rules and the redirects of
 * renamed articles, said once here and written for each kind of host at build time, under the
 * base path: `_headers` and `_redirects` (Netlify, Cloudflare Pages) and an nginx include.
 */

/**
 * Sent with every file. The full Content-Security-Policy of each page is in its
 * `<meta http-equiv>`, with the hashes of that page's own scripts and styles; this header adds what
 * a `<meta>` cannot say (`frame-ancestors`) and repeats the rest. It names no `script-src` or
 * `default-src`, which would block those hashed scripts.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; connect-src 'self'; img-src 'self'; worker-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Sent as well with files that are never pages: Astro's assets (images, styles, scripts) and every
 * SVG. An SVG opened by itself is a document that can run scripts on the archive's origin; this
 * policy forbids them, and anything else it might load, while its own styles still apply. A second
 * policy only narrows the first (both are enforced), and it changes nothing for a file used as an
 * image, a stylesheet or a script of a page, whose own policy governs it.
 */
export const NOT_A_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
};

/** Folders that hold only files that are never pages: Astro's assets. */
export const ASSET_FOLDERS = ['/_astro/'] as const;

/** The extensions of files that are documents able to script when opened, though used as images. */
export const SCRIPTABLE_IMAGE = /\.svgz?$/i;

/**
 * Folders whose file names carry a hash of their content: they never change, so they may be kept
 * for a year. Astro's assets, and the index parts of each Pagefind bundle (one a language:
 * `/pagefind/`, `/pagefind/en/`, see src/lib/search-bundles.ts).
 */
export function immutableFolders(searchBundles: readonly string[]): string[] {
  return [
    '/_astro/',
    ...searchBundles.flatMap((bundle) =>
      ['fragment/', 'index/', 'filter/'].map((part) => `${bundle}${part}`),
    ),
  ];
}

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** A capture's WARC, published beside its version (`…/surum/1.warc.gz`). */
export const WARC_FILE = /\.warc\.gz$/i;

/**
 * A WARC is evidence to download as it was captured: `application/warc` (ISO 28500), its gzip
 * part of the file and never a Content-Encoding, which a browser or client would undo, saving
 * bytes whose SHA-256 is not the one the provenance block lists.
 */
export const WARC_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/warc',
  'Content-Disposition': 'attachment',
};

/** Files whose media type their extension does not say (hosts would serve the OpenSearch description as plain XML); their XML names its encoding. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  [OPENSEARCH_ROUTE]: OPENSEARCH_TYPE,
};

/** The files written for hosts, which no host should serve. */
export const HOST_FILES = {
  headers: '_headers',
  redirects: '_redirects',
  nginx: '_nginx.conf',
} as const;

/** Old route → the address (under the base) it now lives at, as Astro's `redirects` hold them. */
export type Redirects = Readonly<Record<string, string>>;

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
}

/**
 * Netlify's and Cloudflare Pages' `_headers`; `searchBundles` are the routes of the search bundles
 * the build wrote, `scriptableImages` the routes of its SVG files outside `ASSET_FOLDERS`, `warcs`
 * the routes of its WARC files (these hosts match a path's end by no pattern, so each is named).
 */
export function netlifyHeaders(
  base: string,
  searchBundles: readonly string[],
  scriptableImages: readonly string[],
  warcs: readonly string[],
): string {
  // One block a path: these hosts join the values of a header that two blocks of one path set.
  const rules = new Map<string, Record<string, string>>([['/*', SECURITY_HEADERS]]);
  const add = (route: string, headers: Readonly<Record<string, string>>) =>
    rules.set(route, { ...rules.get(route), ...headers });
  for (const route of [...ASSET_FOLDERS.map((folder) => `${folder}*`), ...scriptableImages])
    add(route, NOT_A_PAGE_HEADERS);
  for (const folder of immutableFolders(searchBundles))
    add(`${folder}*`, { 'Cache-Control': IMMUTABLE_CACHE });
  for (const [route, type] of Object.entries(CONTENT_TYPES)) add(route, { 'Content-Type': type });
  for (const route of warcs) add(route, WARC_HEADERS);
  return [
    '# Response headers for hosts that read this file (Netlify, Cloudflare Pages); written by the build from src/lib/hosting.ts.',
    ...[...rules].flatMap(([route, headers]) => [joinBase(base, route), ...headerLines(headers)]),
    '',
  ].join('\n');
}

/** Netlify's and Cloudflare Pages' `_redirects`: real 301s, where the built redirect pages only refresh. */
export function netlifyRedirects(base: string, redirects: Redirects): string {
  return [
    "# Old addresses of renamed articles; written by the build from the articles' redirectFrom.",
    ...Object.entries(redirects).map(([from, to]) => `${joinBase(base, from)} ${to} 301`),
    '',
  ].join('\n');
}

/** An nginx value in double quotes, as its configuration syntax escapes them. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

function nginxHeaders(headers: Readonly<Record<string, string>>, indent: string): string[] {
  return Object.entries(headers).map(
    ([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`,
  );
}

/**
 * Rules to include in an nginx `server` block whose `root` holds the built site at the base path
 * (`root /srv/www;` with the site in `/srv/www/arsiv/` for `BASE_PATH=/arsiv/`). nginx drops a
 * server's `add_header` in any location that adds its own, so each location repeats the security headers.
 */
export function nginxServerRules(
  base: string,
  redirects: Redirects,
  searchBundles: readonly string[],
): string {
  const security = (indent: string) => nginxHeaders(SECURITY_HEADERS, indent);
  const escapedBase = base.replace(/[.]/g, '\\.');
  return [
    '# Haber Arşivi: rules for an nginx server block, written by the build from src/lib/hosting.ts.',
    '# Include them in a server whose root holds this folder at ' + base + ':',
    '#   server { listen 80; root /srv/www; include /srv/www' + base + HOST_FILES.nginx + '; }',
    'charset utf-8;',
    'charset_types text/css text/plain text/markdown text/xml application/javascript application/json application/xml application/rss+xml;',
    'gzip on;',
    'gzip_types text/css text/plain text/markdown application/javascript application/json application/xml application/rss+xml image/svg+xml application/wasm;',
    // Redirects nginx makes itself (a folder without its slash) keep the address relative, so they
    // work behind a proxy or on another port.
    'absolute_redirect off;',
    `error_page 404 ${joinBase(base, '/404.html')};`,
    '',
    `location ${base} {`,
    ...security('  '),
    '  index index.html;',
    // `/2025/10/28` is answered with a redirect to `/2025/10/28/` (the folder), the site's one spelling.
    '  try_files $uri $uri/ =404;',
    '}',
    `location ~ ^${escapedBase}.+\\.md$ {`,
    ...security('  '),
    '  default_type text/markdown;',
    '}',
    // `gzip off`: nginx would not compress this type, but no rule added later may either.
    `location ~* ^${escapedBase}.+${WARC_FILE.source} {`,
    ...security('  '),
    ...nginxHeaders({ 'Content-Disposition': WARC_HEADERS['Content-Disposition']! }, '  '),
    '  types { }',
    `  default_type ${WARC_HEADERS['Content-Type']};`,
    '  gzip off;',
    '}',
    `location ~* ^${escapedBase}.+${SCRIPTABLE_IMAGE.source} {`,
    ...security('  '),
    ...nginxHeaders(NOT_A_PAGE_HEADERS, '  '),
    '}',
    ...immutableFolders(searchBundles).flatMap((folder) => [
      `location ^~ ${joinBase(base, folder)} {`,
      ...security('  '),
      ...(ASSET_FOLDERS.some((assets) => assets === folder)
        ? nginxHeaders(NOT_A_PAGE_HEADERS, '  ')
        : []),
      `  add_header Cache-Control ${quoted(IMMUTABLE_CACHE)} always;`,
      '}',
    ]),
    // An empty `types` makes `default_type` the file's type, whatever its extension.
    ...Object.entries(CONTENT_TYPES).flatMap(([route, type]) => [
      `location = ${joinBase(base, route)} {`,
      ...security('  '),
      '  types { }',
      `  default_type ${quoted(type)};`,
      '}',
    ]),
    ...Object.values(HOST_FILES).map(
      (file) => `location = ${joinBase(base, `/${file}`)} { return 404; }`,
    ),
    ...Object.entries(redirects).flatMap(([from, to]) => {
      const path = joinBase(base, from);
      return [
        `location = ${path} { return 301 ${to}; }`,
        `location = ${path.replace(/\/$/, '')} { return 301 ${to}; }`,
      ];
    }),
    '',
  ].join('\n');
}
