import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { isPageId } from '../lib/page-ids.ts';
import { createSlugger } from '../lib/slug.ts';

/**
 * Gives every heading an ASCII `id` made with Turkish rules (`İzmir'de` → `izmirde`), where
 * Astro's default, github-slugger, would turn `İ` into `i̇`. Ids the page itself uses
 * (`icerik`, `p-3` …) are left to it: such a heading gets `icerik-2`.
 */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slug = createSlugger('baslik', isPageId);
    visit(tree, 'element', (node) => {
      if (headingRank(node) !== undefined && typeof node.properties.id !== 'string') {
        node.properties.id = slug(toString(node));
      }
    });
  };
}
