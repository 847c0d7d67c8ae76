import anyAscii from 'any-ascii';
import { foldTurkish } from './turkish.ts';

/** Straight, curly and modifier apostrophes: `Trump'ın`, `Belarus’un`, `Kur`an`. */
const APOSTROPHES = /['’‘ʼ`´]/g;
const NOT_ASCII = /[^\p{ASCII}]+/gu;
/** A word of another script than Latin, with its marks (Devanagari vowel signs, kana voicing marks). */
const OTHER_SCRIPT = /(?!\p{Script=Latin})\p{L}(?:(?!\p{Script=Latin})[\p{L}\p{M}])*/gu;

/** A derived slug is cut to this many characters, at a word boundary: a file name is never too long. */
export const MAX_SLUG_LENGTH = 100;

/**
 * An ASCII, lowercase, hyphen-separated slug with Turkish rules
 * (`İstanbul` → `istanbul`, `IŞIK` → `isik`, `Trump'ın` → `trumpin`). Letters of other
 * scripts are transliterated by `any-ascii` (`Москва` → `moskva`, `Αθήνα` → `athina`,
 * `القاهرة` → `lqhrh`, `東京` → `dongjing`), and Latin letters Turkish lacks after the Turkish
 * folding (`Straße` → `strasse`), so Turkish letters keep Turkish rules. Empty only when the text has no letter or digit at all.
 */
export function turkishSlug(text: string): string {
  // Other scripts first: the Turkish folding strips marks, which in them are parts of letters.
  const latin = text
    .replace(APOSTROPHES, '')
    .replace(OTHER_SCRIPT, (word) => ` ${anyAscii(word)} `);
  return foldTurkish(latin)
    .replace(NOT_ASCII, (letters) => anyAscii(letters))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug no longer than `max`, cut after its last whole word that fits (one over-long word is cut). */
export function boundedSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max);
}

/** FNV-1a, 32 bits: a stable short name for text that has no letter to spell (`✈︎`, `★★★`). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text))
    hash = Math.imul(hash ^ unit, 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * The slug of a tag's or a source's name, for its page's address: never empty, in any script.
 * A name with no letter or digit at all gets a stable hash of itself.
 */
export function nameSlug(name: string): string {
  return boundedSlug(turkishSlug(name)) || `x-${shortHash(name.normalize('NFC'))}`;
}

/**
 * Makes slugs unique within one document by suffixing `-2`, `-3` … to repeats, and to any slug
 * `taken` says the document already uses for something else.
 */
export function createSlugger(
  fallback: string,
  taken: (slug: string) => boolean = () => false,
): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = turkishSlug(text) || fallback;
    let slug = base;
    for (let n = 2; used.has(slug) || taken(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}
