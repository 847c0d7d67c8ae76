import { expect, test } from 'vitest';
import { isPeriodBound, periodDays, periodInYears } from '../../src/lib/date-range.ts';

test('takes real days and months only', () => {
  expect(['2025-10-28', '2024-02-29', '2025-10', '1999-12'].every(isPeriodBound)).toBe(true);
  expect(
    ['2025-02-29', '2025-13', '2025-00', '2025', '25-10-28', '2025-1-5', ''].some(isPeriodBound),
  ).toBe(false);
});

test('reads a month as its first day at the start and its last day at the end', () => {
  expect(periodDays({ from: '2024-02', to: '2024-02' })).toEqual({
    from: '2024-02-01',
    to: '2024-02-29',
  });
  expect(periodDays({ to: '2025-11' })).toEqual({ from: undefined, to: '2025-11-30' });
});

test('takes ends given the wrong way round the right way', () => {
  expect(periodDays({ from: '2025-12', to: '2025-10' })).toEqual({
    from: '2025-10-01',
    to: '2025-12-31',
  });
  expect(periodDays({ from: '2025-10-28', to: '2025-10-01' })).toEqual({
    from: '2025-10-01',
    to: '2025-10-28',
  });
});

test('lists the years a period touches and its days within them', () => {
  const years = ['2025', '2023', '2024'];
  const { years: touched, days } = periodInYears({ from: '2024-12-30', to: '2025-01-02' }, years);
  expect(touched).toEqual(['2024', '2025']);
  expect(days).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);

  const open = periodInYears({ from: '2025-12-30' }, years);
  expect(open).toEqual({ years: ['2025'], days: ['2025-12-30', '2025-12-31'] });

  const leap = periodInYears({ from: '2024-02', to: '2024-02' }, years);
  expect(leap.days).toHaveLength(29);
  expect(periodInYears({ to: '2022-05' }, years)).toEqual({ years: [], days: [] });
  expect(periodInYears({}, ['2024']).days).toHaveLength(366);
});
