/**
 * What link previews and search engines read of a page: its description cut to what they show
 * (about 160 characters before search results cut it themselves), at a word's end, marked as cut.
 * The page itself shows the lede whole.
 */
export const META_DESCRIPTION_LENGTH = 160;

/** Words by Intl.Segmenter, Unicode's own word boundaries, so no word is split in any script. */
const words = new Intl.Segmenter('tr', { granularity: 'word' });

/** `text` up to `length` characters, cut at a word's end and marked as cut when it is longer. */
export function cutAtWord(text: string, length: number): string {
  const whole = text.trim().replace(/\s+/g, ' ');
  if (whole.length <= length) return whole;
  // Room for the ellipsis; then up to the last word's end that fits.
  let end = 0;
  for (const { index, segment, isWordLike } of words.segment(whole)) {
    if (index + segment.length > length - 1) break;
    if (isWordLike) end = index + segment.length;
  }
  // A first word longer than the whole bound is cut inside it: a preview needs some text.
  const cut = end > 0 ? whole.slice(0, end) : whole.slice(0, length - 1);
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

export function metaDescription(text: string): string {
  return cutAtWord(text, META_DESCRIPTION_LENGTH);
}

/**
 * A lede in a list of articles: whole as most are, a long one cut so that a page of them stays
 * light (the article's own page shows it whole).
 */
export const SUMMARY_LEDE_LENGTH = 600;

export function summaryLede(text: string): string {
  return cutAtWord(text, SUMMARY_LEDE_LENGTH);
}
