import type { BundleYears } from './search-bundles.ts';
import { RESULTS_PER_PAGE } from './search-state.ts';
import type { WordInDirectory } from './word-directory.ts';

/**
 * Which bundles a query loads and asks, and in what order: the search page's plan, from what the
 * word directory says (word-directory.ts), before any bundle is loaded.
 *
 * Recency tiers: a query whose words the directory finds in more years than the first results
 * page needs loads the newest of those years first (the oldest, in the oldest-first order), until
 * the directory's page counts say they hold enough results for the first results page; the other
 * years are offered to the reader as a step ("Daha eski yıllarda ara"), whose URL asks for every
 * year. A rare word (or one few articles have as written: `estimatedPages`) loads every year that
 * can answer it, as does a query the reader narrowed (filters or a period, which ask for exactly
 * their years): tiers only cut what is more than enough.
 */

/**
 * Results the years loaded first must hold, by the directory's count: the first results page.
 * The count is a lower bound (`estimatedPages`), and a search that still finds fewer asks the
 * remaining years at once (`searchArchive`), so the first page is never short for the tiers' sake.
 */
export const ENOUGH_RESULTS = RESULTS_PER_PAGE;

/** The years a plan leaves for the reader's step, and about how many articles they hold. */
export interface LaterYears {
  /** The years left, by language, in the archive's order. */
  bundles: BundleYears;
  /** How many years they are (a year counted once, whatever its languages). */
  years: number;
  /** About how many of their articles answer the query (`estimatedPages`, at most). */
  pages: number;
}

export interface SearchPlan {
  /** The bundles to load and ask now, by language, in the archive's order. */
  now: BundleYears;
  /** The years left for later, when there are any. */
  later?: LaterYears;
}

export interface PlanInput {
  /** The bundles that can answer the query, by language (every bundle, when the directory cannot tell). */
  answering: BundleYears;
  /** What the directory says of each query word; empty when it could not be read (no words, a word too short). */
  words: readonly WordInDirectory[];
  /** The years the reader chose (a year filter or a period's years); empty for every year. */
  chosenYears: readonly string[];
  /** Whether a filter narrows the results below the directory's counts (a publisher, a tag…) or the reader chose years: then every year chosen is asked. */
  narrowed: boolean;
  /** The languages shown (empty for every one): only their results count towards enough. */
  languages: readonly string[];
  /** The order of the results: the newest years come first, but the oldest in the oldest-first order. */
  order: 'relevance' | 'desc' | 'asc';
  /** Whether the reader asked for every year (the step taken). */
  everyYear: boolean;
}

/**
 * How many pages of `bundle` have every word, by the directory, as if the words fell on pages
 * independently: of each word, its surest count (`least`: its most frequent spelling's pages, as
 * an article with a spelling of every word ranks first, or where the archive has no spelling of
 * it, its most frequent form's), or its count of every form (`most`: a page with two forms counted
 * twice) for the reader's estimate. So a word that few articles have as written (a known item)
 * counts few pages, and loads every year that has it, however many have longer words it starts.
 */
export function estimatedPages(
  bundle: string,
  words: readonly WordInDirectory[],
  count: 'least' | 'most',
): number {
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

/** The query's plan: which bundles now, which later (see above). */
export function planSearch(input: PlanInput): SearchPlan {
  const chosen = Object.fromEntries(
    Object.entries(input.answering).map(([language, years]) => [
      language,
      years.filter((year) => input.chosenYears.length === 0 || input.chosenYears.includes(year)),
    ]),
  );
  if (input.everyYear || input.narrowed || input.words.length === 0) return { now: chosen };
  const shown = (language: string) =>
    input.languages.length === 0 || input.languages.includes(language);
  const pagesIn = (year: string, count: 'least' | 'most') =>
    Object.entries(chosen)
      .filter(([language, years]) => shown(language) && years.includes(year))
      .reduce(
        (total, [language]) => total + estimatedPages(`${language}/${year}`, input.words, count),
        0,
      );
  const years = [...new Set(Object.values(chosen).flat())].sort();
  if (input.order !== 'asc') years.reverse();
  const first = new Set<string>();
  let enough = 0;
  for (const year of years) {
    if (enough >= ENOUGH_RESULTS) break;
    first.add(year);
    enough += pagesIn(year, 'least');
  }
  const left = years.filter((year) => !first.has(year));
  if (left.length === 0) return { now: chosen };
  const part = (keep: (year: string) => boolean): BundleYears =>
    Object.fromEntries(
      Object.entries(chosen).map(([language, languageYears]) => [
        language,
        languageYears.filter(keep),
      ]),
    );
  return {
    now: part((year) => first.has(year)),
    later: {
      bundles: part((year) => !first.has(year)),
      years: left.length,
      pages: Math.round(left.reduce((total, year) => total + pagesIn(year, 'most'), 0)),
    },
  };
}
