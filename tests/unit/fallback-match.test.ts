import { expect, test } from 'vitest';
import { judgeFallback } from '../../src/lib/fallback-match.ts';

test.each([
  ['zirvelerimizdekiler', ['zirve', 'Zirvede'], 'zirve'],
  ['yaralılarımızın', ['yaralılar'], 'yaralılar'],
  ['YARALILARIMIZIN', ['Yaralıların'], 'yaralıları'],
  ['kitabımızdan', ['kitap'], 'kitap'],
  ['kitaplarımızdan', ['Kitapları'], 'kitapları'],
])('Turkish over-suffixed %s falls back to a stem, labelled', (query, matched, instead) => {
  expect(judgeFallback(query, matched, 'tr')).toEqual({ kind: 'instead', word: instead });
});

test.each([
  ['summit', ['şu']],
  ['verification', ['verdi']],
  ['uzunxqwerty', ['uzun']],
  ['senate', ['Sen']],
  ['qqqzzz', ['q']],
])('Turkish %s is not taken for %s', (query, matched) => {
  expect(judgeFallback(query, matched, 'tr')).toEqual({ kind: 'unrelated' });
});

test('a query that starts an article word is prefix matching, not a fallback', () => {
  expect(judgeFallback('zirv', ['zirvesinde'], 'tr')).toEqual({ kind: 'prefix' });
  expect(judgeFallback('disisl', ['Dışişleri'], 'tr')).toEqual({ kind: 'prefix' });
});

test('other languages: a short rest or a long shared stem is kept', () => {
  expect(judgeFallback('summits', ['summit'], 'en')).toEqual({ kind: 'instead', word: 'summit' });
  expect(judgeFallback('running', ['runs'], 'en')).toEqual({ kind: 'instead', word: 'run' });
  expect(judgeFallback('новостями', ['новости'], 'ru')).toEqual({
    kind: 'instead',
    word: 'новост',
  });
  expect(judgeFallback('summitxyzzy', ['summary'], 'en')).toEqual({ kind: 'unrelated' });
});
