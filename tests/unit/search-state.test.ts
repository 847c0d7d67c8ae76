import { expect, test } from 'vitest';
import {
  addressChange,
  hasFilters,
  hasMoreResults,
  isNarrowed,
  pagefindFilters,
  periodSearchRoute,
  readState,
  resultsFound,
  resultsShown,
  RESULTS_PER_PAGE,
  searchStep,
  writeState,
  type SearchAction,
  type SearchPage,
} from '../../src/lib/search-state.ts';

test('reads the query, filters and order from Turkish URL parameters', () => {
  const state = readState(
    '?q=%C4%B1l%C4%B1k&kaynak=Do%C4%9Fu+Haber&yil=2024&yil=2025&etiket=Hava+durumu&yazar=%C4%B0lker+I%C5%9F%C4%B1k&dil=en&sirala=eski',
  );
  expect(state).toEqual({
    query: 'ılık',
    sort: 'eski',
    filters: {
      source: ['Doğu Haber'],
      year: ['2024', '2025'],
      tag: ['Hava durumu'],
      author: ['İlker Işık'],
      language: ['en'],
    },
    period: { from: undefined, to: undefined },
    everyYear: false,
  });
  expect(hasFilters(state)).toBe(true);
});

test('falls back to relevance for an unknown order and to nothing for no parameters', () => {
  expect(readState('?sirala=rastgele').sort).toBe('alaka');
  expect(hasFilters(readState(''))).toBe(false);
});

test('writes back what it reads, leaving out defaults', () => {
  const search = '?q=%C5%9F%C4%B1rnak&kaynak=Do%C4%9Fu+Haber&yil=2025&sirala=yeni';
  expect(writeState(readState(search))).toBe(search);
  expect(writeState(readState('?q=&sirala=alaka'))).toBe('');
});

test('reads a period of days or months, leaving out ends that are no real day or month', () => {
  expect(readState('?baslangic=2025-10&bitis=2025-11-15').period).toEqual({
    from: '2025-10',
    to: '2025-11-15',
  });
  expect(readState('?baslangic=2025-02-30&bitis=2025-13').period).toEqual({
    from: undefined,
    to: undefined,
  });
  expect(readState('?baslangic=d%C3%BCn').period.from).toBeUndefined();
});

test('writes a period back, and links a month to its search', () => {
  const search = '?q=zirve&baslangic=2025-10-01&bitis=2025-10-31&sirala=eski';
  expect(writeState(readState(search))).toBe(search);
  expect(periodSearchRoute({ from: '2025-10', to: '2025-10' })).toBe(
    '/ara/?baslangic=2025-10&bitis=2025-10',
  );
});

test('a period alone narrows the archive, without being a filter', () => {
  expect(isNarrowed(readState('?bitis=2024-12'))).toBe(true);
  expect(hasFilters(readState('?bitis=2024-12'))).toBe(false);
  expect(isNarrowed(readState('?yazar=Ay%C5%9Fe'))).toBe(true);
  expect(isNarrowed(readState('?q=zirve&bitis=2024'))).toBe(false);
});

test('the reader’s choices become Pagefind’s filters; a period, its years and days', () => {
  const state = readState('?q=zirve&kaynak=Yerel+Haber&baslangic=2025-12-30&bitis=2026-01-02');
  expect(pagefindFilters(state, ['2024', '2025', '2026'])).toEqual({
    source: { any: ['Yerel Haber'] },
    year: { any: ['2025', '2026'] },
    day: { any: ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'] },
  });
  expect(pagefindFilters(readState('?q=zirve&dil=en'), ['2025'])).toEqual({});
  // A period outside the chosen years finds nothing.
  expect(pagefindFilters(readState('?yil=2024&baslangic=2025-01'), ['2024', '2025'])).toBe(
    undefined,
  );
});

test('the step that searches every year is in the URL, so that the search it shows can be shared', () => {
  const state = readState('?q=ekonomi&tum-yillar=evet');
  expect(state.everyYear).toBe(true);
  expect(writeState(state)).toBe('?q=ekonomi&tum-yillar=evet');
  expect(readState('?q=ekonomi&tum-yillar=hayir').everyYear).toBe(false);
  expect(writeState({ ...state, everyYear: false })).toBe('?q=ekonomi');
});

/** The page a reader reaches at `search`, its results listed `pages` times over. */
function pageAt(search: string, found: number, pages: number): SearchPage {
  let page = resultsFound({ state: readState(search) }, found);
  for (let listed = 0; listed < pages; listed++)
    page = resultsShown(page, Math.min(RESULTS_PER_PAGE, found - page.paging!.shown));
  return page;
}

test('more results are offered until every result found is listed, page by page', () => {
  const found = resultsFound({ state: readState('?q=zirve') }, 25);
  expect(found.paging).toEqual({ shown: 0, found: 25 });
  expect(hasMoreResults(pageAt('?q=zirve', 25, 1))).toBe(true);
  expect(pageAt('?q=zirve', 25, 2).paging).toEqual({ shown: 20, found: 25 });
  expect(hasMoreResults(pageAt('?q=zirve', 25, 2))).toBe(true);
  expect(hasMoreResults(pageAt('?q=zirve', 25, 3))).toBe(false);
  // A last page that is full leaves no button to a page with nothing on it.
  expect(hasMoreResults(pageAt('?q=zirve', 20, 2))).toBe(false);
  expect(hasMoreResults(pageAt('?q=qqqzzz', 0, 0))).toBe(false);
  // A search that has not answered yet offers nothing.
  expect(hasMoreResults({ state: readState('?q=zirve') })).toBe(false);
});

test('typing replaces the address, a submitted query pushes it, and both leave the step to every year', () => {
  const listed = pageAt('?q=zirve&tum-yillar=evet&kaynak=Do%C4%9Fu+Haber', 25, 2);
  const typed = searchStep(listed, { kind: 'type', query: 'Iğdır' })!;
  expect(typed.history).toBe('replace');
  expect(writeState(typed.page.state)).toBe('?q=I%C4%9Fd%C4%B1r&kaynak=Do%C4%9Fu+Haber');
  const submitted = searchStep(listed, { kind: 'submit', query: 'İzmir' })!;
  expect(submitted.history).toBe('push');
  expect(submitted.page.state.query).toBe('İzmir');
  expect(submitted.page.state.everyYear).toBe(false);
  const cleared = searchStep(listed, { kind: 'clear' })!;
  expect(writeState(cleared.page.state)).toBe('?kaynak=Do%C4%9Fu+Haber');
});

test('a change of filter, period, order or years starts the list again at its first page', () => {
  const listed = pageAt('?q=aciklama', 25, 2);
  const actions: SearchAction[] = [
    { kind: 'filter', name: 'source', values: ['Doğu Haber'] },
    { kind: 'period', end: 'from', value: '2025-10' },
    { kind: 'sort', order: 'eski' },
    { kind: 'everyYear' },
    { kind: 'type', query: 'açıklama' },
  ];
  for (const action of actions) {
    const step = searchStep(listed, action)!;
    expect(step.page.paging, action.kind).toBeUndefined();
    expect(hasMoreResults(step.page), action.kind).toBe(false);
    expect(resultsFound(step.page, 12).paging, action.kind).toEqual({ shown: 0, found: 12 });
  }
  const filtered = searchStep(listed, actions[0]!)!;
  expect(filtered.history).toBe('push');
  expect(writeState(filtered.page.state)).toBe('?q=aciklama&kaynak=Do%C4%9Fu+Haber');
  // Unchecking the last value of a filter leaves the filter out of the address.
  expect(
    writeState(
      searchStep(filtered.page, { kind: 'filter', name: 'source', values: [] })!.page.state,
    ),
  ).toBe('?q=aciklama');
});

test('the step to every year and the other filters survive a change of order, period or filter', () => {
  const everyYear = searchStep(pageAt('?q=zirve&yil=2025', 25, 1), { kind: 'everyYear' })!;
  expect(writeState(everyYear.page.state)).toBe('?q=zirve&yil=2025&tum-yillar=evet');
  const sorted = searchStep(everyYear.page, { kind: 'sort', order: 'yeni' })!;
  expect(writeState(sorted.page.state)).toBe('?q=zirve&yil=2025&sirala=yeni&tum-yillar=evet');
  expect(searchStep(sorted.page, { kind: 'sort', order: 'rastgele' })!.page.state.sort).toBe(
    'alaka',
  );
});

test('a date field holding half a day changes nothing; an emptied one opens its end', () => {
  const page: SearchPage = { state: readState('?q=zirve&baslangic=2025-10&bitis=2025-11-15') };
  expect(searchStep(page, { kind: 'period', end: 'to', value: '2025-11-3' })).toBeUndefined();
  expect(searchStep(page, { kind: 'period', end: 'to', value: '2025-02-30' })).toBeUndefined();
  const opened = searchStep(page, { kind: 'period', end: 'from', value: '' })!;
  expect(opened.page.state.period).toEqual({ from: undefined, to: '2025-11-15' });
  expect(writeState(opened.page.state)).toBe('?q=zirve&bitis=2025-11-15');
});

test('the address follows the state, and is left alone when it says the same', () => {
  const location = { pathname: '/arsiv/ara/', search: '?q=%C4%B1l%C4%B1k' };
  const state = readState(location.search);
  expect(addressChange(location, state)).toBeUndefined();
  expect(addressChange(location, { ...state, sort: 'eski' })).toBe(
    '/arsiv/ara/?q=%C4%B1l%C4%B1k&sirala=eski',
  );
  // A query emptied leaves the bare page, as the header's box does.
  expect(addressChange(location, { ...state, query: '  ' })).toBe('/arsiv/ara/');
  // Read back, the address gives the state it was written from: Back and Forward restore it.
  const filtered = readState('?q=I%C4%9EDIR&yazar=%C4%B0lker+I%C5%9F%C4%B1k&dil=tr');
  expect(readState(addressChange(location, filtered)!.split('?')[1]!)).toEqual(filtered);
});
