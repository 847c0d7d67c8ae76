import { copyFile, glob, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  buildSite,
  createFixtureSite,
  enterInLedger,
  rebuildSite,
  removeFixtureSite,
} from '../support/site.ts';

const fixtures: string[] = [];
afterAll(async () => {
  await Promise.all(fixtures.map(removeFixtureSite));
});

const article = (title: string, day: string, tags: string[], url: string) =>
  `---\ntitle: "${title}"\ndescription: "${title} üzerine kısa özet."\npublishedAt: 2025-10-${day}\nsource:\n  name: Örnek Ajans\n  url: https://ornek.example/${url}\ntags: [${tags.join(', ')}]\n---\n\n${title} hakkında haberin metni.\n`;

/**
 * Newest first: spor, faiz, enflasyon (2025), butce (2024). The page of `faiz` links to `spor` and
 * `enflasyon` as its neighbours and to `enflasyon` and `butce` as related articles: `butce` is on
 * it only as related. Each change below touches one year's articles, and so one year's search
 * bundle; the other year's pages change around their indexed bodies only (neighbours, related).
 */
const ARTICLES: Record<string, string> = {
  '2025/10/10-spor.md': article('Derbi ertelendi', '10', ['Spor'], 'spor'),
  '2025/10/05-faiz.md': article('Faiz kararı açıklandı', '05', ['Ekonomi', 'Enflasyon'], 'faiz'),
  '2025/10/01-enflasyon.md': article(
    'Enflasyon verisi geldi',
    '01',
    ['Ekonomi', 'Enflasyon'],
    'enflasyon',
  ),
  '2024/09/01-butce.md': article('Bütçe görüşmeleri başladı', '01', ['Ekonomi'], 'butce').replace(
    '2025-10-01',
    '2024-09-01',
  ),
};

/** Every file a build wrote, with its bytes. */
async function filesOf(dist: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for await (const entry of glob('**/*', { cwd: dist, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        join(entry.parentPath, entry.name).slice(dist.length + 1),
        await readFile(join(entry.parentPath, entry.name)),
      );
  }
  return files;
}

/** The build of a new copy of the project holding only `articles` and the ledger of `ledgerOf`, with no cache of any earlier build. */
async function cleanBuild(
  articles: Record<string, string>,
  ledgerOf: string,
  env: Record<string, string> = {},
): Promise<Map<string, Buffer>> {
  const root = await createFixtureSite(articles);
  fixtures.push(root);
  // The same history, entry for entry: a ledger made anew would record its entries at other times.
  await copyFile(
    join(ledgerOf, 'content/articles/ledger.jsonl'),
    join(root, 'content/articles/ledger.jsonl'),
  );
  const result = await buildSite(root, join(root, 'dist'), env);
  expect(result.ok, result.output).toBe(true);
  return filesOf(join(root, 'dist'));
}

/** Paths whose bytes differ between two builds, or that only one of them wrote. */
function differences(rebuilt: Map<string, Buffer>, clean: Map<string, Buffer>): string[] {
  const paths = new Set([...rebuilt.keys(), ...clean.keys()]);
  return [...paths]
    .filter(
      (path) => !rebuilt.get(path)?.equals(clean.get(path) ?? Buffer.alloc(0)) || !clean.has(path),
    )
    .sort();
}

test("a rebuild after editing an article's tags, adding a version, adding and removing an article indexes one year again and leaves no stale file: every file is the clean build's, byte for byte", async () => {
  const root = await createFixtureSite(ARTICLES);
  fixtures.push(root);
  const articles = { ...ARTICLES };
  const first = await buildSite(root);
  expect(first.ok, first.output).toBe(true);
  const faizPage = join(root, 'dist/2025/10/05/faiz-karari-aciklandi/index.html');
  expect(await readFile(faizPage, 'utf8')).toContain('Bütçe görüşmeleri başladı');

  const steps: [string, () => Promise<void>][] = [
    // butce is on faiz's page only as a related article. What the keeper adds (tags) may be
    // edited in place; the captured text (title, lede, body) only by a new version (the ledger).
    [
      'an edited article',
      async () => {
        articles['2024/09/01-butce.md'] = articles['2024/09/01-butce.md']!.replace(
          'tags: [Ekonomi]',
          'tags: [Ekonomi, Bütçe]',
        );
        await writeFile(
          join(root, 'content/articles/2024/09/01-butce.md'),
          articles['2024/09/01-butce.md']!,
        );
      },
    ],
    // A later capture of butce: its pages and faiz's related list show the latest version.
    [
      'a new version of an article',
      async () => {
        const version = articles['2024/09/01-butce.md']!.replace(
          'title: "Bütçe görüşmeleri başladı"',
          'title: "Bütçe görüşmeleri yeniden ertelendi"',
        )
          .replace('publishedAt: 2024-09-01', 'publishedAt: 2024-09-01\narchivedAt: 2024-09-03')
          .replace(/^tags: .*\n/m, '');
        articles['2024/09/01-butce/surum-2.md'] = version;
        await mkdir(join(root, 'content/articles/2024/09/01-butce'));
        await writeFile(join(root, 'content/articles/2024/09/01-butce/surum-2.md'), version);
        await enterInLedger(root);
      },
    ],
    [
      'a new article',
      async () => {
        articles['2025/10/03-kur.md'] = article(
          'Kur yükseldi',
          '03',
          ['Ekonomi', 'Enflasyon'],
          'kur',
        );
        await writeFile(
          join(root, 'content/articles/2025/10/03-kur.md'),
          articles['2025/10/03-kur.md']!,
        );
        await enterInLedger(root);
      },
    ],
    [
      'a removed article',
      async () => {
        delete articles['2025/10/01-enflasyon.md'];
        await rm(join(root, 'content/articles/2025/10/01-enflasyon.md'));
      },
    ],
  ];
  for (const [change, apply] of steps) {
    await apply();
    const [rebuild, clean] = await Promise.all([rebuildSite(root), cleanBuild(articles, root)]);
    expect(rebuild.ok, rebuild.output).toBe(true);
    // The rebuild copied pages and a search bundle from the last build: without that, this test would prove nothing.
    expect(rebuild.output, change).toMatch(/\((cached|restored)\)/);
    expect(rebuild.output, change).toMatch(/2 bundles, 1 written, 1 unchanged/);
    expect(differences(await filesOf(join(root, 'dist')), clean), change).toEqual([]);
  }
  expect(await readFile(faizPage, 'utf8')).toContain('Bütçe görüşmeleri yeniden ertelendi');
}, 900_000);

test("in a year split into smaller bundles, a new article re-indexes its own bundle, and a year that outgrows the bound is split anew: every file is the clean build's", async () => {
  // Two articles a bundle at most: 2025's four are split into October (three, a quarter over the
  // bound) and the first quarter (one); 2024's two stay one bundle.
  const bound = { SEARCH_BUNDLE_ARTICLES: '2' };
  const dated = (title: string, day: string, url: string) =>
    article(title, '01', ['Ekonomi'], url).replace('2025-10-01', day);
  const articles: Record<string, string> = {
    '2025/10/10-spor.md': dated('Derbi ertelendi', '2025-10-10', 'spor'),
    '2025/10/05-faiz.md': dated('Faiz kararı açıklandı', '2025-10-05', 'faiz'),
    '2025/10/01-enflasyon.md': dated('Enflasyon verisi geldi', '2025-10-01', 'enflasyon'),
    '2025/03/01-liman.md': dated('Liman genişletildi', '2025-03-01', 'liman'),
    '2024/09/01-butce.md': dated('Bütçe görüşmeleri başladı', '2024-09-01', 'butce'),
    '2024/02/01-kira.md': dated('Kira artışı sınırlandı', '2024-02-01', 'kira'),
  };
  const root = await createFixtureSite(articles);
  fixtures.push(root);
  const first = await buildSite(root, join(root, 'dist'), bound);
  expect(first.ok, first.output).toBe(true);
  expect(first.output).toMatch(/3 bundles, 3 written, 0 unchanged/);
  const steps: [string, string, string, RegExp][] = [
    // November joins October's quarter, already split by month: November's bundle is new, the others are kept.
    ['2025/11/02-kur.md', 'Kur yükseldi', '2025-11-02', /4 bundles, 1 written, 3 unchanged/],
    // 2024 outgrows the bound: its one bundle becomes its first and third quarters, both new.
    ['2024/08/01-vergi.md', 'Vergi düzenlemesi', '2024-08-01', /5 bundles, 2 written, 3 unchanged/],
  ];
  for (const [file, title, day, bundles] of steps) {
    articles[file] = dated(title, day, file);
    await mkdir(join(root, 'content/articles', file, '..'), { recursive: true });
    await writeFile(join(root, 'content/articles', file), articles[file]);
    await enterInLedger(root);
    const rebuild = await rebuildSite(root, bound);
    expect(rebuild.ok, rebuild.output).toBe(true);
    expect(rebuild.output, file).toMatch(bundles);
    const clean = await cleanBuild(articles, root, bound);
    expect(differences(await filesOf(join(root, 'dist')), clean), file).toEqual([]);
  }
  const dist = await filesOf(join(root, 'dist'));
  const entries = [...dist.keys()].filter((path) => path.endsWith('pagefind-entry.json')).sort();
  expect(entries).toEqual(
    ['2024-q1', '2024-q3', '2025-10', '2025-11', '2025-q1'].map(
      (bundle) => `pagefind/tr/${bundle}/pagefind-entry.json`,
    ),
  );
}, 900_000);
