import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

const TEXT_ALIGN = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/;

/**
 * Keeps a Markdown table's column alignment (`:--`, `:-:`, `--:`) as an `align-…` class, a
 * cell's only class.
 * Sätteri writes it as an inline `style`, which the sanitiser drops and the Content Security
 * Policy would block; the class is allowed by both and styled by the site's stylesheet.
 */
export function rehypeTableAlignment() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'th' && node.tagName !== 'td') return;
      const alignment = TEXT_ALIGN.exec(String(node.properties.style ?? ''))?.[1];
      delete node.properties.style;
      if (alignment) node.properties.className = [`align-${alignment}`];
      else delete node.properties.className;
    });
  };
}
