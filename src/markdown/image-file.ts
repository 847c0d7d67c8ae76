import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * What the archive makes of an image's file, the one rule for the import (a saved page's
 * `Page_files/`) and the build (an article's Markdown):
 *
 * - `archived`: a raster image inside `folder`, resolved with `realpath`, so that neither `../`
 *   nor a symlink can bring a file from elsewhere (another article, the project, `/etc`);
 * - `missing`: no file there, so nothing to archive;
 * - `refused`: a file that must not be published, with why.
 *
 * Only raster images are archived: an SVG (or HTML under an image's name) is a document that can
 * carry scripts, and served from the archive's own origin it could run them. Refused rather than
 * sanitised: a sanitiser for SVG (DOMPurify) needs a DOM at build time, and a news photo is raster;
 * refused rather than rasterised: that would archive something other than the file that was saved.
 */
export type ImageFile =
  { kind: 'archived'; path: string } | { kind: 'missing' } | { kind: 'refused'; problem: string };

/**
 * Raster formats by their first bytes: what Astro's image pipeline (sharp) reads. Written here
 * because the check must be synchronous (rehype runs synchronously) and read a few bytes, where
 * Astro's own `imageMetadata` is asynchronous and wants the whole file.
 */
const RASTER_SIGNATURES: readonly [format: string, matches: (head: Buffer) => boolean][] = [
  ['JPEG', (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff],
  ['PNG', (head) => head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))],
  ['GIF', (head) => /^GIF8[79]a/.test(head.toString('latin1', 0, 6))],
  [
    'WebP',
    (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  ],
  [
    'AVIF',
    (head) =>
      head.toString('latin1', 4, 8) === 'ftyp' &&
      ['avif', 'avis'].includes(head.toString('latin1', 8, 12)),
  ],
  ['TIFF', (head) => ['II*\0', 'MM\0*'].includes(head.toString('latin1', 0, 4))],
];

function isRaster(path: string): boolean {
  const head = Buffer.alloc(12);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  return RASTER_SIGNATURES.some(([, matches]) => matches(head));
}

const inside = (folder: string, path: string) => {
  const within = relative(folder, path);
  return within !== '' && !within.startsWith('..') && !isAbsolute(within);
};

/**
 * The image file at `path` (absolute, or relative to `folder`), if it may be archived from
 * `folder`; `folderName` says which folder that is in a problem.
 */
export function imageFile(path: string, folder: string, folderName: string): ImageFile {
  let real: string;
  try {
    real = realpathSync(resolve(folder, path));
  } catch {
    return { kind: 'missing' };
  }
  if (!inside(realpathSync(folder), real))
    return {
      kind: 'refused',
      problem: `is outside ${folderName} (by ../ or a symbolic link)`,
    };
  if (!statSync(real).isFile()) return { kind: 'missing' };
  if (!isRaster(real))
    return {
      kind: 'refused',
      problem: `is not a raster image (${RASTER_SIGNATURES.map(([format]) => format).join(', ')}): an SVG or HTML file can carry scripts`,
    };
  return { kind: 'archived', path: real };
}
