import { href } from '../lib/urls.ts';
import type { BundleYears } from '../lib/search-bundles.ts';
import type { SearchQuery } from '../lib/search-query.ts';
import {
  bundlesFor,
  DIRECTORY_ROUTE,
  SHARD_PREFIX_LENGTH,
  shardFile,
  shardOf,
  type BundleId,
  type Shard,
} from '../lib/word-directory.ts';

const shards = new Map<string, Promise<Shard | undefined>>();

/** A shard of the word directory, fetched once a page; none is written for letters no word starts with. */
function fetchShard(shard: string): Promise<Shard | undefined> {
  let fetched = shards.get(shard);
  if (!fetched) {
    // Revalidated, as its name does not change when a build changes it.
    fetched = fetch(href(`${DIRECTORY_ROUTE}${shardFile(shard)}`), { cache: 'no-cache' }).then(
      async (response) => {
        if (response.status === 404) return undefined;
        if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
        return (await response.json()) as Shard;
      },
    );
    fetched.catch(() => shards.delete(shard));
    shards.set(shard, fetched);
  }
  return fetched;
}

/** What the directory says of a query: the bundles that can answer it all, or the first word no bundle can answer. */
export type Answering = { kind: 'bundles'; years: BundleYears } | { kind: 'missing'; word: string };

/**
 * Reads the word directory (word-directory.ts) for the query's words and keeps the bundles that
 * can answer every one of them, in `years`' order. Undefined when it cannot tell: a query without
 * words (filters only) or with a word shorter than a shard's name, which every bundle is asked.
 */
export async function bundlesAnswering(
  query: SearchQuery,
  years: BundleYears,
): Promise<Answering | undefined> {
  const keys = query.words.map((word) => shardOf(word.key));
  if (keys.length === 0 || keys.some((key) => [...key].length < SHARD_PREFIX_LENGTH))
    return undefined;
  const fetched = await Promise.all(keys.map(fetchShard));
  const languageOf = (bundle: BundleId) => bundle.split('/')[0]!;
  let answering: Set<BundleId> | undefined;
  for (const [index, word] of query.words.entries()) {
    const found = bundlesFor(fetched[index], word.written, languageOf);
    if (found.size === 0) return { kind: 'missing', word: word.written };
    answering = new Set([...found.keys()].filter((bundle) => answering?.has(bundle) ?? true));
  }
  return {
    kind: 'bundles',
    years: Object.fromEntries(
      Object.entries(years).map(([language, languageYears]) => [
        language,
        languageYears.filter((year) => answering!.has(`${language}/${year}`)),
      ]),
    ),
  };
}
