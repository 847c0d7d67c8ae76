import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { keepPagefindMemory } from '../../src/integrations/pagefind-memory.ts';
import { random } from '../../scripts/bench/synthetic-archive.ts';

/**
 * The allocator setting the build gives Pagefind's service (src/integrations/pagefind-memory.ts),
 * tried on Pagefind itself: the same pages indexed by a service started with it, which still holds
 * what it freed once the index is deleted, and by one told to hand freed pages back at once, which
 * does not (so the setting is read). Fails when the service no longer honours it, or when it
 * changes a byte of what Pagefind writes.
 */
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-memory-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** 150 pages of 400 words drawn from 20,000: enough for the index's building to free and allocate a lot. */
const next = random(20);
const PAGES = Array.from({ length: 150 }, () =>
  Array.from({ length: 400 }, () => `söz${Math.floor(next() * next() * 20_000)}`).join(' '),
);

/** What the Pagefind service this process started holds in memory now, and held at most, in kB (proc(5)). */
function pagefindMemory(): { now: number; peak: number } {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    let status: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue; // gone since listed
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (command.startsWith('pagefind') && parent === process.pid)
      return {
        now: Number(/VmRSS:\s+(\d+)/.exec(status)![1]),
        peak: Number(/VmHWM:\s+(\d+)/.exec(status)![1]),
      };
  }
  throw new Error('no Pagefind service started by this process');
}

/** Indexes the pages into `into` with a service of its own, and gives what it held once the index was deleted and what it wrote. */
async function indexWith(
  into: string,
): Promise<{ memory: ReturnType<typeof pagefindMemory>; files: Map<string, Buffer> }> {
  try {
    const { index } = await createIndex({ forceLanguage: 'tr' });
    if (!index) throw new Error('Pagefind did not create an index');
    for (const [number, content] of PAGES.entries())
      await index.addCustomRecord({ url: `/${number}/`, content, language: 'tr' });
    await index.writeFiles({ outputPath: join(folder, into) });
    await index.deleteIndex();
    const memory = pagefindMemory();
    const files = new Map<string, Buffer>();
    for (const file of await readdir(join(folder, into), { recursive: true, withFileTypes: true }))
      if (file.isFile()) {
        const path = join(file.parentPath, file.name);
        files.set(path.slice(join(folder, into).length), await readFile(path));
      }
    return { memory, files };
  } finally {
    await close();
  }
}

test('a Pagefind service told to keep the pages it frees keeps them, and writes the same bytes', async () => {
  const before = process.env['_RJEM_MALLOC_CONF'];
  process.env['_RJEM_MALLOC_CONF'] = 'dirty_decay_ms:0,muzzy_decay_ms:0';
  let handedBack: Awaited<ReturnType<typeof indexWith>>;
  try {
    handedBack = await indexWith('handed-back');
  } finally {
    if (before === undefined) delete process.env['_RJEM_MALLOC_CONF'];
    else process.env['_RJEM_MALLOC_CONF'] = before;
  }
  const restore = keepPagefindMemory();
  let kept: Awaited<ReturnType<typeof indexWith>>;
  try {
    kept = await indexWith('kept');
  } finally {
    restore();
  }
  expect(handedBack.memory.now).toBeLessThan(kept.memory.now * 0.5);
  expect(kept.memory.now).toBeGreaterThan(kept.memory.peak * 0.8);
  expect([...kept.files.keys()].sort()).toEqual([...handedBack.files.keys()].sort());
  for (const [path, bytes] of handedBack.files) expect(kept.files.get(path)).toEqual(bytes);
  expect(process.env['_RJEM_MALLOC_CONF']).toBeUndefined();
}, 300_000);
