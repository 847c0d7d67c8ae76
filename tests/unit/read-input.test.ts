import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readInput } from '../../scripts/import/read-input.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-read-input-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** `text` in windows-1254: the bytes WHATWG's own decoder reads back as it. */
function windows1254(text: string): Buffer {
  const decoder = new TextDecoder('windows-1254');
  const bytes = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) bytes.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((character) => bytes.get(character)!));
}

const PAGE = '<!doctype html><meta charset="windows-1254"><title>Işık ve İzmir’in ağaçları</title>';

test('a saved page is read in the charset it declares, as a browser opens it', async () => {
  const file = join(folder, 'sayfa.html');
  await writeFile(file, windows1254(PAGE));
  expect(await readInput(file, { page: true })).toBe(PAGE);
});

test('any other file is UTF-8, whatever it says: the same bytes as Markdown are refused', async () => {
  const file = join(folder, 'metin.md');
  await writeFile(file, windows1254(PAGE));
  await expect(readInput(file)).rejects.toThrow(/^is not UTF-8 text/);
});

test('a page saved as UTF-8 that kept its old declaration is read as UTF-8', async () => {
  const file = join(folder, 'utf8.html');
  await writeFile(file, PAGE);
  expect(await readInput(file, { page: true })).toBe(PAGE);
});

test('a page whose bytes are not the charset it declares, or that declares none known, is refused by name', async () => {
  const wrong = join(folder, 'yanlis.html');
  await writeFile(wrong, Buffer.from('<meta charset="utf-8"><title>\xfe</title>', 'latin1'));
  await expect(readInput(wrong, { page: true })).rejects.toThrow(
    /^is not valid utf-8 text, as it declares$/,
  );
  const unknown = join(folder, 'bilinmeyen.html');
  await writeFile(unknown, windows1254('<meta charset="x-kodlama"><title>Başlık</title>'));
  await expect(readInput(unknown, { page: true })).rejects.toThrow(
    'declares the charset "x-kodlama", which is not one this tool reads',
  );
});
