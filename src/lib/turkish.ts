/**
 * Turkish casing and folding.
 *
 * `String#toLowerCase()` maps `I` to `i` and `İ` to `i̇` (i + U+0307), which is
 * wrong for Turkish; the `tr` locale maps `I` to `ı` and `İ` to `i`.
 */
export function turkishLowerCase(text: string): string {
  return text.toLocaleLowerCase('tr');
}

/** Letters that NFD cannot decompose into an ASCII base plus a mark. */
const UNDECOMPOSABLE: Record<string, string> = { ı: 'i' };
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lowercases with Turkish rules, then folds every letter to its base:
 * `IĞDIR`, `Iğdır` and `ığdır` all become `igdir`, `Şırnak` becomes `sirnak`.
 * Letters outside Latin (Cyrillic, Greek …) keep their own base letters.
 */
export function foldTurkish(text: string): string {
  return turkishLowerCase(text)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/ı/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .normalize('NFC');
}
