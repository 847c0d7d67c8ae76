import { describe, expect, test } from 'vitest';
import { formatTurkishDate, formatTurkishDateTime, parsePublishedAt } from '../../src/lib/dates.ts';

describe('parsePublishedAt', () => {
  test('reads a plain day', () => {
    expect(parsePublishedAt('2025-10-28')).toEqual({
      date: '2025-10-28',
      iso: '2025-10-28',
      timestamp: Date.UTC(2025, 9, 28),
    });
  });

  test('files a date-time under its own day, not the UTC one', () => {
    const published = parsePublishedAt('2025-10-28T00:30:00+03:00');
    expect(published?.date).toBe('2025-10-28');
    expect(published?.iso).toBe('2025-10-28T00:30:00+03:00');
    expect(published?.timestamp).toBe(Date.UTC(2025, 9, 27, 21, 30));
  });

  test.each([
    '2025-02-30',
    '2025-13-01',
    '2025-10-28T14:05:00',
    '28.10.2025',
    '2025-10-28T25:00:00Z',
    'dün',
    '',
  ])('refuses %j', (value) => {
    expect(parsePublishedAt(value)).toBeUndefined();
  });

  test('accepts 29 February in a leap year only', () => {
    expect(parsePublishedAt('2024-02-29')).toBeDefined();
    expect(parsePublishedAt('2025-02-29')).toBeUndefined();
  });
});

describe('formatTurkishDate', () => {
  test.each([
    ['2025-10-28', '28 Ekim 2025'],
    ['2026-02-05', '5 Şubat 2026'],
    ['2024-08-31', '31 Ağustos 2024'],
    ['2025-01-01', '1 Ocak 2025'],
  ])('%s → %s', (date, expected) => {
    expect(formatTurkishDate(date)).toBe(expected);
  });

  test('does not depend on the time zone of the machine', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Istanbul']) {
        process.env.TZ = tz;
        expect(formatTurkishDate('2025-10-28')).toBe('28 Ekim 2025');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

test('a date-time shows its time as written, in its own offset; a day shows the day', () => {
  expect(formatTurkishDateTime(parsePublishedAt('2025-11-05T14:10:00+03:00')!)).toBe(
    '5 Kasım 2025, 14:10',
  );
  expect(formatTurkishDateTime(parsePublishedAt('2025-11-05T23:30:00Z')!)).toBe(
    '5 Kasım 2025, 23:30',
  );
  expect(formatTurkishDateTime(parsePublishedAt('2025-11-05')!)).toBe('5 Kasım 2025');
});
