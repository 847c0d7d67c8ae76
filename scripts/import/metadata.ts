import { date, toRule } from '@metascraper/helpers';
import { load, type CheerioAPI } from 'cheerio';
import metascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperDescription from 'metascraper-description';
import metascraperLang from 'metascraper-lang';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import metascraperUrl from 'metascraper-url';
import { getDomain } from 'tldts';

/**
 * What a saved page says about itself, read by metascraper's rules (Open Graph, JSON-LD,
 * `<meta>`, microdata and their fallbacks). Chosen over @extractus/article-extractor after both
 * read the same 24 real news pages (tests/fixtures/readability/pages.json), each as it comes:
 * metascraper had 19 titles and 17 authors right, article-extractor 15 and 8 (mostly Twitter
 * handles; it found nothing on two New York Times pages). article-extractor had more days right
 * (17 to 12), because metascraper-date's `date` prefers the date modified; its `datePublished`
 * rules, which this module uses, do not. metascraper also lets each candidate be refused
 * (`validate`), so that the next rule is tried.
 *
 * Our own code does only what its rules do not: keep the spellings the page wrote (metascraper
 * curls quotes and turns dates into UTC), cut the site's name off a title and the tagline off a
 * publisher's name, and split a byline into its people.
 */
export interface PageMetadata {
  title?: string;
  authors: string[];
  /** As the schema takes it: the day, or the date-time with the offset the page gave. */
  publishedAt?: string;
  description?: string;
  /** The page's primary language subtag (`en`, `pt`), when the page states one. */
  lang?: string;
  publisher?: string;
  url?: string;
}

/** Between a title and the site's name, or a name and its tagline: `|`, `-`, `–`, `—`, `·`, `_`, `::`. */
const SEPARATOR = /\s+(?:[|\-–—·:]{1,2})\s+|\s*_\s*|\s*[｜]\s*/;
/** How a byline starts in the languages of the archive's sources: "By", "Par", "Von", "Por", "Door". */
const BYLINE_WORD = /^(?:by|par|von|por|door|di|av|af)\s+/i;
/** A byline that names a desk, not a person: "Our Foreign Staff", "AFP", "Rédaction". */
const DESK =
  /\b(?:staff|reporters?|correspondents?|desk|editors|newsroom|redaktion|rédaction|redacción|agenc(?:y|ies)|wires?)\b/i;
/** Between two people in a byline. */
const NAME_SEPARATOR = /\s*(?:,|;|\s&\s|、|\s(?:and|et|und|y|e|en|og|och|ve)\s)\s*/i;

const toDate = toRule(date);

/**
 * Publication dates that the page states as such, before metascraper-date's rules, which try a
 * JSON-LD `dateCreated` (often when the page was made, a day later) before Open Graph's and
 * microdata's `published` (The Telegraph). JSON-LD is read by `jsonLdValues`: metascraper's reader
 * gives up on a block wrapped in CDATA (NBC News).
 */
const statedPublication = {
  datePublished: [
    toDate(($: CheerioAPI) => jsonLdValues($, 'datePublished')[0]),
    toDate(($: CheerioAPI) => $('meta[property*="published_time" i]').attr('content')),
    toDate(
      ($: CheerioAPI) =>
        $('[itemprop~="datePublished" i]').attr('content') ??
        $('[itemprop~="datePublished" i]').attr('datetime'),
    ),
  ],
};

const scrape = metascraper([
  statedPublication,
  metascraperDate({ datePublished: true, dateModified: false }),
  metascraperAuthor(),
  metascraperDescription(),
  metascraperLang(),
  metascraperPublisher(),
  metascraperTitle(),
  metascraperUrl(),
]);

/** A JSON-LD block's JSON: some pages wrap it in a CDATA section (`<![CDATA[ … ]]>`), as if it were XHTML. */
const jsonLdText = (text: string) =>
  text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '');

/** Words and letters only, for comparing names: `The Guardian` and `the Guardian` match. */
const comparable = (text: string) => text.toLocaleLowerCase('und').replace(/[^\p{L}\p{N}]+/gu, '');

/** metascraper's cleaning of titles and names (curled quotes, one space): compared on letters alone. */
function sameText(raw: string, cleaned: string): boolean {
  return comparable(raw) === comparable(cleaned);
}

/** Every text a page holds about itself: `<meta>` and microdata values, JSON-LD strings, `<title>`, `<h1>`s. */
function ownTexts($: CheerioAPI): string[] {
  const texts: string[] = [];
  $('meta[content], [itemprop][content]').each(
    (_, element) => void texts.push($(element).attr('content') ?? ''),
  );
  $('time[datetime], [datetime]').each(
    (_, element) => void texts.push($(element).attr('datetime') ?? ''),
  );
  $('title, h1').each((_, element) => void texts.push($(element).text()));
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  jsonLd($).forEach(collect);
  return texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** A date-time as ISO 8601 with a colon in its offset (`+0100` → `+01:00`), a `T`, and no fraction. */
function isoDateTime(raw: string): string {
  return raw
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T')
    .replace(/\.\d+(?=Z|[+-]\d|$)/, '')
    .replace(/(T\d{2}:\d{2})(?=Z|[+-]\d|$)/, '$1:00')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * The publication date as the page wrote it. metascraper gives the moment in UTC; the page's own
 * spelling of that moment keeps the publisher's offset, and so the publisher's day. A moment
 * written without an offset gives its day alone; one only read from running text, its UTC day.
 */
function publishedAsWritten(moment: string, texts: string[]): string {
  const time = Date.parse(moment);
  const written = texts.map(isoDateTime);
  const withOffset = written.find((text) => WITH_OFFSET.test(text) && Date.parse(text) === time);
  if (withOffset) return withOffset;
  const withoutOffset = written.find(
    (text) =>
      WITHOUT_OFFSET.test(text) &&
      Date.parse(`${text.length === 10 ? `${text}T00:00` : text}Z`) === time,
  );
  return (withoutOffset ?? moment).slice(0, 10);
}

/** A day in the original's address (`/2015/03/18/`, `/2017-03/10/`, `a=20170309-`), for pages that date themselves nowhere else. */
export function dayInUrl(url: string | undefined): string | undefined {
  const match =
    url &&
    /(?:^|[/=_-])((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=$|[/_.-]|\D)/.exec(
      new URL(url).pathname + new URL(url).search,
    );
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The name before a tagline: `Aktuálně.cz - Víte, co se právě děje` → `Aktuálně.cz`. */
function withoutTagline(name: string): string {
  return name.split(SEPARATOR)[0]!.trim() || name;
}

/**
 * A headline without the site's name, section or author the `<title>` adds
 * (`Obama admits … - BBC News`, `… | Eleanor Ainge Roy`, `…_科技_腾讯网`). The page's own `<h1>`
 * wins when the title only adds to it; otherwise trailing parts that name the publisher, the
 * site's host or an author are cut.
 */
function withoutSiteName(title: string, $: CheerioAPI, known: string[]): string {
  const headings = $('h1')
    .map((_, element) => $(element).text().replace(/\s+/g, ' ').trim())
    .get();
  const heading = headings.find(
    (text) =>
      text.length >= 10 &&
      text.length < title.length &&
      comparable(title).startsWith(comparable(text)) &&
      SEPARATOR.test(title.slice(text.length - 1, text.length + 4)),
  );
  if (heading) return heading;
  const parts = title.split(new RegExp(`(${SEPARATOR.source})`));
  const names = known.map(comparable).filter(Boolean);
  while (
    parts.length >= 3 &&
    names.some(
      (name) =>
        comparable(parts.at(-1)!).length > 0 &&
        (name.includes(comparable(parts.at(-1)!)) || comparable(parts.at(-1)!).includes(name)),
    )
  )
    parts.splice(-2);
  return parts.join('').trim();
}

/** The people of a byline: `By Stella Kim and Jennifer Jett` → both; handles and the publisher's own name are no one. */
function people(byline: string, publisher: string | undefined): string[] {
  return byline
    .replace(/\s*\((?:avec|with|mit|con|com)\s+([^)]*)\)/gi, ', $1')
    .replace(BYLINE_WORD, '')
    .split(NAME_SEPARATOR)
    .map((name) => name.replace(BYLINE_WORD, '').trim())
    .filter(
      (name) =>
        /\p{L}/u.test(name) &&
        // A Latin name is two words or more: one word is a handle (`BBCWorld`, `folha`) or a desk.
        (/\s/.test(name) || !/\p{Script=Latin}/u.test(name)) &&
        !name.startsWith('@') &&
        !/^follow\b/i.test(name) &&
        !DESK.test(name) &&
        !(publisher && comparable(name) === comparable(publisher)),
    );
}

/** The JSON-LD blocks of a page, parsed, CDATA and all; a block that does not parse is left out. */
function jsonLd($: CheerioAPI): unknown[] {
  return $('script[type="application/ld+json"]')
    .map((_, element) => {
      try {
        return [JSON.parse(jsonLdText($(element).text()))];
      } catch {
        return [];
      }
    })
    .get();
}

/** The JSON-LD objects of a page that are articles, `@graph`s and arrays flattened. */
function jsonLdArticles($: CheerioAPI): Record<string, unknown>[] {
  const articles: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const item = value as Record<string, unknown>;
    if (Array.isArray(item['@graph'])) item['@graph'].forEach(visit);
    if ([item['@type']].flat().some((type) => /Article|Posting|Report/.test(String(type))))
      articles.push(item);
  };
  jsonLd($).forEach(visit);
  return articles;
}

/** A property's string values across the page's JSON-LD articles. */
function jsonLdValues($: CheerioAPI, property: string): string[] {
  return jsonLdArticles($).flatMap((article) =>
    [article[property]].flat().filter((value): value is string => typeof value === 'string'),
  );
}

/** JSON-LD authors, every one of them (metascraper keeps the first). */
function jsonLdAuthors($: CheerioAPI): string[] {
  const names = jsonLdArticles($).flatMap((article) =>
    [article['author'] ?? []].flat().flatMap((author) => {
      const { name, '@type': type = 'Person' } =
        typeof author === 'string'
          ? { name: author }
          : ((author ?? {}) as { name?: unknown; '@type'?: unknown });
      return typeof name === 'string' && name.trim() && type !== 'Organization'
        ? [name.trim()]
        : [];
    }),
  );
  return [...new Set(names)];
}

/**
 * Reads a saved page's metadata. `url` is the original's address when the keeper gave it (or the
 * page's "saved from" comment did): rules resolve relative links against it.
 */
export async function pageMetadata(
  html: string,
  url: string | undefined,
  byline: string | undefined,
): Promise<PageMetadata> {
  const $ = load(html);
  const now = Date.now();
  const found = await scrape({
    html,
    htmlDom: $,
    url: url ?? 'https://localhost/',
    validateUrl: false,
    // A date after today is a year guessed from "March 18" in running text, not a publication date.
    validate: (value, { propName }) =>
      !(propName === 'date' || propName === 'datePublished') || Date.parse(value) <= now,
  });
  const texts = ownTexts($);
  const address = url ?? found.url ?? undefined;
  const host = address ? new URL(address).hostname : undefined;
  const publisherName = found.publisher ? withoutTagline(found.publisher) : undefined;
  const publisher = publisherName ?? (host ? (getDomain(host) ?? host) : undefined);
  const named = jsonLdAuthors($);
  const fromRules = people(found.author ?? '', publisher);
  const authors = [
    ...new Set(
      named.length > 0 ? named : fromRules.length > 0 ? fromRules : people(byline ?? '', publisher),
    ),
  ];
  const rawTitle = found.title
    ? (texts.find((text) => sameText(text, found.title!)) ?? found.title)
    : undefined;
  // The headline the page shows, when its metadata says the same: metascraper ranks `<title>`,
  // which may be shorter or longer, above JSON-LD's `headline`.
  const stated = [
    ...jsonLdValues($, 'headline'),
    $('meta[property="og:title"]').attr('content') ?? '',
  ]
    .map(comparable)
    .filter(Boolean);
  const shown = $('h1')
    .map((_, element) => $(element).text().replace(/\s+/g, ' ').trim())
    .get()
    .find((text) => stated.includes(comparable(text)));
  const domainLabel = host ? (getDomain(host) ?? host).split('.')[0]! : '';
  const moment = found.datePublished ?? found.date;
  const result: PageMetadata = {
    authors,
    ...(shown
      ? { title: shown }
      : rawTitle
        ? {
            title: withoutSiteName(rawTitle, $, [
              publisher ?? '',
              found.publisher ?? '',
              domainLabel,
              ...authors,
            ]),
          }
        : {}),
    ...(moment
      ? { publishedAt: publishedAsWritten(moment, texts) }
      : dayInUrl(address)
        ? { publishedAt: dayInUrl(address)! }
        : {}),
    ...(found.description
      ? {
          description:
            texts.find((text) => sameText(text, found.description!)) ?? found.description,
        }
      : {}),
    ...(found.lang ? { lang: found.lang.toLowerCase() } : {}),
    ...(publisher ? { publisher } : {}),
    ...(address ? { url: address } : {}),
  };
  return result;
}
