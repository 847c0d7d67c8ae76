import { describe, expect, test } from 'vitest';
import { exactMatchCount, toSearchQuery } from '../../src/lib/search-query.ts';

describe('toSearchQuery', () => {
  test.each([
    ['Dışişleri', 'disisleri'],
    ['IĞDIR', 'igdir'],
    ['İzmir ılık', 'izmir ilik'],
    ["Lavrov'un", "lavrov'un"],
    ['Lavrov’un', "lavrov'un"],
    ['  şırnak   ağrı ', 'sirnak agri'],
    ['"Sona erme TARİHİNE"', '"sona erme tarihine"'],
    ['“yeni START” Putin', '"yeni start" putin'],
    ['', ''],
  ])('asks Pagefind %j as %j', (input, expected) => {
    expect(toSearchQuery(input).pagefind).toBe(expected);
  });

  test('keeps the typed words, Turkish-lowercased, without apostrophe suffixes', () => {
    expect(toSearchQuery('ILIK "İzmir’de fuar" Lavrov\'un').exactWords).toEqual(['ılık', 'izmir', 'fuar', 'lavrov']);
  });
});

describe('exactMatchCount', () => {
  test('tells ılık from ilik', () => {
    expect(exactMatchCount('Sahilde ılık bir rüzgâr', ['ılık'])).toBe(1);
    expect(exactMatchCount('Sahilde ılık bir rüzgâr', ['ilik'])).toBe(0);
    expect(exactMatchCount('İlik nakli', ['ilik'])).toBe(1);
  });

  test('counts a word that starts with the typed one, whatever the case', () => {
    expect(exactMatchCount('ILIKTI hava, Lavrov’un sözleri', ['ılık', 'lavrov', 'yok'])).toBe(2);
  });
});
