import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, permalink, withArticleFields, type ArticleData } from '../lib/article.ts';
import { archiveProblems } from '../lib/archive-rules.ts';
import { checkArchive } from '../lib/ledger.ts';
import { sha256 } from '../lib/provenance.ts';
import { versionChains, versionPath } from '../lib/versions.ts';
import { cacheKeyOf } from './cache-keys.ts';
import { getLedger, LEDGER_FILE } from './ledger.ts';
import { servedMarkdown } from './provenance.ts';

/** One capture of an article, as its own file says it. */
export interface ArticleVersion {
  /** 1 for the first capture, then 2, 3, … */
  readonly number: number;
  readonly entry: CollectionEntry<'articles'>;
  readonly data: ArticleData;
  /** The address that shows and cites this version: its own page, or the permalink when there is no other version. */
  readonly path: string;
}

export interface Article {
  /** The latest version's entry: what the permalink shows. */
  readonly entry: CollectionEntry<'articles'>;
  /** The latest version's text and capture day, with the first's publication date and the keeper's slug, tags and old addresses. */
  readonly data: ArticleData;
  readonly permalink: string;
  /** Every capture, the first first; one for an article that never changed. */
  readonly versions: readonly ArticleVersion[];
}

let articles: Promise<Article[]> | undefined;

/**
 * Every article, newest first, with its permalink. Built once per build:
 * every page needs the same list, and at 10,000 articles rebuilding it per page would dominate.
 * The configuration refuses a broken archive before the build (src/integrations/article-index.ts);
 * this refuses the same, naming the files, for the dev server, whose content changes as it runs.
 */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((entries) => {
    const chains = versionChains(
      entries.map((entry) => ({ file: entry.id, data: entry.data, entry })),
    );
    const list = chains.map((chain): Article => {
      const first = chain[0]!;
      const latest = chain.at(-1)!;
      const address = permalink(first.data);
      return {
        entry: latest.entry,
        data: withArticleFields(latest.data, first.data),
        permalink: address,
        versions: chain.map(({ entry, data }, index) => ({
          number: index + 1,
          entry,
          data,
          path: chain.length > 1 ? versionPath(address, index + 1) : address,
        })),
      };
    });
    const problems = archiveProblems(
      list.map(({ versions: [first], data }) => ({
        file: first!.entry.filePath ?? first!.entry.id,
        // The first title makes the permalink; the latest names its source, as the pages do.
        data: { ...data, title: first!.data.title },
      })),
    );
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const withdrawn = checkArchive(
      list.flatMap((article) =>
        article.versions.map((version) => ({
          file: version.entry.filePath ?? version.entry.id,
          permalink: article.permalink,
          version: version.number,
          text: sha256(servedMarkdown(article, version)),
        })),
      ),
      getLedger().entries,
      LEDGER_FILE,
    );
    for (const entry of withdrawn)
      console.warn(
        `${LEDGER_FILE}: entry ${entry.seq}, version ${entry.version} of ${entry.permalink}, is no longer in the archive: the ledger keeps it, and "npm run verify" reports it`,
      );
    return list.sort(byNewest);
  });
  return articles;
}

/** The route parameters of every article's permalink, with the article; what the article alone makes is keyed by its file. */
export async function articlePaths() {
  return (await getArticles()).map((article) => {
    const [year, month, day, slug] = article.permalink.split('/').filter(Boolean);
    return { params: { year, month, day, slug }, props: { article }, ...cacheKeyOf([article]) };
  });
}
