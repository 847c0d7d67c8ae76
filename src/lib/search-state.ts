import { hasPeriod, isPeriodBound, periodInYears, type Period } from './date-range.ts';
import { DAY_FILTER, YEAR_FILTER } from './search-bundles.ts';

/** Results shown at once: their data is fetched as they are shown, so fewer means fewer bytes before the first results. */
export const RESULTS_PER_PAGE = 10;

/** The search page's state, which lives in its URL so that every search can be shared and revisited. */
export interface SearchState {
  query: string;
  sort: SortOrder;
  filters: Record<FilterName, string[]>;
  /** The period of publication searched, as the URL gives it (date-range.ts). */
  period: Period;
  /** Whether the reader asked for every year a common word is in, not only the newest (search-plan.ts). */
  everyYear: boolean;
}

export type SortOrder = 'alaka' | 'yeni' | 'eski';
export type FilterName = 'source' | 'year' | 'tag' | 'author' | 'language';

/** The filters and the Turkish URL parameters that carry them. */
export const FILTER_PARAMETERS: Record<FilterName, string> = {
  source: 'kaynak',
  year: 'yil',
  tag: 'etiket',
  author: 'yazar',
  language: 'dil',
};
/** The URL parameter, and its value, of the reader's step that searches every year (`everyYear`). */
export const EVERY_YEAR_PARAMETER = { name: 'tum-yillar', value: 'evet' } as const;
/** The URL parameters of the period's ends. */
export const PERIOD_PARAMETERS = { from: 'baslangic', to: 'bitis' } as const;
export const FILTER_NAMES = Object.keys(FILTER_PARAMETERS) as FilterName[];
/** The filters Pagefind applies; the language is chosen by which languages' results are shown (search-bundles.ts). */
export const PAGEFIND_FILTER_NAMES = FILTER_NAMES.filter((name) => name !== 'language');
const SORT_ORDERS: readonly SortOrder[] = ['alaka', 'yeni', 'eski'];

export function readState(search: string): SearchState {
  const parameters = new URLSearchParams(search);
  const sort = parameters.get('sirala') as SortOrder;
  // An end that is no real day or month is left out, as an unknown sort is.
  const bound = (name: string) => {
    const value = parameters.get(name)?.trim();
    return value && isPeriodBound(value) ? value : undefined;
  };
  return {
    query: parameters.get('q') ?? '',
    sort: SORT_ORDERS.includes(sort) ? sort : 'alaka',
    filters: {
      source: parameters.getAll(FILTER_PARAMETERS.source),
      year: parameters.getAll(FILTER_PARAMETERS.year),
      tag: parameters.getAll(FILTER_PARAMETERS.tag),
      author: parameters.getAll(FILTER_PARAMETERS.author),
      language: parameters.getAll(FILTER_PARAMETERS.language),
    },
    period: {
      from: bound(PERIOD_PARAMETERS.from),
      to: bound(PERIOD_PARAMETERS.to),
    },
    everyYear: parameters.get(EVERY_YEAR_PARAMETER.name) === EVERY_YEAR_PARAMETER.value,
  };
}

export function writeState(state: SearchState): string {
  const parameters = new URLSearchParams();
  if (state.query.trim()) parameters.set('q', state.query);
  for (const name of FILTER_NAMES) {
    for (const value of state.filters[name]) parameters.append(FILTER_PARAMETERS[name], value);
  }
  for (const end of ['from', 'to'] as const) {
    const value = state.period[end];
    if (value) parameters.set(PERIOD_PARAMETERS[end], value);
  }
  if (state.sort !== 'alaka') parameters.set('sirala', state.sort);
  if (state.everyYear) parameters.set(EVERY_YEAR_PARAMETER.name, EVERY_YEAR_PARAMETER.value);
  const search = parameters.toString();
  return search ? `?${search}` : '';
}

/** Whether the reader chose a value of one of the filters (the period is not one of them). */
export function hasFilters(state: SearchState): boolean {
  return FILTER_NAMES.some((name) => state.filters[name].length > 0);
}

/** Whether the reader narrowed the archive, by filters or a period: a search even without words. */
export function isNarrowed(state: SearchState): boolean {
  return hasFilters(state) || hasPeriod(state.period);
}

/** The search page's address for every article of a period, the link a year or month page gives. */
export function periodSearchRoute(period: Period): string {
  const filters = { source: [], year: [], tag: [], author: [], language: [] };
  return `/ara/${writeState({ query: '', sort: 'alaka', filters, period, everyYear: false })}`;
}

/**
 * The Pagefind filters of the reader's choices. A period becomes the days it holds (`DAY_FILTER`),
 * and the years it touches, so that only those years' bundles are asked; undefined when the
 * period and the chosen years have no year in common, and nothing can be found.
 */
export function pagefindFilters(
  state: SearchState,
  archiveYears: readonly string[],
): Record<string, { any: string[] }> | undefined {
  const chosen: Record<string, { any: string[] }> = Object.fromEntries(
    PAGEFIND_FILTER_NAMES.filter((name) => state.filters[name].length > 0).map((name) => [
      name,
      { any: state.filters[name] },
    ]),
  );
  if (!hasPeriod(state.period)) return chosen;
  const period = periodInYears(
    state.period,
    state.filters.year.length > 0 ? state.filters.year : archiveYears,
  );
  if (period.years.length === 0) return undefined;
  return { ...chosen, [YEAR_FILTER]: { any: period.years }, [DAY_FILTER]: { any: period.days } };
}

/** What the reader does on the search page; each is a step of its state (`searchStep`). */
export type SearchAction =
  | { kind: 'type'; query: string }
  | { kind: 'submit'; query: string }
  | { kind: 'clear' }
  | { kind: 'sort'; order: string }
  | { kind: 'period'; end: keyof Period; value: string }
  | { kind: 'filter'; name: FilterName; values: string[] }
  | { kind: 'everyYear' };

/** How far the results of the search shown are listed. */
export interface Paging {
  readonly shown: number;
  readonly found: number;
}

/** The search page apart from its rendering: the reader's search, and its paging once it has answered. */
export interface SearchPage {
  readonly state: SearchState;
  readonly paging?: Paging;
}

/**
 * The page after the reader's action, and how the address follows it: typing replaces the
 * history's entry, so that Back does not step through every letter; a decision pushes one.
 * A changed search has no paging until it answers: its list starts again at its first page.
 * Undefined when the action changes nothing yet (a date field holding half a day).
 */
export function searchStep(
  page: SearchPage,
  action: SearchAction,
): { page: SearchPage; history: 'push' | 'replace' } | undefined {
  const { state } = page;
  const to = (change: Partial<SearchState>, history: 'push' | 'replace' = 'push') => ({
    page: { state: { ...state, ...change } },
    history,
  });
  switch (action.kind) {
    // A new query asks the newest years again: the step to every year was the last query's.
    case 'type':
      return to({ query: action.query, everyYear: false }, 'replace');
    case 'submit':
      return to({ query: action.query, everyYear: false });
    case 'clear':
      return to({ query: '', everyYear: false });
    case 'sort':
      return to({ sort: SORT_ORDERS.find((order) => order === action.order) ?? 'alaka' });
    case 'period':
      // A date field is empty while its day is being typed: the period changes once it is whole.
      if (action.value && !isPeriodBound(action.value)) return undefined;
      return to({ period: { ...state.period, [action.end]: action.value || undefined } });
    case 'filter':
      return to({ filters: { ...state.filters, [action.name]: action.values } });
    case 'everyYear':
      return to({ everyYear: true });
  }
}

/** The address of `state` on the page at `location`, or undefined when the page is there already. */
export function addressChange(
  location: { pathname: string; search: string },
  state: SearchState,
): string | undefined {
  const address = `${location.pathname}${writeState(state)}`;
  return address === `${location.pathname}${location.search}` ? undefined : address;
}

/** The search has answered with `found` results, none listed yet. */
export function resultsFound(page: SearchPage, found: number): SearchPage {
  return { state: page.state, paging: { shown: 0, found } };
}

/** `count` more results are listed (`RESULTS_PER_PAGE` asked at a time). */
export function resultsShown(page: SearchPage, count: number): SearchPage {
  const paging = page.paging ?? { shown: 0, found: 0 };
  return { state: page.state, paging: { ...paging, shown: paging.shown + count } };
}

/** Whether the search has results not yet listed: the more-results button is offered. */
export function hasMoreResults(page: SearchPage): boolean {
  return page.paging !== undefined && page.paging.shown < page.paging.found;
}
