import { readFile } from 'node:fs/promises';
import { SEED_ARTICLE_FILE } from '../../tests/support/seed.ts';

/** The seed article's body sentences, to mix real Turkish news prose into synthetic articles. */
export async function seedSentences(): Promise<string[]> {
  const body = (await readFile(SEED_ARTICLE_FILE, 'utf8')).split(/^---$/m)[2] ?? '';
  return body
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .flatMap((line) => line.split(/(?<=[.!?]"?)\s+(?=[A-ZÇĞİÖŞÜ"])/u))
    .filter((sentence) => sentence.length > 20);
}
