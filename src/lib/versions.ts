import { ARTICLE_OWN_FIELDS, type ArticleData } from './article.ts';
import { lookupKey } from './lookup.ts';

/**
 * How an article that changed after publication is kept: its first capture is the article's own
 * file, `2025/10/28-slug.md`, and each later capture a file of its own beside it,
 * `2025/10/28-slug/surum-2.md`, `surum-3.md`, … (`sürüm`, version). Every file is a whole article
 * as captured, validated by the same schema; the first fixes the permalink and owns what the
 * keeper adds (tags, slug, old addresses).
 */
/** From 2 on, written plainly: `surum-1.md` or `surum-02.md` is no version file, and the build says why when it clashes. */
const VERSION_FILE = /^(.+)\/surum-([2-9]|[1-9]\d+)\.md$/;

/** The article file a content file belongs to, and which of its versions it is (1 for the article file itself). */
export function versionOfFile(file: string): { articleFile: string; number: number } {
  const match = VERSION_FILE.exec(file.replace(/\\/g, '/'));
  if (!match) return { articleFile: file, number: 1 };
  return { articleFile: `${match[1]}.md`, number: Number(match[2]) };
}

/** Where version `number` (2 or later) of the article in `articleFile` is kept. */
export function versionFile(articleFile: string, number: number): string {
  return `${articleFile.replace(/\.md$/, '')}/surum-${number}.md`;
}

/** The permanent address of one version of an article: `/2025/10/28/slug/surum/2/`. */
export function versionPath(permalink: string, number: number): string {
  return `${permalink}surum/${number}/`;
}

/** Where one version's Markdown text is served: `/2025/10/28/slug/surum/2.md`. */
export function versionMarkdownPath(permalink: string, number: number): string {
  return `${permalink}surum/${number}.md`;
}

/**
 * Where a capture's WARC (the HTTP exchanges it was made from) is kept: beside its version's file,
 * `28-slug.warc.gz` for the first, `28-slug/surum-2.warc.gz` for a later one.
 */
export function warcFileOf(versionFile: string): string {
  return versionFile.replace(/\.md$/, '.warc.gz');
}

/**
 * Where one version's WARC is served: `/2025/10/28/slug/surum/2.warc.gz`, the first version's at
 * `surum/1.warc.gz` too, so that its address does not change when a second version arrives.
 */
export function versionWarcPath(permalink: string, number: number): string {
  return `${permalink}surum/${number}.warc.gz`;
}

/** The page of the changes from version `from` to version `to`: `/2025/10/28/slug/fark/1-3/`. */
export function diffPath(permalink: string, from: number, to: number): string {
  return `${permalink}fark/${from}-${to}/`;
}

/** The pairs of versions that get a diff page: each version against the one before, and the first against the latest. */
export function diffPairs(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let to = 2; to <= count; to++) pairs.push([to - 1, to]);
  if (count > 2) pairs.push([1, count]);
  return pairs;
}

/** What a content file brings to its article's chain of versions. */
export interface VersionFile {
  /** The path relative to `content/articles`, as the collection's id. */
  readonly file: string;
  readonly data: ArticleData;
}

/**
 * Every article's files in version order, the article file first. Throws, naming the files, when
 * a version has no article file, when numbers skip (`surum-2.md` then `surum-4.md`), when a
 * version archives another original than its article, lacks the day it was captured, or sets
 * what only the article file may (its address, tags): silently ignored, those would mislead.
 */
export function versionChains<T extends VersionFile>(files: Iterable<T>): T[][] {
  const chains = new Map<string, T[]>();
  for (const item of files) {
    const { articleFile, number } = versionOfFile(item.file);
    const chain = chains.get(articleFile) ?? [];
    chain[number - 1] = item;
    chains.set(articleFile, chain);
  }
  return [...chains].map(([articleFile, chain]) => {
    const first = chain[0];
    if (!first) {
      const orphan = chain.find(Boolean)!;
      throw new Error(
        `${orphan.file} is a version of ${articleFile}, which does not exist: the first capture is the article's own file`,
      );
    }
    const missing = Array.from({ length: chain.length }, (_, index) => index).find(
      (index) => !chain[index],
    );
    if (missing !== undefined) {
      throw new Error(
        `${versionFile(articleFile, missing + 1)} is missing: the versions of ${articleFile} are numbered 2, 3, … without a gap`,
      );
    }
    for (const version of chain.slice(1)) {
      if (lookupKey(version.data.source.url) !== lookupKey(first.data.source.url)) {
        throw new Error(
          `${version.file} archives ${version.data.source.url}, not ${first.data.source.url} as ${first.file} does: a version is a later capture of the same original`,
        );
      }
      if (!version.data.archivedAt)
        throw new Error(
          `${version.file} has no archivedAt: a later version needs the day it was captured`,
        );
      const ownedByArticle = ARTICLE_OWN_FIELDS.filter((field) =>
        field === 'slug' ? version.data.slug !== undefined : version.data[field].length > 0,
      );
      if (ownedByArticle.length > 0) {
        throw new Error(
          `${version.file} sets ${ownedByArticle.join(', ')}: only the article's own file, ${first.file}, may`,
        );
      }
    }
    return chain;
  });
}
