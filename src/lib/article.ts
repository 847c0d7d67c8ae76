import { z } from 'zod/v4';
import { parsePublishedAt, type PublishedAt } from './dates.ts';
import { boundedSlug, MAX_SLUG_LENGTH, turkishSlug } from './slug.ts';
import { reservedRoute } from './urls.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * A day or an ISO date-time with offset. YAML reads an unquoted `2025-10-28` as a `Date` at UTC
 * midnight; that is a plain day. An unquoted date-time also becomes a `Date`, but its offset is
 * lost, so it must be quoted.
 */
const dateOrDateTime = z.union([z.string(), z.date()]).transform((value, context): PublishedAt => {
  const text =
    value instanceof Date
      ? value.getUTCHours() +
          value.getUTCMinutes() +
          value.getUTCSeconds() +
          value.getUTCMilliseconds() ===
        0
        ? value.toISOString().slice(0, 10)
        : 'unquoted date-time'
      : value;
  const parsed = parsePublishedAt(text);
  if (parsed) return parsed;
  context.addIssue({
    code: 'custom',
    message:
      text === 'unquoted date-time'
        ? 'a date-time must be quoted so that its offset is kept, e.g. "2025-10-28T14:05:00+03:00"'
        : `"${text}" is not a real date (YYYY-MM-DD) or an ISO date-time with an offset`,
  });
  return z.NEVER;
});

/** Longer than any headline: a longer title is a paste gone wrong (the whole text, say). */
export const MAX_TITLE_LENGTH = 300;
/**
 * The lede is kept as published, however long (95 of 40,677 real Turkish ledes run past 1,000
 * characters); this bound protects the page's weight alone, since the article page shows the lede
 * whole: past it, the lede is an article pasted in by mistake. What previews read is cut apart
 * (src/lib/meta-description.ts).
 */
export const MAX_LEDE_LENGTH = 20_000;
/** The latest offset in use (UTC+14): a publisher's today may be this far ahead of the builder's. */
const LATEST_OFFSET_MS = 14 * 60 * 60 * 1000;

/** The earliest publication day the archive takes: an earlier one is a typo (`1018` for `2018`). */
export const EARLIEST_PUBLICATION_DAY = '1900-01-01';

/**
 * Something a reader can see: a character that is neither white space nor invisible (zero-width
 * spaces and joiners, direction marks, soft hyphens, fillers, the braille blank). Text of only
 * those shows nothing, and is no title, name or article.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/u;
export const hasVisibleText = (text: string) => VISIBLE.test(text);

const visible = () =>
  z
    .string()
    .trim()
    .refine(hasVisibleText, 'is empty: it has no visible character, only spaces or invisible ones');
const text = (max: number) => visible().max(max, `is longer than ${max} characters`);

/**
 * An original's host: a domain name, or the loopback address 127.0.0.1, where a keeper (and the
 * capture tests) serve pages on their own machine; no other address, lest a public archive cite
 * a private network.
 */
const ORIGINAL_HOST = new RegExp(`${z.regexes.domain.source}|^127\\.0\\.0\\.1$`);

/** The front matter of an article file: the archive's contract with its content. */
export const articleSchema = z
  .strictObject({
    title: text(MAX_TITLE_LENGTH),
    description: text(MAX_LEDE_LENGTH),
    publishedAt: dateOrDateTime,
    /** When the copy was made: what a citation's "retrieved" date and the provenance block show. */
    archivedAt: dateOrDateTime.optional(),
    source: z.strictObject({
      name: visible(),
      url: z.url({
        protocol: /^https?$/,
        hostname: ORIGINAL_HOST,
        error: 'must be the absolute http(s) URL of the original article',
      }),
    }),
    lang: z
      .string()
      .regex(LANGUAGE_TAG, 'must be a BCP 47 language tag such as "tr"')
      .default('tr'),
    /** The people the original names as its authors, as it spells them. */
    authors: z.array(visible()).default([]),
    tags: z.array(visible()).default([]),
    slug: z
      .string()
      .regex(SLUG, 'must be lowercase ASCII words joined by hyphens')
      .max(
        MAX_SLUG_LENGTH,
        `is longer than ${MAX_SLUG_LENGTH} characters: it names the article's folder and files`,
      )
      .optional(),
    /** Addresses the article had before (a permalink from an earlier title, say): each redirects to it. */
    redirectFrom: z
      .array(
        z
          .string()
          .regex(/^\/(?:[a-z0-9-]+\/)+$/, 'must be a path such as "/2025/10/28/eski-baslik/"')
          .refine((path) => path.split('/').every((part) => part.length <= MAX_SLUG_LENGTH), {
            error: `has a part longer than ${MAX_SLUG_LENGTH} characters: each names a folder`,
          })
          .superRefine((path, context) => {
            const taken = reservedRoute(path);
            if (taken)
              context.addIssue({
                code: 'custom',
                message: `${path} is the site's own address (${taken}${taken === path ? '' : '…'}): an old address cannot take it`,
              });
          }),
      )
      .default([]),
  })
  .superRefine((article, context) => {
    if (article.slug === undefined && titleSlug(article.title) === '') {
      context.addIssue({
        code: 'custom',
        path: ['slug'],
        message: 'the title has no letters to make a URL from: give a slug',
      });
    }
    const today = new Date(Date.now() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
    if (
      article.publishedAt.timestamp > Date.now() + LATEST_OFFSET_MS ||
      article.publishedAt.date > today
    ) {
      context.addIssue({
        code: 'custom',
        path: ['publishedAt'],
        message: `${article.publishedAt.iso} is after today (${today}): an article cannot be published in the future`,
      });
    }
    if (article.publishedAt.date < EARLIEST_PUBLICATION_DAY) {
      context.addIssue({
        code: 'custom',
        path: ['publishedAt'],
        message: `${article.publishedAt.iso} is before ${EARLIEST_PUBLICATION_DAY}, the earliest day the archive takes: a typo for a later year?`,
      });
    }
    if (
      article.archivedAt &&
      (article.archivedAt.timestamp > Date.now() + LATEST_OFFSET_MS ||
        article.archivedAt.date > today)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['archivedAt'],
        message: `${article.archivedAt.iso} is after today (${today}): a copy cannot be made in the future`,
      });
    }
    if (article.archivedAt && article.archivedAt.date < article.publishedAt.date) {
      context.addIssue({
        code: 'custom',
        path: ['archivedAt'],
        message: `${article.archivedAt.iso} is before publishedAt (${article.publishedAt.iso}): a copy cannot be older than the article`,
      });
    }
  });

/** The slug a title gives: Turkish rules, any script transliterated, cut at a word boundary. */
export function titleSlug(title: string): string {
  return boundedSlug(turkishSlug(title));
}

/** The slug of an article's address and file name: its `slug`, or else its title's. */
/**
 * The fields set once for an article, in its own (first) file: a later version's file may not set
 * them (versions.ts refuses it), and each version is published with them.
 */
export const ARTICLE_OWN_FIELDS = ['slug', 'tags', 'redirectFrom'] as const;

/** A version's data as its pages and feeds publish it: the article's first publication date and its own fields. */
export function withArticleFields(
  version: ArticleData,
  article: Pick<ArticleData, 'publishedAt' | (typeof ARTICLE_OWN_FIELDS)[number]>,
): ArticleData {
  const { publishedAt, slug, tags, redirectFrom } = article;
  return { ...version, publishedAt, slug, tags, redirectFrom };
}

export function articleSlug(article: Pick<ArticleData, 'slug' | 'title'>): string {
  return article.slug ?? titleSlug(article.title);
}

export type ArticleData = z.output<typeof articleSchema>;

/**
 * The permanent address of an article: `/{yyyy}/{mm}/{dd}/{slug}/`, the day from
 * `publishedAt` and the slug from `slug` or, failing that, from the title.
 */
export function permalink(article: Pick<ArticleData, 'publishedAt' | 'slug' | 'title'>): string {
  const slug = articleSlug(article);
  const [, month, day] = article.publishedAt.date.split('-');
  return `/${publicationYear(article.publishedAt.date)}/${month}/${day}/${slug}/`;
}

/** The year an article was published in, as its permalink, its year's page and search name it (`2025-10-28` → `2025`). */
export function publicationYear(date: string): string {
  return date.slice(0, 4);
}

/** Newest first; ties broken by permalink so that the order never depends on file-system order. */
export function byNewest<T extends { data: Pick<ArticleData, 'publishedAt'>; permalink: string }>(
  a: T,
  b: T,
): number {
  return (
    b.data.publishedAt.timestamp - a.data.publishedAt.timestamp ||
    a.permalink.localeCompare(b.permalink)
  );
}
