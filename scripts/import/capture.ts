/**
 * A capture from the web, made into what the import already reads: the page saved "complete"
 * (`page.html` with the article's images in `page_files/` beside it, linked relatively), so that
 * an address is archived exactly as a saved page is, plus the capture's WARC beside them.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { sha256 } from '../../src/lib/provenance.ts';
import { boundedSlug, turkishSlug } from '../../src/lib/slug.ts';
import {
  decodePage,
  fetchResource,
  FetchError,
  HTML,
  IMAGE,
  IMAGE_EXTENSIONS,
  USER_AGENT,
  type Exchange,
  type Limits,
} from './fetch.ts';
import type { Robots } from './robots.ts';
import { warcOf } from './warc.ts';

export interface Capture {
  /** The address given. */
  readonly requested: string;
  /** Where the page was found after redirects: the article's original address. */
  readonly url: string;
  /** The page as saved, for the import to read. */
  readonly page: string;
  /** The capture's WARC file, and its SHA-256. */
  readonly warc: string;
  readonly warcSha256: string;
  /** Images of the article that could not be fetched, each with why. */
  readonly notes: readonly string[];
}

/** A file name for a fetched image: its address's last segment slugged as the import names saved images, with the extension of its type. */
function imageName(url: string, mediaType: string, taken: Set<string>): string {
  const segment = new URL(url).pathname.split('/').at(-1) ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4`) names the file as it was written.
  }
  const stem = boundedSlug(turkishSlug(decoded.replace(/\.[a-z0-9]+$/i, ''))) || 'image';
  const extension = IMAGE_EXTENSIONS[mediaType]!;
  let name = `${stem}${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${extension}`;
  taken.add(name);
  return name;
}

/**
 * Fetches the page at `address` and the images of its article into a new folder under `folder`,
 * and writes the capture's WARC there; `guard` checks every address asked, images' too, and so
 * does `robots` (none: robots.txt ignored). Throws a `FetchError` when the page cannot be had; an image
 * that cannot be is a note, and the import marks it as not archived.
 */
export async function capturePage(
  address: string,
  folder: string,
  limits: Limits,
  guard?: (url: URL) => Promise<void>,
  robots?: Robots,
): Promise<Capture> {
  const exchanges: Exchange[] = [];
  const asked = new Set<string>();
  const check = async (url: URL) => {
    await guard?.(url);
    await robots?.check(url, exchanges, asked);
  };
  const fetched = await fetchResource(address, HTML, limits, exchanges, check);
  const url = fetched.chain.at(-1)!;
  const { document } = parseHTML(decodePage(fetched.body, fetched.contentType));
  const base = new URL(document.querySelector('base[href]')?.getAttribute('href') ?? '', url);
  // Every image by its absolute address, as the browser would ask for it.
  const images = new Map<string, Element[]>();
  for (const image of document.querySelectorAll('img[src]')) {
    let src: string;
    try {
      src = new URL(image.getAttribute('src')!, base).href;
    } catch {
      continue;
    }
    image.setAttribute('src', src);
    images.set(src, [...(images.get(src) ?? []), image]);
  }
  // Links too, as the browser that saves a page writes them: a relative one would read as the archive's own.
  for (const link of document.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href')!;
    if (href.startsWith('#')) continue;
    try {
      link.setAttribute('href', new URL(href, base).href);
    } catch {
      // An address no browser could follow stays as the page wrote it.
    }
  }
  const directory = await mkdtemp(join(folder, 'capture-'));
  const page = join(directory, 'page.html');
  // Which images the article shows is Readability's to say: a first extraction, with nothing saved
  // beside the page, lists them as not archived; only those are fetched.
  const { draftFromHtml } = await import('./html.ts');
  const probe = await draftFromHtml(document.toString(), page, url);
  const wanted = [...new Set(probe.notArchived)].filter(
    (src) => images.has(src) && /^https?:/.test(src),
  );
  const notes: string[] = [];
  const taken = new Set<string>();
  if (wanted.length > 0) await mkdir(join(directory, 'page_files'));
  for (const src of wanted) {
    try {
      const image = await fetchResource(src, IMAGE, limits, exchanges, check);
      const mediaType = image.contentType.split(';')[0]!.trim().toLowerCase();
      const name = imageName(image.chain.at(-1)!, mediaType, taken);
      await writeFile(join(directory, 'page_files', name), image.body);
      for (const element of images.get(src)!) element.setAttribute('src', `./page_files/${name}`);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      notes.push(`image ${src} not archived: ${error.message}`);
    }
  }
  await writeFile(page, document.toString());
  const warc = join(directory, 'capture.warc.gz');
  const bytes = await warcOf(exchanges, USER_AGENT);
  await writeFile(warc, bytes);
  return {
    requested: address,
    url,
    page,
    warc,
    warcSha256: sha256(bytes),
    notes,
  };
}
