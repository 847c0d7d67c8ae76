import { foldTurkish } from './turkish.ts';

/**
 * Exact forms: how search tells an article that has the word as typed from one that has only
 * another form of its stem.
 *
 * Pagefind indexes stems only (`yaralılarının`, `yaralılar` and `yaralı` are one entry), so every
 * article with any form of a stem is an equal match and a rare form drowns. So every indexed page
 * also carries each of its words once in an exact form, `0` + the word folded but for `ı` + `0`
 * (`0yaralılarının0`), at weight 0, and the search page asks for that form beside the query.
 * The closing `0` keeps every stemmer off it (no suffix rule ends in a digit), so the form is
 * indexed as written; the opening `0` keeps it out of Pagefind's prefix matching of ordinary words
 * (`yaral…` never reaches `0yaral…`); the page asks for it quoted, which Pagefind answers with
 * that very entry or nothing, never a fallback to a shorter one (`exact_term`). Weight 0
 * adds nothing to any score. Folding makes the written and the capitalised word one form
 * (`IĞDIR`, `Iğdır`: `0ıgdır0`); `ı` is kept, so that a word typed with `i` (`ilik`) is told from
 * another word that only folds to it (`ılık`): the search page asks for the spelling typed, and
 * for the others that fold alike (the word directory lists them, word-directory.ts), to rank the
 * spelling typed first (src/browser/archive-search.ts). Pages in other languages than Turkish
 * fold `ı` too, as their readers type no `ı`.
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;
/** Parts of a written word (`Putin-Trump`, `Lavrov'un`) are indexed on their own from two letters, as Pagefind does with its parts. */
const SHORTEST_PART = 2;

/**
 * Apostrophes, straight and curly: in Turkish one sets a name off from its suffixes
 * (`Lavrov’un`), so the word before it is the word as typed, and the joined form is not one.
 */
const APOSTROPHE = /['’‘ʼ`´]/u;

/**
 * A word up to an apostrophe, folded with Turkish rules, letters and digits only (`Lavrov’un` →
 * `lavrov`, `Putin-Trump` → `putintrump`, `Iğdır` → `igdir`): all its spellings as one. With
 * `keepDotless`, `ı` kept: the spelling (`Iğdır` → `ıgdır`, `ilik` → `ilik`, `ılık` → `ılık`).
 */
export function exactKey(word: string, keepDotless = false): string {
  return foldTurkish(word.split(APOSTROPHE)[0]!, keepDotless).replace(NOT_LETTERS_OR_DIGITS, '');
}

/** The shape of an exact form among a record's words (Pagefind ends a paragraph's last word with a `.`): no word of this shape counts as a match on the search page (a word of the text rarely has it: `000`). */
export const EXACT_FORM_AS_INDEXED = /^0.*0\W*$/u;

/** The exact form of a word as typed, as it stands in a Turkish page's index and as it is asked for: `0yaralılarının0` (`0yaralilarinin0` without `keepDotless`, as other languages' pages hold it); empty for a word without letters or digits. */
export function exactForm(word: string, keepDotless = true): string {
  const key = exactKey(word, keepDotless);
  return key ? `0${key}0` : '';
}

/**
 * The distinct exact forms of a text's words and of their parts (`Putin-Trump` → `putintrump`,
 * `putin`, `trump`; `Lavrov’un` → `lavrov`). The text is folded once as a whole and then split:
 * a word folds alike alone or in its text, and folding word by word was most of the cost of
 * indexing (5 ms a page).
 */
export function exactFormsOf(text: string, keepDotless = true): Set<string> {
  const forms = new Set<string>();
  for (const token of new Set(foldTurkish(text, keepDotless).split(/\s+/))) {
    const word = token.split(APOSTROPHE)[0]!;
    const key = word.replace(NOT_LETTERS_OR_DIGITS, '');
    if (!key) continue;
    forms.add(`0${key}0`);
    const parts = word.split(NOT_LETTER_OR_DIGIT);
    if (parts.length < 2) continue;
    for (const part of parts) if (part.length >= SHORTEST_PART) forms.add(`0${part}0`);
  }
  return forms;
}
