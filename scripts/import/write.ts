import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  appendFile,
  copyFile,
  glob,
  link,
  lstat,
  mkdir,
  open,
  readFile,
  rm,
  rmdir,
  truncate,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

/**
 * The import's one write transaction on an archive folder (`content/articles`):
 *
 * - one run at a time: an exclusive lock on the folder for the whole run (proper-lockfile: an
 *   atomic `mkdir`, kept fresh while the run lives, taken over once stale after a killed run;
 *   chosen over an `O_EXCL` file of our own for its tested stale-lock handling);
 * - never overwrite: each file is written whole under a temporary name beside its place, then
 *   `link`ed to it, which fails if the name exists (a `rename` would replace it);
 * - all or nothing: a journal lists what the batch is about to create before it creates any; on a
 *   failure every file, folder and appended line of the batch is taken back, and a run killed
 *   mid-batch is taken back (or, if it had written everything, kept) by the next run;
 * - temporary files are named `.haber-arsivi-….tmp`, matched by no reader of the archive (they
 *   read `*.md` and the images articles link), removed on failure and on the next run.
 */

/** A file the batch writes: created from a file (`from`) or from `text`, or `text` appended to `to`. */
export type WriteItem =
  { to: string; from: string } | { to: string; text: string | Uint8Array; append?: boolean };

/** A problem writing, in one line naming the file; the archive is as it was before the run. */
export class WriteError extends Error {}

const TEMPORARY_PREFIX = '.haber-arsivi-';
const TEMPORARY_PATTERN = `**/${TEMPORARY_PREFIX}*.tmp`;
const LOCK_NAME = `${TEMPORARY_PREFIX}import.lock`;
const JOURNAL_NAME = `${TEMPORARY_PREFIX}import-journal.json`;
/** How long a run waits for another one's lock before giving up. */
const LOCK_WAIT_MS = 10 * 60 * 1000;

interface Journal {
  folders: string[];
  creates: string[];
  appends: { to: string; size: number; length: number }[];
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/** Why a file could not be written, in words, from the system's error code. */
export function writeFailureReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (${code})`;
    case 'EFBIG':
      return 'the file size limit was reached (EFBIG)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'EACCES':
    case 'EPERM':
      return `no permission to write here (${code})`;
    case 'EEXIST':
      return 'already exists, and an import never overwrites a file';
    default:
      return message.split('\n')[0]!;
  }
}

const writeError = (path: string, error: unknown) =>
  error instanceof WriteError
    ? error
    : new WriteError(`${shown(path)}: ${writeFailureReason(error)}; nothing was written`);

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await lstat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const temporaryBeside = (path: string) =>
  join(dirname(path), `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);

/** Writes `path` whole, or not at all: under a temporary name, flushed to disk, then linked to it. */
async function createExclusively(path: string, write: (temporary: string) => Promise<void>) {
  const temporary = temporaryBeside(path);
  try {
    await write(temporary);
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Takes a batch back: what it appended is cut off, what it created removed, the folders it made too. */
async function rollBack(journal: Journal) {
  for (const { to, size } of journal.appends)
    if (size === 0) await rm(to, { force: true });
    else if (((await sizeOf(to)) ?? 0) > size) await truncate(to, size);
  for (const to of journal.creates) await rm(to, { force: true });
  for (const folder of journal.folders.toReversed()) await rmdir(folder).catch(() => undefined); // not empty: something else is in it now
}

/** Whether a killed batch had written everything: then it is kept, as the run would have. */
async function isComplete(journal: Journal): Promise<boolean> {
  for (const to of journal.creates) if (!(await exists(to))) return false;
  for (const { to, size, length } of journal.appends)
    if ((await sizeOf(to)) !== size + length) return false;
  return true;
}

/** What a killed run left: its batch taken back (or kept, if whole), its temporary files removed. */
async function recover(archive: string) {
  const journalPath = join(archive, JOURNAL_NAME);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (journal) {
    if (!(await isComplete(journal))) await rollBack(journal);
    await unlink(journalPath);
  }
  for await (const file of glob(TEMPORARY_PATTERN, { cwd: archive }))
    await rm(join(archive, file), { force: true });
}

async function acquire(archive: string, compromised: (error: Error) => void) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      return await lockfile.lock(archive, {
        lockfilePath: join(archive, LOCK_NAME),
        onCompromised: compromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw writeError(archive, error);
      if (Date.now() > deadline)
        throw new WriteError(
          `${shown(archive)}: another import has been writing to it for ${LOCK_WAIT_MS / 60000} minutes; nothing was written`,
        );
      if (!told) console.error(`${shown(archive)}: another import is writing to it; waiting…`);
      told = true;
      await sleep(100 + Math.random() * 200);
    }
  }
}

/** Folders to make for `paths`, parents first, that do not exist yet (inside `archive`). */
async function missingFolders(archive: string, paths: string[]): Promise<string[]> {
  const missing = new Set<string>();
  for (const path of paths) {
    const chain: string[] = [];
    for (let folder = dirname(path); folder !== archive; folder = dirname(folder))
      chain.unshift(folder);
    for (const folder of chain)
      if (!missing.has(folder) && !(await exists(folder))) missing.add(folder);
  }
  return [...missing];
}

/**
 * Writes a batch in the order given (images first, then the texts that link them, then ledger
 * lines), all or nothing. Every file it creates must be absent: it is checked first, and made
 * exclusively. On any problem the archive is left as it was and a `WriteError` names the file.
 */
async function writeBatch(
  archive: string,
  items: readonly WriteItem[],
  isCompromised: () => Error | undefined,
) {
  for (const item of items) {
    const to = resolve(item.to);
    if (!to.startsWith(archive + sep))
      throw new WriteError(
        `${shown(to)}: outside the archive ${shown(archive)}; nothing was written`,
      );
    if (!('append' in item && item.append) && (await exists(to)))
      throw writeError(to, Object.assign(new Error(), { code: 'EEXIST' }));
  }
  const journal: Journal = {
    folders: await missingFolders(
      archive,
      items.map((item) => resolve(item.to)),
    ),
    creates: [],
    appends: [],
  };
  for (const item of items) {
    if ('text' in item && item.append)
      journal.appends.push({
        to: resolve(item.to),
        size: (await sizeOf(item.to)) ?? 0,
        length: Buffer.byteLength(item.text),
      });
    else journal.creates.push(resolve(item.to));
  }
  const journalPath = join(archive, JOURNAL_NAME);
  let current = journalPath;
  try {
    await createExclusively(journalPath, (temporary) =>
      writeFile(temporary, JSON.stringify(journal), { flag: 'wx' }),
    );
    for (const folder of journal.folders) {
      current = folder;
      await mkdir(folder);
    }
    for (const item of items) {
      current = item.to;
      const compromised = isCompromised();
      if (compromised)
        throw new WriteError(
          `${shown(archive)}: lost the lock (${compromised.message}); nothing was written`,
        );
      if ('from' in item)
        await createExclusively(item.to, (temporary) =>
          copyFile(item.from, temporary, constants.COPYFILE_EXCL),
        );
      else if (item.append) await appendFile(item.to, item.text);
      else
        await createExclusively(item.to, (temporary) =>
          writeFile(temporary, item.text, { flag: 'wx' }),
        );
    }
  } catch (error) {
    await rollBack(journal);
    await rm(journalPath, { force: true });
    throw writeError(current, error);
  }
  await unlink(journalPath);
}

/**
 * Makes `folder` and its missing parents one by one: a recursive `mkdir` says ENOENT on a
 * read-only file system, where each step says EROFS.
 */
async function makeFolder(folder: string) {
  const missing: string[] = [];
  for (let path = folder; !(await exists(path)); path = dirname(path)) missing.unshift(path);
  for (const path of missing)
    await mkdir(path).catch((error: unknown) => {
      throw writeError(path, error);
    });
}

/**
 * Runs `work` holding the archive's lock, after taking back what a killed run left. `work` reads
 * the archive as it is, decides, and hands its files to `write`, once: the batch is all or nothing.
 */
export async function withArchive<T>(
  folder: string,
  work: (write: (items: readonly WriteItem[]) => Promise<void>) => Promise<T>,
): Promise<T> {
  const archive = resolve(folder);
  // Past a file-size limit (`ulimit -f`) the system would end the process mid-write without a word;
  // handled, the write fails with EFBIG, which names the file and takes the batch back.
  process.on('SIGXFSZ', () => undefined);
  await makeFolder(archive);
  let compromised: Error | undefined;
  const release = await acquire(archive, (error) => void (compromised = error));
  try {
    try {
      await recover(archive);
    } catch (error) {
      throw writeError(archive, error);
    }
    return await work((items) => writeBatch(archive, items, () => compromised));
  } finally {
    await release().catch(() => undefined);
  }
}
