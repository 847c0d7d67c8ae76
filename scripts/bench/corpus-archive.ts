import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MAX_LEDE_LENGTH } from '../../src/lib/article.ts';

/**
 * Archives of real Turkish news text: the sentences of the `nlptoolkit-corpus` package (ISC; about
 * 50,000 lines of Turkish news, lower-cased and tokenised, in the order of the articles they come
 * from). Each article takes the next `LINES_PER_ARTICLE` lines, none used twice: its title, its
 * lede and its body, with the tokenisation undone (`ankara , dün` → `ankara, dün`) and each
 * sentence's first letter capitalised with Turkish rules, as a keeper's copy would read.
 */

export const LINES_PER_ARTICLE = 5;

const SOURCES = [
  'Anadolu Ajansı',
  'Doğu Haber',
  'Ege Postası',
  'Karadeniz Gazetesi',
  'Başkent Haber',
  'Işık Medya',
];

/** The corpus's lines, as the package ships them. */
export async function corpusLines(): Promise<string[]> {
  const corpus = join(
    dirname(createRequire(import.meta.url).resolve('nlptoolkit-corpus/package.json')),
    'corpus.txt',
  );
  return (await readFile(corpus, 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Undoes the corpus's tokenisation and capitalises the sentence: `milli savunma , dün` → `Milli savunma, dün`. */
export function sentenceOf(line: string): string {
  const text = line
    .replace(/\s+([,.;:!?%)])/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/\s+'\s*/g, "'")
    .replace(/"\s+([^"]*?)\s+"/g, '"$1"');
  return text.charAt(0).toLocaleUpperCase('tr') + text.slice(1);
}

export interface CorpusArticle {
  file: string;
  permalink: string;
  /** The indexed text as written: title, lede and body. */
  text: string;
}

const yamlString = (text: string) => JSON.stringify(text);

export interface CorpusOptions {
  count: number;
  /** The number of the first article: it takes the corpus's lines from there, and files, slugs and addresses are numbered from it. */
  first?: number;
  /** The articles' `lang` (the text stays Turkish: for measuring what a language costs, not how it matches). */
  lang?: string;
}

/** Writes `count` articles into `directory` (as `content/articles` holds them) and returns them. */
export async function writeCorpusArchive(
  directory: string,
  { count, first = 0, lang = 'tr' }: CorpusOptions,
): Promise<CorpusArticle[]> {
  const lines = await corpusLines();
  const available = Math.floor(lines.length / LINES_PER_ARTICLE);
  if (first + count > available)
    throw new Error(
      `nlptoolkit-corpus has lines for ${available} articles of ${LINES_PER_ARTICLE} lines, not ${first + count}`,
    );
  const articles: CorpusArticle[] = [];
  const start = Date.UTC(2000, 0, 1);
  for (let index = first; index < first + count; index++) {
    const [title, lede, ...body] = lines
      .slice(index * LINES_PER_ARTICLE, (index + 1) * LINES_PER_ARTICLE)
      .map(sentenceOf);
    const date = new Date(start + index * 86_400_000 * 0.7).toISOString().slice(0, 10);
    const slug = `haber-${index}`;
    const file = join(directory, date.slice(0, 4), `${date}-${String(index).padStart(5, '0')}.md`);
    const paragraphs = body.join(' ');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      `---
title: ${yamlString(title!.slice(0, 200))}
description: ${yamlString(lede!.slice(0, MAX_LEDE_LENGTH))}
publishedAt: ${date}
source:
  name: ${yamlString(SOURCES[index % SOURCES.length]!)}
  url: https://haber.example/${date.replaceAll('-', '/')}/${index}
slug: ${slug}
lang: ${lang}
---

${paragraphs}
`,
    );
    articles.push({
      file,
      permalink: `/${date.replaceAll('-', '/')}/${slug}/`,
      text: `${title!.slice(0, 200)} ${lede} ${paragraphs}`,
    });
  }
  return articles;
}
