import {
  copyFile,
  glob,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createIndex } from 'pagefind';
import { sha256 } from '../lib/provenance.ts';
import { useIndexChunkSize } from './pagefind-chunk-size.ts';
import { keepPagefindMemory } from './pagefind-memory.ts';
import { slimFragments } from './pagefind-fragments.ts';
import { exactFormsOfPrepared, prepareForTurkishIndex } from '../lib/turkish-index.ts';
import {
  DIRECTORY_ROUTE,
  writeDirectory,
  type BundleId,
  type BundleWords,
} from '../lib/word-directory.ts';
import {
  bundleOfDay,
  bundleRoute,
  INDEX_CHUNK_SIZE,
  newestFirst,
  orderLanguages,
  searchLanguage,
  splitIntoBundles,
} from '../lib/search-bundles.ts';

/** Pages read and prepared at once: enough to keep the disk busy, few enough to bound memory at any archive size. */
const PAGES_AT_ONCE = 64;

/** What the last build indexed, kept in Astro's cache folder beside the bundles it wrote. */
interface IndexedPages {
  /** The digest of the code that readies pages for the index (`codeDigest`): when it changes, nothing is reused. */
  code: string;
  /** For each built page with an indexed body: the digests of its HTML and of what Pagefind was given of it, and what names its bundle. */
  pages: Record<string, IndexedPage>;
}

interface IndexedPage {
  /** The digest of the built page. */
  page: string;
  /** The digest of what Pagefind is given of it (`prepareForTurkishIndex`). */
  indexed: string;
  language: string;
  year: string;
  /** Its day of publication (`YYYY-MM-DD`), which names its bundle's period (search-bundles.ts). */
  day: string;
}

interface Bundle {
  language: string;
  /** A year, a quarter or a month (`splitIntoBundles`). */
  period: string;
  /** The pages in it, by their path in the built site, with the digests of what Pagefind is given of them. */
  pages: Map<string, string>;
  /** Those that were not readied in this build (their HTML is unchanged): to be readied if the bundle is indexed again. */
  unstaged: string[];
}

/** Kept beside a bundle, for the word directory: its pages, and which of them have each exact form (`forms`: `[form, ordinals][]`, sorted; BundleWords). */
const WORDS_FILE = 'words.json';

const PAGEFIND_INTERFACE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it, so that
 * `astro build` alone yields a site whose search works: one bundle a language and year, or part
 * of a year when the year holds more than `bundleArticles` of the language's articles
 * (search-bundles.ts). Each page with a `data-pagefind-body` (the articles) is readied for
 * Turkish matching (see `prepareForTurkishIndex`) into a staging folder laid out like the site,
 * which Pagefind then reads itself: handing it 10,000 pages over its pipe one by one took three
 * times as long as its own parallel reading.
 *
 * A rebuild indexes only the bundles whose pages changed: each bundle Pagefind writes is kept in
 * Astro's cache folder under a key of everything it was made from (what it was given of each
 * page, the code that readies them, Pagefind's version and settings), and linked into the site
 * from there when the key is unchanged. Pages whose HTML is unchanged are not readied again
 * either: readying every page took 38 s of a 5-minute build at 10,000 articles.
 */
export function pagefind({ bundleArticles }: { bundleArticles: number }): AstroIntegration {
  let root = '';
  let cacheFolder = '';
  return {
    name: 'haber-arsivi:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheFolder = join(fileURLToPath(config.cacheDir), 'pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const code = await codeDigest(root);
        const last = await readIndexedPages(cacheFolder, code);
        const staging = await mkdtemp(join(tmpdir(), 'haber-arsivi-pagefind-'));
        const restoreMemory = keepPagefindMemory();
        const closeIndexing = useIndexChunkSize(INDEX_CHUNK_SIZE);
        try {
          const indexed: IndexedPages = { code, pages: {} };
          const unstaged = new Set<string>();
          const files = await Array.fromAsync(glob('**/*.html', { cwd: site }));
          for (let start = 0; start < files.length; start += PAGES_AT_ONCE) {
            const read = await Promise.all(
              files
                .slice(start, start + PAGES_AT_ONCE)
                .map((file) => readPage(site, staging, file, last)),
            );
            for (const page of read) {
              if (!page) continue;
              const { file, staged, ...known } = page;
              indexed.pages[file] = known;
              if (!staged) unstaged.add(file);
            }
          }
          // A year's split follows from its own articles' days, as the search page's does (src/data/search-bundles.ts).
          const periods = splitIntoBundles(Object.values(indexed.pages), bundleArticles);
          const bundles = new Map<string, Bundle>();
          const moved: Promise<void>[] = [];
          for (const [file, page] of Object.entries(indexed.pages)) {
            const period = bundleOfDay(periods[page.language]!, page.day)!;
            const key = `${page.language}/${period}`;
            let bundle = bundles.get(key);
            if (!bundle)
              bundles.set(
                key,
                (bundle = { language: page.language, period, pages: new Map(), unstaged: [] }),
              );
            bundle.pages.set(file, page.indexed);
            if (unstaged.has(file)) bundle.unstaged.push(file);
            // Staged in its year's folder before the split was known: into its part's.
            else if (period !== page.year)
              moved.push(
                moveStaged(
                  stagedPath(staging, page.language, page.year, file),
                  stagedPath(staging, page.language, period, file),
                ),
              );
          }
          await Promise.all(moved);
          const languages = orderLanguages(Object.keys(periods));
          const ordered = [...bundles.values()].sort(
            (a, b) =>
              languages.indexOf(a.language) - languages.indexOf(b.language) ||
              newestFirst(a.period, b.period),
          );
          const reindexed: string[] = [];
          const directory = new Map<BundleId, BundleWords>();
          // Pagefind indexes a bundle while Node slims and keeps the one before: the two work at once.
          let finishing: Promise<void> = Promise.resolve();
          for (const bundle of ordered) {
            const key = sha256(
              [
                code,
                INDEX_CHUNK_SIZE,
                bundle.language,
                bundle.period,
                ...[...bundle.pages].sort(([a], [b]) => a.localeCompare(b)).flat(),
              ].join('\n'),
            );
            const kept = join(cacheFolder, 'bundles', bundle.language, bundle.period);
            const stale =
              (await readFile(join(kept, 'key'), 'utf8').catch(() => undefined)) !== key;
            const [, forms] = await settled(
              finishing,
              stale ? indexBundle(site, staging, bundle, kept) : undefined,
            );
            if (forms) reindexed.push(`${bundle.language} ${bundle.period}`);
            finishing = (async () => {
              if (forms) await keepBundle(bundle, kept, key, forms);
              await linkTree(
                join(kept, 'pagefind'),
                join(site, bundleRoute(bundle.language, bundle.period)),
              );
              const words = JSON.parse(await readFile(join(kept, WORDS_FILE), 'utf8')) as {
                pages: number;
                forms: [string, number[]][];
              };
              directory.set(`${bundle.language}/${bundle.period}`, {
                pages: words.pages,
                forms: new Map(words.forms),
              });
            })();
            // Awaited with the next bundle's indexing, or after the last: a failure in between is not left unhandled.
            finishing.catch(() => undefined);
          }
          await finishing;
          await writeWordDirectory(site, directory);
          await removeUnbuiltBundles(cacheFolder, bundles);
          await writeAtomically(join(cacheFolder, 'pages.json'), JSON.stringify(indexed));
          const reused = bundles.size - reindexed.length;
          logger.info(
            `indexed ${Object.keys(indexed.pages).length} articles (${languages.join(', ')}; ${bundles.size} bundles, ${reindexed.length} written, ${reused} unchanged) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        } finally {
          await closeIndexing();
          restoreMemory();
          await rm(staging, { recursive: true, force: true });
        }
      },
    },
  };
}

/**
 * The digest of the code that decides what Pagefind is given, how it indexes it and what of its
 * output is kept: Pagefind's version, this integration, the file that slims its fragments and the
 * pure library it readies pages with. All of `src/lib` is
 * taken, rather than the modules the readying imports today, so that no new import can slip past
 * it; a change elsewhere there only costs a full indexing.
 */
async function codeDigest(root: string): Promise<string> {
  const files = (await Array.fromAsync(glob('src/lib/**/*.ts', { cwd: root })))
    .sort()
    .map((file) => join(root, file));
  const sources = await Promise.all(
    [
      join(root, 'node_modules/pagefind/package.json'),
      fileURLToPath(import.meta.url),
      join(root, 'src/integrations/pagefind-fragments.ts'),
      ...files,
    ].map((file) => readFile(file, 'utf8')),
  );
  return sha256(sources.join('\0'));
}

async function readIndexedPages(cacheFolder: string, code: string): Promise<IndexedPages['pages']> {
  await mkdir(cacheFolder, { recursive: true });
  try {
    const last = JSON.parse(
      await readFile(join(cacheFolder, 'pages.json'), 'utf8'),
    ) as IndexedPages;
    return last.code === code ? last.pages : {};
  } catch {
    return {};
  }
}

/** Where a page readied for Pagefind is written: its bundle's folder (its year's, until a split year's part is known) in the staging area, laid out like the site. */
const stagedPath = (staging: string, language: string, period: string, file: string) =>
  join(staging, language, period, file);

async function stage(target: string, html: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, html);
}

async function moveStaged(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
}

/**
 * A built page with an indexed body, with its digests and its bundle: read from the last build's
 * record when its HTML is unchanged. A page whose HTML changed is readied again, into the staging
 * area, and its bundle is indexed again only if what Pagefind is given of it changed too: a new
 * article changes its neighbours' pages, but not their indexed bodies.
 */
async function readPage(
  site: string,
  staging: string,
  file: string,
  last: IndexedPages['pages'],
): Promise<(IndexedPage & { file: string; staged: boolean }) | undefined> {
  const html = await readFile(join(site, file), 'utf8');
  if (!html.includes('data-pagefind-body')) return undefined;
  const page = sha256(html);
  const known = last[file];
  if (known?.page === page) return { file, staged: false, ...known };
  const prepared = prepareForTurkishIndex(html);
  if (!prepared) return undefined;
  if (!prepared.year)
    throw new Error(
      `${file}: an indexed page needs a year filter (data-pagefind-filter="year:…"), which names its search bundle`,
    );
  if (!prepared.day || prepared.day.slice(0, 4) !== prepared.year)
    throw new Error(
      `${file}: an indexed page needs a day filter in its year (data-pagefind-filter="day:${prepared.year}-…"), which names its search bundle in a split year`,
    );
  const language = searchLanguage(prepared.language);
  await stage(stagedPath(staging, language, prepared.year, file), prepared.html);
  return {
    file,
    staged: true,
    page,
    indexed: sha256(prepared.html),
    language,
    year: prepared.year,
    day: prepared.day,
  };
}

/** Readies the bundle's pages not readied yet, and indexes them all with their language's stemmer into `${kept}.new`; gives which of its pages have each exact form (`countForms`). */
async function indexBundle(
  site: string,
  staging: string,
  bundle: Bundle,
  kept: string,
): Promise<Map<string, number[]>> {
  const staged = (file: string) => stagedPath(staging, bundle.language, bundle.period, file);
  for (let start = 0; start < bundle.unstaged.length; start += PAGES_AT_ONCE) {
    await Promise.all(
      bundle.unstaged.slice(start, start + PAGES_AT_ONCE).map(async (file) => {
        const prepared = prepareForTurkishIndex(await readFile(join(site, file), 'utf8'))!;
        await stage(staged(file), prepared.html);
      }),
    );
  }
  // Counted while Pagefind indexes the same staged pages.
  const [, forms] = await settled(
    writeIndex(join(staging, bundle.language, bundle.period), bundle, `${kept}.new`),
    countForms([...bundle.pages.keys()].sort().map(staged)),
  );
  return forms;
}

/** Each exact form's pages, by their ordinals in the order given (their paths'): the word directory's page sets. */
async function countForms(staged: string[]): Promise<Map<string, number[]>> {
  const forms = new Map<string, number[]>();
  for (let start = 0; start < staged.length; start += PAGES_AT_ONCE) {
    const pages = await Promise.all(
      staged.slice(start, start + PAGES_AT_ONCE).map((file) => readFile(file, 'utf8')),
    );
    for (const [offset, html] of pages.entries())
      for (const form of exactFormsOfPrepared(html)) {
        const ordinals = forms.get(form);
        if (ordinals) ordinals.push(start + offset);
        else forms.set(form, [start + offset]);
      }
  }
  return forms;
}

/** Pagefind's part of a bundle: its staged pages indexed and written into `fresh`, and its index let go. */
async function writeIndex(folder: string, bundle: Bundle, fresh: string): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: bundle.language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const name = `the ${bundle.language} articles of ${bundle.period}`;
  const added = await index.addDirectory({ path: folder });
  if (added.errors.length > 0)
    throw new Error(`Pagefind could not index ${name}: ${added.errors.join('; ')}`);
  if (added.page_count !== bundle.pages.size)
    throw new Error(`Pagefind indexed ${added.page_count} of ${bundle.pages.size} of ${name}`);
  await rm(fresh, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: join(fresh, 'pagefind') });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write the index of ${name}: ${written.errors.join('; ')}`);
  // Pagefind holds an index in memory until it is deleted: one bundle's at a time.
  await index.deleteIndex();
}

/** Node's part of a bundle Pagefind wrote beside the kept one: slimmed, its words listed, and put in the kept one's place, so that a build stopped halfway leaves no half bundle under a valid key. */
async function keepBundle(
  bundle: Bundle,
  kept: string,
  key: string,
  forms: Map<string, number[]>,
): Promise<void> {
  const fresh = `${kept}.new`;
  // Pagefind's own search interfaces, which the search page does not use: 0.4 MB and 7 files a bundle.
  await Promise.all(PAGEFIND_INTERFACE_FILES.map((file) => rm(join(fresh, 'pagefind', file))));
  // The exact forms out of the results (pagefind-fragments.ts): kept so, a reused bundle is slim too.
  await slimFragments(join(fresh, 'pagefind'));
  await writeFile(
    join(fresh, WORDS_FILE),
    JSON.stringify({
      pages: bundle.pages.size,
      forms: [...forms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    }),
  );
  await writeFile(join(fresh, 'key'), key);
  await rm(kept, { recursive: true, force: true });
  await rename(fresh, kept);
}

/** Awaits two tasks that run at once, and throws the first one's error, if any, once neither is running. */
async function settled<A, B>(a: A | Promise<A>, b: B | Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

/**
 * Puts a kept bundle into the built site as hard links: copying a year's thousands of small files
 * took longer than indexing it. Nothing writes into a bundle once it is kept; a site on another
 * disk than the cache gets copies.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  // A folder is listed before what it holds.
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    if (entry.isDirectory()) await mkdir(target, { recursive: true });
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** Writes the word directory (word-directory.ts) beside the bundles, in place of the last build's. */
async function writeWordDirectory(
  site: string,
  bundles: Map<BundleId, BundleWords>,
): Promise<void> {
  const folder = join(site, DIRECTORY_ROUTE);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const [file, text] of writeDirectory(bundles)) await writeFile(join(folder, file), text);
}

/** Forgets the kept bundles of languages and periods the archive no longer has (a year since split, a quarter since merged). */
async function removeUnbuiltBundles(
  cacheFolder: string,
  bundles: Map<string, Bundle>,
): Promise<void> {
  for await (const key of glob('bundles/*/*', { cwd: cacheFolder })) {
    const [, language, period] = key.split('/');
    if (!bundles.has(`${language}/${period}`))
      await rm(join(cacheFolder, key), { recursive: true, force: true });
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.new`, text);
  await rename(`${file}.new`, file);
}
