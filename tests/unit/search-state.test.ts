import { expect, test } from 'vitest';
import {
  hasFilters,
  isNarrowed,
  pagefindFilters,
  periodSearchRoute,
  readState,
  writeState,
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
