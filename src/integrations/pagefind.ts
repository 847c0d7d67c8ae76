import { glob, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { close, createIndex } from 'pagefind';
import { prepareForTurkishIndex } from '../lib/turkish-index.ts';

const PAGES_IN_FLIGHT = 8;

/** `2025/10/28/slug/index.html` → `/2025/10/28/slug/`, as the site serves it. */
function urlOf(file: string): string {
  const path = file.split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/')}`;
}

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, so that
 * `astro build` alone yields a site whose search works. Each page with a `data-pagefind-body`
 * (the articles) is readied for Turkish matching first; see `prepareForTurkishIndex`.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'haber-arsivi:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex();
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          // Pages are parsed here while Pagefind indexes the ones before: a few in flight keep both busy.
          const inFlight = new Set<Promise<void>>();
          let pages = 0;
          for await (const file of glob('**/*.html', { cwd: site })) {
            const html = await readFile(join(site, file), 'utf8');
            if (!html.includes('data-pagefind-body')) continue;
            const tree = fromHtml(html);
            if (!prepareForTurkishIndex(tree)) continue;
            const adding: Promise<void> = index.addHTMLFile({ url: urlOf(file), content: toHtml(tree) }).then((added) => {
              if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
              inFlight.delete(adding);
            });
            // A failed page stays in the set, so the next wait below throws its error.
            adding.catch(() => {});
            inFlight.add(adding);
            if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
            pages++;
          }
          await Promise.all(inFlight);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${pages} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await close();
        }
      },
    },
  };
}
