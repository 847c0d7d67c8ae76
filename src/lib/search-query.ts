import { foldTurkish, turkishLowerCase } from './turkish.ts';
import { exactKey } from './exact-forms.ts';

/** Curly and modifier apostrophes; the straight one is what both query forms use. */
const APOSTROPHE_VARIANTS = /[’‘ʼ`´]/g;
const TOKENS = /["“”„]([^"“”„]*)["“”„]?|(\S+)/g;
/** A word without what an apostrophe adds to it: `Lavrov'un` → `Lavrov`. */
const WORD = /[\p{L}\p{N}]+/u;

export interface SearchQuery {
  /** As typed, lowercased with Turkish rules: Pagefind's Turkish stemmer needs the real spelling. */
  readonly typed: string;
  /** Folded to base letters, to meet the folded variants in the index (see turkish-index.ts). */
  readonly folded: string;
  /** Each word, folded and without apostrophe suffixes, to find matches in a result's text however it spells them. */
  readonly foldedWords: readonly string[];
  /** Each distinct word, in phrases too, as typed (without punctuation around it) and as its exact form's key (exact-forms.ts). */
  readonly words: readonly QueryWord[];
}

export interface QueryWord {
  readonly written: string;
  readonly key: string;
}

const PUNCTUATION_AROUND = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Reads what the reader typed: words and quoted phrases, which stay phrases in both forms. */
export function toSearchQuery(input: string): SearchQuery {
  const typed: string[] = [];
  const folded: string[] = [];
  const foldedWords: string[] = [];
  const words = new Map<string, QueryWord>();
  for (const [, phrase, term] of input.replace(APOSTROPHE_VARIANTS, "'").matchAll(TOKENS)) {
    const text = turkishLowerCase(phrase ?? term ?? '').trim();
    if (!text) continue;
    const quote = (value: string) => (phrase === undefined ? value : `"${value}"`);
    typed.push(quote(text));
    folded.push(quote(foldTurkish(text)));
    for (const part of text.split(/\s+/)) {
      const word = WORD.exec(part)?.[0];
      if (word) foldedWords.push(foldTurkish(word));
      const written = part.replace(PUNCTUATION_AROUND, '');
      const key = exactKey(written);
      if (key && !words.has(key)) words.set(key, { written, key });
    }
  }
  return {
    typed: typed.join(' '),
    folded: folded.join(' '),
    foldedWords,
    words: [...words.values()],
  };
}

/** Whether a word of a page is one the reader searched for, however either of them spells it. */
export function matchesSearchedWord(word: string, foldedWords: readonly string[]): boolean {
  const folded = foldTurkish(word);
  return foldedWords.some((searched) => folded.startsWith(searched));
}
