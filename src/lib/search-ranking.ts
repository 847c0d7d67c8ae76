import type { FallbackJudgement } from './fallback-match.ts';

/**
 * Merging and ranking the results of several searches (one a bundle, or a group of bundles: the
 * search page's `searchArchive`) into one list: pure functions of what the searches returned.
 */

/** What a search of one bundle (or group) judged of one query word: had as typed there, or Pagefind's fallback judged (fallback-match.ts). */
export type WordVerdict = 'exact' | FallbackJudgement;

/** What the page must say beside (or instead of) the results. */
export type SearchNotice =
  | { kind: 'none' }
  | { kind: 'notFound'; word: string }
  | { kind: 'instead'; word: string; instead: string };

/**
 * What the page says of the query, from each search's verdicts on each of its `words` (`verdicts[search][word]`):
 * a word that some search has as typed or as a prefix is found; else a kept fallback is said
 * instead; a word with neither makes the whole query "not found".
 */
export function noticeOf(
  words: readonly string[],
  verdicts: readonly (readonly WordVerdict[])[],
): SearchNotice {
  let notice: SearchNotice = { kind: 'none' };
  for (const [index, word] of words.entries()) {
    const ofWord = verdicts.map((search) => search[index]!);
    if (ofWord.some((verdict) => verdict === 'exact' || verdict.kind === 'prefix')) continue;
    const instead = ofWord.find(
      (verdict): verdict is { kind: 'instead'; word: string } =>
        verdict !== 'exact' && verdict.kind === 'instead',
    );
    if (!instead) return { kind: 'notFound', word };
    if (notice.kind === 'none') notice = { kind: 'instead', word, instead: instead.word };
  }
  return notice;
}

/** Whether a search's results are shown: none of the query's words is only an unrelated fallback there. */
export function keepsResults(verdicts: readonly WordVerdict[]): boolean {
  return verdicts.every((verdict) => verdict === 'exact' || verdict.kind !== 'unrelated');
}

/** What ranks a result among those of every search. */
export interface Ranked {
  /** How many of the query's words the article has in one of their spellings (folded alike: `ilik`, `ılık`). */
  exactWords: number;
  /** How many of them it has as typed, `ı` and `i` apart. */
  typedWords: number;
  /** Whether the query as typed found it, not only its folded spelling. */
  typed: boolean;
  /** Pagefind's score, made comparable with other bundles' (`scoreFactor` in word-directory.ts). */
  score: number;
}

/**
 * More of the query's words in a spelling of theirs first; then more of them as typed (`ilik`
 * before `ılık`); then found by the query as typed; then by score.
 */
export function byRelevance(a: Ranked, b: Ranked): number {
  return (
    b.exactWords - a.exactWords ||
    b.typedWords - a.typedWords ||
    Number(b.typed) - Number(a.typed) ||
    b.score - a.score
  );
}

/** Every search's results in one list, best first (`byRelevance`; a stable sort keeps a search's own order among equals). */
export function rankByRelevance<T extends Ranked>(lists: readonly (readonly T[])[]): T[] {
  return lists.flat().sort(byRelevance);
}

/**
 * Merges lists, each already in date order, by the date of their heads: a result's date is known
 * only once its data is loaded (`dateOf`), so heads are loaded as the merge reaches them, one more
 * per list than are taken. Each call of the returned function takes the next `howMany`.
 */
export function mergeByDate<T, D>(
  lists: readonly (readonly T[])[],
  load: (item: T) => Promise<D>,
  dateOf: (data: D) => string,
  direction: 'asc' | 'desc',
): (howMany: number) => Promise<{ item: T; data: D }[]> {
  const heads = lists.map(() => 0);
  const loaded = new Map<T, Promise<D>>();
  const dataOf = (item: T) => {
    let data = loaded.get(item);
    if (!data) loaded.set(item, (data = load(item)));
    return data;
  };
  return async (howMany) => {
    const page: { item: T; data: D }[] = [];
    while (page.length < howMany) {
      const candidates = await Promise.all(
        lists.map(async (list, index) => {
          const head = list[heads[index]!];
          return head === undefined ? undefined : { index, item: head, data: await dataOf(head) };
        }),
      );
      let best: (typeof candidates)[number];
      for (const candidate of candidates) {
        if (!candidate) continue;
        const date = dateOf(candidate.data);
        if (!best) best = candidate;
        else if (direction === 'desc' ? date > dateOf(best.data) : date < dateOf(best.data))
          best = candidate;
      }
      if (!best) break;
      heads[best.index]!++;
      page.push({ item: best.item, data: best.data });
    }
    return page;
  };
}

/** Filter counts: for each filter, how many results carry each value. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Adds `counts` into `into`, a value both have combined by `combine` (a sum across searches of different pages, the larger across searches of the same). */
export function addCounts(
  into: FilterCounts,
  counts: FilterCounts,
  combine: (a: number, b: number) => number,
): void {
  for (const [name, values] of Object.entries(counts)) {
    for (const [value, count] of Object.entries(values)) {
      const group = (into[name] ??= {});
      group[value] = group[value] === undefined ? count : combine(group[value], count);
    }
  }
}

/**
 * How a language's `years` are asked: each year on its own when the query has words (its scores
 * are then its bundle's, to be made comparable, and Pagefind's fallback for a word one year lacks
 * never ranks among another year's matches) or is in a date order (Pagefind sorts a merged search
 * by date within each bundle only, and the years' lists are merged by date: `mergeByDate`); a
 * query of filters alone in relevance order asks them all at once.
 */
export function searchGroups(
  years: readonly string[],
  hasWords: boolean,
  byDate: boolean,
): string[][] {
  return hasWords || byDate ? years.map((year) => [year]) : [[...years]];
}
