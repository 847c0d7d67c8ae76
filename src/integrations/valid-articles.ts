import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFrontMatter } from '../data/front-matter.ts';
import { articleSchema, hasVisibleText, type ArticleData } from '../lib/article.ts';
import { articleSourceProblem } from '../lib/article-source.ts';

/** An article file as read outside Astro's build: its front matter and body where they could be read, and what is wrong with it. */
export interface ArticleFile {
  readonly path: string;
  readonly data?: ArticleData;
  readonly body?: string;
  /** Each a line: the field and what is wrong with it, or what is wrong with the file. */
  readonly problems: readonly string[];
}

/**
 * Every article file under `directory`, read as Astro's glob loader reads it, with its problems:
 * its bytes (encoding, line ends, front matter's fences), its YAML, the schema's rules by field,
 * and a body with nothing visible.
 */
export async function* articleFiles(directory: string): AsyncGenerator<ArticleFile> {
  for await (const file of glob('**/*.md', { cwd: directory })) {
    const path = join(directory, file);
    const bytes = await readFile(path);
    const sourceProblem = articleSourceProblem(bytes);
    if (sourceProblem) {
      yield { path, problems: [sourceProblem] };
      continue;
    }
    let frontmatter: unknown;
    let body: string;
    try {
      ({ frontmatter, content: body } = readFrontMatter(new TextDecoder().decode(bytes)));
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      yield { path, problems: [`front matter is not valid YAML: ${reason}`] };
      continue;
    }
    const parsed = articleSchema.safeParse(frontmatter);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`,
        );
    if (!hasVisibleText(body)) problems.push('has no body: an archived article needs its text');
    yield { path, ...(parsed.success ? { data: parsed.data } : {}), body, problems };
  }
}

/**
 * The front matter of every article file under `directory` that the schema accepts, read outside
 * Astro's build (the import command). The others are the build's to report (`articleFiles`).
 */
export async function* validArticles(
  directory: string,
): AsyncGenerator<{ path: string; data: ArticleData; body: string }> {
  for await (const { path, data, body } of articleFiles(directory))
    if (data && body !== undefined) yield { path, data, body };
}
