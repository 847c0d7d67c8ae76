export interface ExcerptPart {
  readonly text: string;
  readonly marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/**
 * Splits a Pagefind excerpt into plain-text runs, marking those Pagefind wrapped in `<mark>`.
 * Everything else in the excerpt stays text: the page builds its own `<mark>` elements
 * from these parts, so nothing from the index can ever become markup.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  excerpt.split(/(<mark>|<\/mark>)/).reduce((marked, piece) => {
    if (piece === '<mark>') return true;
    if (piece === '</mark>') return false;
    const text = piece.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
    if (text) parts.push({ text, marked });
    return marked;
  }, false);
  return parts;
}

/**
 * An excerpt of `length` words from a page's text in its original spelling, placed where the
 * matched words (`locations`, Pagefind's word positions) are densest, with those words marked.
 * Pagefind counts words as runs between white space, as the split here does. A line break in
 * `text` (between a title and its lede, say) is shown as a dash where no punctuation ends the line.
 */
export function buildExcerpt(text: string, locations: readonly number[], length = 30): ExcerptPart[] {
  const tokens = text.trim().split(/(\s+)/);
  const words = tokens.filter((_, index) => index % 2 === 0);
  const separatorBefore = (word: number) => {
    const space = tokens[word * 2 - 1] ?? ' ';
    return space.includes('\n') && !/[.!?:;…"'”’]$/.test(words[word - 1] ?? '') ? ' — ' : ' ';
  };
  const sorted = [...new Set(locations)].filter((location) => location < words.length).sort((a, b) => a - b);
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
    const previous = parts.at(-1);
    if (previous && previous.marked === isMarked) parts[parts.length - 1] = { text: previous.text + piece, marked: isMarked };
    else parts.push({ text: piece, marked: isMarked });
  };
  if (start > 0) push('… ', false);
  for (let index = start; index < end; index++) {
    if (index > start) push(separatorBefore(index), false);
    push(words[index]!, marked.has(index));
  }
  if (end < words.length) push(' …', false);
  return parts;
}
