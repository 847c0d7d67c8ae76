import { EXACT_FORM_AS_INDEXED, exactForm } from '../lib/exact-forms.ts';
import { judgeFallback, type FallbackJudgement } from '../lib/fallback-match.ts';
import {
  addCounts,
  keepsResults,
  mergeByDate,
  noticeOf,
  rankByRelevance,
  searchGroups,
  type FilterCounts,
  type Ranked,
  type SearchNotice,
  type WordVerdict,
} from '../lib/search-ranking.ts';
import { toSearchQuery, type QueryWord, type SearchQuery } from '../lib/search-query.ts';
import {
  BUNDLE_FILTER,
  DAY_FILTER,
  INTERFACE_LANGUAGE,
  spanOf,
  YEAR_FILTER,
  type BundleSpan,
  type LanguageBundles,
} from '../lib/search-bundles.ts';
import { ENOUGH_RESULTS, planSearch, type LaterBundles } from '../lib/search-plan.ts';
import { scoreFactor, type WordInDirectory } from '../lib/word-directory.ts';
import {
  loadPagefind,
  type Pagefind,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearch,
  type SearchOptions,
} from './pagefind.ts';
import { bundlesAnswering } from './word-directory.ts';
import { indexedWords } from '../lib/turkish-index.ts';

/**
 * One search over every language and bundle (a year, or part of a large one) of the archive
 * (search-bundles.ts), with exact forms first and no unrelated fallback presented as a match
 * (exact-forms.ts, fallback-match.ts).
 *
 * A language's bundles are searched through its one module, each search told which bundles it
 * asks by `BUNDLE_FILTER` (`searchArchive` says which are asked together). Below, a bundle is
 * named by its period (`2025`, `2025-q4`), as `BUNDLE_FILTER` values it.
 */

export interface FoundResult extends Ranked {
  result: PagefindResult;
  /** The language of the bundle it came from. */
  language: string;
}

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
  /** The bundles a common word's search left for the reader's step (search-plan.ts). */
  later?: LaterBundles;
  /** When bundles were left for that step: what those asked span. */
  searched?: BundleSpan;
}

/** What the reader asked for besides the query and Pagefind's options. */
export interface SearchScope {
  /** The languages shown (empty for every one). */
  languages: readonly string[];
  /** Whether a filter or a period narrows the results: then every bundle chosen is asked. */
  narrowed: boolean;
  /** Whether the reader asked for every bundle (the step taken). */
  everyYear: boolean;
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
 * The articles of a language's `years` that have `word` in one of its spellings (`folded`), and
 * those that have it as typed (`typed`: `ilik`, not `ılık`), with the years that have it in one:
 * a quoted search of each spelling's exact form (exact-forms.ts) that the word directory names
 * there, which Pagefind answers with the pages that have that very entry, never with a fallback
 * to a shorter one. Without the directory's word (a word too short for it), the spelling typed and
 * the one folded are asked in every year.
 */
async function spellingMatches(
  pagefind: Pagefind,
  language: string,
  word: QueryWord,
  inDirectory: WordInDirectory | undefined,
  years: readonly string[],
): Promise<{ typed: Set<string>; folded: Set<string>; years: Set<string> }> {
  // Pages in other languages hold folded forms only (exact-forms.ts): there the folded spelling is the one typed.
  const typedForm = exactForm(word.written, language === INTERFACE_LANGUAGE);
  const spellings = inDirectory
    ? [...inDirectory.spellings].map(
        ([form, bundles]) =>
          [form, years.filter((year) => bundles.has(`${language}/${year}`))] as const,
      )
    : [...new Set([typedForm, exactForm(word.written, false)])].map(
        (form) => [form, years] as const,
      );
  const found = { typed: new Set<string>(), folded: new Set<string>(), years: new Set<string>() };
  await Promise.all(
    spellings
      .filter(([, holding]) => holding.length > 0)
      .map(async ([form, holding]) => {
        const search = await pagefind.search(`"${form}"`, {
          filters: { [BUNDLE_FILTER]: { any: [...holding] } },
        });
        for (const result of search.results) {
          found.folded.add(result.id);
          if (form === typedForm) found.typed.add(result.id);
        }
        for (const [year, count] of Object.entries(search.filters[BUNDLE_FILTER] ?? {}))
          if (count > 0) found.years.add(year);
      }),
  );
  return found;
}

/** What Pagefind's matches for a word no article has as typed are worth, in one bundle; undefined when it has none. */
async function judgeMatches(
  language: string,
  word: QueryWord,
  search: PagefindSearch,
): Promise<FallbackJudgement | undefined> {
  const first = search.results[0];
  if (!first) return undefined;
  const data = await first.data();
  // A position past the text is a spelling variant's (the record lists them), or an exact form's, which is no match.
  const words = indexedWords(data.content, data.meta);
  const matched = first.words
    .map((position) => words[position])
    .filter(
      (matchedWord): matchedWord is string =>
        matchedWord !== undefined && !EXACT_FORM_AS_INDEXED.test(matchedWord),
    );
  return judgeFallback(word.written, matched, language);
}

/** The reader's search options, narrowed to some of a language's years' bundles. */
function inYears(options: SearchOptions, years: readonly string[]): SearchOptions {
  return { ...options, filters: { ...options.filters, [BUNDLE_FILTER]: { any: [...years] } } };
}

/**
 * Searches the bundles that can answer the query (word-directory.ts), or all of them for a query
 * without words; of a common word's, the newest years first (`planSearch`), the others left for
 * the reader's step (`later`). Each year is asked on its own (`searchGroups`), as Pagefind
 * answers a word it lacks with a fallback of its own: merged with the other years' results
 * unseen, an unrelated fallback of one year would rank among the true matches of another. A word that no article of
 * any bundle has as typed is judged (fallback-match.ts): kept as a labelled fallback, or the whole
 * search finds nothing and says so (`noticeOf`). The results are merged by date in a date order
 * (`mergeByDate`), else ranked (`rankByRelevance`).
 */
export async function searchArchive(
  allBundles: LanguageBundles,
  archivePages: number,
  scope: SearchScope,
  query: SearchQuery,
  options: SearchOptions,
): Promise<ArchiveSearch> {
  // The word directory first: a word no bundle can answer is not found with no bundle loaded,
  // and only the bundles that can answer every word are loaded and asked.
  const answering = await bundlesAnswering(query, allBundles);
  if (answering?.kind === 'missing')
    return nothingFound({ kind: 'notFound', word: answering.word });
  // Every word is in some bundle, but no bundle has a page with them all.
  if (answering && Object.values(answering.bundles).every((periods) => periods.length === 0))
    return nothingFound({ kind: 'none' });
  const inDirectory = answering?.words ?? [];
  const byDate = options.sort?.date;
  const plan = planSearch({
    answering: answering?.bundles ?? allBundles,
    words: inDirectory,
    together: answering?.together,
    chosenYears: options.filters?.[YEAR_FILTER]?.any ?? [],
    chosenDays: options.filters?.[DAY_FILTER]?.any ?? [],
    narrowed: scope.narrowed,
    languages: scope.languages,
    order: byDate ?? 'relevance',
    everyYear: scope.everyYear,
  });
  const shown = (language: string) =>
    scope.languages.length === 0 || scope.languages.includes(language);
  const search = (bundles: LanguageBundles) =>
    searchBundles(bundles, inDirectory, archivePages, query, options);
  let bundles = await search(plan.now);
  let later = plan.later;
  // The directory's counts are estimates: when the bundles loaded first still hold too few results
  // for the first page, the rest are asked at once rather than offered as a step.
  const shownResults = bundles
    .filter((bundle) => bundle.kept && shown(bundle.language))
    .reduce((total, bundle) => total + bundle.results.length, 0);
  if (later && shownResults < ENOUGH_RESULTS) {
    bundles = [...bundles, ...(await search(later.bundles))];
    later = undefined;
  }
  const notice = noticeOf(
    query.words.map((word) => word.written),
    bundles.map((bundle) => bundle.verdicts),
  );
  const found = notice.kind === 'notFound' ? [] : bundles.filter((bundle) => bundle.kept);
  const lists = found.filter((bundle) => shown(bundle.language)).map((bundle) => bundle.results);
  const count = lists.reduce((total, list) => total + list.length, 0);
  let next: ArchiveSearch['next'];
  if (byDate) {
    // A date order is the reader's: it stays whole.
    const merged = mergeByDate(
      lists,
      (found) => found.result.data(),
      (data) => data.meta.date ?? '',
      byDate,
    );
    next = async (howMany) =>
      (await merged(howMany)).map(({ item, data }) => ({ found: item, data }));
  } else {
    const results = rankByRelevance(lists);
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
    if (shown(bundle.language)) addCounts(filters, bundle.filters, (a, b) => a + b);
  const languages: Record<string, number> = {};
  for (const bundle of found)
    languages[bundle.language] = (languages[bundle.language] ?? 0) + bundle.results.length;
  return {
    count,
    next,
    filters,
    languages,
    notice,
    ...(later && { later, searched: spanOf(Object.values(plan.now).flat())! }),
  };
}

/** One search of a group of a language's years: its results, ranked for merging, what it judged of each word, and whether its results are shown. */
interface BundleSearch {
  language: string;
  results: FoundResult[];
  filters: FilterCounts;
  verdicts: WordVerdict[];
  kept: boolean;
}

/** Loads the bundles of `years` (periods, by language) and asks each group of them (`searchGroups`) the query. */
async function searchBundles(
  years: LanguageBundles,
  inDirectory: readonly WordInDirectory[],
  archivePages: number,
  query: SearchQuery,
  options: SearchOptions,
): Promise<BundleSearch[]> {
  // A word that a group lacks as typed is judged there: an unrelated fallback drops that group's
  // results (it would show only Pagefind's guess). A one-word query's own search is the word's.
  const alone = query.words.length === 1 && !query.typed.includes('"');
  const perLanguage = await Promise.all(
    Object.entries(years)
      .filter(([, languageYears]) => languageYears.length > 0)
      .map(async ([language, languageYears]) => {
        const pagefind = await loadPagefind(language, languageYears);
        const spellings = await Promise.all(
          query.words.map((word, index) =>
            spellingMatches(pagefind, language, word, inDirectory[index], languageYears),
          ),
        );
        const groups = searchGroups(languageYears, query.words.length > 0, !!options.sort?.date);
        return Promise.all(
          groups.map(async (group): Promise<BundleSearch> => {
            const groupOptions = inYears(options, group);
            const factor =
              group.length === 1
                ? scoreFactor(`${language}/${group[0]}`, inDirectory, archivePages)
                : 1;
            const stem = await searchBoth(pagefind, query, groupOptions);
            const verdicts = await Promise.all(
              query.words.map(async (word, index): Promise<WordVerdict> => {
                if (group.every((year) => spellings[index]!.years.has(year))) return 'exact';
                const search = alone
                  ? stem
                  : await searchBoth(pagefind, toSearchQuery(word.written), groupOptions);
                return (await judgeMatches(language, word, search)) ?? { kind: 'unrelated' };
              }),
            );
            return {
              language,
              filters: stem.filters,
              verdicts,
              kept: keepsResults(verdicts),
              results: stem.results.map((result) => ({
                result,
                language,
                exactWords: spellings.filter(({ folded }) => folded.has(result.id)).length,
                typedWords: spellings.filter(({ typed }) => typed.has(result.id)).length,
                typed: stem.typed.has(result.id),
                score: result.score * factor,
              })),
            };
          }),
        );
      }),
  );
  return perLanguage.flat();
}

/** A search that finds nothing, with what the page must say. */
function nothingFound(notice: SearchNotice): ArchiveSearch {
  return { count: 0, next: async () => [], filters: {}, languages: {}, notice };
}

/** Every filter value of every language's bundles, with its count over all articles. */
export async function allFilters(years: LanguageBundles): Promise<FilterCounts> {
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
