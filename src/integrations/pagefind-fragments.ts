/**
 * The one file that rewrites what Pagefind wrote: each result fragment of a bundle, once indexed,
 * keeps the article's text and the spelling variants but not the exact forms that close its record
 * (`slimRecord` in src/lib/turkish-index.ts). Pagefind has no option for words that are indexed
 * and not shown: every word it indexes is written into the fragment a result loads.
 *
 * What this relies on, as Pagefind 1.6.0 writes and reads fragments (pinned: `pagefind` at an
 * exact version in package.json; tests/e2e/pagefind-fragments.test.ts fails when it changes):
 * - a fragment is `fragment/{name}.pf_fragment`, gzip of the signature `pagefind_dcd` and the JSON
 *   of one record, `{url, content, word_count, filters, meta, anchors}`;
 * - `content` is the record's words in the order they were indexed, so that a search's matched
 *   positions index its words;
 * - the browser's code gunzips a fragment, checks the signature and parses the JSON, and never
 *   checks it against its name, a digest of what Pagefind wrote: the slim record is made from the
 *   whole one alone, so the name still names one content, and a host may keep it a year;
 * - Pagefind 1.6 can also write several records in one fragment (a group, `{name: record}`); it
 *   writes none for these pages, and a group stops the build here rather than pass unslimmed.
 */
import { glob, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { slimRecord } from '../lib/turkish-index.ts';

/** What Pagefind writes before a fragment's JSON, inside the gzip. */
const SIGNATURE = 'pagefind_dcd';
const gunzip = promisify(gunzipCallback);
const gzip = promisify(gzipCallback);
/** Fragments rewritten at once: enough to keep zlib's thread pool busy, few enough to bound memory. */
const FRAGMENTS_AT_ONCE = 32;
const RECORD_FIELDS = ['anchors', 'content', 'filters', 'meta', 'url', 'word_count'].join();

interface PagefindRecord {
  content: string;
  meta: Record<string, string>;
}

/**
 * Rewrites every fragment of the bundle Pagefind wrote into `folder` (its `pagefind` folder) as its
 * slim record; throws, naming the fragment, on one not in the format above. The same fragment gives
 * the same bytes (Node's gzip writes no time or name in its header).
 */
export async function slimFragments(folder: string): Promise<void> {
  const files = await Array.fromAsync(glob('fragment/*.pf_fragment', { cwd: folder }));
  // Several at once, so that zlib's threads inflate and deflate while the main thread rewrites the JSON.
  for (let start = 0; start < files.length; start += FRAGMENTS_AT_ONCE)
    await Promise.all(
      files.slice(start, start + FRAGMENTS_AT_ONCE).map((file) => slimFragment(folder, file)),
    );
}

async function slimFragment(folder: string, file: string): Promise<void> {
  const path = join(folder, file);
  const record = await readRecord(await readFile(path), file);
  let slim: ReturnType<typeof slimRecord>;
  try {
    slim = slimRecord(record.content, record.meta);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
  // At zlib's default level: Pagefind's best level made no slim fragment smaller, and took longer.
  await writeFile(path, await gzip(SIGNATURE + JSON.stringify({ ...record, ...slim })));
}

async function readRecord(bytes: Buffer, file: string): Promise<PagefindRecord> {
  const problem = (what: string) =>
    new Error(`${file}: not a Pagefind 1.6 fragment of one record (${what})`);
  let text: string;
  try {
    text = (await gunzip(bytes)).toString('utf8');
  } catch {
    throw problem('not gzip');
  }
  if (!text.startsWith(SIGNATURE)) throw problem(`no ${SIGNATURE} signature`);
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(text.slice(SIGNATURE.length)) as Record<string, unknown>;
  } catch {
    throw problem('not JSON');
  }
  const fields = Object.keys(record).sort().join();
  if (fields !== RECORD_FIELDS) throw problem(`fields ${fields}, not ${RECORD_FIELDS}`);
  if (typeof record['content'] !== 'string') throw problem('no text content');
  return record as unknown as PagefindRecord;
}
