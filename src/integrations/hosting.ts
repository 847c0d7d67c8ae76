import { existsSync } from 'node:fs';
import { glob, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sirv from 'sirv';
import { PLACEHOLDER_SITE } from '../lib/deployment.ts';
import {
  ASSET_FOLDERS,
  HOST_FILES,
  SCRIPTABLE_IMAGE,
  WARC_FILE,
  netlifyHeaders,
  netlifyRedirects,
  nginxServerRules,
  type Redirects,
} from '../lib/hosting.ts';
import { joinBase } from '../lib/urls.ts';

/**
 * What the archive needs from where it runs:
 * - a production build without `SITE_URL` says once that its absolute links name a placeholder;
 * - `astro build` writes the files hosts read (`_headers`, `_redirects`, an nginx include), under the base path;
 * - `astro dev` serves the search index of the last build, since Pagefind indexes built pages only.
 */
export function hosting(): AstroIntegration {
  let base = '/';
  let outDir = '';
  let publicDir = '';
  let redirects: Redirects = {};
  let building = false;
  return {
    name: 'haber-arsivi:hosting',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        redirects = Object.fromEntries(
          Object.entries(config.redirects).map(([from, to]) => [
            from,
            typeof to === 'string' ? to : to.destination,
          ]),
        );
        if (building && new URL(config.site ?? PLACEHOLDER_SITE).origin === PLACEHOLDER_SITE) {
          logger.warn(
            `SITE_URL is not set, so canonical links, feeds, sitemaps, JSON-LD and citations name ${PLACEHOLDER_SITE}. ` +
              'Set it to the address the archive is published at, e.g. SITE_URL=https://arsiv.example.org npm run build',
          );
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const index = join(outDir, 'pagefind');
        if (!existsSync(index))
          logger.warn(
            'no search index yet: run `npm run build` once, and the dev server serves its index',
          );
        // sirv reads the folder at each request, so a build made while the dev server runs is served at once.
        server.middlewares.use(joinBase(base, '/pagefind'), sirv(index, { dev: true }));
      },
      'astro:build:done': async ({ dir, assets }) => {
        const site = fileURLToPath(dir);
        // The search bundles Pagefind wrote (this integration runs after it), one a language.
        const searchBundles = (
          await Array.fromAsync(glob('pagefind/**/pagefind.js', { cwd: site }))
        )
          .map((file) => `/${dirname(file)}/`)
          .sort();
        // Every SVG outside Astro's assets (the favicon): `_headers` names each. Only `public/`
        // can bring one, as the build refuses articles' SVGs (src/markdown/image-file.ts); reading
        // it, not the built site, spares a walk over every file of a large archive.
        const scriptableImages = (await Array.fromAsync(glob('**/*', { cwd: publicDir })))
          .map((file) => `/${file}`)
          .filter(
            (route) =>
              SCRIPTABLE_IMAGE.test(route) &&
              !ASSET_FOLDERS.some((folder) => route.startsWith(folder)),
          )
          .sort();
        // Every WARC, named too: from the build's own list of the files it wrote, with no walk either.
        const warcs = [...assets.values()]
          .flat()
          .map((file) => `/${relative(site, fileURLToPath(file))}`)
          .filter((route) => WARC_FILE.test(route))
          .sort();
        await writeFile(
          join(site, HOST_FILES.headers),
          netlifyHeaders(base, searchBundles, scriptableImages, warcs),
        );
        await writeFile(join(site, HOST_FILES.redirects), netlifyRedirects(base, redirects));
        await writeFile(
          join(site, HOST_FILES.nginx),
          nginxServerRules(base, redirects, searchBundles),
        );
      },
    },
  };
}
