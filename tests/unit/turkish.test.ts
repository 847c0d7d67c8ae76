import { describe, expect, test } from 'vitest';
import { foldTurkish, turkishLowerCase } from '../../src/lib/turkish.ts';

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
    ['Âşık Veysel', 'asik veysel'],
    ['Kafé Işık', 'kafe isik'],
    ['Ömer’in ılık çayı', 'omer’in ilik cayi'],
  ])('%s → %s', (input, expected) => {
    expect(foldTurkish(input)).toBe(expected);
  });

  test('leaves non-Latin letters as letters', () => {
    expect(foldTurkish('Лавров')).toBe('лавров');
  });
});
