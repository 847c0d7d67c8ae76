import type { ArticleData } from '../lib/article.ts';
import { withArticleFields } from '../lib/article.ts';
import type { PublishedAt } from '../lib/dates.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { ui } from '../i18n/tr.ts';
import type { Article, ArticleVersion } from './articles.ts';
import { articleText } from './article-text.ts';
import { leadImage } from './lead-image.ts';
import type { ArticlePageProps } from './listings.ts';
import { provenanceOf } from './provenance.ts';
import { versionNotice, type VersionNoticeModel } from './versions.ts';

/**
 * Everything an article's page shows, worked out once per page in the data layer (as Starlight's
 * `generateRouteData` does for its pages) and handed to ArticleLayout, which only presents it:
 * the permalink, which shows the latest version, or a version's own page.
 */
export interface ArticlePage {
  readonly article: Article;
  /** The version the page shows; on the permalink, the latest. */
  readonly shown: ArticleVersion;
  /** Whether this is a version's own page rather than the permalink. */
  readonly isVersionPage: boolean;
  /** The shown version's data as published: the article's own fields, and its authors if the version names none. */
  readonly data: ArticleData;
  readonly title: string;
  readonly pageUrl: URL;
  /** What a citation copies: the address of the version it quotes, as the permalink's text changes when the article does. */
  readonly copyUrl: string;
  /** Of an article that changed: the version shown, and when it was captured, for its metadata. */
  readonly version?: { readonly number: number; readonly modified: string };
  /** The address of the article's first archived image, 1,200 pixels wide. */
  readonly image?: string;
  readonly provenance: {
    readonly words: number;
    readonly checksum: string;
    readonly markdownUrl: string;
    readonly ledger: { seq: number; hash: string };
    readonly warc?: { url: string; sha256: string } | undefined;
    /** Of an article that changed: every version with its checksum and Markdown text. */
    readonly versions: readonly {
      number: number;
      path: string;
      checksum: string;
      markdownUrl: string;
    }[];
  };
  readonly notice?: VersionNoticeModel;
  readonly older?: Article | undefined;
  readonly newer?: Article | undefined;
  readonly related: readonly Article[];
}

const pick = ({ checksum, markdownUrl }: { checksum: string; markdownUrl: string }) => ({
  checksum,
  markdownUrl,
});

/** The page of `article` (the permalink), or of one of its versions; `site` is the archive's address. */
export async function articlePage(
  props: ArticlePageProps & { version?: ArticleVersion },
  site: URL,
): Promise<ArticlePage> {
  const { article, version, older, newer, related } = props;
  const shown = version ?? article.versions.at(-1)!;
  const changed = article.versions.length > 1;
  const data = version
    ? {
        ...withArticleFields(version.data, article.data),
        authors: version.data.authors.length > 0 ? version.data.authors : article.data.authors,
      }
    : article.data;
  const modified: PublishedAt = shown.data.archivedAt ?? article.data.publishedAt;
  const image = await leadImage(article);
  return {
    article,
    shown,
    isVersionPage: version !== undefined,
    data,
    title: version ? `${data.title} (${ui.versionName(version.number)})` : data.title,
    pageUrl: new URL(absoluteUrl(version ? shown.path : article.permalink, site)),
    copyUrl: absoluteUrl(shown.path, site),
    ...(changed ? { version: { number: shown.number, modified: modified.iso } } : {}),
    ...(image ? { image } : {}),
    provenance: {
      ...provenanceOf(article, shown),
      words: articleText(shown.entry).words,
      // Checksums only: rendering every version here made each version's page render them all.
      versions: changed
        ? article.versions.map((each) => ({
            number: each.number,
            path: each.path,
            ...pick(provenanceOf(article, each)),
          }))
        : [],
    },
    ...(changed ? { notice: versionNotice(article, shown, !version) } : {}),
    older,
    newer,
    related,
  };
}
