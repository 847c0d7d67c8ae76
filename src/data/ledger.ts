import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_FILE_NAME, ledgerHead, readLedger, type LedgerEntry } from '../lib/ledger.ts';

/** The project's folder (set in astro.config.mjs). */
declare const __ARCHIVE_ROOT__: string;

/** The ledger file as the keeper names it. */
export const LEDGER_FILE = `content/articles/${LEDGER_FILE_NAME}`;

export interface Ledger {
  /** The file's bytes, published as they are. */
  readonly text: string;
  readonly entries: readonly LedgerEntry[];
  readonly head: { readonly count: number; readonly hash: string };
  /** The entry of version `version` of the article at `permalink`. */
  entryOf(permalink: string, version: number): LedgerEntry | undefined;
}

let ledger: Ledger | undefined;

/** The archive's ledger, read and proven whole once a build (src/lib/ledger.ts); none yet is an empty one. */
export function getLedger(): Ledger {
  if (!ledger) {
    const path = join(__ARCHIVE_ROOT__, LEDGER_FILE);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const entries = readLedger(text, LEDGER_FILE);
    const byVersion = new Map(
      entries.map((entry) => [`${entry.version} ${entry.permalink}`, entry]),
    );
    ledger = {
      text,
      entries,
      head: ledgerHead(entries),
      entryOf: (permalink, version) => byVersion.get(`${version} ${permalink}`),
    };
  }
  return ledger;
}
