import { formatTurkishMonth } from './dates.ts';

/**
 * The archive's search index as the build writes it and the search page reads it: one Pagefind
 * bundle for each language and year of publication, `/pagefind/{language}/{year}/`, or, for a
 * year of more articles than `BUNDLE_ARTICLES`, for each of its quarters or months
 * (`/pagefind/tr/2025-q4/`, `/pagefind/tr/2025-12/`: `splitYear`).
 *
 * - A language: Pagefind stems a page by its language and builds its search code (WebAssembly)
 *   with one language's stemmer, so each language gets bundles of its own, searched with its own
 *   module (src/browser/pagefind.ts).
 * - A year: Pagefind has no incremental indexing (Pagefind#71) and holds a whole index in memory
 *   while it writes it. One bundle a year means a new or corrected article re-indexes its year only
 *   (the others are reused from the last build: src/integrations/pagefind.ts), and the memory an
 *   index takes grows with a year's articles, not the archive's. The search page merges a
 *   language's years into one search with Pagefind's `mergeIndex` (one WebAssembly for all), and
 *   tells them apart by a filter it gives each (`BUNDLE_FILTER`, src/browser/archive-search.ts).
 * - A part of a year, once a year is large: every bundle a search asks costs its whole `pf_meta`
 *   (≈ 23 B a page), so a year of 10,000 articles (an archive of 100,000 over ten years) costs
 *   223 KiB before its first result. Its quarters, or months where a quarter is still large,
 *   keep a bundle at a thousand articles or so. The split is decided per year from that
 *   year's own counts, so a new article changes its own year's split at most, and the rebuild
 *   re-indexes the bundles whose pages changed, as with years.
 */

/** The interface's language: its bundles are searched first. */
export const INTERFACE_LANGUAGE = 'tr';

/** The Pagefind meta, set on each article's indexed body, that names the article's language (`language:en-GB`). */
export const LANGUAGE_META = 'language';

/** The Pagefind filter that holds an article's year of publication (`publicationYear`), and so names its bundle. */
export const YEAR_FILTER = 'year';

/** The Pagefind filter that holds an article's day of publication, by which a search is narrowed to a period (date-range.ts), and which names its bundle within a split year. */
export const DAY_FILTER = 'day';

/**
 * The filter the search page gives each bundle as it merges it (Pagefind's `mergeFilter`), valued
 * with its period (`2025`, `2025-q4`): a search narrowed by it is answered by that bundle alone,
 * from what it has loaded already, where narrowing by `year` would fetch every bundle's year filter first.
 */
export const BUNDLE_FILTER = 'bundle';

/**
 * The words of a year's index Pagefind puts in one file: a tenth of its default (20,000 word
 * positions), since a query fetches one such file from every year's bundle. With ten years, a
 * word costs the bytes it would cost in one index of the whole archive (BENCHMARKS.md).
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * The language of the bundles an article of language `tag` goes into: its primary subtag, as
 * Pagefind picks a stemmer by it (`en-GB` and `en` are stemmed alike).
 */
export function searchLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The route of a language's bundle for one period (a year, a quarter or a month), to be put under the base with `href`. */
export function bundleRoute(language: string, period: string): string {
  return `/pagefind/${language}/${period}/`;
}

/** Reads the article's language back from its indexed body's `data-pagefind-meta` (`title, language:en`). */
export function languageFromMeta(meta: string | undefined): string | undefined {
  return meta
    ?.split(',')
    .map((entry) => entry.trim())
    .find((entry) => entry.startsWith(`${LANGUAGE_META}:`))
    ?.slice(LANGUAGE_META.length + 1);
}

/** Languages in the order search lists them: the interface's first, then by code. */
export function orderLanguages(languages: Iterable<string>): string[] {
  return [...languages].sort(
    (a, b) =>
      Number(b === INTERFACE_LANGUAGE) - Number(a === INTERFACE_LANGUAGE) || a.localeCompare(b),
  );
}

/**
 * Each language's bundles, by their periods, newest first, as the search page is given them:
 * `{ tr: ['2025-12', '2025-11', '2025-q3', '2024'], en: ['2025'] }`.
 */
export type LanguageBundles = Record<string, string[]>;

/**
 * The most articles of one language a year's bundle holds before the year is split into quarters,
 * and a quarter's before it is split into months (`splitYear`). Chosen by measurement
 * (BENCHMARKS.md, "Bundles smaller than a year"): a common word loads the newest bundle, whose
 * `pf_meta` is 35 KiB at 1,000 articles (62 at 2,000), which with Pagefind's code (84 KiB) and
 * ten results keeps a query under 200 KB; and an archive of 10,000 articles over ten years
 * (≈ 900 a year) keeps one bundle a year.
 */
export const BUNDLE_ARTICLES = 1000;

/** The environment variable that sets `BUNDLE_ARTICLES` for one build: a keeper's knob, and how tests split a small year. */
export const BUNDLE_ARTICLES_VARIABLE = 'SEARCH_BUNDLE_ARTICLES';

/** What a wrong `SEARCH_BUNDLE_ARTICLES` is told. */
export class BundleArticlesError extends Error {}

/** The bundle size the build uses: `SEARCH_BUNDLE_ARTICLES` when set (a whole number ≥ 1), else `BUNDLE_ARTICLES`. */
export function readBundleArticles(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[BUNDLE_ARTICLES_VARIABLE]?.trim();
  if (!text) return BUNDLE_ARTICLES;
  if (!/^[1-9]\d*$/.test(text))
    throw new BundleArticlesError(
      `${BUNDLE_ARTICLES_VARIABLE}="${text}" is not a whole number of articles of at least 1, e.g. ${BUNDLE_ARTICLES_VARIABLE}=${BUNDLE_ARTICLES}`,
    );
  return Number(text);
}

const QUARTER = /^(\d{4})-q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** The first and last month a bundle's period covers (`YYYY-MM`): a year `2025`, a quarter `2025-q4` or a month `2025-10`. */
export function periodMonths(period: string): { from: string; to: string } {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const month = (number: number) => `${quarter[1]}-${String(number).padStart(2, '0')}`;
    return { from: month(first), to: month(first + 2) };
  }
  if (MONTH.test(period)) return { from: period, to: period };
  return { from: `${period}-01`, to: `${period}-12` };
}

/** The year a bundle's period is in. */
export function periodYear(period: string): string {
  return period.slice(0, 4);
}

/** Whether a bundle's period is a whole year. */
export function isWholeYear(period: string): boolean {
  return /^\d{4}$/.test(period);
}

/** Whether a day (`YYYY-MM-DD`) falls in a bundle's period. */
export function periodHasDay(period: string, day: string): boolean {
  const { from, to } = periodMonths(period);
  const month = day.slice(0, 7);
  return month >= from && month <= to;
}

/** Newest first: by the last month covered, then the first (a month of a year's end before its year, in another language). */
export function newestFirst(a: string, b: string): number {
  const [left, right] = [periodMonths(a), periodMonths(b)];
  return right.to.localeCompare(left.to) || right.from.localeCompare(left.from);
}

/** Oldest first: by the first month covered, then the last. */
export function oldestFirst(a: string, b: string): number {
  const [left, right] = [periodMonths(a), periodMonths(b)];
  return left.from.localeCompare(right.from) || left.to.localeCompare(right.to);
}

/**
 * The bundles of one language's year, newest first, from how many articles each of its months
 * (`01`…`12`) has: the year whole while it has at most `bound` articles; else each quarter whole
 * while it has at most `bound`, else its months. A month over the bound stays one bundle, the
 * smallest period the archive names. Periods without articles get no bundle.
 */
export function splitYear(
  year: string,
  months: ReadonlyMap<string, number>,
  bound: number,
): string[] {
  const count = (from: number, to: number) => {
    let total = 0;
    for (let month = from; month <= to; month++)
      total += months.get(String(month).padStart(2, '0')) ?? 0;
    return total;
  };
  if (count(1, 12) <= bound) return count(1, 12) > 0 ? [year] : [];
  const periods: string[] = [];
  for (let quarter = 4; quarter >= 1; quarter--) {
    const first = (quarter - 1) * 3 + 1;
    const inQuarter = count(first, first + 2);
    if (inQuarter === 0) continue;
    if (inQuarter <= bound) periods.push(`${year}-q${quarter}`);
    else
      for (let month = first + 2; month >= first; month--)
        if (count(month, month) > 0) periods.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return periods;
}

/**
 * Each language's bundles, newest first, from the days of publication of its articles
 * (`YYYY-MM-DD`): the build's split (src/integrations/pagefind.ts) and the search page's
 * (src/data/search-bundles.ts) are this one function of the same articles.
 */
export function splitIntoBundles(
  days: Iterable<{ language: string; day: string }>,
  bound: number,
): LanguageBundles {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  for (const { language, day } of days) {
    let years = counts.get(language);
    if (!years) counts.set(language, (years = new Map()));
    const year = day.slice(0, 4);
    let months = years.get(year);
    if (!months) years.set(year, (months = new Map()));
    const month = day.slice(5, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return Object.fromEntries(
    orderLanguages(counts.keys()).map((language) => [
      language,
      [...counts.get(language)!]
        .sort(([a], [b]) => b.localeCompare(a))
        .flatMap(([year, months]) => splitYear(year, months, bound)),
    ]),
  );
}

/** The bundle of `periods` (one language's) that holds an article of `day`. */
export function bundleOfDay(periods: readonly string[], day: string): string | undefined {
  return periods.find((period) => periodHasDay(period, day));
}

/**
 * How bundles are named to the reader: whole years, or parts of years spanning January to
 * December, by their first and last year (`2022`, `2025`) and how many years they are in; else the
 * months they span, in Turkish (`Ekim–Aralık 2025`, `Aralık 2025`, `Ekim 2024 – Mart 2025`).
 */
export type BundleSpan =
  { kind: 'years'; first: string; last: string; years: number } | { kind: 'months'; text: string };

export function spanOf(periods: Iterable<string>): BundleSpan | undefined {
  const all = [...new Set(periods)].sort(oldestFirst);
  if (all.length === 0) return undefined;
  if (all.every(isWholeYear))
    return {
      kind: 'years',
      first: all[0]!,
      last: all.at(-1)!,
      years: all.length,
    };
  const from = all.map((period) => periodMonths(period).from).sort()[0]!;
  const to = all
    .map((period) => periodMonths(period).to)
    .sort()
    .at(-1)!;
  // Parts of years that add up to whole years from January to December read as those years.
  if (from.endsWith('-01') && to.endsWith('-12'))
    return {
      kind: 'years',
      first: periodYear(from),
      last: periodYear(to),
      years: new Set(all.map(periodYear)).size,
    };
  const name = (month: string) => formatTurkishMonth(`${month}-01`);
  const monthOnly = (month: string) => name(month).split(' ')[0]!;
  return {
    kind: 'months',
    text:
      from === to
        ? name(from)
        : from.slice(0, 4) === to.slice(0, 4)
          ? `${monthOnly(from)}–${name(to)}`
          : `${name(from)} – ${name(to)}`,
  };
}
