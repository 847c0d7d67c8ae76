import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { exactForm, exactFormsOf } from '../../src/lib/exact-forms.ts';

/** What the search page asks for each word it is given: the exact form of the word, and of each part of it. */
function formsWordByWord(text: string): Set<string> {
  const forms = new Set<string>();
  for (const token of text.split(/\s+/)) {
    const whole = exactForm(token);
    if (!whole) continue;
    forms.add(whole);
    const parts = token.split(/['’‘ʼ`´]/u)[0]!.split(/[^\p{L}\p{N}]+/u);
    if (parts.length > 1)
      for (const part of parts) if (part.length >= 2) forms.add(exactForm(part));
  }
  return forms;
}

test('a text folded as a whole has the exact forms its words have one by one, on real Turkish news text', async () => {
  const corpus = join(
    dirname(createRequire(import.meta.url).resolve('nlptoolkit-corpus/package.json')),
    'corpus.txt',
  );
  const lines = (await readFile(corpus, 'utf8')).split('\n').slice(0, 3000);
  for (let start = 0; start < lines.length; start += 50) {
    const text = lines.slice(start, start + 50).join('\n');
    expect([...exactFormsOf(text)]).toEqual([...formsWordByWord(text)]);
  }
  // 3,000 sentences word by word: half a second alone, over Vitest's 5 s beside a busy build.
}, 30_000);

test('and in other scripts, capitals, marks and joined words', () => {
  const text =
    "IĞDIR’da İSTANBUL Putin-Trump ΟΔΟΣ ΟΔΟΣ. Straße STRASSE Переговоры «Женеве» café cafe\u0301 N.A.T.O. 2025'te — …";
  expect([...exactFormsOf(text)]).toEqual([...formsWordByWord(text)]);
  expect(exactFormsOf(text)).toContain('0ıgdır0');
  expect(exactFormsOf(text, false)).toContain('0igdir0');
  expect(exactFormsOf(text)).toContain('0οδος0');
});
