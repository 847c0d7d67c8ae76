import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, glob, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleSchema, permalink } from '../../src/lib/article.ts';
import { appendEntries, capturedText, ledgerLine, type LedgerEntry } from '../../src/lib/ledger.ts';
import { versionOfFile } from '../../src/lib/versions.ts';
import { SEED_ARTICLE_FILE } from '../support/seed.ts';
import {
  buildSite,
  createFixtureSite,
  projectRoot,
  removeFixtureSite,
  serveSite,
} from '../support/site.ts';

const run = promisify(execFile);
const SITE = 'https://arsiv.example';

/**
 * A fixture archive of real and hard material: the seed (real Sputnik Türkiye text), an article
 * with three versions, and the search fixtures (Turkish hard cases, English, Russian, hostile
 * markup, six publication years), entered in its ledger as a keeper would, built once; every
 * tamper case works on a copy of its `dist/` or of its ledger.
 */
let root: string;
let dist: string;
let files: Record<string, string>;
let ledgerText: string;
let entries: LedgerEntry[];
const scratch: string[] = [];

beforeAll(async () => {
  files = {};
  for (const folder of ['versions', 'search']) {
    const cwd = join(projectRoot, 'tests/fixtures', folder);
    for await (const file of glob('**/*.md', { cwd }))
      files[file] = await readFile(join(cwd, file), 'utf8');
  }
  files['2025/10/28-seed.md'] = await readFile(SEED_ARTICLE_FILE, 'utf8');
  root = await createFixtureSite(files);
  ledgerText = await readFile(join(root, 'content/articles/ledger.jsonl'), 'utf8');
  entries = ledgerText
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as LedgerEntry);
  const build = await buildSite(root, undefined, { SITE_URL: SITE });
  expect(build.ok, build.output).toBe(true);
  dist = join(root, 'dist');
}, 600_000);
afterAll(async () => {
  await Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true })));
  await removeFixtureSite(root);
});

/** `npm run verify -- …` as a reader would run it. */
async function verify(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(projectRoot, 'scripts/verify.ts'), ...args],
      { cwd: projectRoot },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** A copy of the built site to tamper with. */
async function distCopy(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'haber-arsivi-tampered-'));
  scratch.push(copy);
  await cp(dist, copy, { recursive: true });
  return copy;
}

const lines = () => ledgerText.trimEnd().split('\n');
const joined = (list: string[]) => `${list.join('\n')}\n`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every version file of the fixture with its permalink and number, as the files themselves say. */
function archivedVersions() {
  const chains = new Map<string, { file: string; number: number }[]>();
  for (const file of Object.keys(files)) {
    const { articleFile, number } = versionOfFile(file);
    chains.set(articleFile, [...(chains.get(articleFile) ?? []), { file, number }]);
  }
  return [...chains].flatMap(([articleFile, chain]) => {
    const first = articleSchema.parse(parseFrontmatter(files[articleFile]!).frontmatter);
    return chain.map(({ file, number }) => {
      const { frontmatter, content } = parseFrontmatter(files[file]!);
      const data = articleSchema.parse(frontmatter);
      return {
        file,
        permalink: permalink(first),
        number,
        count: chain.length,
        data,
        body: content,
      };
    });
  });
}

describe('the ledger', () => {
  test('holds every version of the archive once, numbered and linked, and is published byte for byte', async () => {
    const versions = archivedVersions();
    expect(entries).toHaveLength(versions.length);
    expect(entries.map((entry) => `${entry.permalink} ${entry.version}`).sort()).toEqual(
      versions.map((version) => `${version.permalink} ${version.number}`).sort(),
    );
    expect(await readFile(join(dist, 'defter.jsonl'), 'utf8')).toBe(ledgerText);
  });

  test('its head is in both feeds, and each version page names its own entry', async () => {
    const head = entries.at(-1)!;
    const feed = JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'));
    expect(feed._ledger).toEqual({
      count: entries.length,
      hash: head.hash,
      url: `${SITE}/defter.jsonl`,
    });
    expect(await readFile(join(dist, 'rss.xml'), 'utf8')).toContain(
      `<defter:head count="${entries.length}" href="${SITE}/defter.jsonl">${head.hash}</defter:head>`,
    );
    for (const entry of entries) {
      const versioned = entries.filter((other) => other.permalink === entry.permalink).length > 1;
      const page = await readFile(
        join(
          dist,
          versioned ? `${entry.permalink}surum/${entry.version}/` : entry.permalink,
          'index.html',
        ),
        'utf8',
      );
      expect(page).toContain(`defterin ${entry.seq}. kaydı`);
      expect(page).toContain(entry.hash);
    }
  });
});

describe('npm run verify', () => {
  test('an untampered dist/ verifies clean', async () => {
    const result = await verify(dist);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `${entries.length} entries linked, ${entries.length} of ${entries.length} texts as entered; head ${entries.length} ${entries.at(-1)!.hash}`,
    );
  });

  test('a copy served over HTTP on 127.0.0.1 verifies clean, and extends a head seen earlier', async () => {
    const server = await serveSite(root, dist);
    try {
      const result = await verify(`${server.url}/`, '--since', entries[2]!.hash);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`extends ${entries[2]!.hash}`);
    } finally {
      await server.stop();
    }
  });

  test('one word changed in an archived text is named by its address', async () => {
    const copy = await distCopy();
    const entry = entries.find((each) => each.version === 2)!;
    const file = join(copy, `${entry.permalink}surum/2.md`);
    const text = await readFile(file, 'utf8');
    const word = /\p{L}{5,}/u.exec(text.split('---\n\n')[1]!)![0];
    await writeFile(file, text.replace(word, `${word}x`));
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}: SHA-256 ${sha256(text.replace(word, `${word}x`))}, but ledger entry ${entry.seq} (version 2 of ${entry.permalink}) says ${entry.text}`,
    );
  });

  test('a text no longer served is named by its address', async () => {
    const copy = await distCopy();
    const entry = entries.find((each) => each.version === 3)!;
    await rm(join(copy, `${entry.permalink}surum/3.md`));
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`surum/3\\.md: not found \\(ledger entry ${entry.seq}, version 3 of `),
    );
  });

  test.each([
    [
      'a deleted entry',
      () => joined(lines().filter((_, index) => index !== 3)),
      /defter\.jsonl:4: is entry 5 where entry 4 belongs/,
    ],
    [
      'two entries swapped',
      () => {
        const list = lines();
        [list[4], list[5]] = [list[5]!, list[4]!];
        return joined(list);
      },
      /defter\.jsonl:5: is entry 6 where entry 5 belongs/,
    ],
    [
      'a truncated line',
      () => ledgerText.slice(0, -30),
      /defter\.jsonl:\d+: the last line is cut short/,
    ],
    [
      'a truncated line within',
      () => {
        const list = lines();
        list[2] = list[2]!.slice(0, 100);
        return joined(list);
      },
      /defter\.jsonl:3: is not a whole JSON object/,
    ],
  ])('%s: the ledger is refused, naming the line', async (_, tamper, message) => {
    const copy = await distCopy();
    await writeFile(join(copy, 'defter.jsonl'), tamper());
    const result = await verify(copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('history rewritten from entry N with every hash recomputed holds together, and is caught by --since an earlier head', async () => {
    const copy = await distCopy();
    const from = 4;
    const target = entries[from - 1]!;
    const versioned = entries.filter((other) => other.permalink === target.permalink).length > 1;
    const textFile = join(
      copy,
      versioned
        ? `${target.permalink}surum/${target.version}.md`
        : `${target.permalink.replace(/\/$/, '')}.md`,
    );
    const rewrittenText = `${(await readFile(textFile, 'utf8')).trimEnd()}\n\nSonradan eklenen cümle.\n`;
    await writeFile(textFile, rewrittenText);
    const rewritten = [
      ...entries.slice(0, from - 1),
      ...appendEntries(
        entries.slice(0, from - 1),
        entries
          .slice(from - 1)
          .map(({ permalink, version, capturedAt, recordedAt, text, warc }) => ({
            permalink,
            version,
            capturedAt,
            recordedAt,
            text:
              version === target.version && permalink === target.permalink
                ? sha256(rewrittenText)
                : text,
            warc,
          })),
      ),
    ];
    await writeFile(join(copy, 'defter.jsonl'), joined(rewritten.map(ledgerLine)));
    // Alone, a rewritten history is a history: that is what the head seen earlier is for.
    expect((await verify(copy)).code).toBe(0);
    const seen = entries[from]!.hash;
    const result = await verify(copy, '--since', seen);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `defter.jsonl: does not hold the head ${seen} seen before: its history was rewritten or cut`,
    );
    // A head from before the rewrite is still held.
    expect((await verify(copy, '--since', entries[from - 2]!.hash)).code).toBe(0);
  });

  test('bad arguments and an unreachable site get one line each, not a stack trace', async () => {
    for (const args of [[], ['--since', 'abc', dist], ['ftp://arsiv.example/']]) {
      const result = await verify(...args);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = await verify(join(tmpdir(), 'no-such-archive-folder'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /no-such-archive-folder.*defter\.jsonl: not found: no ledger to verify/,
    );
  });
});

describe('the dataset', () => {
  test('read back by a CSV parser and as JSON Lines: every version once, with its text, metadata and the right hashes', async () => {
    const versions = archivedVersions();
    const rows = parseCsv(await readFile(join(dist, 'veri/surumler.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const records: Record<string, unknown>[] = [];
    for await (const file of glob('veri/surumler-*.jsonl', { cwd: dist })) {
      const year = /(\d{4})/.exec(file)![1];
      for (const line of (await readFile(join(dist, file), 'utf8')).trimEnd().split('\n')) {
        const record = JSON.parse(line) as Record<string, unknown>;
        expect(String(record.published_at).slice(0, 4)).toBe(year);
        records.push(record);
      }
    }
    expect(rows).toHaveLength(versions.length);
    expect(records).toHaveLength(versions.length);
    for (const version of versions) {
      const url = `${SITE}${version.permalink}`;
      const row = rows.filter(
        (each) => each.permalink === url && each.version === String(version.number),
      );
      const record = records.filter(
        (each) => each.permalink === url && each.version === version.number,
      );
      expect(row, version.file).toHaveLength(1);
      expect(record, version.file).toHaveLength(1);
      const text = capturedText({
        title: version.data.title,
        description: version.data.description,
        body: version.body,
      });
      const entry = entries.find(
        (each) => each.permalink === version.permalink && each.version === version.number,
      )!;
      expect(row[0]).toMatchObject({
        title: version.data.title,
        description: version.data.description,
        source_url: version.data.source.url,
        lang: version.data.lang,
        authors: version.data.authors.join('; '),
        text_sha256: sha256(text),
        ledger_hash: entry.hash,
        ledger_seq: String(entry.seq),
      });
      expect(record[0]).toMatchObject({
        title: version.data.title,
        description: version.data.description,
        authors: version.data.authors,
        text_sha256: sha256(text),
        ledger_hash: entry.hash,
      });
      // The text in the dataset is the text hashed, and the Markdown address serves it.
      expect(
        sha256(
          capturedText({
            title: String(record[0]!.title),
            description: String(record[0]!.description),
            body: String(record[0]!.body),
          }),
        ),
      ).toBe(entry.text);
      const served = await readFile(
        join(dist, new URL(String(record[0]!.markdown_url)).pathname),
        'utf8',
      );
      expect(sha256(served)).toBe(entry.text);
    }
  });

  test('the Frictionless package states each file’s size and SHA-256, its schema and a licence', async () => {
    const datapackage = JSON.parse(await readFile(join(dist, 'veri/datapackage.json'), 'utf8'));
    expect(datapackage.licenses[0].name).toBeTruthy();
    const listed = datapackage.resources.map((resource: { path: string }) => resource.path).sort();
    const written = (await Array.fromAsync(glob('*', { cwd: join(dist, 'veri') })))
      .filter((file) => file !== 'datapackage.json')
      .sort();
    expect(listed).toEqual(written);
    for (const resource of datapackage.resources) {
      const bytes = await readFile(join(dist, 'veri', resource.path));
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(resource.schema.fields.map((field: { name: string }) => field.name)).toContain(
        'text_sha256',
      );
    }
    const header = (await readFile(join(dist, 'veri/surumler.csv'), 'utf8'))
      .split('\n')[0]!
      .split(',');
    expect(header).toEqual(
      datapackage.resources[0].schema.fields.map((field: { name: string }) => field.name),
    );
  });
});

describe('the build', () => {
  /** Builds the fixture with `change` applied to its files, then puts them back. */
  async function buildWith(change: () => Promise<() => Promise<void>>) {
    const restore = await change();
    try {
      return await buildSite(root, join(root, 'dist-tampered'));
    } finally {
      await restore();
    }
  }
  const articles = () => join(root, 'content/articles');
  const replaceIn = (file: string, replace: (text: string) => string) => async () => {
    const path = join(articles(), file);
    const original = await readFile(path, 'utf8');
    await writeFile(path, replace(original));
    return () => writeFile(path, original);
  };

  test('refuses an archived text changed by one word, a ledger that is not a continuation of itself, and an article not in it, naming the file', async () => {
    const edited = await buildWith(
      replaceIn('2025/10/28-seed.md', (text) =>
        text.replace('Rusya Dışişleri Bakanı', 'Rusya Dışişleri Bakanıı'),
      ),
    );
    expect(edited.ok).toBe(false);
    expect(edited.output).toMatch(
      /content\/articles\/2025\/10\/28-seed\.md is not the text entered in content\/articles\/ledger\.jsonl \(entry \d+, SHA-256 [0-9a-f]{64}; now [0-9a-f]{64}\): an archived text is never edited, a correction is a new version/,
    );

    const reordered = await buildWith(
      replaceIn('ledger.jsonl', () => {
        const list = lines();
        [list[0], list[1]] = [list[1]!, list[0]!];
        return joined(list);
      }),
    );
    expect(reordered.ok).toBe(false);
    expect(reordered.output).toContain(
      'content/articles/ledger.jsonl:1: is entry 2 where entry 1 belongs: an entry was removed, added or moved',
    );

    const unledgered = await buildWith(async () => {
      const path = join(articles(), '2025/12/01-yeni.md');
      const { mkdir } = await import('node:fs/promises');
      await mkdir(join(articles(), '2025/12'), { recursive: true });
      await writeFile(
        path,
        files['2025/10/28-seed.md']!.replace(/^title: .*$/m, 'title: "Elle eklenen haber"')
          .replace(/^publishedAt: .*$/m, 'publishedAt: 2025-12-01')
          .replace(/^( {2}url: .*)$/m, '$1-elle'),
      );
      return () => rm(path);
    });
    expect(unledgered.ok).toBe(false);
    expect(unledgered.output).toContain(
      'content/articles/2025/12/01-yeni.md is not in the ledger (content/articles/ledger.jsonl): enter it with "npm run ledger -- add content/articles/2025/12/01-yeni.md"',
    );
  }, 900_000);
});
