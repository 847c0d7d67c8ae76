import { judgeFallback } from './fallback-match.ts';
import { exactKey } from './exact-forms.ts';
import type { LanguageBundles } from './search-bundles.ts';

/**
 * The word directory: which search bundles (search-bundles.ts) hold each word, so that a query
 * loads and asks only the bundles that can answer it.
 *
 * The build writes, beside the bundles, a list of shards and one small JSON file (a shard) for every two-letter start
 * of the words it indexed (folded: `ılık` and `ilik` are in one): each word's exact forms
 * (exact-forms.ts, one a spelling), with the bundles that hold it and on how many pages, and how
 * many pages each bundle has. The search page fetches the shard of each query word before any
 * bundle.
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

/** The directory's list of its shards (their letters, sorted): read first, so that a shard no word has is never asked for, and a site with no directory (a dev server before any build) is told from a word no bundle has. */
export const SHARD_LIST_FILE = 'shards.json';

/** A bundle as the directory names it: `tr/2025`, `tr/2025-q4` (its language and period, as in `bundleRoute`). */
export type BundleId = string;

/** One shard as written: the bundles it names, sorted, with their pages, and for each exact form, sorted, pairs of (index in `bundles`, pages). */
export interface Shard {
  bundles: BundleId[];
  pages: number[];
  words: Record<string, number[]>;
}

/** A bundle's part of the directory: how many pages it has, and how many of them have each exact form. */
export interface BundleWords {
  pages: number;
  forms: ReadonlyMap<string, number>;
}

/** The text an exact form stands for: `0lavrov0` → `lavrov`. */
export function formText(form: string): string {
  return form.slice(1, -1);
}

/** The shard that holds a word (an exact form's text, or a query word): its first letters, folded. */
export function shardOf(word: string): string {
  return [...exactKey(word)].slice(0, SHARD_PREFIX_LENGTH).join('');
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
export function writeDirectory(bundles: ReadonlyMap<BundleId, BundleWords>): Map<string, string> {
  const shards = new Map<string, Map<string, [BundleId, number][]>>();
  for (const [bundle, { forms }] of bundles) {
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
    const written: Shard = {
      bundles: named,
      pages: named.map((id) => bundles.get(id)!.pages),
      words: {},
    };
    for (const form of [...words.keys()].sort(byCodeUnit))
      written.words[form] = words
        .get(form)!
        .map(([id, pages]) => [index.get(id)!, pages] as const)
        .sort(([a], [b]) => a - b)
        .flat();
    files.set(shardFile(shard), JSON.stringify(written));
  }
  files.set(SHARD_LIST_FILE, JSON.stringify([...shards.keys()].sort(byCodeUnit)));
  return files;
}

/** What a shard says of one query word. */
export interface WordInDirectory {
  /** The bundles that can answer it, each with the pages that have a word that passed (at most: a page with two is counted twice). */
  bundles: Map<BundleId, number>;
  /** The pages of each of those bundles that surely have one: those of its most frequent form that passed (at least). */
  least: Map<BundleId, number>;
  /** Likewise of its spellings alone (`spellings`), the forms whose pages rank first (search-ranking.ts). */
  spelled: Map<BundleId, number>;
  /** Its exact forms, one a spelling that folds to it (`0ilik0`, `0ılık0`), each with the bundles that hold it. */
  spellings: Map<string, Set<BundleId>>;
  /** The pages of each bundle the shard names. */
  pages: Map<BundleId, number>;
}

/** What a shard says of `word` (as typed); `languageOf` reads a bundle's language. */
export function lookUpWord(
  shard: Shard | undefined,
  word: string,
  languageOf: (bundle: BundleId) => string,
): WordInDirectory {
  const found: WordInDirectory = {
    bundles: new Map(),
    least: new Map(),
    spelled: new Map(),
    spellings: new Map(),
    pages: new Map(),
  };
  if (!shard) return found;
  shard.bundles.forEach((bundle, at) => found.pages.set(bundle, shard.pages[at]!));
  const key = exactKey(word);
  for (const [form, holders] of Object.entries(shard.words)) {
    const text = formText(form);
    const spelling = exactKey(text) === key;
    const passes = new Map<string, boolean>();
    for (let at = 0; at < holders.length; at += 2) {
      const bundle = shard.bundles[holders[at]!]!;
      const language = languageOf(bundle);
      let passed = passes.get(language);
      if (passed === undefined)
        passes.set(
          language,
          (passed = spelling || judgeFallback(word, [text], language).kind !== 'unrelated'),
        );
      if (!passed) continue;
      const pages = holders[at + 1]!;
      found.bundles.set(bundle, (found.bundles.get(bundle) ?? 0) + pages);
      found.least.set(bundle, Math.max(found.least.get(bundle) ?? 0, pages));
      if (!spelling) continue;
      found.spelled.set(bundle, Math.max(found.spelled.get(bundle) ?? 0, pages));
      let holding = found.spellings.get(form);
      if (!holding) found.spellings.set(form, (holding = new Set()));
      holding.add(bundle);
    }
  }
  return found;
}

/** What the directory says of a query: the bundles that can answer it all, with what it says of each word, or the first word no bundle can answer. */
export type Answering =
  | { kind: 'bundles'; bundles: LanguageBundles; words: WordInDirectory[] }
  | { kind: 'missing'; word: string };

/**
 * Keeps the bundles of `bundles` that can answer every word of the query, in their order, from
 * the shard of each word (`shards[i]` is that of `words[i]`, undefined where none is written).
 */
export function answeringBundles(
  words: readonly string[],
  shards: readonly (Shard | undefined)[],
  bundles: LanguageBundles,
): Answering {
  const languageOf = (bundle: BundleId) => bundle.split('/')[0]!;
  let answering: Set<BundleId> | undefined;
  const found: WordInDirectory[] = [];
  for (const [index, word] of words.entries()) {
    const inShard = lookUpWord(shards[index], word, languageOf);
    if (inShard.bundles.size === 0) return { kind: 'missing', word };
    found.push(inShard);
    answering = new Set(
      [...inShard.bundles.keys()].filter((bundle) => answering?.has(bundle) ?? true),
    );
  }
  return {
    kind: 'bundles',
    words: found,
    bundles: Object.fromEntries(
      Object.entries(bundles).map(([language, periods]) => [
        language,
        periods.filter((period) => answering?.has(`${language}/${period}`) ?? true),
      ]),
    ),
  };
}

/** Pagefind's inverse document frequency (pagefind_web/src/search.rs), by which it weighs a word. */
function idf(pages: number, having: number): number {
  return Math.log((pages - having + 0.5) / (having + 0.5) + 1);
}

/**
 * What a score from the bundle `bundle` is multiplied by to be comparable with another bundle's:
 * each Pagefind bundle weighs a word by how rare it is in that bundle, so a word rare in one year
 * (or part of one) and common in another weighs more in the first. The factor puts the archive's weights (its pages
 * and those with the word, from the word directory) in place of the bundle's. 1 when the directory
 * cannot tell.
 */
export function scoreFactor(
  bundle: string,
  words: readonly (WordInDirectory | undefined)[],
  archivePages: number,
): number {
  let bundleWeight = 0;
  let archiveWeight = 0;
  for (const word of words) {
    const pages = word?.pages.get(bundle);
    if (!word || pages === undefined) return 1;
    const having = (found: number, total: number) => Math.min(Math.max(found, 1), total);
    bundleWeight += idf(pages, having(word.bundles.get(bundle) ?? 0, pages));
    const everywhere = [...word.bundles.values()].reduce((sum, count) => sum + count, 0);
    archiveWeight += idf(archivePages, having(everywhere, archivePages));
  }
  return bundleWeight > 0 ? archiveWeight / bundleWeight : 1;
}
