import {
  newestFirst,
  oldestFirst,
  periodHasDay,
  periodYear,
  spanOf,
  type BundleSpan,
  type LanguageBundles,
} from './search-bundles.ts';
import { RESULTS_PER_PAGE } from './search-state.ts';
import type { BundleId, Together, WordInDirectory } from './word-directory.ts';

/**
 * Which bundles a query loads and asks, and in what order: the search page's plan, from what the
 * word directory says (word-directory.ts), before any bundle is loaded.
 *
 * Recency tiers: a query whose words the directory finds in more bundles (years, or parts of a
 * large year: search-bundles.ts) than the first results page needs loads the newest of those
 * first (the oldest, in the oldest-first order), until the directory's page counts say they hold
 * enough results for the first results page; the others are offered to the reader as a step
 * ("Daha eski yıllarda ara"), whose URL asks for every bundle. A rare word (or one few articles
 * have as written: `estimatedPages`) loads every bundle that can answer it, as does a query the
 * reader narrowed (filters or a period, which ask for exactly the bundles of their years and
 * days): tiers only cut what is more than enough.
 */

/**
 * Results the bundles loaded first must hold, by the directory's count: the first results page.
 * The count is a lower bound (`estimatedPages`), and a search that still finds fewer asks the
 * remaining bundles at once (`searchArchive`), so the first page is never short for the tiers' sake.
 */
export const ENOUGH_RESULTS = RESULTS_PER_PAGE;

/** The bundles a plan leaves for the reader's step, and about how many articles they hold. */
export interface LaterBundles {
  /** The bundles left, by language, in the archive's order. */
  bundles: LanguageBundles;
  /** What they span, to name them to the reader (a period counted once, whatever its languages). */
  span: BundleSpan;
  /** About how many of their articles answer the query (`estimatedPages`, at most). */
  pages: number;
}

export interface SearchPlan {
  /** The bundles to load and ask now, by language, in the archive's order. */
  now: LanguageBundles;
  /** The bundles left for later, when there are any. */
  later?: LaterBundles;
}

export interface PlanInput {
  /** The bundles that can answer the query, by language (every bundle, when the directory cannot tell). */
  answering: LanguageBundles;
  /** What the directory says of each query word; empty when it could not be read (no words, a word too short). */
  words: readonly WordInDirectory[];
  /** Of a query of two or more words, how many pages of each bundle have them all (the page sets: `pagesTogether`), when they were read. */
  together?: ReadonlyMap<BundleId, Together> | undefined;
  /** The years the reader chose (a year filter or a period's years); empty for every year. */
  chosenYears: readonly string[];
  /** The days the reader chose (a period's: `YYYY-MM-DD`); empty for every day. Only the bundles that hold one are asked. */
  chosenDays: readonly string[];
  /** Whether a filter narrows the results below the directory's counts (a publisher, a tag…) or the reader chose years: then every bundle chosen is asked. */
  narrowed: boolean;
  /** The languages shown (empty for every one): only their results count towards enough. */
  languages: readonly string[];
  /** The order of the results: the newest bundles come first, but the oldest in the oldest-first order. */
  order: 'relevance' | 'desc' | 'asc';
  /** Whether the reader asked for every bundle (the step taken). */
  everyYear: boolean;
}

/**
 * How many pages of `bundle` have every word, by the directory. Where the page sets were read
 * (`together`, a query of two or more words), the pages that have them all: at least those with a
 * spelling of each (`least`), at most those with any passing form of each (`most`). Else as if the
 * words fell on pages independently: of each word, its surest count (`least`: its most frequent
 * spelling's pages, as an article with a spelling of every word ranks first, or where the archive
 * has no spelling of it, its most frequent form's), or its count of every form (`most`: a page
 * with two forms counted twice) for the reader's estimate. So a word that few articles have as
 * written (a known item) counts few pages, and loads every bundle that has it, however many have
 * longer words it starts.
 */
export function estimatedPages(
  bundle: string,
  words: readonly WordInDirectory[],
  count: 'least' | 'most',
  together?: ReadonlyMap<BundleId, Together>,
): number {
  if (together) return together.get(bundle)?.[count] ?? 0;
  let estimate: number | undefined;
  for (const word of words) {
    const pages = word.pages.get(bundle);
    if (!pages) return 0;
    const counted =
      count === 'most' ? word.bundles : word.spellings.size > 0 ? word.spelled : word.least;
    const having = Math.min(counted.get(bundle) ?? 0, pages);
    estimate = (estimate ?? pages) * (having / pages);
  }
  return estimate ?? 0;
}

/** Whether a bundle's period is one the reader chose: in a chosen year, and holding a chosen day. */
function isChosen(period: string, years: readonly string[], days: readonly string[]): boolean {
  return (
    (years.length === 0 || years.includes(periodYear(period))) &&
    (days.length === 0 || days.some((day) => periodHasDay(period, day)))
  );
}

/** The query's plan: which bundles now, which later (see above). */
export function planSearch(input: PlanInput): SearchPlan {
  const chosen = Object.fromEntries(
    Object.entries(input.answering).map(([language, periods]) => [
      language,
      periods.filter((period) => isChosen(period, input.chosenYears, input.chosenDays)),
    ]),
  );
  if (input.everyYear || input.narrowed || input.words.length === 0) return { now: chosen };
  const shown = (language: string) =>
    input.languages.length === 0 || input.languages.includes(language);
  const pagesIn = (period: string, count: 'least' | 'most') =>
    Object.entries(chosen)
      .filter(([language, periods]) => shown(language) && periods.includes(period))
      .reduce(
        (total, [language]) =>
          total + estimatedPages(`${language}/${period}`, input.words, count, input.together),
        0,
      );
  // A period is a step of the tiers, whatever its languages: languages split alike share it.
  const periods = [...new Set(Object.values(chosen).flat())].sort(
    input.order === 'asc' ? oldestFirst : newestFirst,
  );
  const first = new Set<string>();
  let enough = 0;
  for (const period of periods) {
    if (enough >= ENOUGH_RESULTS) break;
    first.add(period);
    enough += pagesIn(period, 'least');
  }
  const left = periods.filter((period) => !first.has(period));
  if (left.length === 0) return { now: chosen };
  const part = (keep: (period: string) => boolean): LanguageBundles =>
    Object.fromEntries(
      Object.entries(chosen).map(([language, languagePeriods]) => [
        language,
        languagePeriods.filter(keep),
      ]),
    );
  return {
    now: part((period) => first.has(period)),
    later: {
      bundles: part((period) => !first.has(period)),
      span: spanOf(left)!,
      pages: Math.round(left.reduce((total, period) => total + pagesIn(period, 'most'), 0)),
    },
  };
}
