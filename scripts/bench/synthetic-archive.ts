import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_LEDE_LENGTH } from '../../src/lib/article.ts';

/**
 * Deterministic archives for benchmarks: 300–1,500 words an article, dates over ten years, a few
 * hundred tags and a dozen sources, every file valid under the archive's schema. The text is
 * either synthetic, Turkish words drawn from a vocabulary with a Zipf distribution, or real:
 * consecutive sentences of real Turkish news (`corpus`), from a place drawn for each article.
 */

/** mulberry32: a small, fast, seedable generator, so that every run writes the same archive (and the relevance run asks the same words). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i with probability proportional to 1 / (i + 1): the Zipf law of word frequencies. */
function zipf(size: number, next: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= size; rank++) cumulative.push((total += 1 / rank));
  return () => {
    const target = next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export interface SyntheticOptions {
  count: number;
  /** Words to draw from, most frequent first. */
  vocabulary: readonly string[];
  /** Whole sentences to mix in, such as the seed article's. */
  sentences: readonly string[];
  /**
   * Real sentences, in their order: when given, each article's text is a run of them instead of
   * drawn words (titles and ledes too), from a place drawn for it. A real corpus smaller than the
   * archive is read again from other places: sentences repeat across articles, articles do not.
   */
  corpus?: readonly string[] | undefined;
  seed?: number;
  /** The number of the first article written: files, slugs and original URLs are numbered from it, so later batches add to an archive. */
  firstIndex?: number;
  /**
   * How many calendar years, ending with 2025, the dates are spread over (else 2015–2025): fewer
   * years give a year the articles a larger archive has in one (10,000 over one year: a year of
   * 100,000 over ten).
   */
  years?: number | undefined;
}

const SOURCES = [
  'Sputnik Türkiye',
  'Anadolu Ajansı',
  'Doğu Haber',
  'Ege Postası',
  'Karadeniz Gazetesi',
  'Başkent Haber',
  'Akdeniz Günlüğü',
  'Marmara Ajansı',
  'Trakya Postası',
  'İç Anadolu Haber',
  'Güneydoğu Gazetesi',
  'Işık Medya',
];

const yamlString = (text: string) => JSON.stringify(text);

/** Writes `count` articles under `directory` (as `content/articles` would hold them) and returns their paths. */
export async function writeSyntheticArchive(
  directory: string,
  options: SyntheticOptions,
): Promise<string[]> {
  const next = random(options.seed ?? 20251028);
  const word = zipf(options.vocabulary.length, next);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const tags = Array.from(
    { length: 300 },
    (_, index) => `${options.vocabulary[(index * 7) % options.vocabulary.length]} ${index + 1}`,
  );
  const { corpus } = options;
  let corpusLine = 0;
  const sentence = () => {
    if (corpus) return corpus[corpusLine++ % corpus.length]!;
    if (next() < 0.05) return options.sentences[between(0, options.sentences.length - 1)]!;
    const words = Array.from({ length: between(6, 18) }, () => options.vocabulary[word()]!);
    const text = words.join(' ');
    return `${text[0]!.toLocaleUpperCase('tr')}${text.slice(1)}.`;
  };
  const paragraph = (words: number) => {
    const sentences: string[] = [];
    let length = 0;
    while (length < words) {
      const next = sentence();
      sentences.push(next);
      length += next.split(' ').length;
    }
    return sentences.join(' ');
  };
  const paths: string[] = [];
  const start = Date.UTC(options.years ? 2026 - options.years : 2015, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const first = options.firstIndex ?? 0;
  for (let index = first; index < first + options.count; index++) {
    const date = new Date(start + Math.floor(next() * span)).toISOString().slice(0, 10);
    if (corpus) corpusLine = between(0, corpus.length - 1);
    const title = sentence().replace(/\.$/, '').slice(0, 110).trim();
    const bodyWords = between(300, 1500);
    const paragraphs: string[] = [];
    for (let written = 0; written < bodyWords; written += 90)
      paragraphs.push(paragraph(Math.min(90, bodyWords - written)));
    if (paragraphs.length > 3) paragraphs.splice(2, 0, `## ${sentence().replace(/\.$/, '')}`);
    const articleTags = Array.from({ length: between(1, 5) }, () => tags[word() % tags.length]!);
    const file = join(directory, date.slice(0, 4), `${date}-${String(index).padStart(5, '0')}.md`);
    const text = `---
title: ${yamlString(title)}
description: ${yamlString(sentence().slice(0, MAX_LEDE_LENGTH))}
publishedAt: ${date}
source:
  name: ${yamlString(SOURCES[index % SOURCES.length]!)}
  url: https://haber.example/${date.replaceAll('-', '/')}/${index}
tags: ${JSON.stringify([...new Set(articleTags)])}
slug: ${yamlString(`haber-${index}`)}
---

${paragraphs.join('\n\n')}
`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    paths.push(file);
  }
  return paths;
}
