import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Turkish words for synthetic articles: the stems of the `dictionary-tr` Hunspell dictionary
 * (lowercase entries, so no abbreviations or names), in a fixed shuffled order that the Zipf
 * draw then treats as frequency rank.
 */
export async function turkishVocabulary(size = 20_000): Promise<string[]> {
  const dictionary = join(
    dirname(createRequire(import.meta.url).resolve('dictionary-tr')),
    'index.dic',
  );
  const words = (await readFile(dictionary, 'utf8'))
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0]!.trim())
    .filter((word) => /^[a-zçğıöşüâîû]{2,}$/.test(word));
  let state = 7;
  const shuffled = words
    .map((word) => ({ word, key: (state = (state * 48271) % 2147483647) }))
    .sort((a, b) => a.key - b.key)
    .map(({ word }) => word);
  return shuffled.slice(0, size);
}
