import { posix } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { Article } from './articles.ts';
import { bodyOf } from './article-text.ts';

/** Images archived beside articles, loaded only when a page asks for one. */
const archivedImages = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/**/*.{jpg,jpeg,png,webp,gif,avif}',
);
/** The first image of a body that is a file beside it, as the import writes one: `![alt](./28-slug/photo.jpg "caption")`. */
const FIRST_LOCAL_IMAGE = /!\[[^\]]*\]\((\.\/[^)\s]+)/;

/**
 * The article's first archived image, made 1,200 pixels wide for link previews (`og:image`, JSON-LD
 * `image`): its address on this site, under the base already, as Astro writes every asset's.
 */
export async function leadImage(article: Article): Promise<string | undefined> {
  const src = FIRST_LOCAL_IMAGE.exec(bodyOf(article.entry))?.[1];
  const file = article.entry.filePath;
  const load = src && file ? archivedImages[`/${posix.join(posix.dirname(file), src)}`] : undefined;
  if (!load) return undefined;
  const { default: image } = await load();
  return (await getImage({ src: image, width: Math.min(1200, image.width) })).src;
}
