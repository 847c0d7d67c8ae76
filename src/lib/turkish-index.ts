import type { Root } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { foldTurkish } from './turkish.ts';

/** The meta that tells how many words at the end of a record are spelling variants, not text (read as `meta.variants` by the search page). */
const VARIANTS_META = 'variants';
/** Variants weigh less than the text, so a page that has a word as typed ranks above one that has it only folded. */
const VARIANT_WEIGHT = '0.5';
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The text Pagefind indexes on a page: its `data-pagefind-body`, less what is `data-pagefind-ignore`d. */
function indexedText(body: Root['children'][number]): string {
  const copy = structuredClone(body);
  visit(copy, 'element', (node, index, parent) => {
    if (node.properties.dataPagefindIgnore !== undefined && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return toText(copy);
}

/**
 * Readies a built page for Pagefind so that it matches Turkish the way readers type.
 *
 * Pagefind lowercases and strips accents (`Ş` → `s`, `İ` → `i`), but `ı` has no accent to strip,
 * so `Dışişleri` never meets `disisleri` and `Iğdır` never meets `ığdır`. Folding the page's own
 * text would fix that but break Pagefind's Turkish stemmer, whose suffix rules follow vowel
 * harmony (`bakanı` → `bakan`, while a folded `bakani` is left as it is). So the text is indexed
 * as written, and every word with an `ı` is added once more, folded (`disisleri`), at the end of the
 * record and at a lower weight; the query is asked both as typed and folded (`toSearchQuery`).
 * The page people read is not changed: only the copy given to Pagefind.
 *
 * Returns `false`, leaving the tree untouched, when the page has no `data-pagefind-body`.
 */
export function prepareForTurkishIndex(tree: Root): boolean {
  const body = select('[data-pagefind-body]', tree);
  if (!body) return false;
  const variants = new Set<string>();
  for (const [word] of indexedText(body).matchAll(WORD)) {
    if (word.includes('ı')) variants.add(foldTurkish(word));
  }
  body.children.push({
    type: 'element',
    tagName: 'p',
    properties: { dataPagefindWeight: VARIANT_WEIGHT, dataPagefindMeta: `${VARIANTS_META}:${variants.size}` },
    children: [{ type: 'text', value: [...variants].join(' ') }],
  });
  return true;
}
