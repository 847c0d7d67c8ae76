import { existsSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { permalink } from '../../src/lib/article.ts';
import {
  appendEntries,
  capturedText,
  checkArchive,
  LEDGER_FILE_NAME,
  LedgerError,
  ledgerLine,
  readLedger,
  type LedgerEntry,
  type NewEntry,
} from '../../src/lib/ledger.ts';
import { sha256 } from '../../src/lib/provenance.ts';
import { versionChains } from '../../src/lib/versions.ts';
import { validArticles } from '../../src/integrations/valid-articles.ts';
import type { ArticleData } from '../../src/lib/article.ts';

/** The ledger of the articles in `articles`: inside the folder, which it belongs to (`content/articles/ledger.jsonl`). */
export function ledgerPathOf(articles: string): string {
  return join(resolve(articles), LEDGER_FILE_NAME);
}

/** One version of an archived article, as the ledger sees it. */
interface Capture {
  /** The file, as the keeper names it (relative to the working folder). */
  file: string;
  permalink: string;
  version: number;
  data: ArticleData;
  text: string;
}

/** Every valid article file under `articles`, each article's versions in order. */
async function archivedChains(articles: string): Promise<Capture[][]> {
  const files = [];
  for await (const { path, data, body } of validArticles(articles))
    files.push({ file: relative(articles, path), path, data, body });
  const owners = new Map<string, string>();
  return versionChains(files).map((chain) => {
    const address = permalink(chain[0]!.data);
    const owner = owners.get(address);
    if (owner !== undefined)
      throw new LedgerError(
        `${chain[0]!.path} and ${owner} have the same permalink ${address}: give one of them another "slug" first`,
      );
    owners.set(address, chain[0]!.path);
    return chain.map(({ path, data, body }, index) => ({
      file: relative(process.cwd(), path),
      permalink: address,
      version: index + 1,
      data,
      text: sha256(capturedText({ title: data.title, description: data.description, body })),
    }));
  });
}

/** The ledger as it is on disk: none yet is an empty one. */
export async function readLedgerFile(path: string): Promise<LedgerEntry[]> {
  if (!existsSync(path)) return [];
  return readLedger(await readFile(path, 'utf8'), relative(process.cwd(), path));
}

/**
 * Enters in the ledger of `articles` every version of the selected articles that it lacks: the
 * whole archive (`'all'`), or the articles of the given files (any version's file selects its
 * article). Versions already entered must still be the text entered, or nothing is written. The
 * ledger is rewritten beside itself and renamed into place under an exclusive lock file, so a
 * reader sees it before or after, never half-appended. `warcs` gives the SHA-256 of the WARC of
 * a version captured from the web, by its file's path. Returns the entries added.
 */
export async function recordCaptures(
  articles: string,
  selection: 'all' | readonly string[],
  now = new Date(),
  warcs: ReadonlyMap<string, string> = new Map(),
): Promise<LedgerEntry[]> {
  const ledgerPath = ledgerPathOf(articles);
  const lockPath = `${ledgerPath}.lock`;
  let lock;
  try {
    lock = await open(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new LedgerError(
      `${relative(process.cwd(), lockPath)} exists: another command is writing the ledger (remove the file if none is)`,
    );
  }
  try {
    const entries = await readLedgerFile(ledgerPath);
    const chains = await archivedChains(articles);
    checkArchive(
      chains
        .flat()
        .filter((capture) =>
          entries.some(
            (entry) => entry.permalink === capture.permalink && entry.version === capture.version,
          ),
        ),
      entries,
      relative(process.cwd(), ledgerPath),
    );
    const chosen = selection === 'all' ? chains : selectedChains(chains, selection);
    const entered = new Set(entries.map((entry) => `${entry.version} ${entry.permalink}`));
    const recordedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const pending = chosen
      .map((chain) =>
        chain.filter((capture) => !entered.has(`${capture.version} ${capture.permalink}`)),
      )
      .filter((chain) => chain.length > 0)
      .sort(
        (a, b) =>
          capturedTime(a[0]!) - capturedTime(b[0]!) ||
          a[0]!.permalink.localeCompare(b[0]!.permalink),
      );
    const additions: NewEntry[] = pending.flat().map((capture) => ({
      permalink: capture.permalink,
      version: capture.version,
      capturedAt: capture.data.archivedAt?.iso ?? null,
      recordedAt,
      text: capture.text,
      warc: warcs.get(resolve(capture.file)) ?? null,
    }));
    const appended = appendEntries(entries, additions);
    if (appended.length === 0) return [];
    const existing = existsSync(ledgerPath) ? await readFile(ledgerPath, 'utf8') : '';
    const text = existing + appended.map((entry) => `${ledgerLine(entry)}\n`).join('');
    // What is written must read back as a ledger: the same proof the build and `verify` make.
    readLedger(text, relative(process.cwd(), ledgerPath));
    const temporary = `${ledgerPath}.${process.pid}.tmp`;
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, ledgerPath).catch(async (error: unknown) => {
      await rm(temporary, { force: true });
      throw error;
    });
    return appended;
  } finally {
    await lock.close();
    await rm(lockPath, { force: true });
  }
}

function capturedTime(capture: Capture): number {
  return (capture.data.archivedAt ?? capture.data.publishedAt).timestamp;
}

/** The chains that hold the given files; a file that is no valid article of the archive is an error. */
function selectedChains(chains: Capture[][], files: readonly string[]): Capture[][] {
  const byFile = new Map(
    chains.flatMap((chain) => chain.map((capture) => [resolve(capture.file), chain] as const)),
  );
  const chosen = new Set<Capture[]>();
  for (const file of files) {
    const chain = byFile.get(resolve(file));
    if (!chain)
      throw new LedgerError(
        `${file}: not a valid article file of the archive (a build names what is wrong with it)`,
      );
    chosen.add(chain);
  }
  return [...chosen];
}
