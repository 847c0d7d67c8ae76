import { describe, expect, test } from 'vitest';
import { foldTurkish, turkishLowerCase, turkishUpperCase } from '../../src/lib/turkish.ts';

describe('turkishLowerCase', () => {
  test.each([
    ['IĞDIR', 'ığdır'],
    ['İZMİR', 'izmir'],
    ['IŞIK', 'ışık'],
    ['Iğdır', 'ığdır'],
  ])('%s → %s', (input, expected) => {
    expect(turkishLowerCase(input)).toBe(expected);
  });
});

test('turkishUpperCase keeps the dot on i and drops none from ı', () => {
  expect(turkishUpperCase('izmir ılık')).toBe('İZMİR ILIK');
});

describe('foldTurkish', () => {
  test.each([
    ['IĞDIR', 'igdir'],
    ['Iğdır', 'igdir'],
    ['ığdır', 'igdir'],
    ['İzmir', 'izmir'],
    ['IZMIR', 'izmir'],
    ['Şırnak', 'sirnak'],
    ['Dışişleri', 'disisleri'],
    ['açıklama', 'aciklama'],
    ['Ağrı', 'agri'],
    ['ÖZGÜR', 'ozgur'],
    ['ılık', 'ilik'],
    ['kâğıt', 'kagit'],
  ])('%s → %s', (input, expected) => {
    expect(foldTurkish(input)).toBe(expected);
  });

  test('leaves non-Latin letters as letters', () => {
    expect(foldTurkish('Лавров')).toBe('лавров');
  });
});
