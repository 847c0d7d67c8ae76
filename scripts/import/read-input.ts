import { open } from 'node:fs/promises';

/** Larger than any news article: a bigger file is a mistake (a video, an archive), not a capture. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * Reads at most `MAX_INPUT_BYTES`, from a file or a pipe (`/dev/stdin`, a FIFO), whose size no
 * `stat` tells: the limit is what was read, not what the file system says.
 */
async function boundedRead(path: string): Promise<Buffer> {
  // Standard input may be a socket (a program's pipe), which cannot be opened by its path.
  if (path === '/dev/stdin') return boundedStdin();
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > MAX_INPUT_BYTES)
      throw new Error(
        `is ${(stats.size / MIB).toFixed(1)} MiB, more than the ${MAX_INPUT_BYTES / MIB} MiB an article can be`,
      );
    const buffer = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_INPUT_BYTES) throw tooLarge();
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

const tooLarge = () =>
  new Error(
    `is more than the ${MAX_INPUT_BYTES / MIB} MiB an article can be (read until the limit, then refused)`,
  );

async function boundedStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_INPUT_BYTES) {
      process.stdin.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * UTF-16 by its byte order mark, or, without one, by its zero bytes: text in Latin scripts has a
 * zero in every other byte, all on one side. Written here because no library in the project tells
 * encodings; the two checks are what iconv-style detectors do for UTF-16.
 */
function isUtf16(bytes: Buffer): boolean {
  if (bytes.length < 2) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return true;
  if (bytes.length % 2 !== 0) return false;
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  return Math.max(evenZeros, oddZeros) > half / 4 && Math.min(evenZeros, oddZeros) < half / 100;
}

/**
 * The charset a page declares in its first 1024 bytes, as browsers prescan it (a feed: in its XML
 * declaration).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([^"'>\s/;]+)|<\?xml[^>]+encoding\s*=\s*["']([^"']+)/i
    .exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))
    ?.slice(1)
    .find(Boolean);
}

/**
 * Bytes as text in the charset they declare, by its WHATWG name; `fail` makes the error, one line
 * saying what is wrong: a charset this tool does not read, or bytes that are not valid in it.
 */
export function decodeDeclared(
  bytes: Uint8Array,
  declared: string,
  fail: (message: string) => Error = (message) => new Error(message),
): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    throw fail(`declares the charset "${declared}", which is not one this tool reads`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw fail(`is not valid ${decoder.encoding} text, as it declares`);
  }
}

/**
 * An input file as text: UTF-8 (a BOM is dropped), LF line endings. A saved page (`page`) that is
 * not UTF-8 is read in the charset it declares, as a browser opens it (Turkish sites' pages are
 * saved in windows-1254 or ISO-8859-9), which Node's TextDecoder (WHATWG Encoding) reads by those
 * names; valid UTF-8 is read as UTF-8 whatever a page declares, since text in another charset is
 * almost never valid UTF-8 by chance, and a page saved as UTF-8 often keeps its old declaration.
 * Binary files and text in other encodings are refused by name rather than read as mojibake.
 */
export async function readInput(path: string, { page = false } = {}): Promise<string> {
  const bytes = await boundedRead(path);
  if (isUtf16(bytes))
    throw new Error(
      'is UTF-16 text, not UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8 (a file without a byte order mark: UTF-16LE or UTF-16BE)',
    );
  if (bytes.includes(0)) throw new Error('is a binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declared = page ? declaredCharset(bytes) : undefined;
    if (!declared)
      throw new Error(
        'is not UTF-8 text (Turkish text saved as Windows-1254 or ISO-8859-9?); convert it first, e.g. iconv -f windows-1254 -t utf-8',
      );
    text = decodeDeclared(bytes, declared);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
