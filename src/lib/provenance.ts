import { createHash } from 'node:crypto';

/** Words a minute of an adult reading Turkish prose on a screen. */
const WORDS_PER_MINUTE = 200;

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * The article's Markdown text exactly as it is served at `…/slug.md` and hashed:
 * line endings made LF, surrounding blank space trimmed, one final newline.
 */
export function canonicalMarkdown(body: string): string {
  return `${body.replace(/\r\n?/g, '\n').trim()}\n`;
}

/** Hex SHA-256 of the bytes, or of the text's UTF-8 bytes, as `sha256sum` prints it. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Every capture the Wayback Machine holds of a URL. */
export function waybackCaptures(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}
