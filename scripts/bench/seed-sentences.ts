import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The seed article's body sentences, to mix real Turkish news prose into synthetic articles. */
export async function seedSentences(projectRoot: string): Promise<string[]> {
  const seed = await readFile(
    join(projectRoot, 'content/articles/2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md'),
    'utf8',
  );
  const body = seed.split(/^---$/m)[2] ?? '';
  return body
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .flatMap((line) => line.split(/(?<=[.!?]"?)\s+(?=[A-ZÇĞİÖŞÜ"])/u))
    .filter((sentence) => sentence.length > 20);
}
