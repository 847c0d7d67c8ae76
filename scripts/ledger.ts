/**
 * The archive's ledger (src/lib/ledger.ts), by hand:
 *
 *   npm run ledger -- add FILE... [--into DIR]   enter these articles' versions that it lacks
 *   npm run ledger -- add --all [--into DIR]     enter every version it lacks
 *   npm run ledger -- head [--into DIR]          print its head: the count and the last hash
 *
 * The import enters what it writes by itself; articles written by hand, and an archive that
 * predates the ledger, enter it only through this command.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ledgerHead, LedgerError } from '../src/lib/ledger.ts';
import { writeFailureReason } from './import/write.ts';
import { ledgerPathOf, readLedgerFile, recordCaptures } from './ledger/record.ts';

const USAGE = 'usage: npm run ledger -- add FILE...|--all [--into DIR] | head [--into DIR]';

function readOptions() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        into: { type: 'string', default: 'content/articles' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = readOptions();
  const [command, ...files] = positionals;
  const ledgerPath = ledgerPathOf(values.into);
  if (command === 'head' && files.length === 0 && !values.all) {
    const head = ledgerHead(await readLedgerFile(ledgerPath));
    console.log(`${head.count} ${head.hash}`);
    return 0;
  }
  if (command !== 'add' || values.all === files.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const added = await recordCaptures(values.into, values.all ? 'all' : files);
  for (const entry of added)
    console.log(`${entry.seq} ${entry.permalink} version ${entry.version} ${entry.text}`);
  const head = ledgerHead(await readLedgerFile(ledgerPath));
  console.log(
    `${relative(process.cwd(), ledgerPath)}: ${added.length} entr${added.length === 1 ? 'y' : 'ies'} added; head ${head.count} ${head.hash}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    const { path } = error as NodeJS.ErrnoException;
    console.error(
      error instanceof LedgerError
        ? error.message
        : path
          ? `${relative(process.cwd(), path)}: ${writeFailureReason(error)}; the ledger is unchanged`
          : `ledger failed: ${error.message}`,
    );
    process.exit(1);
  },
);
