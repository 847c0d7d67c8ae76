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
 *
 * Beside the shards, the page sets: for each exact form, which pages of each bundle have it, in
 * parts of three letters (`PagesPart`). A query of two or more words reads the parts of its
 * words' passing forms, and so learns how many pages of each bundle have every word
 * (`pagesTogether`): a bundle with none is not asked, and the tiers (search-plan.ts) count the
 * pages that have them all, where counting each word's pages cannot tell two words common alone
 * and rare together from two that fall together.
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

/** A bundle's part of the directory: how many pages it has, and which of them have each exact form. */
export interface BundleWords {
  pages: number;
  /** Each exact form with its pages: their ordinals in the bundle's fixed order of pages (its pages' paths, sorted), ascending. */
  forms: ReadonlyMap<string, readonly number[]>;
}

/**
 * Letters a part of the page sets is named by. A query word's passing forms (fallback-match.ts)
 * share its first two letters and, but for a stem's softened last consonant (`kitap` for
 * `kitabı`), its third: a word needs one part, rarely two, where its shard holds every word of
 * its two letters.
 */
export const PART_PREFIX_LENGTH = 3;

/**
 * One part of the page sets as written: each exact form of the part, sorted, with its pages in
 * each bundle that holds it (`encodePages`), in the order its shard lists those bundles. Read only
 * for a query of two or more words, so that a one-word query fetches what it did before.
 */
export type PagesPart = Record<string, string[]>;

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

/** The part of the page sets that holds an exact form: its first letters, folded as a shard's. */
export function partOf(form: string): string {
  return [...exactKey(formText(form))].slice(0, PART_PREFIX_LENGTH).join('');
}

/** A part's file name, beside the shards': `6b6162.pages.json` for `kab`. */
export function partFile(part: string): string {
  return shardFile(part).replace(/\.json$/, '.pages.json');
}

/*
 * Page sets are written by hand rather than with a compressed-bitmap library (Roaring and the
 * like ship tens of KB of code or WebAssembly to the page, for sets of at most a bundle's ≈ 1,000
 * pages): each set is its ordinals' gaps, each gap in base-64 digits of five bits, the sixth bit
 * saying that more digits follow. A form on consecutive pages is a run of `A`, which gzip
 * shrinks to almost nothing; a form on one page is one or two characters.
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MORE = 32;

/** A bundle's pages (ordinals, ascending) as written in a part of the page sets. */
export function encodePages(pages: readonly number[]): string {
  let written = '';
  let last = -1;
  for (const page of pages) {
    let gap = page - last - 1;
    last = page;
    while (gap >= MORE) {
      written += DIGITS[MORE | (gap % MORE)];
      gap = Math.floor(gap / MORE);
    }
    written += DIGITS[gap];
  }
  return written;
}

/** The pages `encodePages` wrote. */
export function decodePages(written: string): number[] {
  const pages: number[] = [];
  let last = -1;
  let gap = 0;
  let scale = 1;
  for (const digit of written) {
    const value = DIGITS.indexOf(digit);
    gap += (value % MORE) * scale;
    if (value >= MORE) {
      scale *= MORE;
      continue;
    }
    pages.push((last += gap + 1));
    gap = 0;
    scale = 1;
  }
  return pages;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The directory's files, by file name, from each bundle's exact forms and the pages that have
 * each: the shards (forms → bundles and page counts) and the parts of the page sets (forms →
 * bundles' pages). The same input gives the same bytes (bundles, forms and parts sorted, no
 * whitespace).
 */
export function writeDirectory(bundles: ReadonlyMap<BundleId, BundleWords>): Map<string, string> {
  const shards = new Map<string, Map<string, [BundleId, readonly number[]][]>>();
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
  const parts = new Map<string, PagesPart>();
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
    for (const form of [...words.keys()].sort(byCodeUnit)) {
      const holders = words
        .get(form)!
        .map(([id, pages]) => [index.get(id)!, pages] as const)
        .sort(([a], [b]) => a - b);
      written.words[form] = holders.flatMap(([at, pages]) => [at, pages.length]);
      const part = partOf(form);
      let inPart = parts.get(part);
      if (!inPart) parts.set(part, (inPart = {}));
      inPart[form] = holders.map(([, pages]) => encodePages(pages));
    }
    files.set(shardFile(shard), JSON.stringify(written));
  }
  for (const part of [...parts.keys()].sort(byCodeUnit))
    files.set(partFile(part), JSON.stringify(parts.get(part)));
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
  /** The forms that passed in each bundle, to read their pages in the page sets (`pagesTogether`). */
  passing: Map<BundleId, PassingForm[]>;
}

/** An exact form that passed for a query word in one bundle. */
export interface PassingForm {
  form: string;
  /** Its place among the bundles that hold it, as its shard and its part list them. */
  holder: number;
  /** How many of the bundle's pages have it. */
  pages: number;
  /** Whether it is a spelling of the word (folds to it). */
  spelling: boolean;
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
    passing: new Map(),
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
      let passing = found.passing.get(bundle);
      if (!passing) found.passing.set(bundle, (passing = []));
      passing.push({ form, holder: at / 2, pages, spelling });
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
  | {
      kind: 'bundles';
      bundles: LanguageBundles;
      words: WordInDirectory[];
      /** For a query of two or more words, once the page sets are read (`answeringTogether`): how many pages of each bundle have them all. */
      together?: ReadonlyMap<BundleId, Together>;
    }
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

/** How many pages of a bundle have every word of a query (a passing form of each), by the page sets. */
export interface Together {
  /** At least: those that surely have a spelling of each word (or any passing form, of a word the archive has in no spelling), the pages that rank first. */
  least: number;
  /** At most: none, and the bundle cannot answer. Exact when every passing form's pages are known. */
  most: number;
}

const both = (a: ReadonlySet<number>, b: ReadonlySet<number>) =>
  new Set([...a].filter((page) => b.has(page)));

/** Parts a word's passing forms can span when it has three letters or more (its own start, and a softened one's); a shorter word's may span every part of its shard, and is left unread: its forms are taken as anywhere. */
const MOST_PARTS_A_WORD = 2;

/** The parts of the page sets that hold the passing forms of the query's words, sorted. */
export function partsOf(words: readonly WordInDirectory[]): string[] {
  const parts = new Set<string>();
  for (const word of words) {
    const ofWord = new Set(
      [...word.passing.values()].flatMap((forms) => forms.map(({ form }) => partOf(form))),
    );
    if (ofWord.size <= MOST_PARTS_A_WORD) for (const part of ofWord) parts.add(part);
  }
  return [...parts].sort(byCodeUnit);
}

/**
 * How many pages of each bundle that can answer every word have them all, from the parts of the
 * page sets (`parts`, by name; a part that could not be read is left out). A form whose pages are
 * not known is taken as anywhere in its bundle, on as many pages as the shard says: it adds to
 * `most`, never to `least`, so a bundle is never found empty that could hold a page with every
 * word.
 */
export function pagesTogether(
  words: readonly WordInDirectory[],
  parts: ReadonlyMap<string, PagesPart>,
): Map<BundleId, Together> {
  const together = new Map<BundleId, Together>();
  const [first, ...others] = words;
  if (!first) return together;
  for (const bundle of first.bundles.keys()) {
    if (!others.every((word) => word.bundles.has(bundle))) continue;
    let all: Set<number> | undefined;
    let counted: Set<number> | undefined;
    // Pages whose forms are not known: a page with every word is in `all`, or has an unknown form of some word.
    let unknownSum = 0;
    let mostOfOne = Infinity;
    for (const word of words) {
      const countsSpellings = word.spellings.size > 0;
      const pages = new Set<number>();
      const countedPages = new Set<number>();
      let unknown = 0;
      for (const { form, holder, pages: count, spelling } of word.passing.get(bundle)!) {
        const written = parts.get(partOf(form))?.[form]?.[holder];
        if (written === undefined) {
          unknown += count;
          continue;
        }
        for (const page of decodePages(written)) {
          pages.add(page);
          if (spelling || !countsSpellings) countedPages.add(page);
        }
      }
      unknownSum += unknown;
      mostOfOne = Math.min(mostOfOne, pages.size + unknown);
      all = all ? both(all, pages) : pages;
      counted = counted ? both(counted, countedPages) : countedPages;
    }
    together.set(bundle, {
      least: counted!.size,
      most: Math.min(all!.size + unknownSum, mostOfOne),
    });
  }
  return together;
}

/** The answering bundles of a query of two or more words, less those where the page sets find no page with every word, with how many pages of each have them. */
export function answeringTogether(
  answering: Extract<Answering, { kind: 'bundles' }>,
  parts: ReadonlyMap<string, PagesPart>,
): Extract<Answering, { kind: 'bundles' }> {
  const together = pagesTogether(answering.words, parts);
  return {
    ...answering,
    together,
    bundles: Object.fromEntries(
      Object.entries(answering.bundles).map(([language, periods]) => [
        language,
        periods.filter((period) => (together.get(`${language}/${period}`)?.most ?? 0) > 0),
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
