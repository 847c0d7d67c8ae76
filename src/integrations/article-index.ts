import { join, relative } from 'node:path';
import { permalink, type ArticleData } from '../lib/article.ts';
import { archiveProblems } from '../lib/archive-rules.ts';
import { joinBase } from '../lib/urls.ts';
import { ui } from '../i18n/tr.ts';
import { renderArticleMarkdown } from '../markdown/index.ts';
import { mayHaveImage } from '../markdown/rehype-archived-images.ts';
import { diffPairs, diffPath, versionChains, versionOfFile, versionPath } from '../lib/versions.ts';
import { articleFiles } from './valid-articles.ts';

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
  /**
   * Everything the archive refuses, one line each, naming the file (relative to the working
   * folder) and the field: a file's own problems, its chain of versions', and the archive's as a
   * whole (src/lib/archive-rules.ts). The configuration prints them and stops before Astro builds,
   * so that each is one line, all at once, without a stack trace.
   */
  readonly problems: readonly string[];
  /** What the build publishes otherwise than written, one line each naming the file: an image that is not there. */
  readonly warnings: readonly string[];
}

/** Reads every article file under `directory`, and what is wrong with the archive. */
export async function articleIndex(directory: string, base: string): Promise<ArticleIndex> {
  const chains = new Map<string, ArticleData[]>();
  const problems: string[] = [];
  const warnings: string[] = [];
  const files: { file: string; data: ArticleData }[] = [];
  const shown = (path: string) => relative(process.cwd(), path);
  for await (const { path, data, body, problems: fileProblems } of articleFiles(directory)) {
    problems.push(...fileProblems.map((problem) => `${shown(path)}: ${problem}`));
    // Its images, checked as its page will render them (src/markdown/image-file.ts).
    if (body !== undefined && mayHaveImage(body)) {
      const { imageProblems, missingImages } = renderArticleMarkdown(body, path);
      problems.push(...imageProblems.map((problem) => `${shown(path)}: ${problem}`));
      warnings.push(
        ...missingImages.map(
          (src) => `${shown(path)}: image ${src} is not there: shown as “${ui.imageNotArchived}”`,
        ),
      );
    }
    if (!data || fileProblems.length > 0) continue;
    files.push({ file: relative(directory, path), data });
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
  try {
    const published = versionChains(files).map(([first, ...later]) => ({
      file: shown(join(directory, first!.file)),
      data: { ...first!.data, source: (later.at(-1) ?? first!).data.source },
    }));
    problems.push(...archiveProblems(published));
  } catch (error) {
    // A chain broken by a file refused above (its article's own, say) is that file's problem.
    if (problems.length === 0) problems.push((error as Error).message);
  }
  return { redirects, lastModified, problems, warnings };
}
