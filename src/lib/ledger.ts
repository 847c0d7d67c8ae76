import { createHash } from 'node:crypto';
import { sha256 } from './provenance.ts';
import { versionMarkdownPath } from './versions.ts';

/**
 * The ledger: one line of JSON for every capture (article version) the archive holds, in the order
 * they entered it, each linked to the one before by its hash, so that no entry can be changed,
 * removed or moved without every later hash changing (the shape of a Certificate Transparency log,
 * RFC 6962, as a chain rather than a tree). It lives with the articles (`content/articles/ledger.jsonl`),
 * is only ever appended to, and is published byte for byte at `LEDGER_ROUTE`.
 */

/** The ledger's file name in the folder of the articles it records (`content/articles/ledger.jsonl`); the content collection reads `.md` files only. */
export const LEDGER_FILE_NAME = 'ledger.jsonl';

/**
 * Where the ledger is published: `defter` is Turkish for ledger, and the one file at the site's
 * top level, like `rss.xml` and `feed.json`, has an address that no article, tag or year can take.
 */
export const LEDGER_ROUTE = '/defter.jsonl';

/** The `previous` of the first entry: the hash of nothing, as RFC 6962 defines the empty log's. */
export const GENESIS_HASH = sha256('');

/**
 * One capture. The keys are written in this order and no other (canonical form), so that a line's
 * bytes follow from its values alone.
 */
export interface LedgerEntry {
  /** 1, 2, 3, … without a gap: the entry's place in the ledger. */
  readonly seq: number;
  /** The article's permanent address, under no base path: `/2025/10/28/slug/`. */
  readonly permalink: string;
  /** Which capture of the article it is: 1, 2, … */
  readonly version: number;
  /** When the capture was made, as its file's `archivedAt` says; `null` for a file written by hand without one. */
  readonly capturedAt: string | null;
  /** When the entry was appended (UTC, to the second): the keeper's word that the text existed then. */
  readonly recordedAt: string;
  /** SHA-256 of the captured text (`capturedText`), as `sha256sum` prints it of the served `.md` file. */
  readonly text: string;
  /** SHA-256 of the capture's WARC file, where the import kept one; `null` otherwise. */
  readonly warc: string | null;
  /** The hash of the entry before, or `GENESIS_HASH` for the first. */
  readonly previous: string;
  /** `entryHash` of the fields above. */
  readonly hash: string;
}

export type LedgerFields = Omit<LedgerEntry, 'hash'>;
export type NewEntry = Omit<LedgerFields, 'seq' | 'previous'>;

const FIELD_ORDER = [
  'seq',
  'permalink',
  'version',
  'capturedAt',
  'recordedAt',
  'text',
  'warc',
  'previous',
  'hash',
] as const;

/** A ledger that does not hold together, or a text that does not match it: the message names the place. */
export class LedgerError extends Error {}

/**
 * The text a capture's hash is taken over, and the `.md` file that serves it: the title and the
 * lede (as JSON strings, valid YAML, so that no title or lede can be mistaken for another split)
 * in front matter, then the body as archived, with LF line endings and one final newline.
 */
export function capturedText(capture: { title: string; description: string; body: string }) {
  const body = capture.body.replace(/\r\n?/g, '\n').trim();
  return `---\ntitle: ${JSON.stringify(capture.title)}\ndescription: ${JSON.stringify(capture.description)}\n---\n\n${body}\n`;
}

/** An entry's line, without its newline: its fields in canonical order, no spaces, non-ASCII as itself. */
export function ledgerLine(entry: LedgerEntry | LedgerFields): string {
  const fields = entry as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(FIELD_ORDER.filter((key) => key in fields).map((key) => [key, fields[key]])),
  );
}

/**
 * An entry's hash: SHA-256 of the byte 0x00 and its canonical line without `hash`. The leading
 * byte is RFC 6962's domain separation of leaves: no entry's hash can be passed off as a hash of
 * anything else this archive hashes (texts are hashed bare, so that `sha256sum` checks them).
 */
export function entryHash(fields: LedgerFields): string {
  const { hash: _, ...withoutHash } = fields as LedgerFields & { hash?: string };
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(ledgerLine(withoutHash), 'utf8')
    .digest('hex');
}

/** The ledger's head: how many entries, and the last one's hash (the empty ledger's is `GENESIS_HASH`). */
export function ledgerHead(entries: readonly LedgerEntry[]): { count: number; hash: string } {
  return { count: entries.length, hash: entries.at(-1)?.hash ?? GENESIS_HASH };
}

/** The entries that `additions` make after `entries`, numbered and linked. */
export function appendEntries(
  entries: readonly LedgerEntry[],
  additions: readonly NewEntry[],
): LedgerEntry[] {
  const appended: LedgerEntry[] = [];
  let { count, hash } = ledgerHead(entries);
  for (const addition of additions) {
    const fields: LedgerFields = { seq: ++count, ...addition, previous: hash };
    hash = entryHash(fields);
    appended.push({ ...fields, hash });
  }
  return appended;
}

const HEX = /^[0-9a-f]{64}$/;
/** Segments of at least one character that are not `.` or `..`: an address cannot lead out of the site. */
const PERMALINK = /^\/(?:(?!\.\.?\/)[^/\s\\?#]+\/)+$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/;

/** What each field must be; a line that breaks one is not a ledger entry. */
function checkFields(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'is not a JSON object';
  const entry = value as Record<string, unknown>;
  const keys = Object.keys(entry);
  const unknown = keys.filter((key) => !(FIELD_ORDER as readonly string[]).includes(key));
  if (unknown.length > 0) return `has unknown fields (${unknown.join(', ')})`;
  const missing = FIELD_ORDER.filter((key) => !(key in entry));
  if (missing.length > 0) return `lacks ${missing.join(', ')}`;
  const positive = (key: string) => Number.isSafeInteger(entry[key]) && (entry[key] as number) > 0;
  if (!positive('seq') || !positive('version'))
    return 'has a seq or version that is no whole number from 1';
  if (typeof entry.permalink !== 'string' || !PERMALINK.test(entry.permalink))
    return 'has no permalink of the form /2025/10/28/slug/';
  if (
    entry.capturedAt !== null &&
    !(typeof entry.capturedAt === 'string' && INSTANT.test(entry.capturedAt))
  )
    return 'has a capturedAt that is neither a date nor null';
  if (typeof entry.recordedAt !== 'string' || !INSTANT.test(entry.recordedAt))
    return 'has no recordedAt date';
  for (const key of ['text', 'previous', 'hash'])
    if (typeof entry[key] !== 'string' || !HEX.test(entry[key])) return `has no SHA-256 ${key}`;
  if (entry.warc !== null && !(typeof entry.warc === 'string' && HEX.test(entry.warc)))
    return 'has a warc that is neither a SHA-256 nor null';
  return undefined;
}

/**
 * Reads a ledger and proves it a continuation of itself: every line a whole entry in canonical
 * form, numbered from 1 without a gap, linked to the one before, its hash its own, and each
 * article's versions entered once each, in order. Throws a `LedgerError` naming `source`, the
 * line and what is wrong, at the first line that breaks it.
 */
export function readLedger(text: string, source: string): LedgerEntry[] {
  if (text === '') return [];
  const at = (line: number, problem: string) => new LedgerError(`${source}:${line}: ${problem}`);
  if (!text.endsWith('\n'))
    throw at(
      text.split('\n').length,
      'the last line is cut short (no newline): a ledger is appended to whole lines at a time',
    );
  const entries: LedgerEntry[] = [];
  const versions = new Map<string, number>();
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const number = index + 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw at(number, 'is not a whole JSON object (cut short or edited?)');
      }
      const problem = checkFields(value);
      if (problem) throw at(number, `${problem}: not a ledger entry`);
      const entry = value as LedgerEntry;
      if (ledgerLine(entry) !== line)
        throw at(
          number,
          'is not in canonical form (fields in the ledger’s order, no spaces): lines are never rewritten',
        );
      if (entry.seq !== number)
        throw at(
          number,
          `is entry ${entry.seq} where entry ${number} belongs: an entry was removed, added or moved`,
        );
      const previous = entries.at(-1)?.hash ?? GENESIS_HASH;
      if (entry.previous !== previous)
        throw at(
          number,
          `does not link to the entry before (its previous is ${entry.previous}, not ${previous}): the ledger was changed before this line`,
        );
      const { hash, ...fields } = entry;
      if (entryHash(fields) !== hash)
        throw at(
          number,
          `has the hash ${hash}, but its fields hash to ${entryHash(fields)}: the entry was changed`,
        );
      const latest = versions.get(entry.permalink) ?? 0;
      if (entry.version !== latest + 1)
        throw at(
          number,
          `enters version ${entry.version} of ${entry.permalink} after version ${latest}: each version once, in order`,
        );
      versions.set(entry.permalink, entry.version);
      entries.push(entry);
    });
  return entries;
}

/**
 * Where the text of version `version` of the article at `permalink` is served, when the article
 * has `versions` versions: its own `.md` beside the permalink while it has one, and
 * `…/surum/N.md` once it has more (the permalink's `.md` then follows the latest).
 */
export function capturedTextPath(permalink: string, version: number, versions: number): string {
  return versions === 1
    ? `${permalink.replace(/\/$/, '')}.md`
    : versionMarkdownPath(permalink, version);
}

/** Whether a ledger (already read, so whole and linked) extends the head `since` seen earlier: that head is one of its entries. */
export function extendsHead(entries: readonly LedgerEntry[], since: string): boolean {
  return since === GENESIS_HASH || entries.some((entry) => entry.hash === since);
}

/** One version of an article as the archive holds it, to compare with the ledger. */
export interface ArchivedVersion {
  /** The file it is kept in, for messages. */
  readonly file: string;
  readonly permalink: string;
  readonly version: number;
  /** SHA-256 of its `capturedText`. */
  readonly text: string;
}

/**
 * Compares the archive with its ledger. Throws a `LedgerError` naming the file of the first
 * version that is not in the ledger or whose text is not the one entered there; returns the
 * entries whose version the archive no longer holds (an article taken down), which the ledger
 * keeps and `verify` reports.
 */
export function checkArchive(
  versions: readonly ArchivedVersion[],
  entries: readonly LedgerEntry[],
  ledgerFile: string,
): LedgerEntry[] {
  const entered = new Map(entries.map((entry) => [`${entry.version} ${entry.permalink}`, entry]));
  const held = new Set(versions.map((version) => `${version.version} ${version.permalink}`));
  const gone = entries.filter((entry) => !held.has(`${entry.version} ${entry.permalink}`));
  for (const version of versions) {
    const entry = entered.get(`${version.version} ${version.permalink}`);
    if (!entry)
      throw new LedgerError(
        `${version.file} is not in the ledger (${ledgerFile}): enter it with "npm run ledger -- add ${version.file}"${
          gone.length > 0
            ? `; if it was entered before, its title, date or slug changed its permalink (${version.permalink}, not one of ${ledgerFile}'s): restore them, a correction is a new version`
            : ''
        }`,
      );
    if (entry.text !== version.text)
      throw new LedgerError(
        `${version.file} is not the text entered in ${ledgerFile} (entry ${entry.seq}, SHA-256 ${entry.text}; now ${version.text}): an archived text is never edited, a correction is a new version`,
      );
  }
  return gone;
}
