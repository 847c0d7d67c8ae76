import { posix } from 'node:path';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { Article } from './articles.ts';
import { articleText } from './article-text.ts';

/** Images archived beside articles, loaded only when a page asks for one. */
const archivedImages = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/**/*.{jpg,jpeg,png,webp,gif,avif}',
);

/**
 * The article's first archived image, made 1,200 pixels wide for link previews (`og:image`, JSON-LD
 * `image`): its address on this site, under the base already, as Astro writes every asset's.
 */
export async function leadImage(article: Article): Promise<string | undefined> {
  const [src] = articleText(article.entry).localImagePaths;
  const file = article.entry.filePath;
  const load = src && file ? archivedImages[`/${posix.join(posix.dirname(file), src)}`] : undefined;
  if (!load) return undefined;
  const { default: image } = await load();
  return (await getImage({ src: image, width: Math.min(1200, image.width) })).src;
}
