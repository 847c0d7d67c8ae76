import { dump } from 'js-yaml';
import { articleSchema, articleSlug, type ArticleData } from './article.ts';

/** The front matter an import writes, in the contract's order; `undefined` fields are left out. */
export interface ArticleFields {
  title: string;
  description: string;
  publishedAt: string;
  archivedAt: string;
  source: { name: string; url: string };
  lang: string;
  authors?: string[];
  /** Left out of a later version's file: the article's own file holds them. */
  tags?: string[];
  slug?: string;
}

/**
 * An article file's text, validated by the archive's own schema first: what an import writes
 * is what a build accepts. Throws with the schema's message naming the field otherwise.
 */
export function articleFile(
  fields: ArticleFields,
  body: string,
): { text: string; data: ArticleData } {
  const parsed = articleSchema.safeParse(fields);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`)
        .join('; '),
    );
  }
  if (!body.trim()) throw new Error('the article has no body');
  const frontMatter = dump(fields, { lineWidth: -1 }).trimEnd();
  return { text: `---\n${frontMatter}\n---\n\n${body.trim()}\n`, data: parsed.data };
}

/** Where an article's file goes under `content/articles`: `2025/10/28-slug.md`, beside its permalink's day. */
export function articleFilePath(data: ArticleData): string {
  const [year, month, day] = data.publishedAt.date.split('-');
  return `${year}/${month}/${day}-${articleSlug(data)}.md`;
}
