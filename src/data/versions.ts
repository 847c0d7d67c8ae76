import {
  diffVersions,
  readableText,
  type VersionDiff,
  type VersionText,
} from '../lib/text-diff.ts';
import { diffPairs } from '../lib/versions.ts';
import { ui } from '../i18n/tr.ts';
import { getArticles, type Article, type ArticleVersion } from './articles.ts';
import { bodyOf } from './article-text.ts';

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
