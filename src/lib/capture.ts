import { parsePublishedAt } from './dates.ts';

/**
 * Plain-text captures of news articles, as the seed file is:
 *
 *   date 2025-10-28 https://original.example/article
 *   Title
 *   Lede, which may end with a dateline such as "28.10.2025, Sputnik Türkiye"
 *   Body, whose paragraph breaks were lost.
 */
export interface ArticleDraft {
  title: string;
  description: string;
  publishedAt: string;
  source: { name?: string; url: string };
  /** Markdown: paragraphs restored, quoted subheadings as `##` headings. */
  body: string;
}

/** A problem with an input, and the line it is on where there is one. */
export class CaptureError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const UPPER = 'A-ZÇĞİÖŞÜÂÎÛ';
const SENTENCE_END = /[.!?…]/;
const QUOTES = /["“”'‘’]/;
const IS_UPPER = new RegExp(`[${UPPER}]`);
const DATELINE = /\s*(\d{2})\.(\d{2})\.(\d{4}),\s*([^,.]+?)\s*$/;
/** Short words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'prof',
  'doç',
  'av',
  'st',
  'vb',
  'vs',
  'bkz',
  'yy',
  'no',
  'mr',
  'ms',
]);

/** Whether the quote at `index` stands alone (opens or closes), rather than being an apostrophe inside a word. */
function isQuote(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  const letter = /[\p{L}\p{N}]/u;
  return !(
    before !== undefined &&
    letter.test(before) &&
    after !== undefined &&
    letter.test(after) &&
    !IS_UPPER.test(after)
  );
}

/** Whether the full stop at `index` ends a sentence, rather than an ordinal (`3.`), an initial (`A.`) or an abbreviation. */
function endsSentence(text: string, index: number): boolean {
  if (text[index] !== '.') return true;
  // The word before the stop, found by walking back from it: a pattern anchored at the end of
  // `text.slice(0, index)` would scan from the start of the text at every stop (quadratic).
  let wordStart = index;
  while (wordStart > 0 && /[\p{L}\p{N}\p{M}]/u.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, index);
  if (/^\d+$/.test(word)) return false;
  if (word.length === 1 && IS_UPPER.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLocaleLowerCase('tr'));
}

/**
 * Restores the paragraph breaks of a capture: a new paragraph starts where a sentence end or a
 * closing quote touches the next capital letter with no space between (`söyledi.Belarus’un`,
 * `konuşulmuyor'Lavrov`). A quote after a sentence end closes the paragraph when a quotation is
 * open (`hazırız."Dahası`) and opens the next one otherwise (`dedi.'START …`).
 */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let start = 0;
  let openQuotes = 0;
  const breakAt = (index: number) => {
    paragraphs.push(text.slice(start, index).trim());
    start = index;
    openQuotes = 0;
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const next = text[index + 1] ?? '';
    const afterNext = text[index + 2] ?? '';
    if (QUOTES.test(character) && isQuote(text, index)) {
      const touchesCapital = IS_UPPER.test(next) && index > start && !/\s/.test(text[index - 1]!);
      if (touchesCapital && openQuotes % 2 === 1) {
        breakAt(index + 1);
        continue;
      }
      openQuotes++;
    } else if (SENTENCE_END.test(character) && endsSentence(text, index)) {
      if (IS_UPPER.test(next)) breakAt(index + 1);
      else if (QUOTES.test(next) && IS_UPPER.test(afterNext)) {
        if (openQuotes % 2 === 1) {
          breakAt(index + 2);
          index++;
        } else breakAt(index + 1);
      }
    }
  }
  paragraphs.push(text.slice(start).trim());
  return paragraphs.filter(Boolean);
}

/** A paragraph that is one short quotation and no sentence, standing between two others: a subheading. */
export function isQuotedSubheading(paragraph: string, index: number, count: number): boolean {
  if (index === 0 || index === count - 1 || paragraph.length > 120) return false;
  const match = /^(["“'‘])(.+)(["”'’])$/u.exec(paragraph);
  return match !== null && !/[.!?…]$/.test(match[2]!) && !/[.!?…]["”'’]?\s/.test(match[2]!);
}

/** Paragraphs as Markdown, quoted subheadings as second-level headings. */
export function bodyMarkdown(text: string): string {
  const paragraphs = text.split(/\n+/).flatMap(splitParagraphs);
  return paragraphs
    .map((paragraph, index) =>
      isQuotedSubheading(paragraph, index, paragraphs.length) ? `## ${paragraph}` : paragraph,
    )
    .join('\n\n');
}

/** Reads a capture (already decoded, BOM and CRLF removed), naming the line of any problem. */
export function parseCapture(text: string): ArticleDraft {
  const lines = text.split('\n');
  const numbered = lines
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line);
  if (numbered.length === 0) throw new CaptureError('the file is empty');
  const [first, title, lede, ...body] = numbered as [(typeof numbered)[number], ...typeof numbered];
  const header = /^date\s+(\S+)\s+(\S+)$/.exec(first.line);
  if (!header)
    throw new CaptureError(
      'expected "date YYYY-MM-DD URL" (the date and the original address)',
      first.number,
    );
  const [, date, url] = header as unknown as [string, string, string];
  if (!parsePublishedAt(date))
    throw new CaptureError(`"${date}" is not a real date (YYYY-MM-DD)`, first.number);
  if (!/^https?:\/\/[^/\s]+\.[^/\s]+/.test(url))
    throw new CaptureError(`"${url}" is not an absolute http(s) URL`, first.number);
  if (!title) throw new CaptureError('the title is missing (line 2)', first.number + 1);
  if (!lede) throw new CaptureError('the lede is missing (line 3)', title.number + 1);
  if (body.length === 0)
    throw new CaptureError('the body is missing (after the lede)', lede.number + 1);
  const dateline = DATELINE.exec(lede.line);
  return {
    title: title.line,
    description: dateline ? lede.line.slice(0, dateline.index).trim() : lede.line,
    publishedAt: date,
    source: { url, ...(dateline ? { name: dateline[4]!.trim() } : {}) },
    body: bodyMarkdown(body.map(({ line }) => line).join('\n')),
  };
}
