import { analyse } from 'chardet';

/**
 * What is wrong with the bytes of an article file before its front matter is read, if anything,
 * in words a keeper can act on. A file placed by hand may be in another encoding than UTF-8
 * (Windows' Turkish code page, UTF-16 from Notepad), have lines that end in a lone CR (classic
 * Mac OS), or lack the line that closes its front matter: read on regardless, each would be
 * published with `�` or fail with "title: Required". CRLF and a UTF-8 byte order mark are fine.
 */
export function articleSourceProblem(bytes: Uint8Array): string | undefined {
  const encoding = notUtf8(bytes);
  if (encoding)
    return `is not UTF-8 text but looks like ${encoding}: save it as UTF-8 (no text is read from it otherwise)`;
  const text = new TextDecoder().decode(bytes);
  if (/\r(?!\n)/.test(text) && !text.includes('\n'))
    return 'has lines that end in a carriage return alone (CR, classic Mac OS): save it with LF or CRLF line endings';
  // As Astro's glob loader reads front matter: after blank lines, between two lines of --- (or +++, TOML).
  const [opening, ...rest] = text
    .replace(/^\uFEFF/, '')
    .replace(/^(?:[ \t]*\r?\n)*/, '')
    .split(/\r?\n/);
  const fence = opening?.slice(0, 3);
  if (fence !== '---' && fence !== '+++')
    return 'has no front matter: its first line must be ---, then the fields, then --- again';
  if (!rest.some((line) => line.startsWith(fence)))
    return `has front matter that is never closed: no line ${fence} after the fields ends it`;
  return undefined;
}

const UTF16_BOM = /^(?:\xFF\xFE|\xFE\xFF)/;

/** The likely encoding of bytes that are not UTF-8, or `undefined` when they are. */
function notUtf8(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 2));
  if (!UTF16_BOM.test(head)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      // UTF-8 text has no NUL; UTF-16 without a byte order mark has one in every other byte of ASCII.
      if (!bytes.includes(0)) return undefined;
    } catch {
      // Not UTF-8: chardet names what it is likely to be.
    }
  }
  return likelyEncoding(bytes);
}

/**
 * chardet's best guess, with the language it read. It knows UTF-16 only by its byte order mark:
 * without one, the NULs that ASCII letters carry in it say which half of each pair they are in.
 */
function likelyEncoding(bytes: Uint8Array): string {
  const candidates = analyse(bytes).filter(
    (match) => match.name !== 'UTF-8' && match.confidence > 0,
  );
  // On a short text chardet often ranks Latin-1 above Latin-5; in a Turkish archive, Turkish's code page is the likelier one.
  const best = candidates.find((match) => match.lang === 'tr') ?? candidates[0];
  let evenNuls = 0;
  let oddNuls = 0;
  bytes.forEach((byte, index) => {
    if (byte !== 0) return;
    if (index % 2 === 0) evenNuls++;
    else oddNuls++;
  });
  if (evenNuls + oddNuls > bytes.length / 8 && !best?.name.startsWith('UTF-16'))
    return oddNuls > evenNuls ? 'UTF-16LE' : 'UTF-16BE';
  if (!best) return 'a single-byte legacy encoding';
  const known: Record<string, string> = {
    'ISO-8859-9': 'ISO-8859-9 or windows-1254 (Turkish)',
    'windows-1254': 'windows-1254 or ISO-8859-9 (Turkish)',
  };
  return known[best.name] ?? `${best.name}${best.lang ? ` (${best.lang})` : ''}`;
}
