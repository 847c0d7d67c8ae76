import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  changeLine,
  changeLines,
  diffPart,
  diffVersions,
  isTypoSized,
  wordChanges,
} from '../../src/lib/text-diff.ts';
import { renderArticleMarkdown } from '../../src/markdown/index.ts';

/** The words of each kind of segment, as a reader would see them marked. */
function marked(before: string, after: string, kind: 'added' | 'removed') {
  return diffPart(before, after)
    .blocks.flat()
    .filter((segment) => segment.kind === kind)
    .map((segment) => segment.text.trim());
}

describe('word-level changes, Turkish-aware', () => {
  test('a changed suffix marks the whole suffixed word, not the apostrophe between two changes', () => {
    expect(
      marked("Lavrov'un açıklaması geldi.", "Lavrov'a göre açıklama geldi.", 'removed'),
    ).toEqual(["Lavrov'un açıklaması"]);
    expect(marked("Lavrov'un açıklaması geldi.", "Lavrov'a göre açıklama geldi.", 'added')).toEqual(
      ["Lavrov'a göre açıklama"],
    );
    const tokens = wordChanges('Trump’ın sözleri', 'Trump’ın sözleri').map(
      (change) => change.value,
    );
    expect(tokens).toEqual(['Trump’ın sözleri']);
  });

  test('dotless and dotted i are different letters, and words holding them are whole words', () => {
    expect(marked('Su ılık kaldı.', 'Su ilik kaldı.', 'removed')).toEqual(['ılık']);
    expect(marked('Su ılık kaldı.', 'Su ilik kaldı.', 'added')).toEqual(['ilik']);
    expect(marked("IĞDIR'da kar yağdı.", "Iğdır'da kar yağdı.", 'added')).toEqual(["Iğdır'da"]);
    expect(diffPart('İzmir ve Işık', 'İzmir ve Işık').changed).toBe(false);
  });

  test('words in other scripts are words too', () => {
    expect(marked('Москва заявила сегодня', 'Москва заявила вчера', 'added')).toEqual(['вчера']);
  });

  test('an added paragraph is a block of its own, wholly marked as added', () => {
    const diff = diffPart(
      'Birinci paragraf.\n\nİkinci paragraf.',
      'Birinci paragraf.\n\nİkinci paragraf.\n\nÜçüncü paragraf eklendi.',
    );
    expect(diff.blocks).toHaveLength(3);
    expect(diff.blocks[2]).toEqual([{ kind: 'added', text: 'Üçüncü paragraf eklendi.' }]);
    expect(diff.wordsAdded).toBe(3);
    expect(diff.wordsRemoved).toBe(0);
  });

  test('the combined text reads as the new text without what was removed, and as the old without what was added', () => {
    const before = 'Bakan açıklama yaptı.\n\nToplantı yarın sürecek.';
    const after = 'Bakan dün akşam açıklama yaptı.\n\nToplantı cuma günü sürecek.';
    const blocks = diffPart(before, after).blocks;
    const read = (skip: string) =>
      blocks
        .map((block) =>
          block
            .filter((s) => s.kind !== skip)
            .map((s) => s.text)
            .join(''),
        )
        .join('\n\n');
    expect(read('removed')).toBe(after);
    expect(read('added')).toBe(before);
  });
});

describe('typo-sized changes', () => {
  test.each([
    ['a letter put right', 'hukümet', 'hükümet'],
    ['dotless for dotted', 'ılık', 'ilik'],
    ['a comma added', 'Ankara dün', 'Ankara, dün'],
    ['two letters swapped', 'açıklmaa', 'açıklama'],
  ])('%s is typo-sized', (_, removed, added) => {
    expect(isTypoSized(diffPart(removed, added).hunks)).toBe(true);
  });

  test.each([
    ['a negation', 'Bakan kabul etti.', 'Bakan kabul etmedi değil.'],
    ['a word replaced', 'Bakan kabul etti.', 'Bakan reddetti.'],
    ['a sentence added', 'Bakan kabul etti.', 'Bakan kabul etti. Toplantı yarın.'],
  ])('%s is not', (_, before, after) => {
    expect(isTypoSized(diffPart(before, after).hunks)).toBe(false);
  });

  test('four small fixes are an edit, not a typo fix', () => {
    expect(
      isTypoSized(
        diffPart(
          'bir ıki üç dört bes altı yedı sekiz dokuz on bır',
          'bir iki üç dört beş altı yedi sekiz dokuz on bir',
        ).hunks,
      ),
    ).toBe(false);
  });

  test('no change at all is no typo fix', () => {
    expect(isTypoSized([])).toBe(false);
  });
});

test('a version’s summary names the parts that changed and counts words in all of them', () => {
  const before = {
    title: 'Lavrov: garanti gerek',
    description: 'Kısa özet.',
    body: 'Bir cümle.\n\nİki cümle.',
  };
  const after = {
    title: 'Lavrov: garantiler gerek',
    description: 'Kısa özet.',
    body: 'Bir cümle.\n\nİki cümle.\n\nÜç yeni cümle.',
  };
  const diff = diffVersions(before, after);
  expect(diff.changedParts).toEqual(['title', 'body']);
  expect(diff.parts.description.changed).toBe(false);
  expect(diff.wordsAdded).toBe(4);
  expect(diff.wordsRemoved).toBe(1);
  expect(diff.typoSized).toBe(false);
});

test('the import’s one line says which parts changed, by how many words, and whether it is a typo fix', () => {
  const before = {
    title: 'Lavrov: garanti gerek',
    description: 'Kısa özet.',
    body: 'Hukümet açıkladı.',
  };
  expect(changeLine(diffVersions(before, { ...before, body: 'Hükümet açıkladı.' }))).toBe(
    'body changed: +1 −1 words (typo-sized)',
  );
  const edited = diffVersions(before, {
    ...before,
    title: 'Lavrov: garantiler gerek',
    description: 'Kısa ve yeni özet.',
  });
  expect(changeLine(edited)).toBe('title, lede changed: +3 −1 words');
  expect(changeLines(edited)).toEqual(['title: − garanti + garantiler', 'lede: + ve yeni']);
  expect(changeLine(diffVersions(before, before))).toBe(
    'only the formatting changed, not the words',
  );
});

describe('on the archive’s real text', () => {
  const file = fileURLToPath(
    new URL(
      '../../content/articles/2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md',
      import.meta.url,
    ),
  );
  const markdown = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const seed = renderArticleMarkdown(markdown).text;

  test('a suffix changed in a quoted heading and a date corrected are each one word, marked alone', () => {
    const edited = seed
      .replace("'START Anlaşması'nın uzatılması", "'START Anlaşması'na uzatma")
      .replace("5 Şubat 2027'ye", "4 Şubat 2027'ye");
    const diff = diffPart(seed, edited);
    expect(diff.hunks.map((hunk) => [hunk.removed.trim(), hunk.added.trim()])).toEqual([
      ["Anlaşması'nın uzatılması", "Anlaşması'na uzatma"],
      ['5', '4'],
    ]);
    expect(diff.blocks).toHaveLength(seed.split('\n\n').length);
    expect(isTypoSized(diff.hunks)).toBe(false);
  });

  test('a curly apostrophe made straight is typo-sized, and counts as the one word it is', () => {
    const diff = diffPart(seed, seed.replace('Belarus’un', "Belarus'un"));
    expect(diff.hunks).toEqual([{ removed: 'Belarus’un', added: "Belarus'un" }]);
    expect([diff.wordsRemoved, diff.wordsAdded]).toEqual([1, 1]);
    expect(isTypoSized(diff.hunks)).toBe(true);
  });
});
