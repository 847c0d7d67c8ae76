import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
// The front-matter reader Astro's own Markdown uses, without loading the whole Markdown pipeline.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { articleSchema, permalink } from '../lib/article.ts';

/**
 * Astro's `redirects` for every old address an article lists in `redirectFrom`, read from the
 * articles' front matter when the configuration loads (Astro wants redirects before it builds).
 * Invalid files, YAML errors included, are skipped here: the content collection reports them,
 * naming the file and the field.
 */
export async function articleRedirects(articles: string): Promise<Record<string, string>> {
  const redirects: Record<string, string> = {};
  for await (const file of glob('**/*.md', { cwd: articles })) {
    let frontmatter: unknown;
    try {
      ({ frontmatter } = parseFrontmatter(await readFile(join(articles, file), 'utf8')));
    } catch {
      continue;
    }
    const parsed = articleSchema.safeParse(frontmatter);
    if (!parsed.success) continue;
    for (const from of parsed.data.redirectFrom) redirects[from] = permalink(parsed.data);
  }
  return redirects;
}
