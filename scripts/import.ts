/**
 * Turns captured articles into archive Markdown, one file each under content/articles.
 *
 *   npm run import -- FILE... [--dry-run] [--source-name NAME] [--url URL]
 *                     [--date YYYY-MM-DD] [--title TITLE] [--slug SLUG] [--lang TAG]
 *   npm run import -- URL... | --feed URL | --recapture [URL...] [--since DAYS] [--source NAME]
 *                     [--timeout SECONDS]
 *
 * FILE is a plain-text capture in the seed's format (`date YYYY-MM-DD URL`, title, lede, body) or a
 * web page saved from a browser (`.html`, `.htm`; saved "complete", the images beside it are
 * archived with the article). The flags give by hand what a file lacks or gets wrong. A capture of an original already archived becomes the article's next version when its
 * text changed, and is refused as unchanged when it did not; no file is ever overwritten. Every
 * file is checked before any is written; on any problem nothing is written.
 *
 * An address (or a feed's items, or with --recapture the archive's originals) is fetched and
 * archived as a saved page is, with its WARC beside the version (scripts/import/batch.ts); there
 * each article is all or nothing on its own, and one that fails does not stop the others.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFile, articleFilePath, type ArticleFields } from '../src/lib/article-file.ts';
import { MAX_LEDE_LENGTH, permalink, titleSlug, type ArticleData } from '../src/lib/article.ts';
import { validArticles } from '../src/integrations/valid-articles.ts';
import { CaptureError, parseCapture } from '../src/lib/capture.ts';
import { lookupKey } from '../src/lib/lookup.ts';
import { canonicalMarkdown } from '../src/lib/provenance.ts';
import { changeLine, changeLines, diffVersions, type VersionDiff } from '../src/lib/text-diff.ts';
import { renderArticleMarkdown } from '../src/markdown/index.ts';
import { boundedSlug, turkishSlug } from '../src/lib/slug.ts';
import { versionFile, versionOfFile, versionPath, warcFileOf } from '../src/lib/versions.ts';
import { cutAtWord } from '../src/lib/meta-description.ts';
import { turkishLowerCase } from '../src/lib/turkish.ts';
import { ui } from '../src/i18n/tr.ts';
import type { ArchivedImage } from './import/html.ts';
import { captureAll, feedAddresses, isAddress, publicOnly, type Failure } from './import/batch.ts';
import type { Capture } from './import/capture.ts';
import { DEFAULT_LIMITS, FetchError } from './import/fetch.ts';
import { checkNesting } from './import/nesting.ts';
import { readInput } from './import/read-input.ts';
import { Robots } from './import/robots.ts';
import { withArchive, WriteError, type WriteItem } from './import/write.ts';
import { ledgerPathOf, recordCaptures } from './ledger/record.ts';

const USAGE = [
  'usage: npm run import -- FILE... [--dry-run] [--source-name NAME] [--url URL] [--date YYYY-MM-DD] [--title TITLE] [--slug SLUG] [--lang TAG]',
  '       npm run import -- URL... | --feed URL [--allow-private] | --recapture [URL...] [--since DAYS] [--source NAME]  [--timeout SECONDS] [--ignore-robots] [--dry-run]',
].join('\n');

function readOptions() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'source-name': { type: 'string' },
        url: { type: 'string' },
        date: { type: 'string' },
        title: { type: 'string' },
        slug: { type: 'string' },
        lang: { type: 'string' },
        into: { type: 'string', default: 'content/articles' },
        feed: { type: 'string', multiple: true },
        recapture: { type: 'boolean', default: false },
        since: { type: 'string' },
        source: { type: 'string' },
        timeout: { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        'ignore-robots': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const force = /'--force'/.test(message)
      ? '--force is no longer needed: a changed capture of an archived article becomes its next version, and no file is ever overwritten'
      : // Node's message names the flag ("Unknown option '--tilte'"); its stack trace helps no one.
        message.split('\n')[0];
    console.error(`${force}\n${USAGE}`);
    process.exit(2);
  }
}

const { values: options, positionals: files } = readOptions();

/** One capture's text, as far as versions go: what a reader sees change. */
interface Text {
  data: ArticleData;
  body: string;
}

/** An archived article's chain of versions, with those this run plans to add. */
interface Chain {
  articleFile: string;
  url: string;
  permalink: string;
  versions: (Text & { path: string })[];
}

interface Planned {
  path: string;
  /** The address the new file is read at: the permalink, or the new version's own. */
  address: string;
  text: string;
  /** For a new version: what changed since the one before. */
  change?: { number: number; permalink: string; diff: VersionDiff };
  input: string;
  /** Images saved with the page, and the names they are copied to beside the new file. */
  images: { from: string; to: string }[];
  notArchived: string[];
  warnings: string[];
  /** A capture from the web: its WARC, copied beside the new file, and the WARC's SHA-256. */
  warc?: { from: string; to: string; sha256: string };
}

/** The archive's articles by their original's lookup key, each with its versions, and every permalink taken. */
async function existingArticles(directory: string) {
  const files = new Map<string, (Text & { path: string })[]>();
  for await (const { path, data, body } of validArticles(directory)) {
    const { articleFile, number } = versionOfFile(relative(directory, path));
    const chain = files.get(articleFile) ?? [];
    chain[number - 1] = { path, data, body };
    files.set(articleFile, chain);
  }
  const chains = new Map<string, Chain>();
  const permalinks = new Map<string, string>();
  for (const [articleFile, chain] of files) {
    const first = chain[0];
    if (!first) continue;
    const address = permalink(first.data);
    permalinks.set(address, first.path);
    // A chain with a gap or a broken file is the build's to report; the versions before it are what the import compares with.
    const whole = chain.findIndex((version) => !version);
    const versions = whole === -1 ? chain : chain.slice(0, whole);
    chains.set(lookupKey(first.data.source.url)!, {
      articleFile,
      url: first.data.source.url,
      permalink: address,
      versions,
    });
  }
  return { chains, permalinks };
}

/** Whether two captures say the same: the same headline, lede and body, line endings and surrounding space aside. */
function sameText(a: Text, b: Text): boolean {
  return (
    a.data.title === b.data.title &&
    a.data.description === b.data.description &&
    canonicalMarkdown(a.body) === canonicalMarkdown(b.body)
  );
}

function textOf(capture: Text) {
  return {
    title: capture.data.title,
    description: capture.data.description,
    body: renderArticleMarkdown(capture.body).text,
  };
}

/** The capture time, to the second: two captures on one day are two versions, told apart by it. */
const capturedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A lede as published, unless it passes the schema's bound: then cut at a word's end, marked as cut. */
function bounded(description: string): string {
  return description.length <= MAX_LEDE_LENGTH
    ? description
    : cutAtWord(description, MAX_LEDE_LENGTH);
}

/** For a title without Latin letters (`宇航员…`), the original address's last segment, when it has letters (`content_23937776.htm`). */
function slugFromUrl(url: string): string | undefined {
  const segment = new URL(url).pathname.split('/').filter(Boolean).at(-1);
  const slug = segment
    ? boundedSlug(turkishSlug(decodeURIComponent(segment).replace(/\.[a-z0-9]+$/i, '')))
    : '';
  return /[a-z]/.test(slug) ? slug : undefined;
}

/** `input` is a file, or a page captured from the web (its original address is the capture's). */
async function plan(input: string, capture?: Capture) {
  const isPage = ['.html', '.htm'].includes(extname(input).toLowerCase());
  // A capture's page was decoded as its server or it declared, and written here in UTF-8.
  const text = await readInput(input, { page: isPage && !capture });
  if (isPage) checkNesting(text);
  // The HTML tools (a DOM, Readability, cheerio, rehype) load only when a page is imported.
  const html = isPage ? await import('./import/html.ts') : undefined;
  const draft = html
    ? await (async () => {
        const page = await html.draftFromHtml(text, input, capture?.url ?? options.url);
        return { ...page, source: { name: page.publisher, url: page.url } };
      })()
    : {
        ...parseCapture(text),
        authors: [],
        lang: undefined,
        images: [] as ArchivedImage[],
        notArchived: [],
        warnings: [],
      };
  const title = options.title ?? draft.title;
  const url = capture?.url ?? options.url ?? draft.source.url;
  const publishedAt = options.date ?? draft.publishedAt;
  const name = options['source-name'] ?? draft.source.name;
  const missing = [
    [title, 'no title', '--title'],
    [draft.description, 'no lede or description', undefined],
    [publishedAt, 'no publication date', '--date'],
    [name, 'no name of the source', '--source-name'],
    [url, 'no original address', '--url'],
    [draft.body, 'no article text', undefined],
  ].filter(([value]) => !value);
  if (missing.length > 0) {
    throw new Error(
      missing
        .map(([, what, flag]) => `found ${what}${flag ? `: give it with ${flag}` : ''}`)
        .join('; '),
    );
  }
  const slug =
    options.slug ??
    (/\p{Script=Latin}/u.test(title!) || !titleSlug(title!) ? undefined : slugFromUrl(url!));
  const fields: ArticleFields = {
    title: title!,
    description: bounded(draft.description!),
    publishedAt: publishedAt!,
    archivedAt: capturedAt,
    source: { name: name!, url: url! },
    lang: options.lang ?? draft.lang ?? 'tr',
    ...(draft.authors.length > 0 ? { authors: draft.authors } : {}),
    tags: [],
    ...(slug ? { slug } : {}),
  };
  const fileName = articleFilePath(articleFile(fields, draft.body!).data);
  /** The body with its images linked from `prefix` (`./28-slug/` beside the article's file, `./surum-2-` inside its folder). */
  const linked = (prefix: string) =>
    html ? draft.body!.replaceAll(`./${html.IMAGE_FOLDER}/`, prefix) : draft.body!;
  // An article's images go in the folder named as its file, where its later versions also go.
  const imageFolder = fileName.replace(/\.md$/, '');
  const body = linked(`./${imageFolder.split('/').at(-1)}/`);
  const { text: markdown, data } = articleFile(fields, body);
  const { images, notArchived, warnings } = draft;
  return {
    fields,
    body,
    linked,
    images,
    imageFolder,
    notArchived,
    warnings,
    data,
    fileName,
    permalink: permalink(data),
    text: markdown,
    capture,
  };
}

/** A later version's file: the capture as it is, under the article's original address; tags and slug stay the article file's. */
function versionText(fields: ArticleFields, body: string, url: string): string {
  const { title, description, publishedAt, archivedAt, source, lang, authors } = fields;
  return articleFile(
    {
      title,
      description,
      publishedAt,
      archivedAt,
      source: { ...source, url },
      lang,
      ...(authors ? { authors } : {}),
    },
    body,
  ).text;
}

type PlannedCapture = { input: string; capture: Awaited<ReturnType<typeof plan>> };

async function main(): Promise<number> {
  if ((options.since !== undefined || options.source !== undefined) && !options.recapture) {
    console.error(
      `--since and --source choose the originals to capture again: give --recapture\n${USAGE}`,
    );
    return 2;
  }
  if (options.recapture || options.feed || files.some(isAddress)) return captureFromWeb();
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const problems: string[] = [];
  const report = () => {
    for (const problem of problems) console.error(problem);
    console.error('Nothing was written.');
    return 1;
  };
  // Reading and extracting the inputs is the slow part, and needs no lock.
  const captures: { input: string; capture: Awaited<ReturnType<typeof plan>> }[] = [];
  for (const input of files) {
    try {
      captures.push({ input, capture: await plan(input) });
    } catch (error) {
      problems.push(problemLine(input, error));
    }
  }
  if (problems.length > 0) return report();
  return writeCaptures(captures, problems, false);
}

/** Imports the planned captures under the archive's lock (none for a dry run); `tolerant`: one that cannot be imported does not stop the others. */
async function writeCaptures(
  captures: PlannedCapture[],
  problems: string[],
  tolerant: boolean,
): Promise<number> {
  const into = resolve(options.into);
  if (options['dry-run']) return importCaptures(into, captures, problems, async () => {}, tolerant);
  try {
    return await withArchive(into, (write) =>
      importCaptures(into, captures, problems, write, tolerant),
    );
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** Seconds as the limits of a fetch; anything but a positive number is a usage error. */
function limitsOf(timeout: string | undefined) {
  if (timeout === undefined) return DEFAULT_LIMITS;
  const seconds = Number(timeout);
  if (!(seconds > 0)) {
    console.error(
      `--timeout ${timeout}: give the seconds a request may take, such as 30\n${USAGE}`,
    );
    process.exit(2);
  }
  return { ...DEFAULT_LIMITS, timeoutMs: seconds * 1000 };
}

/** The days of --since as milliseconds; anything but a positive number is a usage error. */
function sinceOf(days: string | undefined): number | undefined {
  if (days === undefined) return undefined;
  const count = Number(days);
  if (!(count > 0)) {
    console.error(`--since ${days}: give the number of days, such as 7\n${USAGE}`);
    process.exit(2);
  }
  return count * 24 * 60 * 60 * 1000;
}

/**
 * Whether --since (`since`, in milliseconds) and --source choose an archived article: its latest
 * version archived within the days (one with no archivedAt is not known to be recent), its source
 * named so in any case, by Turkish rules (`HÜRRİYET` is `hürriyet`, `IŞIK` is `ışık`, not `işik`).
 */
function chosenForRecapture(chain: Chain, since: number | undefined): boolean {
  const latest = chain.versions.at(-1)!.data;
  if (
    since !== undefined &&
    !(latest.archivedAt && latest.archivedAt.timestamp >= Date.now() - since)
  )
    return false;
  return (
    options.source === undefined ||
    turkishLowerCase(latest.source.name.trim()) === turkishLowerCase(options.source.trim())
  );
}

/** A failed capture's line; an archived original that is gone (404, 410) is said to be kept as it was. */
function failureLine({ address, error }: Failure, chain: Chain | undefined): string {
  if (chain && (error.status === 404 || error.status === 410))
    return `${address}: gone from its site (${error.message}); the archive keeps ${chain.permalink} as it was`;
  return `${address}: ${error.message}`;
}

/**
 * Addresses, feeds' items and re-captures: each fetched, then imported as a saved page is, with
 * its WARC. An address that fails, in fetching or in importing, is one line, and the others go on.
 */
async function captureFromWeb(): Promise<number> {
  const limits = limitsOf(options.timeout);
  const since = sinceOf(options.since);
  const failures: string[] = [];
  const { chains } = await existingArticles(resolve(options.into));
  const archived = (address: string) => chains.get(lookupKey(address) ?? '');
  const addresses: string[] = [];
  // A feed's items are untrusted: they may not lead to this machine's own network (scripts/import/batch.ts).
  const fromFeeds = new Set<string>();
  if (options.recapture) {
    const named =
      files.length > 0
        ? files.map((address) => [address, archived(address)] as const)
        : [...chains.values()].map((chain) => [chain.url, chain] as const);
    const chosen = named.filter(([, chain]) => !chain || chosenForRecapture(chain, since));
    if (options.since !== undefined || options.source !== undefined)
      console.log(
        `Capturing again ${chosen.length} of ${named.length} original(s)${options.since === undefined ? '' : `, archived in the last ${options.since} day(s)`}${options.source === undefined ? '' : `, from ${options.source}`}.`,
      );
    for (const [address, chain] of chosen) {
      if (!chain)
        failures.push(
          `${address}: not archived, so there is nothing to capture again: capture it without --recapture`,
        );
      // The schema holds every original to http(s).
      else addresses.push(chain.url);
    }
  } else
    for (const input of files)
      if (isAddress(input)) addresses.push(input);
      else failures.push(`${input}: a file among addresses: import files in a run of their own`);
  for (const feed of options.feed ?? []) {
    try {
      const items = await feedAddresses(feed, limits);
      console.log(`${feed}: ${items.length} item(s)`);
      for (const item of items) {
        const chain = archived(item);
        if (chain) console.log(`${item}: already archived as ${chain.permalink}, skipped`);
        else {
          addresses.push(item);
          fromFeeds.add(item);
        }
      }
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      failures.push(`${feed}: ${error.message}`);
    }
  }
  const folder = await mkdtemp(join(tmpdir(), 'haber-arsivi-capture-'));
  try {
    const fetched = await captureAll(
      addresses,
      folder,
      limits,
      options['allow-private'] ? new Set() : fromFeeds,
      publicOnly(limits),
      options['ignore-robots'] ? undefined : new Robots(limits),
    );
    failures.push(
      ...fetched.failures.map((failure) =>
        failureLine(failure, options.recapture ? archived(failure.address) : undefined),
      ),
    );
    const captures: PlannedCapture[] = [];
    for (const capture of fetched.captures) {
      // An archived original keeps its address, wherever it now redirects: the capture is its next version.
      const url = archived(capture.requested)?.url ?? capture.url;
      try {
        captures.push({
          input: capture.requested,
          capture: await plan(capture.page, { ...capture, url }),
        });
      } catch (error) {
        failures.push(problemLine(capture.requested, error));
      }
    }
    const code = await writeCaptures(captures, failures, true);
    return failures.length > 0 ? 1 : code;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function problemLine(input: string, error: unknown): string {
  const line = error instanceof CaptureError && error.line ? `:${error.line}` : '';
  return `${input}${line}: ${(error as Error).message}`;
}

/** Compares the captures with the archive as it is now, and writes them as new articles or versions: all, or none. */
async function importCaptures(
  into: string,
  captures: { input: string; capture: Awaited<ReturnType<typeof plan>> }[],
  problems: string[],
  write: (items: readonly WriteItem[]) => Promise<void>,
  tolerant: boolean,
): Promise<number> {
  const { chains, permalinks } = await existingArticles(into);
  const unchanged: string[] = [];
  const planned: Planned[] = [];
  const shown = (path: string) => relative(process.cwd(), path);
  for (const { input, capture } of captures) {
    try {
      const key = lookupKey(capture.data.source.url)!;
      const chain = chains.get(key);
      if (chain) {
        if (options.slug)
          throw new Error(
            `${shown(chain.versions[0]!.path)} already archives ${chain.url}: a new version keeps the article's address, so --slug does not apply`,
          );
        // The same as any earlier version, not only the latest: an old capture imported again must not pass for a change back.
        const same = chain.versions.findIndex((version) => sameText(capture, version));
        if (same !== -1) {
          unchanged.push(
            `${input}: unchanged, the same text as version ${same + 1} (${shown(chain.versions[same]!.path)}) of ${chain.permalink}: refused, nothing written`,
          );
          continue;
        }
        const number = chain.versions.length + 1;
        const path = join(into, versionFile(chain.articleFile, number));
        if (existsSync(path))
          throw new Error(
            `${shown(path)} exists but is not a valid article file: fix or remove it first`,
          );
        const diff = diffVersions(
          textOf(chain.versions.at(-1)!),
          textOf(capture),
          capture.data.lang,
        );
        // A version's images go beside it, in the article's folder, named for the version: earlier ones keep theirs.
        const prefix = `surum-${number}-`;
        const images = capture.images.map((image) => ({
          from: image.from,
          to: join(dirname(path), `${prefix}${image.name}`),
        }));
        const { notArchived, warnings } = capture;
        const text = versionText(capture.fields, capture.linked(`./${prefix}`), chain.url);
        planned.push({
          path,
          address: versionPath(chain.permalink, number),
          text,
          change: { number, permalink: chain.permalink, diff },
          input,
          images,
          notArchived,
          warnings,
          ...warcOf(capture.capture, path),
        });
        chain.versions.push({ ...capture, path });
        continue;
      }
      const path = join(into, capture.fileName);
      const samePermalink = permalinks.get(capture.permalink);
      if (samePermalink)
        throw new Error(
          `${shown(samePermalink)} already has the permalink ${capture.permalink}: give another with --slug`,
        );
      if (existsSync(path))
        throw new Error(
          `${shown(path)} exists but is not a valid article file: fix or remove it first`,
        );
      const images = capture.images.map((image) => ({
        from: image.from,
        to: join(into, capture.imageFolder, image.name),
      }));
      planned.push({
        path,
        address: capture.permalink,
        text: capture.text,
        input,
        images,
        notArchived: capture.notArchived,
        warnings: capture.warnings,
        ...warcOf(capture.capture, path),
      });
      permalinks.set(capture.permalink, path);
      chains.set(key, {
        articleFile: capture.fileName,
        url: capture.data.source.url,
        permalink: capture.permalink,
        versions: [{ ...capture, path }],
      });
    } catch (error) {
      problems.push(problemLine(input, error));
    }
  }
  if (problems.length > 0 && !tolerant) {
    for (const problem of problems) console.error(problem);
    console.error('Nothing was written.');
    return 1;
  }
  for (const message of unchanged) console.log(message);
  const summaryOf = (article: Planned) =>
    article.change
      ? ` (version ${article.change.number} of ${article.change.permalink}: ${changeLine(article.change.diff)})`
      : '';
  for (const article of planned) {
    for (const warning of article.warnings) console.error(`${article.input}: warning: ${warning}`);
    if (article.notArchived.length > 0) {
      console.error(
        `${article.input}: ${article.notArchived.length} image(s) not archived (not saved with the page, or not fetched), marked “${ui.imageNotArchived}” in the text:`,
      );
      for (const src of article.notArchived) console.error(`  ${src}`);
    }
    if (!options['dry-run']) continue;
    if (article.change)
      console.log(
        [
          `# ${shown(article.path)} → ${article.address}${summaryOf(article)}`,
          ...changeLines(article.change.diff).map((line) => `  ${line}`),
        ].join('\n'),
      );
    else console.log(`# ${shown(article.path)} → ${article.address}\n${article.text}`);
    for (const image of article.images) console.log(`# ${shown(image.from)} → ${shown(image.to)}`);
    if (article.warc) console.log(`# WARC → ${shown(article.warc.to)}`);
  }
  const summary = () => {
    if (!tolerant) return;
    const versions = planned.filter((article) => article.change).length;
    console.log(
      `${options['dry-run'] ? 'Would archive' : 'Archived'} ${planned.length} (${planned.length - versions} new, ${versions} new version(s)), ${unchanged.length} unchanged, ${problems.length} failed.`,
    );
    for (const problem of problems) console.error(`failed: ${problem}`);
  };
  if (options['dry-run']) {
    summary();
    return 0;
  }
  // One batch: the images and WARCs first, so that no text ever links one that is not there yet.
  await write([
    ...planned.flatMap((article) => article.images),
    ...planned.flatMap((article) =>
      article.warc ? [{ from: article.warc.from, to: article.warc.to }] : [],
    ),
    ...planned.map((article) => ({ to: article.path, text: article.text })),
  ]);
  for (const article of planned) {
    const images =
      article.images.length > 0
        ? ` (${article.images.length} image(s) in ${shown(dirname(article.images[0]!.to))}/)`
        : '';
    console.log(`${shown(article.path)} → ${article.address}${summaryOf(article)}${images}`);
  }
  // LEDGER: every version written enters the ledger, in the order written. The one place the
  // import appends to it; to move into the import's write transaction when that lands.
  if (!options['dry-run'] && planned.length > 0) {
    const entries = await recordCaptures(
      into,
      planned.map((article) => article.path),
      undefined,
      new Map(
        planned.flatMap((article) => (article.warc ? [[article.path, article.warc.sha256]] : [])),
      ),
    );
    const head = entries.at(-1)!;
    console.log(
      `${shown(ledgerPathOf(into))}: ${entries.length} new entries; head ${head.seq} ${head.hash}`,
    );
  }
  summary();
  return 0;
}

/** A web capture's WARC, to be copied beside the version file at `path`. */
function warcOf(capture: Capture | undefined, path: string) {
  return capture
    ? { warc: { from: capture.warc, to: warcFileOf(path), sha256: capture.warcSha256 } }
    : {};
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`import failed: ${error.message}`);
    process.exit(1);
  },
);
