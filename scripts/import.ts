/**
 * Turns captured articles into archive Markdown, one file each under content/articles.
 *
 *   npm run import -- FILE... [--dry-run] [--force]
 *                     [--source-name NAME] [--url URL] [--date YYYY-MM-DD] [--title TITLE] [--slug SLUG]
 *
 * FILE is a plain-text capture in the seed's format (`date YYYY-MM-DD URL`, title, lede, body) or a
 * web page saved from a browser (`.html`, `.htm`). The flags give by hand what a file lacks or gets
 * wrong. Every file is checked before any is written; on any problem nothing is written.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFile, articleFilePath, type ArticleFields } from '../src/lib/article-file.ts';
import { permalink } from '../src/lib/article.ts';
import { validArticles } from '../src/integrations/valid-articles.ts';
import { CaptureError, parseCapture } from '../src/lib/capture.ts';
import { readInput } from './import/read-input.ts';

const { values: options, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'source-name': { type: 'string' },
    url: { type: 'string' },
    date: { type: 'string' },
    title: { type: 'string' },
    slug: { type: 'string' },
    into: { type: 'string', default: 'content/articles' },
  },
});

interface Planned {
  input: string;
  path: string;
  permalink: string;
  url: string;
  text: string;
}

/** A file of the archive as far as conflicts go: where it is, what it archives, where it is served. */
async function existingArticles(directory: string) {
  const articles: { path: string; url: string; permalink: string }[] = [];
  for await (const { path, data } of validArticles(directory)) articles.push({ path, url: data.source.url, permalink: permalink(data) });
  return articles;
}

async function plan(input: string): Promise<Omit<Planned, 'path'> & { fileName: string }> {
  const text = await readInput(input);
  const isPage = ['.html', '.htm'].includes(extname(input).toLowerCase());
  // The HTML tools (a DOM, Readability, rehype) load only when a page is imported.
  const draft = isPage ? (await import('./import/html.ts')).draftFromHtml(text) : parseCapture(text);
  const title = options.title ?? draft.title;
  const url = options.url ?? draft.source.url;
  const publishedAt = options.date ?? draft.publishedAt;
  const name = options['source-name'] ?? draft.source.name;
  const missing = [
    [title, 'a title', '--title'],
    [draft.description, 'a lede or description', undefined],
    [publishedAt, 'a publication date', '--date'],
    [name, 'the source’s name', '--source-name'],
    [url, 'the original address', '--url'],
    [draft.body, 'the article text', undefined],
  ].filter(([value]) => !value);
  if (missing.length > 0) {
    throw new Error(missing.map(([, what, flag]) => `found no ${what}${flag ? `: give it with ${flag}` : ''}`).join('; '));
  }
  const fields: ArticleFields = {
    title: title!,
    description: draft.description!,
    publishedAt: publishedAt!,
    archivedAt: new Date().toISOString().slice(0, 10),
    source: { name: name!, url: url! },
    lang: 'tr',
    tags: [],
    ...(options.slug ? { slug: options.slug } : {}),
  };
  const { text: markdown, data } = articleFile(fields, draft.body!);
  return { input, fileName: articleFilePath(data), permalink: permalink(data), url: data.source.url, text: markdown };
}

async function main(): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run import -- FILE... [--dry-run] [--force] [--source-name NAME] [--url URL] [--date YYYY-MM-DD] [--title TITLE] [--slug SLUG]');
    return 2;
  }
  const into = resolve(options.into);
  const existing = await existingArticles(into);
  const problems: string[] = [];
  const planned: Planned[] = [];
  for (const input of files) {
    try {
      const article = await plan(input);
      const sameUrl = existing.find((other) => other.url === article.url);
      const path = sameUrl && options.force ? sameUrl.path : join(into, article.fileName);
      const samePermalink = existing.find((other) => other.permalink === article.permalink && other.path !== path);
      const inBatch = planned.find((other) => other.url === article.url || other.path === path);
      if (sameUrl && !options.force) problems.push(`${input}: ${relative(process.cwd(), sameUrl.path)} already archives ${article.url} (--force replaces it)`);
      else if (samePermalink) problems.push(`${input}: ${relative(process.cwd(), samePermalink.path)} already has the permalink ${article.permalink}: give another with --slug`);
      else if (inBatch) problems.push(`${input}: ${inBatch.input} is the same article`);
      else if (!options.force && existing.some((other) => other.path === path)) problems.push(`${input}: ${relative(process.cwd(), path)} exists (--force overwrites it)`);
      else planned.push({ ...article, path });
    } catch (error) {
      const line = error instanceof CaptureError && error.line ? `:${error.line}` : '';
      problems.push(`${input}${line}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error('Nothing was written.');
    return 1;
  }
  for (const article of planned) {
    if (options['dry-run']) {
      console.log(`# ${relative(process.cwd(), article.path)} → ${article.permalink}\n${article.text}`);
      continue;
    }
    // Written beside its place, then renamed into it: a file is there whole or not at all.
    await mkdir(dirname(article.path), { recursive: true });
    const temporary = `${article.path}.${process.pid}.tmp`;
    await writeFile(temporary, article.text, { flag: 'wx' });
    await rename(temporary, article.path);
    console.log(`${relative(process.cwd(), article.path)} → ${article.permalink}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`import failed: ${error.message}`);
    process.exit(1);
  },
);
