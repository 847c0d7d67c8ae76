import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
// The front-matter reader Astro's own Markdown uses, without loading the whole Markdown pipeline.
import { parseFrontmatter } from 'astro/markdown';
import { articleSchema, type ArticleData } from '../lib/article.ts';

/**
 * The front matter of every valid article file under `directory`, read outside Astro's build
 * (the configuration, the import command). Invalid files, YAML errors included, are skipped:
 * the content collection reports them, naming the file and the field.
 */
export async function* validArticles(
  directory: string,
): AsyncGenerator<{ path: string; data: ArticleData; body: string }> {
  for await (const file of glob('**/*.md', { cwd: directory })) {
    const path = join(directory, file);
    let frontmatter: unknown;
    let content: string;
    try {
      ({ frontmatter, content } = parseFrontmatter(await readFile(path, 'utf8')));
    } catch {
      continue;
    }
    const parsed = articleSchema.safeParse(frontmatter);
    if (parsed.success) yield { path, data: parsed.data, body: content };
  }
}
