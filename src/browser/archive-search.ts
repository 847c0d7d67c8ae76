import { exactForm } from '../lib/exact-forms.ts';
import { judgeFallback, type FallbackJudgement } from '../lib/fallback-match.ts';
import { toSearchQuery, type QueryWord, type SearchQuery } from '../lib/search-query.ts';
import {
  BUNDLE_FILTER,
  INTERFACE_LANGUAGE,
  YEAR_FILTER,
  type BundleYears,
} from '../lib/search-bundles.ts';
import { scoreFactor, type WordInDirectory } from '../lib/word-directory.ts';
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
  /** How many of the query's words the article has in one of their spellings (folded alike: `ilik`, `ılık`). */
  exactWords: number;
  /** How many of them it has as typed, `ı` and `i` apart. */
  typedWords: number;
  /** Whether the query as typed found it, not only its folded spelling. */
  typed: boolean;
  /** Pagefind's score, made comparable with other bundles' (`scoreFactor`). */
  score: number;
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
  const words = (await first.data()).content.split(/\s+/);
  const matched = first.words
    .map((position) => words[position] ?? '')
    .filter((matchedWord) => !/^0.*0\W*$/u.test(matchedWord));
  return judgeFallback(word.written, matched, language);
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
  archivePages: number,
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
  const inDirectory = answering?.kind === 'bundles' ? answering.words : [];
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
          const spellings = await Promise.all(
            query.words.map((word, index) =>
              spellingMatches(pagefind, language, word, inDirectory[index], years),
            ),
          );
          // Each year is asked on its own: its scores are then known to be its bundle's, to be made
          // comparable with the others' (`scoreFactor`), and Pagefind's fallback for a word one year
          // lacks never ranks among another year's matches. A query of filters alone asks them all at
          // once, unless in a date order: Pagefind sorts a merged search by date within each bundle
          // only, and the years' lists are merged by date here (dateMerge).
          const groups =
            query.words.length > 0 || options.sort?.date ? years.map((year) => [year]) : [years];
          return Promise.all(
            groups.map(async (group) => {
              const groupOptions = inYears(options, group);
              return {
                language,
                pagefind,
                options: groupOptions,
                factor:
                  group.length === 1
                    ? scoreFactor(`${language}/${group[0]}`, inDirectory, archivePages)
                    : 1,
                stem: await searchBoth(pagefind, query, groupOptions),
                spellings,
                /** For each word of the query, whether every year of the group has it in one of its spellings. */
                exactWord: spellings.map(({ years }) => group.every((year) => years.has(year))),
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
      bundle.stem.results.map((result) => ({
        result,
        language: bundle.language,
        exactWords: bundle.spellings.filter(({ folded }) => folded.has(result.id)).length,
        typedWords: bundle.spellings.filter(({ typed }) => typed.has(result.id)).length,
        typed: bundle.stem.typed.has(result.id),
        score: result.score * bundle.factor,
      })),
    );
  const count = lists.reduce((total, list) => total + list.length, 0);
  let next: ArchiveSearch['next'];
  if (byDate) {
    // A date order is the reader's: it stays whole.
    next = dateMerge(lists, byDate);
  } else {
    // More of the query's words in a spelling of theirs first; then more of them as typed (`ilik`
    // before `ılık`); then found by the query as typed; then by score, made comparable across bundles.
    const results = lists
      .flat()
      .sort(
        (a, b) =>
          b.exactWords - a.exactWords ||
          b.typedWords - a.typedWords ||
          Number(b.typed) - Number(a.typed) ||
          b.score - a.score,
      );
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
