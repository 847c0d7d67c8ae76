import { foldTurkish } from './turkish.ts';

/** Straight, curly and modifier apostrophes: `Trump'ın`, `Belarus’un`, `Kur`an`. */
const APOSTROPHES = /['’‘ʼ`´]/g;

/**
 * An ASCII, lowercase, hyphen-separated slug with Turkish rules
 * (`İstanbul` → `istanbul`, `IŞIK` → `isik`, `Trump'ın` → `trumpin`).
 * Returns an empty string when nothing ASCII is left (e.g. a title in Cyrillic):
 * callers must then ask for an explicit slug.
 */
export function turkishSlug(text: string): string {
  return foldTurkish(text.replace(APOSTROPHES, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Makes slugs unique within one document by suffixing `-2`, `-3` … to repeats, and to any slug
 * `taken` says the document already uses for something else.
 */
export function createSlugger(fallback: string, taken: (slug: string) => boolean = () => false): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = turkishSlug(text) || fallback;
    let slug = base;
    for (let n = 2; used.has(slug) || taken(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}
