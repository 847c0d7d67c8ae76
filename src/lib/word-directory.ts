import { judgeFallback } from './fallback-match.ts';
import { exactKey } from './exact-forms.ts';

/**
 * The word directory: which search bundles (search-bundles.ts) hold each word, so that a query
 * loads and asks only the bundles that can answer it.
 *
 * The build writes, beside the bundles, one small JSON file (a shard) for every two-letter start
 * of the words it indexed: each word's exact form (exact-forms.ts), with the bundles that hold it
 * and on how many pages. The search page fetches the shard of each query word before any bundle.
 *
 * Exact forms, not Pagefind's stems: the page cannot stem a query without Pagefind's WebAssembly,
 * which it would have to load from a bundle first. It needs no stem: a bundle's results for a
 * word are shown only if the bundle has the word as typed or its matched words pass the fallback
 * rule (fallback-match.ts: the query word starts one of them, or shares at least three letters
 * with one and the rest is what a stem can carry), and that rule reads the article's own words,
 * all of which stand here. So the bundles whose words pass the rule are all the bundles that can
 * answer; a word no bundle's word passes it for is "not found" before any bundle is loaded.
 */

/** Letters a shard is named by: two keep each shard a few KB at 10,000 articles (BENCHMARKS.md), and a query word's every candidate in one shard (the rule needs three shared letters). */
export const SHARD_PREFIX_LENGTH = 2;

/** The route of the directory's folder, beside the bundles, to be put under the base with `href`. */
export const DIRECTORY_ROUTE = '/pagefind/words/';

/** A bundle as the directory names it: `tr/2025` (its language and year, as in `bundleRoute`). */
export type BundleId = string;

/** One shard as written: the bundles it names, sorted, and for each word, sorted, pairs of (index in `bundles`, pages). */
export interface Shard {
  bundles: BundleId[];
  words: Record<string, number[]>;
}

/** The text an exact form stands for: `0lavrov0` → `lavrov`. */
export function formText(form: string): string {
  return form.slice(1, -1);
}

/** The shard that holds a word (an exact form's text, or a query word's `exactKey`): its first letters. */
export function shardOf(text: string): string {
  return [...text].slice(0, SHARD_PREFIX_LENGTH).join('');
}

/** A shard's file name: its letters' UTF-8 bytes in hex (`ka` → `6b61.json`), safe in any path whatever the script. */
export function shardFile(shard: string): string {
  const hex = Array.from(new TextEncoder().encode(shard), (byte) =>
    byte.toString(16).padStart(2, '0'),
  );
  return `${hex.join('')}.json`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The directory's files, by file name, from each bundle's exact forms and how many of its pages
 * have each: the same input gives the same bytes (bundles and words sorted, no whitespace).
 */
export function writeDirectory(
  bundles: ReadonlyMap<BundleId, ReadonlyMap<string, number>>,
): Map<string, string> {
  const shards = new Map<string, Map<string, [BundleId, number][]>>();
  for (const [bundle, forms] of bundles) {
    for (const [form, pages] of forms) {
      const shard = shardOf(formText(form));
      let words = shards.get(shard);
      if (!words) shards.set(shard, (words = new Map()));
      let holders = words.get(form);
      if (!holders) words.set(form, (holders = []));
      holders.push([bundle, pages]);
    }
  }
  const files = new Map<string, string>();
  for (const shard of [...shards.keys()].sort(byCodeUnit)) {
    const words = shards.get(shard)!;
    const named = [
      ...new Set([...words.values()].flatMap((holders) => holders.map(([id]) => id))),
    ].sort(byCodeUnit);
    const index = new Map(named.map((id, at) => [id, at]));
    const written: Shard = { bundles: named, words: {} };
    for (const form of [...words.keys()].sort(byCodeUnit))
      written.words[form] = words
        .get(form)!
        .map(([id, pages]) => [index.get(id)!, pages] as const)
        .sort(([a], [b]) => a - b)
        .flat();
    files.set(shardFile(shard), JSON.stringify(written));
  }
  return files;
}

/** The bundles a shard says can answer `word` (as typed), each with the pages that have one of the words that passed; `languageOf` reads a bundle's language. */
export function bundlesFor(
  shard: Shard | undefined,
  word: string,
  languageOf: (bundle: BundleId) => string,
): Map<BundleId, number> {
  const found = new Map<BundleId, number>();
  if (!shard) return found;
  const key = exactKey(word);
  for (const [form, holders] of Object.entries(shard.words)) {
    const text = formText(form);
    const passes = new Map<string, boolean>();
    for (let at = 0; at < holders.length; at += 2) {
      const bundle = shard.bundles[holders[at]!]!;
      const language = languageOf(bundle);
      let passed = passes.get(language);
      if (passed === undefined)
        passes.set(
          language,
          (passed = text === key || judgeFallback(word, [text], language).kind !== 'unrelated'),
        );
      if (passed) found.set(bundle, (found.get(bundle) ?? 0) + holders[at + 1]!);
    }
  }
  return found;
}
