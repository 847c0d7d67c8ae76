import { hasPeriod, periodDays } from '../lib/date-range.ts';
import { formatTurkishDate } from '../lib/dates.ts';
import { buildExcerpt } from '../lib/excerpt.ts';
import { exactKey } from '../lib/exact-forms.ts';
import { languageName } from '../lib/languages.ts';
import { matchesSearchedWord, toSearchQuery, type SearchQuery } from '../lib/search-query.ts';
import {
  addressChange,
  FILTER_NAMES,
  PERIOD_PARAMETERS,
  hasFilters,
  hasMoreResults,
  pagefindFilters,
  isNarrowed,
  readState,
  resultsFound,
  resultsShown,
  RESULTS_PER_PAGE,
  searchStep,
  writeState,
  type FilterName,
  type SearchPage,
  type SearchState,
} from '../lib/search-state.ts';
import { textFragment } from '../lib/text-fragment.ts';
import { PAGE_IDS } from '../lib/page-ids.ts';
import { ui } from '../i18n/tr.ts';
import { periodYear, type BundleSpan, type LanguageBundles } from '../lib/search-bundles.ts';
import type { FilterCounts, PagefindResultData } from './pagefind.ts';
import {
  allFilters,
  searchArchive,
  type ArchiveSearch,
  type FoundResult,
} from './archive-search.ts';
import { textWordsOf } from '../lib/turkish-index.ts';

const TYPING_DELAY_MS = 200;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The words of a result's text (its record holds no other: turkish-index.ts, `slimRecord`), and the
 * positions of those the reader searched for: where Pagefind matched them, stems included (a match
 * on a spelling variant, after the text, is not shown there), and where they stand in another spelling.
 */
function matchedWords(
  result: PagefindResultData,
  query: SearchQuery,
): { words: string[]; matched: number[] } {
  const words = textWordsOf(result.content);
  const matched = result.locations.filter((position) => position < words.length);
  words.forEach((word, position) => {
    if (matchesSearchedWord(word, query.foldedWords)) matched.push(position);
  });
  return { words, matched };
}

/** How many words of the record's start are its title: the excerpt starts after them, as the title stands just above it. */
function titleLength(words: readonly string[], title: string | undefined): number {
  if (!title) return 0;
  const length = title.split(/\s+/).filter(Boolean).length;
  return exactKey(words.slice(0, length).join('')) === exactKey(title) ? length : 0;
}

function renderResult(
  found: FoundResult,
  data: PagefindResultData,
  query: SearchQuery,
  showLanguage: boolean,
): HTMLLIElement {
  const { words, matched } = matchedWords(data, query);
  const language = data.meta.language ?? found.language;
  const item = element('li', 'search-result');
  const title = element('h2');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url + textFragment(words, matched);
  link.lang = language;
  title.append(link);
  item.append(title);
  const dateline = [
    data.meta.published,
    data.meta.source,
    showLanguage ? languageName(language) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  if (dateline) item.append(element('p', 'dateline', dateline));
  const excerpt = element('p', 'excerpt');
  excerpt.lang = language;
  const skipped = titleLength(words, data.meta.title);
  const body = words.length > skipped ? skipped : 0;
  const excerptMatched = matched
    .map((position) => position - body)
    .filter((position) => position >= 0);
  for (const part of buildExcerpt(words.slice(body), excerptMatched)) {
    excerpt.append(
      part.marked ? element('mark', undefined, part.text) : document.createTextNode(part.text),
    );
  }
  item.append(excerpt);
  return item;
}

function renderFilters(
  container: HTMLElement,
  state: SearchState,
  all: FilterCounts,
  current: FilterCounts,
): void {
  const groups = FILTER_NAMES.filter((name) => Object.keys(all[name] ?? {}).length > 0).map(
    (name) => {
      const fieldset = element('fieldset', 'filter');
      fieldset.append(element('legend', undefined, ui.filterNames[name]));
      // Languages keep the archive's order (the interface's first); years go newest first.
      const values = Object.keys(all[name] ?? {});
      if (name !== 'language')
        values.sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'tr')));
      // Values the results do not carry are left out, except in a filter the reader chose from:
      // its other values are each a choice to add (a filter's values are any of those chosen),
      // which the search, asked for the chosen ones only, did not count: they have no count.
      const choosing = state.filters[name].length > 0;
      for (const value of values.filter((value) => choosing || (current[name]?.[value] ?? 0) > 0)) {
        const count = current[name]?.[value] ?? 0;
        const label = element('label');
        const box = element('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = state.filters[name].includes(value);
        label.append(box, ` ${name === 'language' ? languageName(value) : value} `);
        if (count > 0 || box.checked) label.append(element('span', 'filter-count', `(${count})`));
        fieldset.append(label);
      }
      return fieldset;
    },
  );
  container.querySelectorAll('fieldset').forEach((fieldset) => fieldset.remove());
  container.append(...groups);
}

/**
 * What to try after a search that found nothing: the filters, if the reader chose any (a word may
 * be missing from the years chosen only); else, when no word is missing, several words (not a
 * phrase, whose order may be what is missing) are each in some article and in none together;
 * else the spelling.
 */
function noResultsHint(state: SearchState, query: SearchQuery, wordMissing: boolean): string {
  if (isNarrowed(state)) return ui.searchNoResultsFilteredHint;
  return !wordMissing && query.words.length > 1 && !query.typed.includes('"')
    ? ui.searchNotTogether
    : ui.searchNoResultsHint;
}

/** The period in the status line, so that a screen reader hears what was searched (`… 28 Ekim 2025 – 3 Kasım 2025`). */
function periodText(state: SearchState): string {
  if (!hasPeriod(state.period)) return '';
  const { from, to } = periodDays(state.period);
  return ` · ${ui.periodLabel(from && formatTurkishDate(from), to && formatTurkishDate(to))}`;
}

/** What a search that left bundles for the step asked, after its count: `(2025 yılında)`, `(Ekim–Aralık 2025 döneminde)`. */
function searchedText(span: BundleSpan): string {
  return span.kind === 'years'
    ? ui.searchYearsSearched(span.first, span.last)
    : ui.searchPeriodSearched(span.text);
}

/** The step's text: the years left, or the months they span when a year is split (search-bundles.ts); newer ones in the oldest-first order. */
function stepText(span: BundleSpan, articles: number, newer: boolean): string {
  if (span.kind === 'years')
    return (newer ? ui.searchNewerYears : ui.searchOlderYears)(span.years, articles);
  return (newer ? ui.searchNewerPeriods : ui.searchOlderPeriods)(span.text, articles);
}

/**
 * Wires the search page to the header's search box, so the page has one box, not two.
 * The query, filters and order live in the URL, so every search is a link and back/forward work.
 */
export function startSearchPage(): void {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const input = byId<HTMLInputElement>(PAGE_IDS.search);
  const options = byId<HTMLElement>(PAGE_IDS.searchOptions);
  const sort = options?.querySelector<HTMLSelectElement>('select[name="sirala"]');
  const periodInputs = {
    from: document.querySelector<HTMLInputElement>(`input[name="${PERIOD_PARAMETERS.from}"]`),
    to: document.querySelector<HTMLInputElement>(`input[name="${PERIOD_PARAMETERS.to}"]`),
  };
  const filters = byId<HTMLDetailsElement>(PAGE_IDS.searchFilters);
  const status = byId<HTMLElement>(PAGE_IDS.searchStatus);
  const list = byId<HTMLOListElement>(PAGE_IDS.searchResults);
  const more = byId<HTMLButtonElement>(PAGE_IDS.searchMore);
  if (
    !input ||
    !options ||
    !sort ||
    !periodInputs.from ||
    !periodInputs.to ||
    !filters ||
    !status ||
    !list ||
    !more
  )
    return;
  /** How many articles each language holds, and its bundles (search-bundles.ts), as the build wrote them on the page. */
  const languageCounts: Record<string, number> = JSON.parse(list.dataset.languages ?? '{}');
  const bundles: LanguageBundles = JSON.parse(list.dataset.bundles ?? '{}');
  const languages = Object.keys(languageCounts);
  const archiveYears = [...new Set(Object.values(bundles).flat().map(periodYear))];
  const archivePages = Object.values(languageCounts).reduce((total, count) => total + count, 0);
  byId(PAGE_IDS.searchNeedsJavaScript)?.setAttribute('hidden', '');
  // The step to the years a common word's search left (search-plan.ts): a link to the search of
  // every year, so that it works as any link does and the search it shows can be shared.
  const later = element('a', 'button button-secondary');
  later.id = PAGE_IDS.searchLater;
  later.hidden = true;
  more.after(later);
  options.hidden = false;

  let current: SearchPage = { state: readState(location.search) };
  let latest = 0;
  let showMore: () => Promise<void> = async () => {};
  /** Whether Pagefind has the filters loaded, and so counts them in every search from then on. */
  let countingFilters = false;

  async function show(): Promise<void> {
    const run = ++latest;
    const { state } = current;
    const query = toSearchQuery(state.query);
    sort!.value = state.sort;
    const days = periodDays(state.period);
    periodInputs.from!.value = days.from ?? '';
    periodInputs.to!.value = days.to ?? '';
    if (!query.typed && !isNarrowed(state)) {
      status!.textContent = '';
      list!.replaceChildren();
      list!.setAttribute('aria-busy', 'false');
      more!.hidden = true;
      later.hidden = true;
      return;
    }
    status!.textContent = ui.searchLoading;
    list!.setAttribute('aria-busy', 'true');
    later.hidden = true;
    try {
      const chosen = pagefindFilters(state, archiveYears);
      if (!chosen) {
        status!.textContent = `${ui.searchFilteredCount(0)}${periodText(state)}`;
        list!.replaceChildren();
        more!.hidden = true;
        return;
      }
      // Filters are loaded only once the reader opens them or has chosen one: from then on Pagefind
      // counts every filter value within every search, which at 10,000 articles is most of a
      // search's time (0.15 s without, 0.9 s with).
      if (hasFilters(state)) filters!.open = true;
      countingFilters ||= filters!.open;
      // The language filter is offered only where there is a choice.
      const everyFilter = countingFilters
        ? {
            ...(await allFilters(bundles)),
            ...(languages.length > 1 ? { language: languageCounts } : {}),
          }
        : undefined;
      const search: ArchiveSearch = await searchArchive(
        bundles,
        archivePages,
        {
          languages: state.filters.language,
          narrowed: Object.keys(chosen).length > 0,
          everyYear: state.everyYear,
        },
        query,
        {
          filters: chosen,
          ...(state.sort === 'alaka'
            ? {}
            : { sort: { date: state.sort === 'yeni' ? 'desc' : 'asc' } }),
        },
      );
      if (run !== latest) return;
      if (everyFilter)
        renderFilters(filters!, state, everyFilter, {
          ...search.filters,
          language: search.languages,
        });
      const count = search.count;
      const typed = state.query.trim();
      status!.textContent =
        search.notice.kind === 'notFound'
          ? `${ui.searchNoResults(search.notice.word)} ${noResultsHint(state, query, true)}`
          : count === 0
            ? `${ui.searchNoResults(typed)} ${noResultsHint(state, query, false)}`
            : search.notice.kind === 'instead'
              ? ui.searchInstead(search.notice.word, search.notice.instead, count)
              : `${
                  query.typed ? ui.searchResultCount(count, typed) : ui.searchFilteredCount(count)
                }${periodText(state)}${search.searched ? searchedText(search.searched) : ''}`;
      later.hidden = !search.later;
      if (search.later) {
        later.textContent = stepText(search.later.span, search.later.pages, state.sort === 'eski');
        later.href = `${location.pathname}${writeState({ ...state, everyYear: true })}`;
      }
      current = resultsFound(current, count);
      list!.replaceChildren();
      showMore = async () => {
        const page = await search.next(RESULTS_PER_PAGE);
        if (run !== latest) return;
        list!.append(
          ...page.map(({ found, data }) => renderResult(found, data, query, languages.length > 1)),
        );
        current = resultsShown(current, page.length);
        more!.hidden = !hasMoreResults(current);
      };
      await showMore();
    } catch {
      // The dev server serves the index of the last build (src/integrations/hosting.ts): there may be none yet.
      if (run === latest)
        status!.textContent = import.meta.env.DEV
          ? ui.searchIndexMissingInDev
          : ui.searchUnavailable;
    } finally {
      if (run === latest) list!.setAttribute('aria-busy', 'false');
    }
  }

  function update(step: ReturnType<typeof searchStep>): Promise<void> {
    if (!step) return Promise.resolve();
    current = step.page;
    const address = addressChange(location, current.state);
    if (address) window.history[`${step.history}State`](null, '', address);
    return show();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(
      () => void update(searchStep(current, { kind: 'type', query: input.value })),
      TYPING_DELAY_MS,
    );
  });
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void update(searchStep(current, { kind: 'submit', query: input.value }));
  });
  options.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'sirala') {
      void update(searchStep(current, { kind: 'sort', order: target.value }));
      return;
    }
    const end =
      target.name === PERIOD_PARAMETERS.from
        ? 'from'
        : target.name === PERIOD_PARAMETERS.to
          ? 'to'
          : undefined;
    if (end) {
      void update(searchStep(current, { kind: 'period', end, value: target.value }));
      return;
    }
    const name = target.name as FilterName;
    const checked = [
      ...options.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`),
    ].map((box) => box.value);
    void update(searchStep(current, { kind: 'filter', name, values: checked }));
  });
  more.addEventListener('click', () => void showMore());
  later.addEventListener('click', (event) => {
    // A new tab or window, asked with a modifier, opens the link as it is.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    // The step hides itself: the focus goes to the first result of the search it widened.
    void update(searchStep(current, { kind: 'everyYear' })).then(() =>
      list.querySelector<HTMLAnchorElement>('h2 a')?.focus(),
    );
  });
  filters.addEventListener('toggle', () => {
    // Opened by the reader, not by a search that is already loading them.
    if (filters.open && !countingFilters) void show();
  });
  window.addEventListener('popstate', () => {
    current = { state: readState(location.search) };
    input.value = current.state.query;
    void show();
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      clearTimeout(typing);
      input.value = '';
      void update(searchStep(current, { kind: 'clear' }));
    } else if (event.key === 'ArrowDown') {
      const first = list.querySelector<HTMLAnchorElement>('a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('h2 a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  });

  input.value = current.state.query;
  if (!current.state.query && !isNarrowed(current.state)) input.focus();
  void show();
}
