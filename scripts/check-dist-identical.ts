/**
 * Proves that a refactor changed nothing a reader gets: builds the archive as committed and the
 * tests' fixture archives, one build at a time, and either saves their `dist/` or compares them
 * file by file with a saved copy.
 *
 *   node scripts/check-dist-identical.ts save /tmp/before      (on the code before the change)
 *   node scripts/check-dist-identical.ts compare /tmp/before   (on the code after it)
 *
 * `compare` names every file added, missing or changed and exits 1 if there is one. Fixture
 * ledgers are entered at a fixed moment, so that two builds of the same code are byte-identical.
 */
import { readFileSync } from 'node:fs';
import { cp, glob, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { recordCaptures } from './ledger/record.ts';
import { SEED_ARTICLE_FILE } from '../tests/support/seed.ts';
import {
  buildSite,
  createFixtureSite,
  projectRoot,
  removeFixtureSite,
} from '../tests/support/site.ts';

/** When the fixtures' ledgers say their versions were entered: any fixed moment after their captures. */
const ENTERED = new Date('2025-12-01T00:00:00Z');
const SEED =
  '2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md';
/** A 1 × 1 PNG, for the lead image an article with a photo gives its link previews. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PHOTO_ARTICLE = `---
title: "Limanda sabah"
description: "İskelede bekleyen ılık bir sabah."
publishedAt: 2025-10-29
source:
  name: Örnek Ajans
  url: https://ornek.example/haber/liman
---

Iğdır'dan gelen gemi İzmir limanına yanaştı.

![Limanın fotoğrafı](./29-liman/liman.png "Sabah limanı")
`;

interface Archive {
  /** The folder under the saved copy. */
  name: string;
  /** Files under content/articles: text, or bytes. */
  files(): Promise<Record<string, string | Buffer>>;
  env?: Record<string, string>;
}

async function filesUnder(
  folder: string,
  pattern = '**/*',
): Promise<Record<string, string | Buffer>> {
  const files: Record<string, string | Buffer> = {};
  for await (const entry of glob(pattern, { cwd: folder, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name).slice(folder.length + 1);
      files[path] = await readFile(join(folder, path));
    }
  return files;
}

const seed = () => ({ [SEED]: readFileSync(SEED_ARTICLE_FILE, 'utf8') });
const versions = async () => ({
  ...seed(),
  ...(await filesUnder(join(projectRoot, 'tests/fixtures/versions'), '**/*.md')),
});

const ARCHIVES: Archive[] = [
  // As committed, with the committed ledger.
  { name: 'committed', files: () => filesUnder(join(projectRoot, 'content/articles')) },
  {
    name: 'search',
    files: async () => ({
      ...seed(),
      ...(await filesUnder(join(projectRoot, 'tests/fixtures/search'), '*.md')),
    }),
  },
  { name: 'versions', files: versions },
  {
    name: 'versions-base',
    files: versions,
    env: { BASE_PATH: '/arsiv/', SITE_URL: 'https://arsiv.example.org' },
  },
  {
    name: 'photo',
    files: async () => ({
      ...seed(),
      '2025/10/29-liman.md': PHOTO_ARTICLE,
      '2025/10/29-liman/liman.png': PNG,
    }),
  },
];

async function build(archive: Archive, outDir: string): Promise<void> {
  const root = await createFixtureSite({});
  try {
    const articles = join(root, 'content/articles');
    const files = await archive.files();
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(articles, path)), { recursive: true });
      await writeFile(join(articles, path), content);
    }
    if (!('ledger.jsonl' in files)) await recordCaptures(articles, 'all', ENTERED);
    await rm(outDir, { recursive: true, force: true });
    const result = await buildSite(root, join(root, 'dist'), archive.env);
    if (!result.ok) throw new Error(`${archive.name}: the build failed:\n${result.output}`);
    await cp(join(root, 'dist'), outDir, { recursive: true });
  } finally {
    await removeFixtureSite(root);
  }
}

/** The files that differ between two built sites, each with how. */
async function differences(before: string, after: string): Promise<string[]> {
  const [old, now] = await Promise.all([filesUnder(before), filesUnder(after)]);
  const found: string[] = [];
  for (const path of Object.keys(old).sort()) {
    if (!(path in now)) found.push(`missing: ${path}`);
    else if (!(old[path] as Buffer).equals(now[path] as Buffer)) found.push(`changed: ${path}`);
  }
  for (const path of Object.keys(now).sort()) if (!(path in old)) found.push(`added: ${path}`);
  return found;
}

const {
  positionals: [mode, saved],
} = parseArgs({ allowPositionals: true });
if ((mode !== 'save' && mode !== 'compare') || !saved) {
  console.error('usage: node scripts/check-dist-identical.ts save|compare DIR');
  process.exit(2);
}
let different = false;
for (const archive of ARCHIVES) {
  const target = join(saved, mode === 'save' ? archive.name : `${archive.name}.after`);
  const started = performance.now();
  await build(archive, target);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (mode === 'save') {
    console.log(`${archive.name}: saved in ${target} (built in ${seconds} s)`);
    continue;
  }
  const found = await differences(join(saved, archive.name), target);
  console.log(`${archive.name}: ${found.length} files differ (built in ${seconds} s)`);
  for (const line of found) console.log(`  ${line}`);
  different ||= found.length > 0;
}
process.exitCode = different ? 1 : 0;
