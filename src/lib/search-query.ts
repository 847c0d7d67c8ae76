import { foldTurkish, turkishLowerCase } from './turkish.ts';

/** Curly and modifier apostrophes; straight ones are what the index holds. */
const APOSTROPHE_VARIANTS = /[’‘ʼ`´]/g;
const TOKENS = /["“”„]([^"“”„]*)["“”„]?|(\S+)/g;
/** A word and what an apostrophe adds to it: `Lavrov'un` → `Lavrov`. */
const WORD = /[\p{L}\p{N}]+/gu;

export interface SearchQuery {
  /** What Pagefind is asked: every word folded as the index is, quoted phrases kept as phrases. */
  readonly pagefind: string;
  /** The words as typed, lowercased with Turkish rules, for ranking exact spellings first and highlighting. */
  readonly exactWords: readonly string[];
}

/**
 * The index holds Turkish text folded to base letters (`Dışişleri` → `disisleri`),
 * so the query is folded the same way: `ılık`, `ILIK`, `ilik` and `Ilık` ask the same.
 */
export function toSearchQuery(input: string): SearchQuery {
  const parts: string[] = [];
  const exactWords: string[] = [];
  for (const [, phrase, term] of input.replace(APOSTROPHE_VARIANTS, "'").matchAll(TOKENS)) {
    const text = phrase ?? term ?? '';
    const folded = foldTurkish(text).trim();
    if (!folded) continue;
    parts.push(phrase === undefined ? folded : `"${folded}"`);
    for (const part of text.split(/\s+/)) {
      const word = turkishLowerCase(part).match(WORD)?.[0];
      if (word) exactWords.push(word);
    }
  }
  return { pagefind: parts.join(' '), exactWords };
}

/** Words of a text, lowercased with Turkish rules, split at anything but letters and digits. */
function words(text: string): string[] {
  return turkishLowerCase(text).match(WORD) ?? [];
}

/**
 * How many of the typed words the text holds in their typed spelling (as a word or a word's start,
 * so `ılık` counts in `ılıktı`). Folded matches count for nothing here: this breaks ties between
 * `ilik` (marrow) and `ılık` (lukewarm), both of which the folded index finds for either query.
 */
export function exactMatchCount(text: string, exactWords: readonly string[]): number {
  const textWords = words(text);
  return exactWords.filter((word) => textWords.some((candidate) => candidate.startsWith(word))).length;
}
