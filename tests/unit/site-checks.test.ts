import { expect, test } from 'vitest';
import { xmlProblem } from '../support/checks.ts';
import { containsWords, wordsOf } from '../support/dist.ts';

/** The comparisons the whole-site checks rely on, shown failing on broken input. */
test('the fidelity comparison fails when a word is dropped, changed or moved', () => {
  const page = wordsOf('Lavrov, “Biz bu sonuca hazırız” dedi. Putin de konuştu.');
  expect(containsWords(page, wordsOf(`Lavrov, "Biz bu sonuca hazırız" dedi.`))).toBe(true);
  expect(containsWords(page, wordsOf('Lavrov, "Biz sonuca hazırız" dedi.'))).toBe(false);
  expect(containsWords(page, wordsOf('Lavrov, "Biz bu sonuca hazırdız" dedi.'))).toBe(false);
  expect(containsWords(page, wordsOf('dedi Lavrov'))).toBe(false);
  expect(containsWords(page, wordsOf('Lavr'))).toBe(false);
});

test('the XML check fails on a feed that is not well-formed', () => {
  expect(xmlProblem('<rss><channel><title>Arşiv</title></channel></rss>')).toBeUndefined();
  expect(xmlProblem('<rss><channel><title>Arşiv & Co</title></rss>')).toMatch(/^line 1: .*&/);
  expect(xmlProblem('<rss><channel><title>Arşiv</title></rss>')).toMatch(/^line 1: .*channel/);
});
