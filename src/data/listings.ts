import { publicationYear } from '../lib/article.ts';
import { formatTurkishMonth } from '../lib/dates.ts';
import { pageParameter, paginate, type ListPage } from '../lib/pagination.ts';
import { relatedByTags } from '../lib/related.ts';
import { nameSlug } from '../lib/slug.ts';
import { ui } from '../i18n/tr.ts';
import { articlePaths, getArticles, type Article } from './articles.ts';
import { cacheKeyOf } from './cache-keys.ts';

/** A list of articles with a page of its own: a tag, a source, an author, a year, a month, or the whole archive. */
export interface Listing {
  readonly name: string;
  readonly slug: string;
  readonly base: string;
  readonly articles: readonly Article[];
}

export interface ListingPageProps {
  listing: Listing;
  page: ListPage<Article>;
}

/** The page of a tag: `/etiket/{slug}/`, the slug ASCII in any script (`İzmir` → `izmir`, `Москва` → `moskva`). */
export const tagPath = (name: string) => `/etiket/${nameSlug(name)}/`;
const sourcePath = (name: string) => `/kaynak/${nameSlug(name)}/`;
/** The page of an author, slugged as tags are (`Иван Петров` → `/yazar/ivan-petrov/`). */
export const authorPath = (name: string) => `/yazar/${nameSlug(name)}/`;
/** The page of a year (`2025` → `/2025/`) and of a month (`2025-10` → `/2025/10/`). */
export const yearPath = (year: string) => `/${year}/`;
export const monthPath = (month: string) => `/${month.replace('-', '/')}/`;

/** Groups articles (already newest first) by a key, keeping the first spelling of each name. */
function groupBy(
  articles: readonly Article[],
  keys: (article: Article) => readonly string[],
  path: (name: string) => string,
): Listing[] {
  const groups = new Map<string, { name: string; articles: Article[] }>();
  for (const article of articles) {
    for (const name of keys(article)) {
      const slug = nameSlug(name);
      const group = groups.get(slug);
      if (group) {
        if (group.articles.at(-1) !== article) group.articles.push(article);
      } else groups.set(slug, { name, articles: [article] });
    }
  }
  return [...groups].map(([slug, group]) => ({ slug, base: path(group.name), ...group }));
}

/**
 * A value worked out once per build, on first use. Pages ask for the same lists again and again
 * (every year page lists its months): at 10,000 articles, grouping them anew per page took minutes.
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

export const getTags = once(async () =>
  groupBy(await getArticles(), (article) => article.data.tags, tagPath),
);

export const getSources = once(async () =>
  groupBy(await getArticles(), (article) => [article.data.source.name], sourcePath),
);

/** Authors of any version: an article stays on its author's page when a later capture no longer names them. */
export const getAuthors = once(async () =>
  groupBy(
    await getArticles(),
    (article) => article.versions.flatMap((version) => version.data.authors),
    authorPath,
  ),
);

/**
 * The lists named by a name (tags, sources, authors): each has an index (`/etiket/`), a page
 * (`/etiket/{slug}/`, paginated) and feeds beside that page, made by the same code for all three.
 */
export const NAMED_LISTS = {
  tag: {
    lists: getTags,
    title: ui.tagTitle,
    indexTitle: ui.tagsTitle,
    indexDescription: ui.tagsDescription,
    empty: ui.noTags,
  },
  source: {
    lists: getSources,
    title: ui.sourceTitle,
    indexTitle: ui.sourcesTitle,
    indexDescription: ui.sourcesDescription,
    empty: ui.noSources,
  },
  author: {
    lists: getAuthors,
    title: ui.authorTitle,
    indexTitle: ui.authorsTitle,
    indexDescription: ui.authorsDescription,
    empty: ui.noAuthors,
  },
} as const;

export type NamedListKind = keyof typeof NAMED_LISTS;

export const getYears = once(async () =>
  groupBy(
    await getArticles(),
    (article) => [publicationYear(article.data.publishedAt.date)],
    yearPath,
  ),
);

export const getMonths = once(async () => {
  const months = groupBy(
    await getArticles(),
    (article) => [article.data.publishedAt.date.slice(0, 7)],
    monthPath,
  );
  return months.map((month) => ({ ...month, name: formatTurkishMonth(`${month.name}-01`) }));
});

/** The archive itself, as a list. */
export async function getArchive(name: string): Promise<Listing> {
  return { name, slug: '', base: '/', articles: await getArticles() };
}

/**
 * Static paths for every page of every listing: `params(listing)` names the listing in the
 * route, and `page` is empty for the first page and `sayfa/N` after it.
 */
export function listingPaths<P extends Record<string, string>>(
  listings: readonly Listing[],
  params: (listing: Listing) => P,
) {
  return listings.flatMap((listing) =>
    paginate(listing.articles, listing.base).map((page) => ({
      params: { ...params(listing), page: pageParameter(page.number) },
      props: { listing, page } satisfies ListingPageProps,
    })),
  );
}

/** Static paths for every page of every tag, source or author, named in the route as `[tag]`, `[source]`, `[author]`. */
export async function namedListPaths(kind: NamedListKind) {
  return listingPaths(await NAMED_LISTS[kind].lists(), (listing) => ({ [kind]: listing.slug }));
}

const related = once(async () =>
  relatedByTags(await getArticles(), (candidate) => candidate.data.tags),
);

/** Up to three articles that share the most tags with this one. */
export async function relatedArticles(article: Article): Promise<Article[]> {
  return (await related()).get(article) ?? [];
}

const positions = once(
  async () => new Map((await getArticles()).map((article, index) => [article, index])),
);

/** The articles published just before and just after this one. */
export async function neighbours(article: Article): Promise<{ older?: Article; newer?: Article }> {
  const articles = await getArticles();
  const index = (await positions()).get(article);
  if (index === undefined) return {};
  const older = articles[index + 1];
  const newer = articles[index - 1];
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}

/** What the home page says the archive holds. */
export interface ArchiveOverview {
  readonly articles: number;
  /** Publishers, the one with the most articles first (ties in Turkish alphabetical order). */
  readonly sources: readonly Listing[];
  readonly tags: number;
  readonly authors: number;
  /** The first and the last year with articles; none for an empty archive. */
  readonly years?: { readonly first: string; readonly last: string };
  /** Articles a month, by `YYYY-MM`. */
  readonly months: ReadonlyMap<string, number>;
}

export const getOverview = once(async (): Promise<ArchiveOverview> => {
  const [articles, sources, tags, authors, years, months] = await Promise.all([
    getArticles(),
    getSources(),
    getTags(),
    getAuthors(),
    getYears(),
    getMonths(),
  ]);
  const bySize = [...sources].sort(
    (a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'tr'),
  );
  // Years are grouped from articles newest first: the first group is the last year.
  const last = years[0]?.name;
  const first = years.at(-1)?.name;
  return {
    articles: articles.length,
    sources: bySize,
    tags: tags.length,
    authors: authors.length,
    ...(first && last ? { years: { first, last } } : {}),
    months: new Map(months.map((month) => [month.slug, month.articles.length])),
  };
});

/** What an article page shows beside the article itself. */
export type ArticlePageProps = {
  article: Article;
  older?: Article;
  newer?: Article;
  related: readonly Article[];
};

/**
 * The article pages' static paths, each with the articles it links to, and keyed by all of them:
 * editing an article changes the pages of its neighbours and of those it is related to, which an
 * incremental build then renders again.
 */
export async function articlePagePaths() {
  return Promise.all(
    (await articlePaths()).map(async ({ params, props: { article } }) => {
      const { older, newer } = await neighbours(article);
      const related = await relatedArticles(article);
      const props: ArticlePageProps = {
        article,
        related,
        ...(older ? { older } : {}),
        ...(newer ? { newer } : {}),
      };
      return { params, props, ...cacheKeyOf([article, older, newer, ...related]) };
    }),
  );
}
