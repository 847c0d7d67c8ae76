/**
 * What each extra language of the archive costs search: the same Turkish archive (`--count`
 * articles of nlptoolkit-corpus text) alone, then with `--extra` articles marked English, then
 * with as many more marked Russian, each built and searched from the search page as a reader
 * does (search-page-timing.ts). Each extra language is a bundle of its own (search-bundles.ts),
 * whose runtime and metadata the search page fetches beside Turkish's.
 *
 *   npm run bench:languages -- [--count 1000] [--extra 200]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../tests/support/browser.ts';
import {
  buildSite,
  createFixtureSite,
  removeFixtureSite,
  serveSite,
} from '../../tests/support/site.ts';
import { writeCorpusArchive } from './corpus-archive.ts';
import { timeSearchPage } from './search-page-timing.ts';
import { directorySize } from './synthetic-site.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    extra: { type: 'string', default: '200' },
  },
});
const count = Number(values.count);
const extra = Number(values.extra);
/** Words of the corpus, common and rare, one of them in two words. */
const QUERIES = ['bakanlık', 'askerlik', 'türkiye', 'dövizli', 'milli savunma'];

const rows: string[] = [];
const browser = await launchBrowser();
for (const languages of [[], ['en'], ['en', 'ru']]) {
  const site = await createFixtureSite({});
  try {
    const articles = join(site, 'content/articles');
    await writeCorpusArchive(articles, { count });
    for (const [index, lang] of languages.entries())
      await writeCorpusArchive(articles, { count: extra, first: count + index * extra, lang });
    const build = await buildSite(site);
    if (!build.ok) throw new Error(build.output);
    const indexing = Number(
      /indexed \d+ articles (?:\([^)]*\) )?in ([\d.]+) s/.exec(build.output)?.[1] ?? 0,
    );
    const index = await directorySize(join(site, 'dist/pagefind'));
    const server = await serveSite(site, join(site, 'dist'));
    // The first site also warms the browser up, so that the first row is not charged for it.
    if (languages.length === 0) await timeSearchPage(browser, server.url, QUERIES);
    const timings = await timeSearchPage(browser, server.url, QUERIES);
    await server.stop();
    const mean = (pick: (timing: (typeof timings)[number]) => number) =>
      timings.reduce((sum, timing) => sum + pick(timing), 0) / timings.length;
    rows.push(
      `| ${['tr', ...languages].join(' + ')} | ${count + extra * languages.length} | ${indexing.toFixed(1)} | ${(index.bytes / 1048576).toFixed(2)} | ${(mean((timing) => timing.coldBytes) / 1024).toFixed(1)} | ${(mean((timing) => timing.coldBytesByKind.runtime ?? 0) / 1024).toFixed(1)} / ${(mean((timing) => timing.coldBytesByKind.metadata ?? 0) / 1024).toFixed(1)} | ${mean((timing) => timing.coldMs).toFixed(0)} | ${mean((timing) => timing.warmMs).toFixed(1)} |`,
    );
    console.error(rows.at(-1));
  } finally {
    await removeFixtureSite(site);
  }
}
await browser.close();
console.log(
  `| languages | articles | indexing s | index MiB | KiB fetched cold (mean of ${QUERIES.length} queries) | of which runtime / metadata | ms cold | ms warm |`,
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
