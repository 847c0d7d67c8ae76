import { describe, expect, test } from 'vitest';
import { createSlugger, turkishSlug } from '../../src/lib/slug.ts';

describe('turkishSlug', () => {
  test.each([
    ['Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var', 'lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var'],
    ["Trump'ın önerisi", 'trumpin-onerisi'],
    ['Belarus’un başkenti', 'belarusun-baskenti'],
    ['İstanbul', 'istanbul'],
    ['IŞIK', 'isik'],
    ['IĞDIR ve Iğdır', 'igdir-ve-igdir'],
    ['ÇAĞRI', 'cagri'],
    ['  --Şırnak!!  ', 'sirnak'],
    ['3. Avrasya Güvenliği Konferansı', '3-avrasya-guvenligi-konferansi'],
    ['Yeni START: “iyi fikir”', 'yeni-start-iyi-fikir'],
  ])('%s → %s', (input, expected) => {
    expect(turkishSlug(input)).toBe(expected);
  });

  test('never leaves a combining dot or a non-ASCII letter', () => {
    expect(turkishSlug('İİİ ııı ÇÇÇ')).toMatch(/^[a-z0-9-]+$/);
  });

  test('is empty when no Latin letter or digit is left', () => {
    expect(turkishSlug('Лавров — «Известия»')).toBe('');
  });
});

describe('createSlugger', () => {
  test('numbers repeats and never reuses a slug', () => {
    const slug = createSlugger('baslik');
    expect(['Giriş', 'Giriş', 'giris-2', 'GİRİŞ', '!!!'].map(slug)).toEqual(['giris', 'giris-2', 'giris-2-2', 'giris-3', 'baslik']);
  });
});
