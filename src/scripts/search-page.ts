import { parseExcerpt } from '../lib/excerpt.ts';
import { ui } from '../i18n/tr.ts';
import { loadPagefind, type PagefindResultData } from './pagefind.ts';

const RESULTS_SHOWN = 20;
const TYPING_DELAY_MS = 200;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('h2');
  const link = element('a', undefined, result.meta.title ?? result.url);
  link.href = result.url;
  title.append(link);
  item.append(title);
  const dateline = [result.meta.published, result.meta.source].filter(Boolean).join(' · ');
  if (dateline) item.append(element('p', 'dateline', dateline));
  const excerpt = element('p', 'excerpt');
  for (const part of parseExcerpt(result.excerpt)) {
    excerpt.append(part.marked ? element('mark', undefined, part.text) : document.createTextNode(part.text));
  }
  item.append(excerpt);
  return item;
}

/**
 * Wires the search page to the header's search box, so the page has one box, not two.
 * The query lives in `?q=`, so every search is a link.
 */
export function startSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#site-search');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!input || !status || !list) return;
  document.querySelector('#search-needs-javascript')?.setAttribute('hidden', '');
  const form = input.form;
  let latest = 0;

  async function show(query: string): Promise<void> {
    const run = ++latest;
    const trimmed = query.trim();
    if (!trimmed) {
      status!.textContent = '';
      list!.replaceChildren();
      return;
    }
    status!.textContent = ui.searchLoading;
    try {
      const pagefind = await loadPagefind();
      const search = await pagefind.search(trimmed);
      const results = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
      if (run !== latest) return;
      status!.textContent =
        search.results.length === 0 ? ui.searchNoResults(trimmed) : ui.searchResultCount(search.results.length, trimmed);
      list!.replaceChildren(...results.map(renderResult));
    } catch {
      if (run === latest) status!.textContent = ui.searchUnavailable;
    }
  }

  function queryFromUrl(): string {
    return new URLSearchParams(location.search).get('q') ?? '';
  }

  function remember(query: string, mode: 'push' | 'replace'): void {
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (url.href !== location.href) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      remember(input.value, 'replace');
      void show(input.value);
    }, TYPING_DELAY_MS);
  });
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    remember(input.value, 'push');
    void show(input.value);
  });
  window.addEventListener('popstate', () => {
    input.value = queryFromUrl();
    void show(input.value);
  });

  input.value = queryFromUrl();
  void show(input.value);
}
