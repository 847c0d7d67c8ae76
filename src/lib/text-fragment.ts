/** Punctuation around a word that is not part of it: `"Lavrov,` → `Lavrov`. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const MOST_TERMS = 3;

/** Percent-encodes a text directive's term; `-`, `&` and `,` have meanings there, so they are encoded too. */
const encodeTerm = (term: string) => encodeURIComponent(term).replace(/-/g, '%2D');

/**
 * A text fragment (`#:~:text=Dışişleri&text=Bakanı`) for the words a search matched, in the
 * page's own spelling, so that the browser itself highlights them and scrolls to the first:
 * the article page needs no script for it. `matched` are the positions of those words in `words`.
 */
export function textFragment(words: readonly string[], matched: readonly number[]): string {
  const terms = [
    ...new Set(
      [...matched]
        .sort((a, b) => a - b)
        .map((position) => words[position]?.replace(EDGE_PUNCTUATION, '') ?? ''),
    ),
  ]
    .filter(Boolean)
    .slice(0, MOST_TERMS);
  return terms.length ? `#:~:${terms.map((term) => `text=${encodeTerm(term)}`).join('&')}` : '';
}
