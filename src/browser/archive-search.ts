import { exactForm } from '../lib/exact-forms.ts';
import { judgeFallback, type FallbackJudgement } from '../lib/fallback-match.ts';
import { toSearchQuery, type QueryWord, type SearchQuery } from '../lib/search-query.ts';
import { BUNDLE_FILTER, YEAR_FILTER, type BundleYears } from '../lib/search-bundles.ts';
import {
  loadPagefind,
  type FilterCounts,
  type Pagefind,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearch,
  type SearchOptions,
} from './pagefind.ts';
import { bundlesAnswering } from './word-directory.ts';

/**
 * One search over every language and year of the archive (search-bundles.ts), with exact forms
 * first and no unrelated fallback presented as a match (exact-forms.ts, fallback-match.ts).
 *
 * A language's years are searched through its one module, each search told which years it asks
 * by `BUNDLE_FILTER` (`searchArchive` says which are asked together).
 */

export interface FoundResult {
  result: PagefindResult;
  /** The language of the bundle it came from. */
  language: string;
  /** How many of the query's words the article has as typed (after folding). */
  exactWords: number;
  /** Whether the query as typed found it, not only its folded spelling. */
  typed: boolean;
}

/** What the page must say beside (or instead of) the results. */
export type SearchNotice =
  | { kind: 'none' }
  | { kind: 'notFound'; word: string }
  | { kind: 'instead'; word: string; instead: string };

export interface ArchiveSearch {
  /** How many results the chosen languages (all when none is chosen) have. */
  count: number;
  /** The next `howMany` of them, best (or in the chosen date order) first, with their data. */
  next(howMany: number): Promise<{ found: FoundResult; data: PagefindResultData }[]>;
  /** Filter counts over those results. */
  filters: FilterCounts;
  /** How many results each language has, chosen or not. */
  languages: Record<string, number>;
  notice: SearchNotice;
}

/** A result's words that are text: without the spelling variants and exact forms the index adds at its end (turkish-index.ts). */
export function textWords(data: PagefindResultData): string[] {
  const all = data.content.split(/\s+/).filter(Boolean);
  return all.slice(0, all.length - Number(data.meta.variants ?? 0));
}

function addCounts(
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
 * Asks Pagefind the query as typed (for its stemmer) and folded (for the spelling variants), and
 * merges: results for the typed spelling first, then those found only folded (`typed` names the
 * first). Filter counts are the larger of the two searches' counts, as the two result sets mostly
 * contain each other.
 */
async function searchBoth(
  pagefind: Pagefind,
  query: SearchQuery,
  options: SearchOptions,
): Promise<PagefindSearch & { typed: Set<string> }> {
  const asked = query.typed ? [...new Set([query.typed, query.folded])] : [null];
  const searches = await Promise.all(asked.map((text) => pagefind.search(text, options)));
  const seen = new Set<string>();
  const filters: FilterCounts = {};
  for (const search of searches) addCounts(filters, search.filters, Math.max);
  return {
    results: searches
      .flatMap((search) => search.results)
      .filter((result) => !seen.has(result.id) && Boolean(seen.add(result.id))),
    filters,
    typed: new Set(searches[0]!.results.map((result) => result.id)),
  };
}

/**
 * The articles that have `word` as typed, and how many each year's bundle has: a quoted search of
 * its exact form, which Pagefind answers with the pages that have that very entry, and never with
 * a fallback to a shorter one, so that one search over all of a language's years is right.
 */
async function exactMatches(
  pagefind: Pagefind,
  word: QueryWord,
  options: SearchOptions,
): Promise<{ ids: Set<string>; byYear: Record<string, number> }> {
  const search = await pagefind.search(`"${exactForm(word.written)}"`, {
    filters: options.filters ?? {},
  });
  return {
    ids: new Set(search.results.map((result) => result.id)),
    byYear: search.filters[BUNDLE_FILTER] ?? {},
  };
}

/** What Pagefind's matches for a word no article has as typed are worth, in one bundle; undefined when it has none. */
async function judgeMatches(
  language: string,
  word: QueryWord,
  search: PagefindSearch,
): Promise<FallbackJudgement | undefined> {
  const first = search.results[0];
  if (!first) return undefined;
  const words = (await first.data()).content.split(/\s+/);
  const matched = first.words
    .map((position) => words[position] ?? '')
    .filter((matchedWord) => !/^0.*0\W*$/u.test(matchedWord));
  return judgeFallback(word.written, matched, language);
}

/** Merges lists each in its own best-first order, by Pagefind's score of their heads. */
function mergeByScore(lists: FoundResult[][]): FoundResult[] {
  const heads = lists.map(() => 0);
  const merged: FoundResult[] = [];
  for (;;) {
    let best = -1;
    lists.forEach((list, index) => {
      const head = list[heads[index]!];
      if (head && (best < 0 || head.result.score > lists[best]![heads[best]!]!.result.score))
        best = index;
    });
    if (best < 0) return merged;
    merged.push(lists[best]![heads[best]!++]!);
  }
}

/**
 * Merges lists, each sorted by date by Pagefind, by the date of their heads: a result's date is in
 * its data only, so heads are loaded as the merge reaches them, one more per list than are shown.
 */
function dateMerge(lists: FoundResult[][], direction: 'asc' | 'desc'): ArchiveSearch['next'] {
  const heads = lists.map(() => 0);
  const loaded = new Map<FoundResult, Promise<PagefindResultData>>();
  const dataOf = (result: FoundResult) => {
    let data = loaded.get(result);
    if (!data) loaded.set(result, (data = result.result.data()));
    return data;
  };
  return async (howMany) => {
    const page: { found: FoundResult; data: PagefindResultData }[] = [];
    while (page.length < howMany) {
      const candidates = await Promise.all(
        lists.map(async (list, index) => {
          const head = list[heads[index]!];
          return head ? { index, found: head, data: await dataOf(head) } : undefined;
        }),
      );
      let best: (typeof candidates)[number];
      for (const candidate of candidates) {
        if (!candidate) continue;
        const date = candidate.data.meta.date ?? '';
        const bestDate = best?.data.meta.date ?? '';
        if (!best || (direction === 'desc' ? date > bestDate : date < bestDate)) best = candidate;
      }
      if (!best) break;
      heads[best.index]!++;
      page.push({ found: best.found, data: best.data });
    }
    return page;
  };
}

/** The reader's search options, narrowed to some of a language's years' bundles. */
function inYears(options: SearchOptions, years: readonly string[]): SearchOptions {
  return { ...options, filters: { ...options.filters, [BUNDLE_FILTER]: { any: [...years] } } };
}

/**
 * Searches the bundles that can answer the query (word-directory.ts), or all of them for a query
 * without words. A language's years that have every word of the query as typed are
 * searched as one: Pagefind answers a word a bundle has with no fallback. Every other year is
 * searched on its own, as Pagefind answers a word it lacks with a fallback of its own: merged with
 * the other years' results unseen, an unrelated fallback of one year would rank among the true
 * matches of another. Within a search, results keep Pagefind's order (`searchBoth`); across
 * searches they are merged by score; above that, an article the query as typed found comes before
 * one only its folded spelling found; above all, an article with more of the query's words as
 * typed comes first. A word that no article of any bundle has as typed is judged
 * (fallback-match.ts): kept as a labelled fallback, or the whole search finds nothing and says so.
 */
export async function searchArchive(
  allYears: BundleYears,
  chosenLanguages: readonly string[],
  query: SearchQuery,
  options: SearchOptions,
): Promise<ArchiveSearch> {
  // The word directory first: a word no bundle can answer is not found with no bundle loaded,
  // and only the bundles that can answer every word are loaded and asked.
  const answering = await bundlesAnswering(query, allYears);
  if (answering?.kind === 'missing')
    return nothingFound({ kind: 'notFound', word: answering.word });
  const years = answering?.years ?? allYears;
  const chosenYears = options.filters?.[YEAR_FILTER]?.any ?? [];
  const searched = Object.entries(years).map(([language, languageYears]) => ({
    language,
    years: languageYears.filter((year) => chosenYears.length === 0 || chosenYears.includes(year)),
  }));
  const bundles = (
    await Promise.all(
      searched
        .filter(({ years }) => years.length > 0)
        .map(async ({ language, years }) => {
          const pagefind = await loadPagefind(language, years);
          const exact = await Promise.all(
            query.words.map((word) => exactMatches(pagefind, word, inYears(options, years))),
          );
          const exactIds = exact.map(({ ids }) => ids);
          const hasAll = (year: string) => exact.every(({ byYear }) => (byYear[year] ?? 0) > 0);
          const whole = years.filter(hasAll);
          const groups = [
            ...(whole.length > 0 ? [whole] : []),
            ...years.filter((year) => !hasAll(year)).map((year) => [year]),
          ];
          return Promise.all(
            groups.map(async (group) => {
              const groupOptions = inYears(options, group);
              return {
                language,
                pagefind,
                options: groupOptions,
                stem: await searchBoth(pagefind, query, groupOptions),
                exact: exactIds,
                /** For each word of the query, whether every year of the group has it as typed. */
                exactWord: exact.map(({ byYear }) =>
                  group.every((year) => (byYear[year] ?? 0) > 0),
                ),
              };
            }),
          );
        }),
    )
  ).flat();

  // Each word a bundle lacks as typed is judged there: an unrelated fallback drops that bundle's
  // results (it would show only Pagefind's guess), and a word no bundle has as typed is either a
  // labelled fallback or a search that finds nothing.
  const alone = query.words.length === 1 && !query.typed.includes('"');
  const judged = await Promise.all(
    bundles.map((bundle) =>
      Promise.all(
        query.words.map(async (word, index) => {
          if (bundle.exactWord[index]) return 'exact' as const;
          const search = alone
            ? bundle.stem
            : await searchBoth(bundle.pagefind, toSearchQuery(word.written), bundle.options);
          return (
            (await judgeMatches(bundle.language, word, search)) ?? ({ kind: 'unrelated' } as const)
          );
        }),
      ),
    ),
  );
  let notice: SearchNotice = { kind: 'none' };
  for (const [index, word] of query.words.entries()) {
    const verdicts = judged.map((words) => words[index]!);
    if (verdicts.some((verdict) => verdict === 'exact' || verdict.kind === 'prefix')) continue;
    const instead = verdicts.find(
      (verdict): verdict is { kind: 'instead'; word: string } =>
        verdict !== 'exact' && verdict.kind === 'instead',
    );
    if (!instead) {
      notice = { kind: 'notFound', word: word.written };
      break;
    }
    if (notice.kind === 'none')
      notice = { kind: 'instead', word: word.written, instead: instead.word };
  }

  const shown = (language: string) =>
    chosenLanguages.length === 0 || chosenLanguages.includes(language);
  const found =
    notice.kind === 'notFound'
      ? []
      : bundles.filter((_, index) =>
          judged[index]!.every((verdict) => verdict === 'exact' || verdict.kind !== 'unrelated'),
        );
  const byDate = options.sort?.date;
  const lists = found
    .filter((bundle) => shown(bundle.language))
    .map((bundle) =>
      bundle.stem.results
        .map((result) => ({
          result,
          language: bundle.language,
          exactWords: bundle.exact.filter((ids) => ids.has(result.id)).length,
          typed: bundle.stem.typed.has(result.id),
        }))
        // Stable: within one count of exact words, Pagefind's order stays. A date order is the reader's: it stays whole.
        .sort((a, b) => (byDate ? 0 : b.exactWords - a.exactWords)),
    );
  const count = lists.reduce((total, list) => total + list.length, 0);
  let next: ArchiveSearch['next'];
  if (byDate) {
    next = dateMerge(lists, byDate);
  } else {
    const results: FoundResult[] = [];
    for (let exactWords = query.words.length; exactWords >= 0; exactWords--) {
      for (const typed of [true, false])
        results.push(
          ...mergeByScore(
            lists.map((list) =>
              list.filter((item) => item.exactWords === exactWords && item.typed === typed),
            ),
          ),
        );
    }
    let taken = 0;
    next = async (howMany) => {
      const page = results.slice(taken, (taken += howMany));
      return Promise.all(
        page.map(async (result) => ({ found: result, data: await result.result.data() })),
      );
    };
  }
  const filters: FilterCounts = {};
  for (const bundle of found)
    if (shown(bundle.language)) addCounts(filters, bundle.stem.filters, (a, b) => a + b);
  const languages: Record<string, number> = {};
  for (const bundle of found)
    languages[bundle.language] = (languages[bundle.language] ?? 0) + bundle.stem.results.length;
  return { count, next, filters, languages, notice };
}

/** A search that finds nothing, with what the page must say. */
function nothingFound(notice: SearchNotice): ArchiveSearch {
  return { count: 0, next: async () => [], filters: {}, languages: {}, notice };
}

/** Every filter value of every language's bundles, with its count over all articles. */
export async function allFilters(years: BundleYears): Promise<FilterCounts> {
  const filters: FilterCounts = {};
  for (const counts of await Promise.all(
    Object.entries(years).map(async ([language, languageYears]) =>
      (await loadPagefind(language, languageYears)).filters(),
    ),
  )) {
    addCounts(filters, counts, (a, b) => a + b);
  }
  return filters;
}
