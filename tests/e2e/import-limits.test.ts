import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SEED_CAPTURE_FILE } from '../support/seed.ts';
import { projectRoot } from '../support/site.ts';

/**
 * Inputs inside the import's limits that used to hang it or slip past them, generated here at
 * sizes where the old code ran for minutes (the test's timeout catches a quadratic coming back),
 * and inputs in an encoding the import must name.
 */

const IMPORT = join(projectRoot, 'scripts/import.ts');
const run = promisify(execFile);

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

/** `npm run import` into the scratch archive, with `stdin` written to its standard input. */
function importFiles(args: string[], stdin?: (input: NodeJS.WritableStream) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [IMPORT, '--into', into, ...args], {
      cwd: projectRoot,
      stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    // The import stops reading at the limit: what it does not read is no error of the test's.
    child.stdin?.on('error', () => undefined);
    if (stdin && child.stdin) stdin(child.stdin);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const written = async () => (await readdir(into, { recursive: true })).sort();

/** Ten MiB of a capture, written in pieces as a pipe would carry it. */
function tenMebibytes(input: NodeJS.WritableStream) {
  const line = `${'Uzun bir haber cümlesi burada yazıldı. '.repeat(100)}\n`;
  let left = 10 * 1024 * 1024;
  input.write('date 2025-10-28 https://haber.example/buyuk\nBaşlık\nÖzet.\n');
  const more = () => {
    while (left > 0) {
      left -= Buffer.byteLength(line);
      if (!input.write(line)) return void input.once('drain', more);
    }
    input.end();
  };
  more();
}

describe('hangs inside the limits', () => {
  test('a one-paragraph capture of 1 MiB is split into its paragraphs and imported', async () => {
    const sentences = 'Bakan açıklama yaptı. Ankara’da toplantı sürüyor. '.repeat(20_000);
    const capture = join(inputs, 'tek-paragraf.txt');
    await writeFile(
      capture,
      `date 2025-10-28 https://haber.example/tek\nTek paragraf\nÖzet. 28.10.2025, Deneme Ajansı\n${sentences}Son cümle.Yeni paragraf burada.\n`,
    );
    const result = await importFiles([capture]);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(join(into, '2025/10/28-tek-paragraf.md'), 'utf8');
    expect(text).toMatch(/ Son cümle\.\n\nYeni paragraf burada\.\n$/);
  }, 180_000);

  test.each([
    ['1.1 MB', 220_000],
    ['220 KB', 44_000],
  ])(
    'a page of %s of nested markup is refused before it is read, with the limit and the line',
    async (_, depth) => {
      const page = join(inputs, 'derin.html');
      await writeFile(
        page,
        `<!doctype html>\n<html lang="tr"><head><title>Derin</title></head>\n<body>\n${'<div>'.repeat(depth)}Metin.</body></html>\n`,
      );
      const result = await importFiles([page]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'derin.html: is HTML nested more than 256 elements deep (at line 4)',
      );
      expect(result.stderr).not.toMatch(/^\s+at |Maximum call stack/m);
      expect(await written()).toEqual([]);
    },
    180_000,
  );

  test('the 5 MiB limit holds for a capture piped to /dev/stdin', async () => {
    const result = await importFiles(['/dev/stdin'], tenMebibytes);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/dev/stdin: is more than the 5 MiB an article can be');
    expect(await written()).toEqual([]);
  });

  test('the 5 MiB limit holds for a named pipe (FIFO)', async () => {
    const fifo = join(inputs, 'boru');
    await run('mkfifo', [fifo]);
    const importing = importFiles([fifo]);
    tenMebibytes(createWriteStream(fifo).on('error', () => undefined));
    const result = await importing;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('boru: is more than the 5 MiB an article can be');
    expect(await written()).toEqual([]);
  });
});

describe('an input in UTF-16 is named as such, with how to convert it', () => {
  const seed = async () => readFile(SEED_CAPTURE_FILE, 'utf8');
  test.each([
    ['with a byte order mark', async () => Buffer.from(`\uFEFF${await seed()}`, 'utf16le')],
    ['little-endian, without one', async () => Buffer.from(await seed(), 'utf16le')],
    ['big-endian, without one', async () => Buffer.from(await seed(), 'utf16le').swap16()],
  ])('%s', async (_, bytes) => {
    const file = join(inputs, 'utf16.txt');
    await writeFile(file, await bytes());
    const result = await importFiles([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'utf16.txt: is UTF-16 text, not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8',
    );
    expect(result.stderr).not.toContain('binary');
    expect(await written()).toEqual([]);
  });
});
