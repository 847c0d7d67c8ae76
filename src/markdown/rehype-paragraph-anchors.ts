import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { paragraphId } from '../lib/page-ids.ts';

/**
 * Lets readers link to any paragraph or heading of an article body: top-level paragraphs get
 * `p-1`, `p-2` … in order (headings already have their slugs), and each gets a `¶` link to itself.
 * The links are `data-pagefind-ignore`, so the search index holds only the article's words.
 */
export function rehypeParagraphAnchors(options: { label: string }) {
  return (tree: Root) => {
    let paragraphs = 0;
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'p') node.properties.id = paragraphId(++paragraphs);
      else if (headingRank(node) === undefined || typeof node.properties.id !== 'string') continue;
      node.children.push(anchor(String(node.properties.id), options.label));
    }
  };
}

function anchor(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['anchor'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' },
    children: [{ type: 'text', value: '¶' }],
  };
}
