import { relative } from 'node:path';
import { permalink, type ArticleData } from '../lib/article.ts';
import { joinBase } from '../lib/urls.ts';
import { diffPairs, diffPath, versionOfFile, versionPath } from '../lib/versions.ts';
import { validArticles } from './valid-articles.ts';

/** What the configuration needs of the articles before Astro builds, read from their front matter in one pass. */
export interface ArticleIndex {
  /**
   * Astro's `redirects`: every old address an article lists in `redirectFrom`, to its permalink.
   * Astro places the old route under the base but writes the destination as given, so it is given
   * under the base: `/eski/` → `/arsiv/2025/10/28/yeni/`.
   */
  readonly redirects: Record<string, string>;
  /** The sitemap's `lastmod` by route: when the text a page shows was captured. */
  readonly lastModified: ReadonlyMap<string, string>;
}

/**
 * Reads every valid article file under `directory`. Broken files and broken chains of versions
 * are left to the content collection, which names the file and the problem when it builds.
 */
export async function articleIndex(directory: string, base: string): Promise<ArticleIndex> {
  const chains = new Map<string, ArticleData[]>();
  for await (const { path, data } of validArticles(directory)) {
    const { articleFile, number } = versionOfFile(relative(directory, path));
    const chain = chains.get(articleFile) ?? [];
    chain[number - 1] = data;
    chains.set(articleFile, chain);
  }
  const redirects: Record<string, string> = {};
  const lastModified = new Map<string, string>();
  for (const chain of chains.values()) {
    const first = chain[0];
    if (!first) continue;
    const address = permalink(first);
    for (const from of first.redirectFrom) redirects[from] = joinBase(base, address);
    const captured = (number: number) => chain[number - 1]?.archivedAt?.iso;
    const latest = captured(chain.length);
    if (latest) lastModified.set(address, latest);
    if (chain.length < 2) continue;
    chain.forEach((version, index) => {
      if (version.archivedAt)
        lastModified.set(versionPath(address, index + 1), version.archivedAt.iso);
    });
    for (const [from, to] of diffPairs(chain.length)) {
      const changed = captured(to);
      if (changed) lastModified.set(diffPath(address, from, to), changed);
    }
  }
  return { redirects, lastModified };
}
