import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { articleSchema, type ArticleData } from '../../src/lib/article.ts';
import { projectRoot } from './site.ts';

const run = promisify(execFile);

/** What the import made of a saved page: its front matter and text, or nothing; and what it printed. */
export interface ImportOutcome {
  imported?: { data: ArticleData; body: string };
  stderr: string;
}

/**
 * Imports the saved page `source` with the real CLI, as a keeper would, given nothing but the
 * original's address, into the folder `into` (made by the import).
 */
export async function importPage(
  source: string,
  url: string,
  into: string,
): Promise<ImportOutcome> {
  try {
    const { stderr } = await run(
      process.execPath,
      [join(projectRoot, 'scripts/import.ts'), '--into', into, source, '--url', url],
      { cwd: projectRoot },
    );
    const [file] = (await readdir(into, { recursive: true })).filter((name) =>
      name.endsWith('.md'),
    );
    const { frontmatter, content } = parseFrontmatter(await readFile(join(into, file!), 'utf8'));
    return { imported: { data: articleSchema.parse(frontmatter), body: content }, stderr };
  } catch (error) {
    return { stderr: String((error as { stderr?: string }).stderr ?? error) };
  }
}

/** `work` on each item, two at a time (the machine has two cores), the results in the items' order. */
export async function twoAtATime<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += 2)
    results.push(...(await Promise.all(items.slice(index, index + 2).map(work))));
  return results;
}

const normalised = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The same headline after Unicode NFC and whitespace collapsed to one space. */
export const sameTitle = (imported: string, expected: string) =>
  normalised(imported) === normalised(expected);

const nameSet = (names: string[]) =>
  JSON.stringify([...new Set(names.map((name) => normalised(name).toLowerCase()))].sort());

/** The same set of names, compared case-insensitively after whitespace collapsed. */
export const sameAuthors = (imported: string[], expected: string[]) =>
  nameSet(imported) === nameSet(expected);

const language = (tag: string) => {
  const primary = tag.toLowerCase().split('-')[0]!;
  return primary === 'nb' || primary === 'nn' ? 'no' : primary;
};

/** The same primary language subtag, Norwegian's `nb` and `nn` counted as its `no`. */
export const sameLanguage = (imported: string, expected: string) =>
  language(imported) === language(expected);
