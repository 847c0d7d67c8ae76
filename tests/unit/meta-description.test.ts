import { expect, test } from 'vitest';
import {
  cutAtWord,
  META_DESCRIPTION_LENGTH,
  metaDescription,
} from '../../src/lib/meta-description.ts';

test('a short description is kept whole, its runs of white space made one', () => {
  expect(metaDescription('  İstanbul’da\n yağmur  bekleniyor. ')).toBe(
    'İstanbul’da yağmur bekleniyor.',
  );
});

test('a long one is cut at a word’s end within the bound, and marked as cut', () => {
  const lede = 'Iğdır’da ılık bir sabah, şehrin İnönü Caddesi’nde esnaf kepenk açtı. '.repeat(5);
  const cut = metaDescription(lede);
  expect(cut.length).toBeLessThanOrEqual(META_DESCRIPTION_LENGTH);
  expect(cut.endsWith('…')).toBe(true);
  const kept = cut.slice(0, -1);
  expect(lede.startsWith(kept)).toBe(true);
  // It ends where a word ends: the next character of the lede is no letter.
  expect(lede[kept.length]).toMatch(/[^\p{L}]/u);
  expect(kept.length).toBeGreaterThan(META_DESCRIPTION_LENGTH - 30);
});

test('no trailing comma or dash is left before the mark', () => {
  expect(cutAtWord('Ankara, İzmir, Bursa, Antalya', 16)).toBe('Ankara, İzmir…');
});

test('a single word longer than the bound is cut inside it', () => {
  expect(cutAtWord('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
});
