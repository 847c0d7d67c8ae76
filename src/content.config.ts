import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { archiveLoader } from './data/archive-loader.ts';
import { articleSchema } from './lib/article.ts';

export const collections = {
  articles: defineCollection({
    // The file path, not the front matter's `slug`, identifies an entry: two articles
    // may share a slug on different days, and their permalinks still differ.
    loader: archiveLoader(
      glob({
        pattern: '**/*.md',
        base: './content/articles',
        retainBody: false,
        generateId: ({ entry }) => entry,
      }),
    ),
    schema: articleSchema,
  }),
};
