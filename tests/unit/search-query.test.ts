import { describe, expect, test } from 'vitest';
import { matchesSearchedWord, toSearchQuery } from '../../src/lib/search-query.ts';

describe('toSearchQuery', () => {
  test.each([
    ['Dışişleri', 'dışişleri', 'disisleri'],
    ['IĞDIR', 'ığdır', 'igdir'],
    ['İzmir ILIK', 'izmir ılık', 'izmir ilik'],
    ["Lavrov'un", "lavrov'un", "lavrov'un"],
    ['Lavrov’un', "lavrov'un", "lavrov'un"],
    ['  şırnak   ağrı ', 'şırnak ağrı', 'sirnak agri'],
    ['"Sona erme TARİHİNE"', '"sona erme tarihine"', '"sona erme tarihine"'],
    ['“yeni START” Putin', '"yeni start" putin', '"yeni start" putin'],
    ['', '', ''],
  ])('reads %j as typed %j and folded %j', (input, typed, folded) => {
    expect(toSearchQuery(input)).toMatchObject({ typed, folded });
  });

  test('folds each word and drops apostrophe suffixes, for finding matches in the text', () => {
    expect(toSearchQuery('ILIK "İzmir’de fuar" Lavrov\'un').foldedWords).toEqual([
      'ilik',
      'izmir',
      'fuar',
      'lavrov',
    ]);
  });
});

describe('matchesSearchedWord', () => {
  test.each([
    ['Dışişleri', ['disisleri'], true],
    ['IĞDIR', ['igdir'], true],
    ['Lavrov’un', ['lavrov'], true],
    ['ılıktı', ['ilik'], true],
    ['Moskova', ['lavrov'], false],
    ['ilk', ['ilik'], false],
  ])('%s for %j: %s', (word, searched, expected) => {
    expect(matchesSearchedWord(word, searched)).toBe(expected);
  });
});

test('lists each word once, phrases too, with the key of its exact form', () => {
  expect(toSearchQuery('YARALILARININ "Lavrov’un sözleri:" yaralilarinin').words).toEqual([
    { written: 'yaralılarının', key: 'yaralilarinin' },
    { written: "lavrov'un", key: 'lavrov' },
    { written: 'sözleri', key: 'sozleri' },
  ]);
});
