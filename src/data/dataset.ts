import { publicationYear, withArticleFields } from '../lib/article.ts';
import { datasetFiles, type DatasetFile } from '../lib/dataset.ts';
import { LEDGER_ROUTE } from '../lib/ledger.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { ui } from '../i18n/tr.ts';
import { getArticles } from './articles.ts';
import { bodyOf } from './article-text.ts';
import { markdownUrlOf } from './provenance.ts';
import { getLedger } from './ledger.ts';

let files: Promise<DatasetFile[]> | undefined;

/** The dataset's files (src/lib/dataset.ts), made once a build: the package states every other file's size and hash. */
export function getDataset(site: URL): Promise<DatasetFile[]> {
  files ??= getArticles().then((articles) => {
    const ledger = getLedger();
    const url = (path: string) => absoluteUrl(path, site);
    const versions = articles.flatMap((article) =>
      article.versions.map((version, index) => {
        const data = withArticleFields(version.data, article.data);
        const entry = ledger.entryOf(article.permalink, version.number)!;
        const page = (other: number) => url(article.versions[other]!.path);
        return {
          permalink: url(article.permalink),
          version: version.number,
          versions: article.versions.length,
          url: url(version.path),
          markdownUrl: url(markdownUrlOf(article, version)),
          previousVersion: index > 0 ? page(index - 1) : null,
          nextVersion: index + 1 < article.versions.length ? page(index + 1) : null,
          title: data.title,
          description: data.description,
          body: bodyOf(version.entry),
          publishedAt: data.publishedAt.iso,
          capturedAt: data.archivedAt?.iso ?? null,
          sourceName: data.source.name,
          sourceUrl: data.source.url,
          lang: data.lang,
          authors: data.authors,
          tags: data.tags,
          textSha256: entry.text,
          warcSha256: entry.warc,
          ledgerSeq: entry.seq,
          ledgerHash: entry.hash,
          year: publicationYear(data.publishedAt.date),
        };
      }),
    );
    return datasetFiles(versions, {
      title: ui.siteName,
      homepage: url('/'),
      ledger: url(LEDGER_ROUTE),
      // The newest entry's time, not the build's: the same archive makes the same package.
      created: ledger.entries.at(-1)?.recordedAt ?? '1970-01-01T00:00:00Z',
    });
  });
  return files;
}
