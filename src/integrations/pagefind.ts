import { glob, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { prepareForTurkishIndex } from '../lib/turkish-index.ts';

/** Pages read and prepared at once: enough to keep the disk busy, few enough to bound memory at 10,000 pages. */
const PAGES_AT_ONCE = 64;

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, so that
 * `astro build` alone yields a site whose search works. Each page with a `data-pagefind-body`
 * (the articles) is readied for Turkish matching (see `prepareForTurkishIndex`) into a staging
 * folder laid out like the site, which Pagefind then reads itself: handing it 10,000 pages over
 * its pipe one by one took three times as long as its own parallel reading.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'haber-arsivi:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const staging = await mkdtemp(join(tmpdir(), 'haber-arsivi-pagefind-'));
        try {
          const files = await Array.fromAsync(glob('**/*.html', { cwd: site }));
          let pages = 0;
          for (let start = 0; start < files.length; start += PAGES_AT_ONCE) {
            const prepared = await Promise.all(files.slice(start, start + PAGES_AT_ONCE).map((file) => stage(site, staging, file)));
            pages += prepared.filter(Boolean).length;
          }
          const { index, errors } = await createIndex();
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: staging });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          if (added.page_count !== pages) throw new Error(`Pagefind indexed ${added.page_count} of ${pages} articles`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${pages} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await close();
          await rm(staging, { recursive: true, force: true });
        }
      },
    },
  };
}

/** Copies one built page, readied for the index, into the staging folder; false for a page with nothing to index. */
async function stage(site: string, staging: string, file: string): Promise<boolean> {
  const prepared = prepareForTurkishIndex(await readFile(join(site, file), 'utf8'));
  if (prepared === undefined) return false;
  await mkdir(dirname(join(staging, file)), { recursive: true });
  await writeFile(join(staging, file), prepared);
  return true;
}
