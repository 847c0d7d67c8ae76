import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SEED_CAPTURE_FILE } from '../support/seed.ts';
import { buildSite, createFixtureSite, projectRoot, removeFixtureSite } from '../support/site.ts';

/**
 * The import's promises about what it writes ("writes nothing on any problem", "never
 * overwrites") under concurrency, a kill, a full disk, a file-size limit and a read-only archive:
 * real processes on real file systems (a small tmpfs, mounted as root, as CI runs).
 */

const run = promisify(execFile);
const IMPORT = join(projectRoot, 'scripts/import.ts');
const LEDGER = join(projectRoot, 'scripts/ledger.ts');
const TEMPORARY = /\.haber-arsivi-/;

let into: string;
let inputs: string;

beforeEach(async () => {
  into = await mkdtemp(join(tmpdir(), 'haber-arsivi-import-'));
  inputs = await mkdtemp(join(tmpdir(), 'haber-arsivi-inputs-'));
});
afterEach(async () => {
  await rm(into, { recursive: true, force: true });
  await rm(inputs, { recursive: true, force: true });
});

/** `npm run import` into `archive`, optionally under another command (`prlimit …`). */
async function importInto(archive: string, args: string[], under: string[] = []) {
  const [command, ...rest] = [...under, process.execPath, IMPORT, '--into', archive, ...args];
  try {
    const { stdout, stderr } = await run(command!, rest, { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** Every file and folder under `folder`, hidden ones too. */
async function everything(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).sort();
}

/** The seed as its publisher might have edited it, differently for each `mark`, with `extra` more text. */
async function editedSeed(mark: string, extra = '') {
  const seed = await readFile(SEED_CAPTURE_FILE, 'utf8');
  const path = join(inputs, `${mark}.txt`);
  await writeFile(
    path,
    `${seed.replace('dair garantilere ihtiyacımız var\n', `dair ${mark} istiyoruz\n`).trimEnd()}\n${extra}Lavrov, açıklamasını ${mark} yaptı.\n`,
  );
  return path;
}

/** A small tmpfs at a new folder, for `work`; unmounted after. Mounting needs root, as CI has. */
async function withTmpfs<T>(kib: number, work: (mount: string) => Promise<T>): Promise<T> {
  const mount = await mkdtemp(join(tmpdir(), 'haber-arsivi-tmpfs-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', mount]);
  try {
    return await work(mount);
  } finally {
    await run('umount', [mount]);
    await rm(mount, { recursive: true, force: true });
  }
}

describe('concurrent imports', () => {
  test('two changed captures of one article imported at the same moment become versions 2 and 3: none is lost', async () => {
    expect((await importInto(into, [SEED_CAPTURE_FILE])).code).toBe(0);
    const [first, second] = [await editedSeed('garanti'), await editedSeed('güvence')];
    const results = await Promise.all([importInto(into, [first]), importInto(into, [second])]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(results.map((result) => /version (\d) of/.exec(result.stdout)?.[1]).sort()).toEqual([
      '2',
      '3',
    ]);
    const files = (await everything(into)).filter((file) => file.endsWith('.md'));
    expect(files).toHaveLength(3);
    const versions = await Promise.all(
      files
        .filter((file) => /surum-\d\.md$/.test(file))
        .map((file) => readFile(join(into, file), 'utf8')),
    );
    expect(versions.some((text) => text.includes('açıklamasını garanti yaptı'))).toBe(true);
    expect(versions.some((text) => text.includes('açıklamasını güvence yaptı'))).toBe(true);
    expect((await everything(into)).filter((file) => TEMPORARY.test(file))).toEqual([]);
  });
});

describe('a batch is all or nothing', () => {
  test('an import of two files that fails writing the second leaves nothing, and names the file', async () => {
    const long = join(inputs, 'uzun.txt');
    await writeFile(
      long,
      `date 2025-10-29 https://haber.example/uzun\nUzun haber\nÖzet cümlesi. 29.10.2025, Deneme Ajansı\n${'Uzun bir cümle burada yazıldı. '.repeat(2000)}\n`,
    );
    // A file-size limit the seed's file is under and the long one over: the second write fails.
    const result = await importInto(into, [SEED_CAPTURE_FILE, long], ['prlimit', '--fsize=40000']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /\/2025\/10\/29-uzun-haber\.md: the file size limit was reached \(EFBIG\); nothing was written$/,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await everything(into)).toEqual([]);
  });

  test('a full disk gives one line naming the file, and leaves the archive as it was', async () => {
    await withTmpfs(1024, async (mount) => {
      const archive = join(mount, 'articles');
      expect((await importInto(archive, [SEED_CAPTURE_FILE])).code).toBe(0);
      const before = await everything(archive);
      // Fill the disk, then free two pages: room for the batch's journal, not for its text.
      const filler = join(mount, 'filler');
      await writeFile(filler, Buffer.alloc(2 * 1024 * 1024)).catch(() => undefined);
      const { size } = await stat(filler);
      await truncate(filler, size - 8192);
      const changed = await editedSeed('garanti', 'Uzun bir ek paragraf. '.repeat(2000));
      const result = await importInto(archive, [changed]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/\/surum-2\.md: the disk is full \(ENOSPC\); nothing was written$/),
      ]);
      expect(await everything(archive)).toEqual(before);
    });
  });

  test('a read-only archive is said to be read-only, not "ENOENT … mkdir", and nothing changes', async () => {
    await withTmpfs(1024, async (mount) => {
      const archive = join(mount, 'articles');
      expect((await importInto(archive, [SEED_CAPTURE_FILE])).code).toBe(0);
      const before = await everything(archive);
      await run('mount', ['-o', 'remount,ro', mount]);
      const result = await importInto(archive, [await editedSeed('garanti')]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(
        /articles: the file system is read-only \(EROFS\); nothing was written$/,
      );
      expect(result.stderr).not.toMatch(/ENOENT|^\s+at /m);
      expect(await everything(archive)).toEqual(before);
      // A new archive folder on it, too.
      const fresh = await importInto(join(mount, 'yeni'), [SEED_CAPTURE_FILE]);
      expect(fresh.stderr.trim()).toMatch(/yeni: the file system is read-only \(EROFS\)/);
      // The ledger command says so too, naming the file it could not create.
      const ledger = await run(process.execPath, [LEDGER, 'add', '--all', '--into', archive], {
        cwd: projectRoot,
      }).catch((error: { code: number; stderr: string }) => error);
      expect(ledger.stderr.trim()).toMatch(
        /ledger\.jsonl\.lock: the file system is read-only \(EROFS\); the ledger is unchanged$/,
      );
      expect(ledger.stderr).not.toMatch(/ledger failed|^\s+at /m);
    });
  });
});

describe('a killed import', () => {
  /** A page saved "complete" with many large photos, so that writing them takes a while. */
  async function pageWithPhotos(count: number) {
    await mkdir(join(inputs, 'page_files'));
    const figures: string[] = [];
    for (let n = 1; n <= count; n++) {
      // A JPEG's first bytes, then noise: enough to be taken for a photo and slow to write.
      await writeFile(
        join(inputs, 'page_files', `photo-${n}.jpg`),
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2 * 1024 * 1024)]),
      );
      figures.push(
        `<p>Paragraph ${n} of the article tells what happened at the harbour that morning, at length and in detail.</p><figure><img src="page_files/photo-${n}.jpg" alt="Photo ${n}"><figcaption>Caption ${n}</figcaption></figure>`,
      );
    }
    const page = join(inputs, 'page.html');
    await writeFile(
      page,
      `<!doctype html><html lang="en"><head><title>Harbour reopens after storm</title><meta name="description" content="The harbour reopened."><meta property="og:url" content="https://news.example/harbour"><meta property="og:site_name" content="News Example"><meta property="article:published_time" content="2025-01-02T10:00:00Z"></head><body><article><h1>Harbour reopens after storm</h1>${figures.join('')}</article></body></html>`,
    );
    return page;
  }

  test('SIGKILL mid-write leaves nothing the build or the next import trips over', async () => {
    const root = await createFixtureSite({});
    try {
      const archive = join(root, 'content/articles');
      expect((await importInto(archive, [SEED_CAPTURE_FILE])).code).toBe(0);
      const page = await pageWithPhotos(30);
      const child = spawn(process.execPath, [IMPORT, '--into', archive, page], {
        cwd: projectRoot,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const journal = join(archive, '.haber-arsivi-import-journal.json');
      while (!existsSync(journal) && child.exitCode === null) await sleep(2);
      child.kill('SIGKILL');
      await exited;
      const left = await everything(archive);
      // The run was cut short while writing: its journal and some of its files are there.
      expect(left).toContain('.haber-arsivi-import-journal.json');
      const build = await buildSite(root);
      expect(build.ok, build.output).toBe(true);
      expect(existsSync(join(root, 'dist/2025/01/02/harbour-reopens-after-storm'))).toBe(false);
      const again = await importInto(archive, [page]);
      expect(again.code, again.stderr).toBe(0);
      const after = await everything(archive);
      expect(after.filter((file) => TEMPORARY.test(file))).toEqual([]);
      expect(await readdir(join(archive, '2025/01/02-harbour-reopens-after-storm'))).toHaveLength(
        30,
      );
    } finally {
      await removeFixtureSite(root);
    }
  }, 300_000);
});
