import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every HTML file of a built site, as paths relative to it. */
export async function htmlFiles(dist: string): Promise<string[]> {
  return (await Array.fromAsync(glob('**/*.html', { cwd: dist }))).sort();
}

export interface PagefindRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** What Pagefind 1.6 writes before a fragment's JSON, once gunzipped (its `fossick` writer). */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * The records of a Pagefind index as the browser receives them. The one place the tests read
 * Pagefind's private fragment format (gzipped JSON behind a signature): Pagefind has no public API
 * that reads an index outside a browser. Pinned with `pagefind` at an exact version; an upgrade
 * that changes the format fails here, naming the file, rather than in each test that reads
 * records.
 */
export async function pagefindRecords(dist: string): Promise<PagefindRecord[]> {
  const fragments = await Array.fromAsync(
    glob('pagefind/**/fragment/*.pf_fragment', { cwd: dist }),
  );
  return Promise.all(
    fragments.map(async (fragment) => {
      const text = gunzipSync(await readFile(join(dist, fragment))).toString('utf8');
      if (!text.startsWith(FRAGMENT_SIGNATURE))
        throw new Error(
          `${fragment}: not a Pagefind 1.6 fragment (no ${FRAGMENT_SIGNATURE} signature)`,
        );
      return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as PagefindRecord;
    }),
  );
}

/** The words of a text, for comparing texts whatever their punctuation, quotes and white space. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `part` stands in `whole`, word for word and in order. */
export function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0) return true;
  const joined = `\u0000${whole.join('\u0000')}\u0000`;
  return joined.includes(`\u0000${part.join('\u0000')}\u0000`);
}
