import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
// The front-matter reader Astro's glob loader reads a body with.
import { parseFrontmatter } from 'astro/markdown';
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, permalink, publicationYear, type ArticleData } from '../lib/article.ts';
import { archiveProblems } from '../lib/archive-rules.ts';
import type { PublishedAt } from '../lib/dates.ts';
import { FEED_SIZE, type FeedArticle } from '../lib/feeds.ts';
import { sha256, textOfHtml, wordCount } from '../lib/provenance.ts';
import { capturedText, capturedTextPath, checkArchive } from '../lib/ledger.ts';
import { getLedger, LEDGER_FILE } from './ledger.ts';
import { lookupHost, lookupKey } from '../lib/lookup.ts';
import { orderLanguages, searchLanguage, type BundleYears } from '../lib/search-bundles.ts';
import { href } from '../lib/urls.ts';
import { withoutAstroImages } from '../markdown/astro-image-marker.ts';
import { renderArticleMarkdown } from '../markdown/index.ts';
import {
  diffVersions,
  readableText,
  type VersionDiff,
  type VersionText,
} from '../lib/text-diff.ts';
import {
  diffPairs,
  versionChains,
  versionPath,
  versionWarcPath,
  warcFileOf,
} from '../lib/versions.ts';
import { ui } from '../i18n/tr.ts';

/** One capture of an article, as its own file says it. */
export interface ArticleVersion {
  /** 1 for the first capture, then 2, 3, … */
  readonly number: number;
  readonly entry: CollectionEntry<'articles'>;
  readonly data: ArticleData;
  /** The address that shows and cites this version: its own page, or the permalink when there is no other version. */
  readonly path: string;
}

export interface Article {
  /** The latest version's entry: what the permalink shows. */
  readonly entry: CollectionEntry<'articles'>;
  /** The latest version's text and capture day, with the first's publication date and the keeper's slug, tags and old addresses. */
  readonly data: ArticleData;
  readonly permalink: string;
  /** Every capture, the first first; one for an article that never changed. */
  readonly versions: readonly ArticleVersion[];
}

let articles: Promise<Article[]> | undefined;

/** The project's folder, which entries' `filePath`s are relative to (set in astro.config.mjs). */
declare const __ARCHIVE_ROOT__: string;

let lastBody: { entry: CollectionEntry<'articles'>; body: string } | undefined;

/**
 * An entry's Markdown body, read from its file as Astro's glob loader reads it. The content store
 * keeps front matter only (`retainBody: false`, src/content.config.ts): with the bodies it grows by
 * 15 MB a thousand articles, and Astro writes it as one string, which breaks near 35,000
 * (withastro/astro#13360). The last one is kept, as a page asks for its body more than once.
 */
export function bodyOf(entry: CollectionEntry<'articles'>): string {
  if (lastBody?.entry !== entry) {
    const text = readFileSync(join(__ARCHIVE_ROOT__, entry.filePath!), 'utf8');
    lastBody = {
      entry,
      body: parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim(),
    };
  }
  return lastBody.body;
}

/** Images archived beside articles, loaded only when a page asks for one. */
const archivedImages = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/**/*.{jpg,jpeg,png,webp,gif,avif}',
);
/** The first image of a body that is a file beside it, as the import writes one: `![alt](./28-slug/photo.jpg "caption")`. */
const FIRST_LOCAL_IMAGE = /!\[[^\]]*\]\((\.\/[^)\s]+)/;

/**
 * The article's first archived image, made 1,200 pixels wide for link previews (`og:image`, JSON-LD
 * `image`): its address on this site, under the base already, as Astro writes every asset's.
 */
export async function leadImage(article: Article): Promise<string | undefined> {
  const src = FIRST_LOCAL_IMAGE.exec(bodyOf(article.entry))?.[1];
  const file = article.entry.filePath;
  const load = src && file ? archivedImages[`/${posix.join(posix.dirname(file), src)}`] : undefined;
  if (!load) return undefined;
  const { default: image } = await load();
  return (await getImage({ src: image, width: Math.min(1200, image.width) })).src;
}

/**
 * Every article, newest first, with its permalink. Built once per build:
 * every page needs the same list, and at 10,000 articles rebuilding it per page would dominate.
 * The configuration refuses a broken archive before the build (src/integrations/article-index.ts);
 * this refuses the same, naming the files, for the dev server, whose content changes as it runs.
 */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((entries) => {
    const chains = versionChains(
      entries.map((entry) => ({ file: entry.id, data: entry.data, entry })),
    );
    const list = chains.map((chain): Article => {
      const first = chain[0]!;
      const latest = chain.at(-1)!;
      const address = permalink(first.data);
      const { publishedAt, slug, tags, redirectFrom } = first.data;
      return {
        entry: latest.entry,
        data: { ...latest.data, publishedAt, slug, tags, redirectFrom },
        permalink: address,
        versions: chain.map(({ entry, data }, index) => ({
          number: index + 1,
          entry,
          data,
          path: chain.length > 1 ? versionPath(address, index + 1) : address,
        })),
      };
    });
    const problems = archiveProblems(
      list.map(({ versions: [first], data }) => ({
        file: first!.entry.filePath ?? first!.entry.id,
        // The first title makes the permalink; the latest names its source, as the pages do.
        data: { ...data, title: first!.data.title },
      })),
    );
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const withdrawn = checkArchive(
      list.flatMap((article) =>
        article.versions.map((version) => ({
          file: version.entry.filePath ?? version.entry.id,
          permalink: article.permalink,
          version: version.number,
          text: sha256(servedMarkdown(article, version)),
        })),
      ),
      getLedger().entries,
      LEDGER_FILE,
    );
    for (const entry of withdrawn)
      console.warn(
        `${LEDGER_FILE}: entry ${entry.seq}, version ${entry.version} of ${entry.permalink}, is no longer in the archive: the ledger keeps it, and "npm run verify" reports it`,
      );
    return list.sort(byNewest);
  });
  return articles;
}

/**
 * What the search page loads (search-bundles.ts): how many articles each language has, the
 * interface's language first, and the years of each language's bundles, newest first.
 */
export async function searchBundles(): Promise<{
  counts: Record<string, number>;
  years: BundleYears;
}> {
  const counts = new Map<string, number>();
  const years = new Map<string, Set<string>>();
  for (const { data } of await getArticles()) {
    const language = searchLanguage(data.lang);
    counts.set(language, (counts.get(language) ?? 0) + 1);
    years.set(
      language,
      (years.get(language) ?? new Set()).add(publicationYear(data.publishedAt.date)),
    );
  }
  const languages = orderLanguages(counts.keys());
  return {
    counts: Object.fromEntries(languages.map((language) => [language, counts.get(language)!])),
    years: Object.fromEntries(
      languages.map((language) => [language, [...years.get(language)!].sort().reverse()]),
    ),
  };
}

/**
 * An entry's published HTML for a feed. An archived image is still Astro's placeholder there,
 * swapped for the optimised file only on the page: the feeds carry the text and the captions.
 */
const feedHtml = (entry: CollectionEntry<'articles'>) =>
  withoutAstroImages(articleBody(entry).html);

let feedArticles: Promise<FeedArticle[]> | undefined;

/** The items of the archive's own feeds (`feedItems` of every article), made once for both. */
export function getFeedArticles(): Promise<FeedArticle[]> {
  feedArticles ??= getArticles().then(feedItems);
  return feedArticles;
}

/**
 * The newest publications and changes of these articles (newest first), for a feed: each article
 * as first published, at its permalink, and each later version at its own address, dated the day
 * it was captured. Only the items the feed carries are rendered: rendering every article took 8 s
 * a feed at 10,000 articles.
 */
export function feedItems(articles: readonly Article[]): FeedArticle[] {
  const items: { date: PublishedAt; permalink: string; item: () => FeedArticle }[] = [];
  for (const article of articles) {
    const [first, ...later] = article.versions;
    const { permalink, data } = article;
    items.push({
      date: data.publishedAt,
      permalink,
      item: () => ({
        data: { ...first!.data, tags: data.tags },
        permalink,
        html: feedHtml(first!.entry),
        date: data.publishedAt,
      }),
    });
    for (const version of later) {
      const date = version.data.archivedAt!;
      items.push({
        date,
        permalink: version.path,
        item: () => ({
          data: { ...version.data, tags: data.tags },
          permalink: version.path,
          html: feedHtml(version.entry),
          date,
          update: {
            title: ui.updatedTitle(version.data.title),
            summary: ui.versionChanged(
              version.number,
              changeSummary(versionDiff(article, version.number - 1, version.number)),
            ),
          },
        }),
      });
    }
  }
  return items
    .sort((a, b) => b.date.timestamp - a.date.timestamp || a.permalink.localeCompare(b.permalink))
    .slice(0, FEED_SIZE)
    .map(({ item }) => item());
}

/**
 * A page's `cacheKey`, which an incremental build compares to tell whether the page would come
 * out as it did last time (`experimental.incrementalBuild`: a page whose key and code are
 * unchanged is copied from the last build): the files of every article the page shows, all its
 * versions, each in its place (`undefined` holds an empty place, so that an article moving from
 * one place to another changes the key). The digest is the glob loader's, of the whole file;
 * without it the page has no key and is rendered.
 */
export function cacheKeyOf(shown: readonly (Article | undefined)[]): { cacheKey?: string } {
  const files: string[] = [];
  for (const article of shown) {
    const versions = article?.versions ?? [];
    if (versions.some(({ entry }) => entry.digest === undefined)) return {};
    // A version's ledger entry is on its pages: an entry rewritten with the ledger makes them anew.
    files.push(
      versions
        .map(
          (version) =>
            `${version.entry.id} ${version.entry.digest} ${ledgerEntryOf(article!, version).hash}`,
        )
        .join(' '),
    );
  }
  return { cacheKey: sha256(files.join('\n')) };
}

/** A version's entry in the ledger; the build has proven that every version has one. */
function ledgerEntryOf(article: Article, version: ArticleVersion): { seq: number; hash: string } {
  const { seq, hash } = getLedger().entryOf(article.permalink, version.number)!;
  return { seq, hash };
}

/** The route parameters of every article's permalink, with the article; what the article alone makes is keyed by its file. */
export async function articlePaths() {
  return (await getArticles()).map((article) => {
    const [year, month, day, slug] = article.permalink.split('/').filter(Boolean);
    return { params: { year, month, day, slug }, props: { article }, ...cacheKeyOf([article]) };
  });
}

let lastRendered:
  | { entry: CollectionEntry<'articles'>; body: ReturnType<typeof renderArticleMarkdown> }
  | undefined;

/**
 * An article body as HTML, and its headings, rendered from its Markdown when a page needs it: the
 * content store holds no HTML (src/content.config.ts). The last one is kept, as the page that
 * shows a body also counts its words; keeping more would hold the whole archive's HTML in memory.
 */
export function articleBody(entry: CollectionEntry<'articles'>) {
  if (lastRendered?.entry !== entry)
    lastRendered = {
      entry,
      body: renderArticleMarkdown(bodyOf(entry), join(__ARCHIVE_ROOT__, entry.filePath!)),
    };
  return lastRendered.body;
}

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

/**
 * What the provenance block states of a version (the latest unless another is named): the
 * Markdown text as served, its SHA-256 and its length in words.
 */
export function provenanceOf(article: Article, version: ArticleVersion = article.versions.at(-1)!) {
  const markdown = servedMarkdown(article, version);
  return {
    markdown,
    checksum: sha256(markdown),
    words: wordCount(textOfHtml(articleBody(version.entry).html)),
    markdownUrl: capturedTextPath(article.permalink, version.number, article.versions.length),
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

/** The route parameters of every version page of the articles that changed, with the article and the version. */
export async function versionPaths() {
  return (await getArticles()).flatMap((article) => {
    if (article.versions.length < 2) return [];
    const [year, month, day, slug] = article.permalink.split('/').filter(Boolean);
    return article.versions.map((version) => ({
      params: { year, month, day, slug, version: String(version.number) },
      props: { article, version },
    }));
  });
}

/** The route parameters of every diff page: each version against the one before, and the first against the latest. */
export async function diffPaths() {
  return (await getArticles()).flatMap((article) => {
    const [year, month, day, slug] = article.permalink.split('/').filter(Boolean);
    return diffPairs(article.versions.length).map(([from, to]) => ({
      params: { year, month, day, slug, range: `${from}-${to}` },
      props: { article, from, to },
    }));
  });
}

/** The words of a version as a reader sees them, part by part. */
function versionText(version: ArticleVersion): VersionText {
  return {
    title: version.data.title,
    description: version.data.description,
    body: readableText(bodyOf(version.entry)),
  };
}

const diffs = new Map<string, VersionDiff>();

/** What changed from version `from` to version `to` of an article; worked out once, as the notice, the pages and the feeds all ask. */
export function versionDiff(article: Article, from: number, to: number): VersionDiff {
  const key = `${article.permalink} ${from} ${to}`;
  let diff = diffs.get(key);
  if (!diff) {
    diff = diffVersions(
      versionText(article.versions[from - 1]!),
      versionText(article.versions[to - 1]!),
      article.data.lang,
    );
    diffs.set(key, diff);
  }
  return diff;
}

/** A change in words, for a reader: which parts changed, how many words came and went, and whether it is a typo fix. */
export function changeSummary(diff: VersionDiff): string {
  if (diff.changedParts.length === 0) return ui.formattingOnly;
  const parts = ui.changedParts(diff.changedParts.map((part) => ui.articleParts[part]));
  return [
    parts,
    ui.wordsAddedRemoved(diff.wordsAdded, diff.wordsRemoved),
    ...(diff.typoSized ? [ui.typoFix] : []),
  ].join('; ');
}

/** For each host of the originals, a map from each original's lookup key to its permalink. */
export async function lookupMaps() {
  const maps = new Map<string, Record<string, string>>();
  for (const article of await getArticles()) {
    const host = lookupHost(new URL(article.data.source.url));
    const map = maps.get(host) ?? {};
    map[lookupKey(article.data.source.url)!] = href(article.permalink);
    maps.set(host, map);
  }
  return [...maps].map(([host, map]) => ({ params: { host }, props: { map } }));
}
