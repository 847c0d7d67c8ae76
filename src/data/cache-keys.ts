import { sha256 } from '../lib/provenance.ts';
import type { Article } from './articles.ts';
import { ledgerEntryOf } from './provenance.ts';

/**
 * A page's `cacheKey`, which an incremental build compares to tell whether the page would come
 * out as it did last time (`experimental.incrementalBuild`: a page whose key and code are
 * unchanged is copied from the last build): the files of every article the page shows, all its
 * versions, each in its place (`undefined` holds an empty place, so that an article moving from
 * one place to another changes the key). The digest is the glob loader's, of the whole file;
 * without it the page has no key and is rendered.
 */
export function cacheKeyOf(shown: readonly (Article | undefined)[]): { cacheKey?: string } {
  const files: string[] = [];
  for (const article of shown) {
    const versions = article?.versions ?? [];
    if (versions.some(({ entry }) => entry.digest === undefined)) return {};
    // A version's ledger entry is on its pages: an entry rewritten with the ledger makes them anew.
    files.push(
      versions
        .map(
          (version) =>
            `${version.entry.id} ${version.entry.digest} ${ledgerEntryOf(article!, version).hash}`,
        )
        .join(' '),
    );
  }
  return { cacheKey: sha256(files.join('\n')) };
}
