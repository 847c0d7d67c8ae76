/** A word's punctuation on either side (`„Lavrov:` → `„`, `Lavrov`, `:`): the mark covers the word alone. */
const PUNCTUATION_AROUND = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * An excerpt of `length` words placed where the `matched` words (positions in `words`) are
 * densest, with those words marked.
 */
export function buildExcerpt(
  words: readonly string[],
  matched: readonly number[],
  length = 30,
): ExcerptPart[] {
  const sorted = [...new Set(matched)]
    .filter((position) => position < words.length)
    .sort((a, b) => a - b);
  let start = 0;
  let best = 0;
  for (let first = 0, last = 0; first < sorted.length; first++) {
    while (last < sorted.length && sorted[last]! < sorted[first]! + length) last++;
    if (last - first > best) {
      best = last - first;
      start = sorted[first]!;
    }
  }
  start = Math.max(0, Math.min(start - Math.floor(length / 6), words.length - length));
  const end = Math.min(words.length, start + length);
  const marked = new Set(sorted);
  const parts: ExcerptPart[] = [];
  const push = (piece: string, isMarked: boolean) => {
    if (!piece) return;
    const previous = parts.at(-1);
    if (previous && previous.marked === isMarked)
      parts[parts.length - 1] = { text: previous.text + piece, marked: isMarked };
    else parts.push({ text: piece, marked: isMarked });
  };
  if (start > 0) push('… ', false);
  for (let index = start; index < end; index++) {
    if (index > start) push(' ', false);
    const word = words[index]!;
    const [, before = '', core = '', after = ''] = PUNCTUATION_AROUND.exec(word) ?? [];
    if (!marked.has(index) || !core) {
      push(word, false);
      continue;
    }
    push(before, false);
    push(core, true);
    push(after, false);
  }
  if (end < words.length) push(' …', false);
  return parts;
}
