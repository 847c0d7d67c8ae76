import { describe, expect, test } from 'vitest';
import {
  boundedSlug,
  createSlugger,
  MAX_SLUG_LENGTH,
  nameSlug,
  turkishSlug,
} from '../../src/lib/slug.ts';

describe('turkishSlug', () => {
  test.each([
    [
      'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var',
      'lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var',
    ],
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

  test('is empty only when the text has no letter or digit at all', () => {
    expect(turkishSlug('— «★» —')).toBe('');
  });
});

describe('slugs in any script', () => {
  test.each([
    ['Cyrillic', 'Лавров — «Известия»', 'lavrov-izvestiya'],
    ['Greek', 'Αθήνα', 'athina'],
    ['Arabic', 'القاهرة', 'lqhrh'],
    ['Chinese', '北京', 'beijing'],
    ['Japanese kana, voicing marks kept', 'トレンドマイクロ', 'torendomaikuro'],
    ['Devanagari, vowel signs kept', 'हिन्दी', 'hindi'],
    ['Hebrew', 'ירושלים', 'yrvslym'],
    ['Latin letters Turkish lacks', 'Straße in Århus', 'strasse-in-arhus'],
    ['Turkish beside Cyrillic', 'İzmir ve Москва', 'izmir-ve-moskva'],
  ])('%s: %s → %s', (_, text, slug) => {
    expect(turkishSlug(text)).toBe(slug);
  });

  test('a name with no letter at all still gets a stable, non-empty slug', () => {
    expect(nameSlug('★★★')).toMatch(/^x-[a-z0-9]+$/);
    expect(nameSlug('★★★')).toBe(nameSlug('★★★'));
    expect(nameSlug('☆☆☆')).not.toBe(nameSlug('★★★'));
  });
});

describe('boundedSlug', () => {
  test('cuts a long slug at a word boundary, within the bound', () => {
    const slug = boundedSlug(turkishSlug('Uzun bir başlık '.repeat(40)));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.split('-').every((word) => ['uzun', 'bir', 'baslik'].includes(word))).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
  });

  test('keeps a short slug and cuts one over-long word', () => {
    expect(boundedSlug('kisa-baslik')).toBe('kisa-baslik');
    expect(boundedSlug('a'.repeat(250))).toHaveLength(MAX_SLUG_LENGTH);
  });
});

describe('createSlugger', () => {
  test('numbers repeats and never reuses a slug', () => {
    const slug = createSlugger('baslik');
    expect(['Giriş', 'Giriş', 'giris-2', 'GİRİŞ', '!!!'].map(slug)).toEqual([
      'giris',
      'giris-2',
      'giris-2-2',
      'giris-3',
      'baslik',
    ]);
  });
});
