/**
 * Relevance on real Turkish news text, this project's search against vanilla Pagefind of the same
 * pages, in one run: an archive of `--count` articles made of `nlptoolkit-corpus` sentences
 * (corpus-archive.ts) is built with this project, then indexed once more by the Pagefind CLI as
 * it is (`/pagefind-plain/`), and both are asked the same queries in Chromium.
 *
 *   npm run bench:relevance -- [--count 10000] [--words 150] [--absent 50]
 *
 * - Known items: words that at most two articles contain (as a whole word, after Turkish
 *   lower-casing), with a Turkish letter so that folding matters; each asked as written, typed in
 *   ASCII and in Turkish capitals. Recall@10: how often each article that has the word is among
 *   the first ten results.
 * - Absent words: made-up words, English words and Turkish dictionary words that no article has
 *   in any form (no word of the archive shares their first five letters, folded). Precision: how
 *   often the search presents no article as a plain match (for this project, the no-results state
 *   or a labelled fallback; for vanilla Pagefind, no results).
 *
 * This project is asked through its search page, as a reader would; vanilla Pagefind through its
 * own API, as its default UI would. Writes scripts/bench/results/relevance.{json,md}.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import {
  buildSite,
  createFixtureSite,
  enterInLedger,
  projectRoot,
  removeFixtureSite,
  serveSite,
} from '../../tests/support/site.ts';
import { foldTurkish } from '../../src/lib/turkish.ts';
import { writeCorpusArchive } from './corpus-archive.ts';
import { submitSearch } from './search-page-timing.ts';
import { random } from './synthetic-archive.ts';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    words: { type: 'string', default: '150' },
    absent: { type: 'string', default: '50' },
  },
});
const count = Number(values.count);
const knownWords = Number(values.words);
const absentPerKind = Number(values.absent);
const TOP = 10;

const next = random(20251201);
const sample = <T>(items: readonly T[], size: number): T[] => {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < size && pool.length > 0)
    chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return chosen;
};

const WORD = /^[\p{L}]+$/u;
const TURKISH_LETTER = /[çğıöşü]/;
const ENGLISH = [
  'summit',
  'verification',
  'negotiations',
  'spokesperson',
  'sanctions',
  'ceasefire',
  'referendum',
  'parliamentary',
  'wildfire',
  'breakthrough',
  'cryptocurrency',
  'blockchain',
  'podcast',
  'lockdown',
  'vaccination',
  'airstrike',
  'whistleblower',
  'smartphone',
  'downgrade',
  'livestream',
  'headquarters',
  'throughout',
  'nevertheless',
  'stakeholder',
  'troubleshooting',
  'spreadsheet',
  'skyscraper',
  'workshop',
  'highway',
  'shipment',
  'landslide',
  'earthquake',
  'hurricane',
  'unemployment',
  'inflationary',
  'cybersecurity',
  'disinformation',
  'outsourcing',
  'mortgage',
  'bankruptcy',
];
const SYLLABLES = [
  'ka',
  'ze',
  'rou',
  'vim',
  'pla',
  'tux',
  'qe',
  'dro',
  'fy',
  'lun',
  'wes',
  'xo',
  'brik',
  'gna',
  'jot',
  'hew',
];

const site = await createFixtureSite({});
try {
  const articles = await writeCorpusArchive(join(site, 'content/articles'), { count });
  await enterInLedger(site);
  console.error(`${count} articles written; building`);
  const built = performance.now();
  const build = await buildSite(site);
  if (!build.ok) throw new Error(build.output);
  const buildSeconds = (performance.now() - built) / 1000;
  const dist = join(site, 'dist');
  await run(
    process.execPath,
    [
      join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'),
      '--site',
      dist,
      '--output-subdir',
      'pagefind-plain',
    ],
    { maxBuffer: 64 << 20 },
  );
  console.error(`built in ${buildSeconds.toFixed(0)} s; choosing words`);

  // Which articles have each word, lower-cased with Turkish rules; and every folded word, for the absent words' test.
  const articlesOf = new Map<string, Set<number>>();
  const foldedWords = new Set<string>();
  articles.forEach((article, index) => {
    for (const token of article.text.split(/\s+/)) {
      const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLocaleLowerCase('tr');
      if (!word) continue;
      foldedWords.add(foldTurkish(word));
      let set = articlesOf.get(word);
      if (!set) articlesOf.set(word, (set = new Set()));
      set.add(index);
    }
  });
  const rare = [...articlesOf].filter(
    ([word, found]) =>
      found.size <= 2 && word.length >= 6 && WORD.test(word) && TURKISH_LETTER.test(word),
  );
  const known = sample(rare, knownWords);
  const prefixes = new Set([...foldedWords].map((word) => word.slice(0, 5)));
  const absentFrom = (word: string) =>
    word.length >= 5 && !prefixes.has(foldTurkish(word).slice(0, 5));
  const dictionary = join(
    dirname(createRequire(import.meta.url).resolve('dictionary-tr')),
    'index.dic',
  );
  const dictionaryWords = (await readFile(dictionary, 'utf8'))
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0]!.trim())
    .filter((word) => /^[a-zçğıöşü]{6,}$/.test(word));
  const madeUp = Array.from({ length: absentPerKind * 4 }, () =>
    Array.from(
      { length: 3 + Math.floor(next() * 2) },
      () => SYLLABLES[Math.floor(next() * SYLLABLES.length)],
    ).join(''),
  );
  const absent = {
    'made-up': sample([...new Set(madeUp)].filter(absentFrom), absentPerKind),
    English: sample(ENGLISH.filter(absentFrom), absentPerKind),
    'Turkish dictionary': sample(dictionaryWords.filter(absentFrom), absentPerKind),
  };

  const server = await serveSite(site, dist);
  const browser = await launchBrowser();
  try {
    const ours = await browser.newPage();
    await ours.goto(`${server.url}/ara/`, { waitUntil: 'networkidle' });
    const askOurs = (query: string) => searchPage(ours, query);
    const vanilla = await browser.newPage();
    await vanilla.goto(`${server.url}/ara/`, { waitUntil: 'networkidle' });
    await vanilla.evaluate(
      `(async () => { window.plain = await import('/pagefind-plain/pagefind.js'); await window.plain.init(); })()`,
    );
    const askVanilla = (query: string) => plainSearch(vanilla, query);

    const forms = {
      written: (word: string) => word,
      ASCII: foldTurkish,
      capitals: (word: string) => word.toLocaleUpperCase('tr'),
    };
    const recall: Record<string, Record<string, { found: number; asked: number; ms: number }>> = {
      ours: {},
      vanilla: {},
    };
    const misses: Record<string, string[]> = { ours: [], vanilla: [] };
    for (const [system, ask] of [
      ['ours', askOurs],
      ['vanilla', askVanilla],
    ] as const) {
      for (const [form, write] of Object.entries(forms)) {
        const tally = (recall[system]![form] = { found: 0, asked: 0, ms: 0 });
        for (const [word, found] of known) {
          const answer = await ask(write(word));
          tally.ms += answer.ms;
          for (const index of found) {
            tally.asked++;
            if (answer.paths.slice(0, TOP).includes(articles[index]!.permalink)) tally.found++;
            else if (misses[system]!.length < 20)
              misses[system]!.push(`${write(word)} → ${articles[index]!.permalink}`);
          }
        }
        console.error(`${system} ${form}: ${tally.found}/${tally.asked}`);
      }
    }
    const precision: Record<
      string,
      Record<string, { clean: number; labelled: number; asked: number; shownAsMatches: string[] }>
    > = { ours: {}, vanilla: {} };
    for (const [system, ask] of [
      ['ours', askOurs],
      ['vanilla', askVanilla],
    ] as const) {
      for (const [kind, words] of Object.entries(absent)) {
        const tally = (precision[system]![kind] = {
          clean: 0,
          labelled: 0,
          asked: words.length,
          shownAsMatches: [] as string[],
        });
        for (const word of words) {
          const answer = await ask(word);
          if (answer.paths.length === 0) tally.clean++;
          else if (answer.labelled) {
            tally.clean++;
            tally.labelled++;
          } else tally.shownAsMatches.push(word);
        }
      }
    }

    const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
    const lines = [
      `${count} articles of real Turkish news text (nlptoolkit-corpus), built in ${buildSeconds.toFixed(0)} s; ${known.length} words that at most two articles contain (${known.reduce((sum, [, found]) => sum + found.size, 0)} word–article pairs), each asked as written, in ASCII and in capitals.`,
      '',
      `| search | recall@${TOP} written | recall@${TOP} ASCII | recall@${TOP} capitals | mean ms a query |`,
      '| --- | --- | --- | --- | --- |',
      ...(['ours', 'vanilla'] as const).map((system) => {
        const tallies = Object.values(recall[system]!);
        const ms =
          tallies.reduce((sum, tally) => sum + tally.ms, 0) / (known.length * tallies.length);
        return `| ${system === 'ours' ? 'this project' : 'vanilla Pagefind'} | ${Object.values(
          recall[system]!,
        )
          .map((tally) => `${percent(tally.found, tally.asked)} (${tally.found}/${tally.asked})`)
          .join(' | ')} | ${ms.toFixed(0)} |`;
      }),
      '',
      '| search | words not in the archive | no article shown as a match | of which a labelled fallback |',
      '| --- | --- | --- | --- |',
      ...(['ours', 'vanilla'] as const).flatMap((system) =>
        Object.entries(precision[system]!).map(
          ([kind, tally]) =>
            `| ${system === 'ours' ? 'this project' : 'vanilla Pagefind'} | ${kind} (${tally.asked}) | ${percent(tally.clean, tally.asked)} | ${tally.labelled} |`,
        ),
      ),
      '',
      `Missed known items (first 20): this project: ${misses.ours!.join('; ') || 'none'}. Vanilla: ${misses.vanilla!.join('; ') || 'none'}.`,
      '',
      `Absent words shown as matches by this project: ${
        Object.values(precision.ours!)
          .flatMap((tally) => tally.shownAsMatches)
          .join(', ') || 'none'
      }.`,
    ];
    const folder = join(projectRoot, 'scripts/bench/results');
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'relevance.json'),
      `${JSON.stringify({ date: new Date().toISOString(), count, buildSeconds, known: known.map(([word, found]) => [word, found.size]), absent, recall, precision, misses }, null, 2)}\n`,
    );
    await writeFile(join(folder, 'relevance.md'), `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  await removeFixtureSite(site);
}

interface Answer {
  paths: string[];
  labelled: boolean;
  ms: number;
}

/** Submits a query in the search page's box and reads the first page of results and the status. */
async function searchPage(page: Page, query: string): Promise<Answer> {
  const answer = await submitSearch(page, query);
  return { paths: answer.paths, labelled: answer.status.includes('bunun yerine'), ms: answer.ms };
}

/** Asks vanilla Pagefind the query as typed, as its own UI does, and reads its first results' addresses. */
async function plainSearch(page: Page, query: string): Promise<Answer> {
  return page.evaluate(
    `(async (query) => {
      const start = performance.now();
      const search = await window.plain.search(query);
      const data = await Promise.all(search.results.slice(0, ${TOP}).map((result) => result.data()));
      return { paths: data.map((item) => new URL(item.url, location.href).pathname), labelled: false, ms: performance.now() - start };
    })(${JSON.stringify(query)})`,
  );
}
