import { glob, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { prepareForTurkishIndex } from '../lib/turkish-index.ts';
import { bundleRoute, orderLanguages, searchLanguage } from '../lib/search-languages.ts';

/** Pages read and prepared at once: enough to keep the disk busy, few enough to bound memory at 10,000 pages. */
const PAGES_AT_ONCE = 64;

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, so that
 * `astro build` alone yields a site whose search works. Each page with a `data-pagefind-body`
 * (the articles) is readied for Turkish matching (see `prepareForTurkishIndex`) into a staging
 * folder laid out like the site, which Pagefind then reads itself: handing it 10,000 pages over
 * its pipe one by one took three times as long as its own parallel reading.
 *
 * Each language gets its own folder in the staging area and its own bundle
 * (search-languages.ts), indexed with that language's stemmer; the interface's language first,
 * as it is written to the folder that holds the others.
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
          const pages = new Map<string, number>();
          for (let start = 0; start < files.length; start += PAGES_AT_ONCE) {
            const staged = await Promise.all(files.slice(start, start + PAGES_AT_ONCE).map((file) => stage(site, staging, file)));
            for (const language of staged) if (language !== undefined) pages.set(language, (pages.get(language) ?? 0) + 1);
          }
          const languages = orderLanguages(pages.keys());
          for (const language of languages) await writeBundle(join(staging, language), join(site, bundleRoute(language)), language, pages.get(language)!);
          const total = [...pages.values()].reduce((sum, count) => sum + count, 0);
          logger.info(`indexed ${total} articles (${languages.join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await close();
          await rm(staging, { recursive: true, force: true });
        }
      },
    },
  };
}

/** Copies one built page, readied for the index, into its language's staging folder; returns that language, or undefined for a page with nothing to index. */
async function stage(site: string, staging: string, file: string): Promise<string | undefined> {
  const prepared = prepareForTurkishIndex(await readFile(join(site, file), 'utf8'));
  if (prepared === undefined) return undefined;
  const language = searchLanguage(prepared.language);
  const target = join(staging, language, file);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, prepared.html);
  return language;
}

/** Indexes one language's staged pages with its own stemmer into its bundle. */
async function writeBundle(staged: string, outputPath: string, language: string, pages: number): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: staged });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the ${language} articles: ${added.errors.join('; ')}`);
  if (added.page_count !== pages) throw new Error(`Pagefind indexed ${added.page_count} of ${pages} ${language} articles`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its ${language} index: ${written.errors.join('; ')}`);
}
