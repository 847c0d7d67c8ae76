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
