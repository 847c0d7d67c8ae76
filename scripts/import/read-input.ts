import { readFile, stat } from 'node:fs/promises';

/** Larger than any news article: a bigger file is a mistake (a video, an archive), not a capture. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/**
 * An input file as text: UTF-8 only (a BOM is dropped), LF line endings. Binary files and text
 * in other encodings are refused by name rather than read as mojibake.
 */
export async function readInput(path: string): Promise<string> {
  const { size } = await stat(path);
  if (size > MAX_INPUT_BYTES)
    throw new Error(
      `is ${(size / 1024 / 1024).toFixed(1)} MiB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB an article can be`,
    );
  const bytes = await readFile(path);
  if (bytes.includes(0)) throw new Error('is a binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      'is not UTF-8 text (Turkish text saved as Windows-1254 or ISO-8859-9?); convert it first, e.g. iconv -f windows-1254 -t utf-8',
    );
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
