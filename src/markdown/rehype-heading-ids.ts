import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger } from '../lib/slug.ts';

/**
 * Gives every heading an ASCII `id` made with Turkish rules (`İzmir'de` → `izmirde`).
 * It runs before Astro's own heading-id step, which keeps ids already set, so
 * github-slugger (which turns `İ` into `i̇`) never names a heading.
 */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slug = createSlugger('baslik');
    visit(tree, 'element', (node) => {
      if (headingRank(node) !== undefined && typeof node.properties.id !== 'string') {
        node.properties.id = slug(toString(node));
      }
    });
  };
}
