import type { Properties } from 'hast';

/**
 * Astro's placeholder for an image its pipeline optimises: the one file that writes or reads it.
 *
 * Astro has no public API for marking an image in a tree its own Markdown processor did not make.
 * Its processor marks images with `satteriImageMarkerPlugin` (`@astrojs/markdown-satteri`), a Sätteri
 * plugin that runs only inside Sätteri's own compile, on the images its Markdown pass collected;
 * this archive's steps (sanitising, figures: src/markdown/index.ts) run on a unified tree instead.
 * So the mark is written here as that plugin writes it, and Astro (its content runtime) reads it
 * back and swaps in the optimised, sized file: an `<img>` whose one attribute,
 * `__ASTRO_IMAGE_`, holds the JSON of its other attributes, its decoded `src` and the `index` of
 * this occurrence of that `src`.
 *
 * What this relies on is pinned: `astro` (which pins `@astrojs/markdown-satteri`) at an exact
 * version in package.json. tests/unit/astro-image-marker.test.ts renders the same Markdown with
 * Astro's own processor and fails when its mark is no longer this one.
 */
export const ASTRO_IMAGE_ATTRIBUTE = '__ASTRO_IMAGE_';

/** The properties of an `<img>` that Astro will replace with its optimised image. */
export function astroImageProperties(
  { src: _, ...attributes }: Properties,
  src: string,
  index: number,
): Properties {
  return { [ASTRO_IMAGE_ATTRIBUTE]: JSON.stringify({ ...attributes, src, index }) };
}

const MARKED_IMAGE = new RegExp(`<img ${ASTRO_IMAGE_ATTRIBUTE}="[^"]*">`, 'g');

/** Rendered HTML without the images still waiting for Astro (for a feed, which Astro does not finish). */
export function withoutAstroImages(html: string): string {
  return html.replace(MARKED_IMAGE, '');
}
