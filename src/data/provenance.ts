import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capturedText, capturedTextPath } from '../lib/ledger.ts';
import { sha256 } from '../lib/provenance.ts';
import { versionWarcPath, warcFileOf } from '../lib/versions.ts';
import { getArticles, type Article, type ArticleVersion } from './articles.ts';
import { bodyOf } from './article-text.ts';
import { getLedger, LEDGER_FILE } from './ledger.ts';

/** The project's folder, which entries' `filePath`s are relative to (set in astro.config.mjs). */
declare const __ARCHIVE_ROOT__: string;

/**
 * A version's captured text (title, lede and body) exactly as it is served at its `.md` address,
 * hashed and entered in the ledger (the latest version's unless another is named).
 */
export function servedMarkdown(
  article: Article,
  version: ArticleVersion = article.versions.at(-1)!,
): string {
  const { title, description } = version.data;
  return capturedText({ title, description, body: bodyOf(version.entry) });
}

/** Where a version's served Markdown is published. */
export const markdownUrlOf = (article: Article, version: ArticleVersion) =>
  capturedTextPath(article.permalink, version.number, article.versions.length);

/** A version's entry in the ledger; the build has proven that every version has one. */
export function ledgerEntryOf(
  article: Article,
  version: ArticleVersion,
): { seq: number; hash: string } {
  const { seq, hash } = getLedger().entryOf(article.permalink, version.number)!;
  return { seq, hash };
}

/**
 * What the provenance block states of a version: the Markdown text as served, its SHA-256, where
 * it is published, its ledger entry and its WARC. Its length in words is the rendered text's
 * (article-text.ts), counted where the page renders it.
 */
export function provenanceOf(article: Article, version: ArticleVersion) {
  const markdown = servedMarkdown(article, version);
  return {
    checksum: sha256(markdown),
    markdownUrl: markdownUrlOf(article, version),
    ledger: ledgerEntryOf(article, version),
    warc: warcOf(article, version),
  };
}

/**
 * A version's WARC, where it was captured from the web: the file beside the version's, whose
 * SHA-256 its ledger entry holds, and the address it is published at.
 */
export function warcOf(article: Article, version: ArticleVersion) {
  const sha256 = getLedger().entryOf(article.permalink, version.number)?.warc;
  if (!sha256) return undefined;
  return {
    url: versionWarcPath(article.permalink, version.number),
    sha256,
    file: warcFileOf(version.entry.filePath!),
  };
}

/** The route parameters of every version's WARC, the first version's too, with the file. */
export async function warcPaths() {
  return (await getArticles()).flatMap((article) => {
    const [year, month, day, slug] = article.permalink.split('/').filter(Boolean);
    return article.versions.flatMap((version) => {
      const warc = warcOf(article, version);
      return warc
        ? [{ params: { year, month, day, slug, version: String(version.number) }, props: warc }]
        : [];
    });
  });
}

/**
 * A WARC's bytes, refused unless they are the ones the ledger entered: a WARC is evidence, and
 * one replaced after its capture must not be published as it.
 */
export function warcBytes(warc: { file: string; sha256: string }) {
  const path = join(__ARCHIVE_ROOT__, warc.file);
  if (!existsSync(path))
    throw new Error(
      `${warc.file} is missing: ${LEDGER_FILE} holds a WARC for its version (SHA-256 ${warc.sha256})`,
    );
  const bytes = readFileSync(path);
  const actual = sha256(bytes);
  if (actual !== warc.sha256)
    throw new Error(
      `${warc.file} is not the WARC entered in ${LEDGER_FILE} (SHA-256 ${actual}, entered ${warc.sha256}): a capture's evidence is never replaced`,
    );
  return bytes;
}
