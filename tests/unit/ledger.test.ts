import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  appendEntries,
  capturedText,
  capturedTextPath,
  checkArchive,
  entryHash,
  extendsHead,
  GENESIS_HASH,
  ledgerHead,
  ledgerLine,
  readLedger,
  type LedgerEntry,
} from '../../src/lib/ledger.ts';
import { sha256 } from '../../src/lib/provenance.ts';

const capture = (permalink: string, version: number, text: string) => ({
  permalink,
  version,
  capturedAt: '2025-10-28T09:00:00Z',
  recordedAt: '2026-12-02T10:00:00Z',
  text: sha256(text),
  warc: null,
});

const entries = appendEntries(
  [],
  [
    capture('/2025/10/28/igdir/', 1, 'Iğdır'),
    capture('/2025/10/29/ilik/', 1, 'ılık'),
    capture('/2025/10/28/igdir/', 2, 'IĞDIR'),
    capture('/2025/10/30/izmir/', 1, 'İzmir'),
  ],
);
const ledgerText = (list: readonly LedgerEntry[]) =>
  list.map((entry) => `${ledgerLine(entry)}\n`).join('');
const text = ledgerText(entries);

test('the captured text is the title and lede as JSON strings in front matter, then the body with LF endings and one final newline', () => {
  expect(
    capturedText({
      title: 'Işık: "söz"',
      description: 'Özet.',
      body: '\r\nBir.\r\n\r\nİki.\r\n\r\n',
    }),
  ).toBe('---\ntitle: "Işık: \\"söz\\""\ndescription: "Özet."\n---\n\nBir.\n\nİki.\n');
  // A title cannot pass for a lede: the split between them is not in their text.
  expect(capturedText({ title: 'A\ndescription: "B"', description: 'C', body: 'D' })).not.toBe(
    capturedText({ title: 'A', description: 'B', body: 'D' }),
  );
});

test('each entry is numbered from 1 and linked to the one before, the first to the hash of nothing', () => {
  expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
  expect(entries[0]!.previous).toBe(GENESIS_HASH);
  expect(GENESIS_HASH).toBe(createHash('sha256').update('').digest('hex'));
  for (const [index, entry] of entries.entries()) {
    if (index > 0) expect(entry.previous).toBe(entries[index - 1]!.hash);
    const { hash, ...fields } = entry;
    expect(hash).toBe(entryHash(fields));
  }
  expect(ledgerHead(entries)).toEqual({ count: 4, hash: entries[3]!.hash });
  expect(ledgerHead([])).toEqual({ count: 0, hash: GENESIS_HASH });
});

test('an entry’s hash is SHA-256 of a zero byte and its canonical line without the hash (RFC 6962 leaf separation)', () => {
  const { hash, ...fields } = entries[0]!;
  const line = `{"seq":1,"permalink":"/2025/10/28/igdir/","version":1,"capturedAt":"2025-10-28T09:00:00Z","recordedAt":"2026-12-02T10:00:00Z","text":"${sha256('Iğdır')}","warc":null,"previous":"${GENESIS_HASH}"}`;
  expect(ledgerLine(fields)).toBe(line);
  expect(hash).toBe(
    createHash('sha256')
      .update(Buffer.concat([Buffer.from([0]), Buffer.from(line, 'utf8')]))
      .digest('hex'),
  );
  expect(hash).not.toBe(sha256(line));
});

test('a whole ledger reads back as written', () => {
  expect(readLedger(text, 'defter.jsonl')).toEqual(entries);
  expect(readLedger('', 'defter.jsonl')).toEqual([]);
});

const lines = text.split('\n').slice(0, -1);
const fromLines = (list: string[]) => `${list.join('\n')}\n`;

test.each([
  [
    'a deleted entry',
    fromLines([lines[0]!, lines[2]!, lines[3]!]),
    /defter\.jsonl:2: is entry 3 where entry 2 belongs/,
  ],
  [
    'two entries swapped',
    fromLines([lines[1]!, lines[0]!, lines[2]!, lines[3]!]),
    /defter\.jsonl:1: is entry 2 where entry 1 belongs/,
  ],
  ['a line cut short', text.slice(0, -40), /defter\.jsonl:4: the last line is cut short/],
  [
    'a line cut short, newline kept',
    fromLines([lines[0]!, lines[1]!.slice(0, 60), lines[2]!]),
    /defter\.jsonl:2: is not a whole JSON object/,
  ],
  [
    'a text hash changed',
    text.replace(entries[1]!.text, sha256('ilik')),
    /defter\.jsonl:2: has the hash .* but its fields hash to/,
  ],
  [
    'an entry renumbered and rehashed in place',
    fromLines([
      lines[0]!,
      ledgerLine({
        ...entries[1]!,
        text: sha256('ilik'),
        hash: entryHash({ ...entries[1]!, text: sha256('ilik') }),
      }),
      lines[2]!,
    ]),
    /defter\.jsonl:3: does not link to the entry before/,
  ],
  [
    'spaces added',
    text.replace('{"seq":2,', '{"seq": 2,'),
    /defter\.jsonl:2: is not in canonical form/,
  ],
  [
    'a field missing',
    fromLines([lines[0]!.replace(',"warc":null', '')]),
    /defter\.jsonl:1: lacks warc/,
  ],
  ['not an object', '[1,2]\n', /defter\.jsonl:1: is not a JSON object/],
  ['a blank line', `${text}\n`, /defter\.jsonl:5: is not a whole JSON object/],
])('%s is refused, naming the line', (_, tampered, message) => {
  expect(() => readLedger(tampered, 'defter.jsonl')).toThrow(message);
});

test('a version entered twice or before the one before it is refused', () => {
  const twice = appendEntries([], [capture('/a/b/', 1, 'x'), capture('/a/b/', 1, 'y')]);
  expect(() => readLedger(ledgerText(twice), 'l')).toThrow(
    /l:2: enters version 1 of \/a\/b\/ after version 1/,
  );
  const skipped = appendEntries([], [capture('/a/b/', 2, 'x')]);
  expect(() => readLedger(ledgerText(skipped), 'l')).toThrow(
    /l:1: enters version 2 of \/a\/b\/ after version 0/,
  );
});

test('a history rewritten from entry N with recomputed hashes holds together, but no longer holds a head seen before N', () => {
  const seen = ledgerHead(entries.slice(0, 3));
  const rewritten = [
    ...entries.slice(0, 1),
    ...appendEntries(entries.slice(0, 1), [
      capture('/2025/10/29/ilik/', 1, 'ilik'),
      capture('/2025/10/28/igdir/', 2, 'IĞDIR'),
      capture('/2025/10/30/izmir/', 1, 'İzmir'),
    ]),
  ];
  const read = readLedger(ledgerText(rewritten), 'defter.jsonl');
  expect(extendsHead(read, seen.hash)).toBe(false);
  expect(extendsHead(read, entries[0]!.hash)).toBe(true);
  expect(extendsHead(entries, seen.hash)).toBe(true);
  expect(extendsHead(entries, GENESIS_HASH)).toBe(true);
});

test('the archive must match its ledger: every version entered, with the text entered; a version no longer held is returned', () => {
  const held = (permalink: string, version: number, body: string) => ({
    file: `content/articles${permalink}${version}.md`,
    permalink,
    version,
    text: sha256(body),
  });
  const archive = [
    held('/2025/10/28/igdir/', 1, 'Iğdır'),
    held('/2025/10/28/igdir/', 2, 'IĞDIR'),
    held('/2025/10/29/ilik/', 1, 'ılık'),
  ];
  expect(checkArchive(archive, entries, 'ledger.jsonl')).toEqual([entries[3]]);
  expect(() =>
    checkArchive([...archive, held('/2025/10/31/isik/', 1, 'Işık')], entries, 'ledger.jsonl'),
  ).toThrow(
    'content/articles/2025/10/31/isik/1.md is not in the ledger (ledger.jsonl): enter it with "npm run ledger -- add content/articles/2025/10/31/isik/1.md"',
  );
  // An entered article whose title changed its permalink looks new: the message says so.
  expect(() =>
    checkArchive(
      [held('/2025/10/28/igdir-yeni/', 1, 'Iğdır!')],
      entries.slice(0, 1),
      'ledger.jsonl',
    ),
  ).toThrow(/if it was entered before, its title, date or slug changed its permalink/);
  expect(() =>
    checkArchive([held('/2025/10/29/ilik/', 1, 'ilik')], entries, 'ledger.jsonl'),
  ).toThrow(
    /^content\/articles\/2025\/10\/29\/ilik\/1\.md is not the text entered in ledger\.jsonl \(entry 2, .*\): an archived text is never edited, a correction is a new version$/,
  );
});

test('a version’s text is served beside its permalink while the article has one version, under surum/ once it has more', () => {
  expect(capturedTextPath('/2025/10/28/igdir/', 1, 1)).toBe('/2025/10/28/igdir.md');
  expect(capturedTextPath('/2025/10/28/igdir/', 1, 2)).toBe('/2025/10/28/igdir/surum/1.md');
  expect(capturedTextPath('/2025/10/28/igdir/', 2, 2)).toBe('/2025/10/28/igdir/surum/2.md');
});
