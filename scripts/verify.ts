/**
 * Checks a published archive against its own ledger (src/lib/ledger.ts), as anyone can:
 *
 *   npm run verify -- SITE [--since HASH]
 *
 * SITE is a built folder (`dist`) or the archive's address (`https://arsiv.example/`). The command
 * reads the ledger at `defter.jsonl`, proves it a continuation of itself, then reads every version's
 * text at its `.md` address and recomputes its SHA-256, and so every capture's WARC where the ledger
 * holds one (`…/surum/N.warc.gz`). `--since HASH` (a head seen earlier: the
 * feeds carry it) also proves that the ledger still holds that head, i.e. that history was only
 * appended to since. Each mismatch is printed with its address; the exit status is 0 only when
 * everything holds.
 */
import { readFile, realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  capturedTextPath,
  extendsHead,
  LEDGER_ROUTE,
  LedgerError,
  ledgerHead,
  readLedger,
} from '../src/lib/ledger.ts';
import { sha256 } from '../src/lib/provenance.ts';
import { versionWarcPath } from '../src/lib/versions.ts';

const USAGE =
  'usage: npm run verify -- SITE [--since HASH]   (SITE: a built folder or an http(s) address)';
/** How many texts are fetched from a server at once: enough to hide latency, few enough for a small host. */
const PARALLEL_FETCHES = 8;
const FETCH_TIMEOUT_MS = 30_000;

class NotFound extends Error {}

/** Reads one file of the site: `path` is a site path such as `/defter.jsonl`; returns its bytes and its address for messages. */
type Reader = (path: string) => Promise<{ bytes: Uint8Array; address: string }>;

function folderReader(folder: string): Reader {
  const root = resolve(folder);
  return async (path) => {
    const file = join(root, ...path.split('/').filter(Boolean));
    if (!file.startsWith(root + sep)) throw new NotFound(`${file}: outside ${root}`);
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      throw new NotFound(`${file}: not found`);
    }
    if (!real.startsWith((await realpath(root)) + sep))
      throw new NotFound(`${file}: leads outside ${root}`);
    return { bytes: await readFile(real), address: file };
  };
}

function httpReader(site: URL): Reader {
  const base = site.href.endsWith('/') ? site : new URL(`${site.href}/`);
  return async (path) => {
    const url = new URL(path.replace(/^\//, ''), base);
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new NotFound(`${url.href}: cannot be fetched (${(error as Error).message})`);
    }
    if (!response.ok) throw new NotFound(`${url.href}: ${response.status} ${response.statusText}`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), address: url.href };
  };
}

function readerOf(site: string): Reader {
  if (/^https?:\/\//i.test(site)) {
    try {
      return httpReader(new URL(site));
    } catch {
      throw new LedgerError(`${site}: not a valid address`);
    }
  }
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(site))
    throw new LedgerError(`${site}: only http(s) addresses and folders can be verified`);
  return folderReader(site);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { since: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (
    positionals.length !== 1 ||
    (values.since !== undefined && !/^[0-9a-f]{64}$/.test(values.since))
  ) {
    console.error(USAGE);
    return 2;
  }
  const read = readerOf(positionals[0]!);
  let ledger;
  try {
    ledger = await read(LEDGER_ROUTE);
  } catch (error) {
    console.error(`${(error as Error).message}: no ledger to verify`);
    return 1;
  }
  const entries = readLedger(Buffer.from(ledger.bytes).toString('utf8'), ledger.address);
  const problems: string[] = [];
  if (values.since !== undefined && !extendsHead(entries, values.since))
    problems.push(
      `${ledger.address}: does not hold the head ${values.since} seen before: its history was rewritten or cut`,
    );
  const versions = new Map<string, number>();
  for (const entry of entries) versions.set(entry.permalink, entry.version);
  // Every file the ledger holds a hash of: each version's text, and its WARC where it has one.
  const files = entries.flatMap((entry) => [
    {
      entry,
      path: capturedTextPath(entry.permalink, entry.version, versions.get(entry.permalink)!),
      expected: entry.text,
      kind: 'text' as const,
    },
    ...(entry.warc === null
      ? []
      : [
          {
            entry,
            path: versionWarcPath(entry.permalink, entry.version),
            expected: entry.warc,
            kind: 'warc' as const,
          },
        ]),
  ]);
  let next = 0;
  const checked = { text: 0, warc: 0 };
  const worker = async () => {
    while (next < files.length) {
      const { entry, path, expected, kind } = files[next++]!;
      try {
        const { bytes, address } = await read(path);
        const hash = sha256(bytes);
        if (hash === expected) checked[kind]++;
        else
          problems.push(
            `${address}: SHA-256 ${hash}, but ledger entry ${entry.seq} (version ${entry.version} of ${entry.permalink}) says ${expected}`,
          );
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        problems.push(
          `${error.message} (ledger entry ${entry.seq}, version ${entry.version} of ${entry.permalink})`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
  for (const problem of problems.sort()) console.error(problem);
  const head = ledgerHead(entries);
  const warcs = files.length - entries.length;
  const summary = `${ledger.address}: ${entries.length} entries linked, ${checked.text} of ${entries.length} texts${warcs > 0 ? ` and ${checked.warc} of ${warcs} WARCs` : ''} as entered; head ${head.count} ${head.hash}`;
  if (problems.length > 0) {
    console.error(`${summary}; ${problems.length} problem(s)`);
    return 1;
  }
  console.log(`${summary}${values.since ? `; extends ${values.since}` : ''}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof LedgerError ? error.message : `verify failed: ${error.message}`);
    process.exit(1);
  },
);
