import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { hasVisibleText } from '../lib/article.ts';
import { recallFrontMatter } from './front-matter.ts';
import { mayHaveImage } from '../markdown/rehype-archived-images.ts';

/*
 * The one file that relies on an internal API of Astro: the `entryTypes` its content layer gives
 * each loader (marked `@internal` in Astro's loader types), the Markdown reader and renderer that
 * glob() calls for each file. No public API lets a collection check a file's body as it is read or
 * keep glob() from rendering it. What this relies on is pinned (`astro` at an exact version in
 * package.json); tests/unit/archive-loader.test.ts runs Astro's own glob() through it and fails
 * when glob() no longer reads or renders through these entry types.
 */

/** What the glob loader is told of each file type: how Astro reads a Markdown file, and renders it. */
type RenderFunction = (entry: { body?: string }) => Promise<unknown>;
type EntryInfo = (params: { contents: string; fileUrl: URL }) => Promise<{ body?: string }>;
type EntryTypes = ReadonlyMap<
  string,
  { getEntryInfo?: EntryInfo; getRenderFunction?: (config: unknown) => Promise<RenderFunction> }
>;

/**
 * The glob loader as the archive needs it: every file must have a body, and the content store
 * keeps front matter only.
 *
 * - No body, no article: checked as glob() reads each file, at every sync (`getEntryInfo`).
 * - No HTML: the article pages render their bodies themselves (`articleBody` in
 *   src/data/articles.ts). Left to itself, glob() renders every file into the content store
 *   (33 KB an article, one JSON module Node compiles for minutes at 10,000); its `deferRender`
 *   makes every file a Vite module instead, bundled with the pages (at 1,000 articles: bundling 17 s
 *   instead of 4.5 s, a peak of 1.7 GB instead of 1.0; BENCHMARKS.md). When the renderer returns
 *   nothing, glob() keeps no HTML. Markdown with images (archived beside the article by the import,
 *   or an `<img>` of its raw HTML) is still rendered into the store: Astro resolves its images into optimised ones only there.
 * - No bodies either (`retainBody: false`): pages read them from the files (`bodyOf`).
 */
export function archiveLoader(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      const markdown = entryTypes?.get('.md');
      if (!markdown?.getRenderFunction || !markdown.getEntryInfo)
        throw new Error(
          'src/data/archive-loader.ts: this Astro no longer gives its loaders the Markdown reader and renderer to wrap; see archiveLoader',
        );
      const wrapped = new Map(
        [...entryTypes!].map(([extension, { getEntryInfo, getRenderFunction, ...type }]) => [
          extension,
          getRenderFunction === undefined || getEntryInfo === undefined
            ? { getEntryInfo, getRenderFunction, ...type }
            : {
                ...type,
                getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                  // Parsed already by the configuration, unless the file changed since.
                  const info = recallFrontMatter(params.contents) ?? (await getEntryInfo(params));
                  if (!hasVisibleText(info.body ?? ''))
                    throw new Error(
                      `${relative(process.cwd(), fileURLToPath(params.fileUrl))} has no body: an archived article needs its text`,
                    );
                  return info;
                },
                getRenderFunction: async (config: unknown) => {
                  const render = await getRenderFunction(config);
                  return (entry: { body?: string }) =>
                    mayHaveImage(entry.body ?? '') ? render(entry) : Promise.resolve(undefined);
                },
              },
        ]),
      );
      return loader.load({ ...context, entryTypes: wrapped } as LoaderContext);
    },
  };
}
