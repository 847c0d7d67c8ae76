import { diffVersions, type VersionDiff, type VersionText } from '../lib/text-diff.ts';
import type { PublishedAt } from '../lib/dates.ts';
import { diffPairs, diffPath } from '../lib/versions.ts';
import { ui } from '../i18n/tr.ts';
import { getArticles, type Article, type ArticleVersion } from './articles.ts';
import { articleText } from './article-text.ts';

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
    body: articleText(version.entry).text,
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

/** One line of the list of versions an article page shows. */
export interface VersionLine {
  readonly number: number;
  readonly path: string;
  /** Whether it is the version the page shows. */
  readonly shown: boolean;
  /** Whether the day is the capture's (a later version) or the publication's (the first). */
  readonly captured: boolean;
  readonly day: PublishedAt;
  /** Of every version but the first: its diff page against the one before, and what changed. */
  readonly change?: {
    readonly path: string;
    readonly summary: string;
    readonly typoSized: boolean;
  };
}

/** What the notice of an article that changed says: each version with its day and its change, and the diffs to open. */
export interface VersionNoticeModel {
  readonly count: number;
  readonly shownNumber: number;
  /** Whether the page is the permalink rather than the version's own page. */
  readonly permalink: boolean;
  /** The permalink, linked from an older version's page. */
  readonly latestPath?: string;
  readonly lines: readonly VersionLine[];
  /** The diff of the first version against the latest, when there are versions between them. */
  readonly firstToLatestPath?: string;
}

export function versionNotice(
  article: Article,
  shown: ArticleVersion,
  permalink: boolean,
): VersionNoticeModel {
  const { versions } = article;
  return {
    count: versions.length,
    shownNumber: shown.number,
    permalink,
    ...(!permalink && shown !== versions.at(-1) ? { latestPath: article.permalink } : {}),
    lines: versions.map((version) => {
      const diff =
        version.number > 1 ? versionDiff(article, version.number - 1, version.number) : undefined;
      return {
        number: version.number,
        path: version.path,
        shown: version === shown,
        captured: version.data.archivedAt !== undefined,
        day: version.data.archivedAt ?? version.data.publishedAt,
        ...(diff
          ? {
              change: {
                path: diffPath(article.permalink, version.number - 1, version.number),
                summary: changeSummary(diff),
                typoSized: diff.typoSized,
              },
            }
          : {}),
      };
    }),
    ...(versions.length > 2
      ? { firstToLatestPath: diffPath(article.permalink, 1, versions.length) }
      : {}),
  };
}

/** What a diff page shows: the article it belongs to, what changed between two of its versions, and the other diffs. */
export interface DiffPage {
  readonly article: { readonly title: string; readonly lang: string; readonly permalink: string };
  readonly sourceName: string;
  readonly from: number;
  readonly to: number;
  readonly diff: VersionDiff;
  readonly summary: string;
  /** The two versions compared, each with its day. */
  readonly versions: readonly {
    readonly number: number;
    readonly path: string;
    readonly day: PublishedAt;
  }[];
  /** The article's other diff pages. */
  readonly others: readonly { readonly from: number; readonly to: number; readonly path: string }[];
}

export function diffPage(article: Article, from: number, to: number): DiffPage {
  const diff = versionDiff(article, from, to);
  return {
    article: { title: article.data.title, lang: article.data.lang, permalink: article.permalink },
    sourceName: article.data.source.name,
    from,
    to,
    diff,
    summary: changeSummary(diff),
    versions: [article.versions[from - 1]!, article.versions[to - 1]!].map((version) => ({
      number: version.number,
      path: version.path,
      day: version.data.archivedAt ?? version.data.publishedAt,
    })),
    others: diffPairs(article.versions.length)
      .filter(([a, b]) => a !== from || b !== to)
      .map(([a, b]) => ({ from: a, to: b, path: diffPath(article.permalink, a, b) })),
  };
}
