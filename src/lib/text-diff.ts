import { diffChars, diffWords, type ChangeObject } from 'diff';
import { wordCount } from './provenance.ts';

/**
 * Word-level differences between two versions of an article, for readers and for the import's
 * one-line summary. jsdiff finds them; its word splitting is given Intl's word segmenter, which
 * keeps a Turkish suffix with its word (`Lavrov'un`, `Trump’ın`), treats `ı`, `İ`, `ş`, `ğ` as the
 * letters they are, and splits text in any script: jsdiff's own splitting would cut `Lavrov'un`
 * into three tokens and mark a changed suffix as an apostrophe kept between two changes.
 */

/** The parts of an article that change separately: the headline, the lede and the body. */
export const ARTICLE_PARTS = ['title', 'description', 'body'] as const;
export type ArticlePart = (typeof ARTICLE_PARTS)[number];

/** An article's words as a reader sees them: the body's blocks as plain text, one a paragraph. */
export type VersionText = Record<ArticlePart, string>;

export interface DiffSegment {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** A paragraph of the combined text: what stayed, what was taken out and what was put in, in reading order. */
export type DiffBlock = readonly DiffSegment[];

export interface PartDiff {
  readonly blocks: readonly DiffBlock[];
  readonly changed: boolean;
  readonly wordsAdded: number;
  readonly wordsRemoved: number;
  /** Each place where the text changed: what was there and what is there now. */
  readonly hunks: readonly { removed: string; added: string }[];
}

export interface VersionDiff {
  readonly parts: Record<ArticlePart, PartDiff>;
  readonly changedParts: readonly ArticlePart[];
  readonly wordsAdded: number;
  readonly wordsRemoved: number;
  /** Whether every change is the size of a typing error (see `isTypoSized`). */
  readonly typoSized: boolean;
}

/** The most characters one change may touch and still be a typo fix: a letter swapped, dropped or added twice over. */
const TYPO_CHARACTERS = 2;
/** The most places a typo fix may touch: more and it is an edit, however small each part. */
const TYPO_PLACES = 3;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (!found) segmenters.set(lang, (found = new Intl.Segmenter(lang, { granularity: 'word' })));
  return found;
}

/** The changes that turn `before` into `after`, word by word. */
export function wordChanges(before: string, after: string, lang = 'tr'): ChangeObject<string>[] {
  return diffWords(before, after, { intlSegmenter: segmenter(lang) });
}

/** The changes laid out as paragraphs: a blank line in any segment starts a new one. */
function toBlocks(changes: readonly ChangeObject<string>[]): DiffBlock[] {
  const blocks: DiffSegment[][] = [[]];
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    change.value.split(/\n\s*\n/).forEach((text, index) => {
      if (index > 0) blocks.push([]);
      if (text.trim()) blocks.at(-1)!.push({ kind, text: index > 0 ? text.trimStart() : text });
    });
  }
  return blocks.filter((block) => block.length > 0);
}

/** The places where the text changed, each with what was taken out and what was put in. */
function hunksOf(changes: readonly ChangeObject<string>[]): { removed: string; added: string }[] {
  const hunks: { removed: string; added: string }[] = [];
  let open: { removed: string; added: string } | undefined;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      open = undefined;
      continue;
    }
    if (!open) hunks.push((open = { removed: '', added: '' }));
    if (change.added) open.added += change.value;
    else open.removed += change.value;
  }
  return hunks;
}

export function diffPart(before: string, after: string, lang = 'tr'): PartDiff {
  const changes =
    before === after
      ? [{ value: after, count: 1, added: false, removed: false }]
      : wordChanges(before, after, lang);
  const hunks = hunksOf(changes);
  return {
    blocks: toBlocks(changes),
    changed: hunks.length > 0,
    wordsAdded: hunks.reduce((sum, hunk) => sum + wordCount(hunk.added), 0),
    wordsRemoved: hunks.reduce((sum, hunk) => sum + wordCount(hunk.removed), 0),
    hunks,
  };
}

/** How many characters, white space aside, a change touches: the larger of what it took out and what it put in. */
function charactersTouched(hunk: { removed: string; added: string }): number {
  let removed = 0;
  let added = 0;
  for (const change of diffChars(hunk.removed.trim(), hunk.added.trim())) {
    const length = change.value.replace(/\s/g, '').length;
    if (change.added) added += length;
    else if (change.removed) removed += length;
  }
  return Math.max(removed, added);
}

/**
 * Whether a set of changes is the size of a typing error: at most three places, each touching
 * at most two characters (`hukümet` → `hükümet`, `ılık` → `ilik`, a comma). A word such as
 * `değil` put in or taken out is more than that, however short the edit looks.
 */
export function isTypoSized(hunks: readonly { removed: string; added: string }[]): boolean {
  return (
    hunks.length > 0 &&
    hunks.length <= TYPO_PLACES &&
    hunks.every((hunk) => charactersTouched(hunk) <= TYPO_CHARACTERS)
  );
}

/** What changed from one version to the next, part by part. */
export function diffVersions(before: VersionText, after: VersionText, lang = 'tr'): VersionDiff {
  const parts = Object.fromEntries(
    ARTICLE_PARTS.map((part) => [part, diffPart(before[part], after[part], lang)]),
  ) as Record<ArticlePart, PartDiff>;
  const changed = ARTICLE_PARTS.filter((part) => parts[part].changed);
  return {
    parts,
    changedParts: changed,
    wordsAdded: changed.reduce((sum, part) => sum + parts[part].wordsAdded, 0),
    wordsRemoved: changed.reduce((sum, part) => sum + parts[part].wordsRemoved, 0),
    typoSized: isTypoSized(changed.flatMap((part) => parts[part].hunks)),
  };
}

/**
 * One line saying what a new version changed, for the import command:
 * `title, body changed: +20 −3 words` or `body changed: +1 −1 words (typo-sized)`.
 */
export function changeLine(diff: VersionDiff): string {
  if (diff.changedParts.length === 0) return 'only the formatting changed, not the words';
  const parts = diff.changedParts
    .map((part) => (part === 'description' ? 'lede' : part))
    .join(', ');
  return `${parts} changed: +${diff.wordsAdded} −${diff.wordsRemoved} words${diff.typoSized ? ' (typo-sized)' : ''}`;
}

/** Every change of a new version, one line each: `title: − Karşıyaka'da + Karşıyaka ve Bayraklı'da`. */
export function changeLines(diff: VersionDiff): string[] {
  return diff.changedParts.flatMap((part) =>
    diff.parts[part].hunks.map((hunk) => {
      const removed = hunk.removed.trim() ? ` − ${hunk.removed.trim()}` : '';
      const added = hunk.added.trim() ? ` + ${hunk.added.trim()}` : '';
      return `${part === 'description' ? 'lede' : part}:${removed}${added}`;
    }),
  );
}
