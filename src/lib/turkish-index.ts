import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';

/** The meta key under which a page's indexed text is kept in its original spelling. */
export const ORIGINAL_TEXT_META = 'text';
const ORIGINAL_ATTRIBUTE = 'data-pagefind-original';

const isIgnored = (node: Element) => node.properties.dataPagefindIgnore !== undefined;

/** A meta or filter read from the element's text (`title`), rather than given (`date:2025`) or read from an attribute. */
const readsText = (value: unknown): value is string => typeof value === 'string' && /^[\w-]+$/.test(value.trim());

/**
 * Readies a built page for Pagefind so that it matches Turkish the way readers type.
 *
 * Pagefind lowercases and strips accents (`Ş` → `s`, `İ` → `i`) but has no rule for `ı`, which has
 * no accent to strip: `Dışişleri` would never meet `disisleri`. So every indexed `ı` becomes `i`,
 * and the query is folded the same way (`toSearchQuery`). Results must still show the original
 * spelling, so the page's indexed text is kept, unfolded, as the `text` meta, word for word
 * aligned with what Pagefind indexes; metas and filters read from folded text are re-pointed at
 * an attribute holding the original.
 *
 * Returns `false`, leaving the tree untouched, when the page has no `data-pagefind-body`.
 */
export function prepareForTurkishIndex(tree: Root): boolean {
  const body = select('[data-pagefind-body]', tree);
  if (!body) return false;

  const indexed = structuredClone(body);
  visit(indexed, 'element', (node, index, parent) => {
    if (isIgnored(node) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  // Line breaks between blocks are kept: excerpts show them, and they split words as spaces do.
  const originalText = toText(indexed)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();

  visit(body, (node) => {
    if (node.type === 'element') {
      if (isIgnored(node)) return SKIP;
      for (const key of ['dataPagefindMeta', 'dataPagefindFilter'] as const) {
        const value = node.properties[key];
        if (readsText(value)) {
          node.properties[key] = `${value.trim()}[${ORIGINAL_ATTRIBUTE}]`;
          node.properties.dataPagefindOriginal = toText(node).replace(/\s+/g, ' ').trim();
        }
      }
    } else if (node.type === 'text') {
      node.value = node.value.replace(/ı/g, 'i');
    }
    return undefined;
  });

  body.children.push({
    type: 'element',
    tagName: 'span',
    properties: {
      dataPagefindIgnore: '',
      dataPagefindMeta: `${ORIGINAL_TEXT_META}[${ORIGINAL_ATTRIBUTE}]`,
      dataPagefindOriginal: originalText,
    },
    children: [],
  });
  return true;
}
