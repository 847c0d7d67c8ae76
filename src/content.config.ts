import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/article.ts';

export const collections = {
  articles: defineCollection({
    // The file path, not the front matter's `slug`, identifies an entry: two articles
    // may share a slug on different days, and their permalinks still differ.
    loader: glob({ pattern: '**/*.md', base: './content/articles', generateId: ({ entry }) => entry }),
    schema: articleSchema,
  }),
};
