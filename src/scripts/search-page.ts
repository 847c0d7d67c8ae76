import { buildExcerpt, parseExcerpt } from '../lib/excerpt.ts';
import { exactMatchCount, toSearchQuery, type SearchQuery } from '../lib/search-query.ts';
import {
  FILTER_NAMES,
  hasFilters,
  readState,
  RESULTS_PER_PAGE,
  writeState,
  type FilterName,
  type SearchState,
} from '../lib/search-state.ts';
import { textFragment } from '../lib/text-fragment.ts';
import { ui } from '../i18n/tr.ts';
import { loadPagefind, type FilterCounts, type PagefindResult, type PagefindResultData } from './pagefind.ts';

const TYPING_DELAY_MS = 200;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The page's indexed text in its original spelling (the `text` meta; Pagefind's own copy is folded,
 * see turkish-index.ts), when it is word for word aligned with Pagefind's word positions.
 */
function originalText(result: PagefindResultData): string | undefined {
  const text = result.meta.text;
  return text && text.split(/\s+/).filter(Boolean).length === result.word_count ? text : undefined;
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const text = originalText(result);
  const item = element('li', 'search-result');
  const title = element('h2');
  const link = element('a', undefined, result.meta.title ?? result.url);
  link.href = result.url + (text ? textFragment(text, result.locations) : '');
  title.append(link);
  item.append(title);
  const dateline = [result.meta.published, result.meta.source].filter(Boolean).join(' · ');
  if (dateline) item.append(element('p', 'dateline', dateline));
  const excerpt = element('p', 'excerpt');
  for (const part of text ? buildExcerpt(text, result.locations) : parseExcerpt(result.excerpt)) {
    excerpt.append(part.marked ? element('mark', undefined, part.text) : document.createTextNode(part.text));
  }
  item.append(excerpt);
  return item;
}

/**
 * Pagefind ranks the folded index, where `ilik` and `ılık` are one word. Among the results shown,
 * those holding the words as they were typed come first; Pagefind's order stands otherwise.
 */
function exactFirst(results: PagefindResultData[], query: SearchQuery): PagefindResultData[] {
  return results
    .map((result, rank) => ({ result, rank, exact: exactMatchCount(result.meta.text ?? '', query.exactWords) }))
    .sort((a, b) => b.exact - a.exact || a.rank - b.rank)
    .map(({ result }) => result);
}

function renderFilters(container: HTMLElement, state: SearchState, all: FilterCounts, current: FilterCounts): void {
  const groups = FILTER_NAMES.filter((name) => Object.keys(all[name] ?? {}).length > 0).map((name) => {
    const fieldset = element('fieldset', 'filter');
    fieldset.append(element('legend', undefined, ui.filterNames[name]));
    const values = Object.keys(all[name] ?? {}).sort((a, b) =>
      name === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'tr'),
    );
    // Values the results do not carry are left out, unless the reader chose them.
    for (const value of values.filter((value) => (current[name]?.[value] ?? 0) > 0 || state.filters[name].includes(value))) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = state.filters[name].includes(value);
      label.append(box, ` ${value} `, element('span', 'filter-count', `(${current[name]?.[value] ?? 0})`));
      fieldset.append(label);
    }
    return fieldset;
  });
  container.querySelectorAll('fieldset').forEach((fieldset) => fieldset.remove());
  container.append(...groups);
}

/**
 * Wires the search page to the header's search box, so the page has one box, not two.
 * The query, filters and order live in the URL, so every search is a link and back/forward work.
 */
export function startSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#site-search');
  const options = document.querySelector<HTMLFormElement>('#search-options');
  const filters = document.querySelector<HTMLElement>('#search-filters');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!input || !options || !filters || !status || !list || !more) return;
  document.querySelector('#search-needs-javascript')?.setAttribute('hidden', '');
  options.hidden = false;

  let state = readState(location.search);
  let latest = 0;
  let showMore: () => Promise<void> = async () => {};

  async function show(): Promise<void> {
    const run = ++latest;
    const query = toSearchQuery(state.query);
    options!.sirala.value = state.sort;
    if (!query.pagefind && !hasFilters(state)) {
      status!.textContent = '';
      list!.replaceChildren();
      more!.hidden = true;
      return;
    }
    status!.textContent = ui.searchLoading;
    try {
      const pagefind = await loadPagefind();
      const chosen = Object.fromEntries(
        FILTER_NAMES.filter((name) => state.filters[name].length > 0).map((name) => [name, { any: state.filters[name] }]),
      );
      // Loading every filter first also makes Pagefind count them within the results.
      const allFilters = await pagefind.filters();
      const search = await pagefind.search(query.pagefind || null, {
        filters: chosen,
        ...(state.sort === 'alaka' ? {} : { sort: { date: state.sort === 'yeni' ? 'desc' : 'asc' } }),
      });
      if (run !== latest) return;
      renderFilters(filters!, state, allFilters, search.filters);
      const count = search.results.length;
      status!.textContent =
        count === 0
          ? `${ui.searchNoResults(state.query.trim())} ${ui.searchNoResultsHint}`
          : query.pagefind
            ? ui.searchResultCount(count, state.query.trim())
            : ui.searchFilteredCount(count);
      let shown = 0;
      list!.replaceChildren();
      showMore = async () => {
        const page: PagefindResult[] = search.results.slice(shown, shown + RESULTS_PER_PAGE);
        const loaded = await Promise.all(page.map((result) => result.data()));
        if (run !== latest) return;
        const ordered = shown === 0 && state.sort === 'alaka' ? exactFirst(loaded, query) : loaded;
        list!.append(...ordered.map(renderResult));
        shown += page.length;
        more!.hidden = shown >= count;
      };
      await showMore();
    } catch {
      if (run === latest) status!.textContent = ui.searchUnavailable;
    }
  }

  function update(change: Partial<SearchState>, history: 'push' | 'replace'): void {
    state = { ...state, ...change };
    const url = `${location.pathname}${writeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) window.history[`${history}State`](null, '', url);
    void show();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ query: input.value }, 'replace'), TYPING_DELAY_MS);
  });
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update({ query: input.value }, 'push');
  });
  options.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'sirala') {
      update({ sort: readState(`?sirala=${target.value}`).sort }, 'push');
      return;
    }
    const name = target.name as FilterName;
    const checked = [...options.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
    update({ filters: { ...state.filters, [name]: checked } }, 'push');
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    input.value = state.query;
    void show();
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      clearTimeout(typing);
      input.value = '';
      update({ query: '' }, 'push');
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

  input.value = state.query;
  if (!state.query && !hasFilters(state)) input.focus();
  void show();
}
