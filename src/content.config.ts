import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { articleSchema } from './lib/article.ts';

/** What the glob loader is told of each file type: for Markdown, how Astro would render it. */
type RenderFunction = (entry: { body?: string }) => Promise<unknown>;
type EntryTypes = ReadonlyMap<string, { getRenderFunction?: (config: unknown) => Promise<RenderFunction> }>;

/** A Markdown image (`![alt](file)`): archived images reach a page only through Astro's own rendering. */
const HAS_IMAGE = /!\[[^\]]*\]\(/;

/**
 * The glob loader, reading front matter and bodies only: the article pages render their bodies
 * themselves (`articleBody` in src/data/articles.ts). Left to itself, glob() renders every file
 * into the content store (33 KB an article, one JSON module Node compiles for minutes at 10,000,
 * and a store that breaks near 16,000); its `deferRender` makes every file a Vite module instead,
 * bundled with the pages (at 1,000 articles: bundling 17 s instead of 4.5 s, a peak of 1.7 GB
 * instead of 1.0; BENCHMARKS.md). When the renderer returns nothing, glob() keeps the data and the
 * body, and nothing else. Markdown with images (archived beside the article by the import) is still
 * rendered into the store: Astro resolves its images into optimised ones only there.
 */
function withoutRendering(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      if (!entryTypes?.get('.md')?.getRenderFunction) throw new Error('src/content.config.ts: this Astro no longer gives its loaders the Markdown renderer to leave out; see withoutRendering');
      const unrendered = new Map(
        [...entryTypes].map(([extension, { getRenderFunction, ...type }]) => [
          extension,
          getRenderFunction === undefined
            ? type
            : {
                ...type,
                getRenderFunction: async (config: unknown) => {
                  const render = await getRenderFunction(config);
                  return (entry: { body?: string }) => (HAS_IMAGE.test(entry.body ?? '') ? render(entry) : Promise.resolve(undefined));
                },
              },
        ]),
      );
      return loader.load({ ...context, entryTypes: unrendered } as LoaderContext);
    },
  };
}

export const collections = {
  articles: defineCollection({
    // The file path, not the front matter's `slug`, identifies an entry: two articles
    // may share a slug on different days, and their permalinks still differ.
    loader: withoutRendering(glob({ pattern: '**/*.md', base: './content/articles', generateId: ({ entry }) => entry })),
    schema: articleSchema,
  }),
};
