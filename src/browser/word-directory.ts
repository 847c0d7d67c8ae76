import { href } from '../lib/urls.ts';
import type { LanguageBundles } from '../lib/search-bundles.ts';
import type { SearchQuery } from '../lib/search-query.ts';
import {
  answeringBundles,
  answeringTogether,
  DIRECTORY_ROUTE,
  partFile,
  partsOf,
  SHARD_LIST_FILE,
  SHARD_PREFIX_LENGTH,
  shardFile,
  shardOf,
  type Answering,
  type PagesPart,
  type Shard,
} from '../lib/word-directory.ts';

const files = new Map<string, Promise<unknown>>();

/** A file of the word directory, fetched once a page, and revalidated, as its name does not change when a build changes it. */
function fetchFile<T>(file: string): Promise<T> {
  let fetched = files.get(file);
  if (!fetched) {
    fetched = fetch(href(`${DIRECTORY_ROUTE}${file}`), { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      return response.json();
    });
    fetched.catch(() => files.delete(file));
    files.set(file, fetched);
  }
  return fetched as Promise<T>;
}

/** A shard of the word directory; undefined for letters no word starts with, which have none. */
async function fetchShard(shard: string): Promise<Shard | undefined> {
  const written = await fetchFile<string[]>(SHARD_LIST_FILE);
  return written.includes(shard) ? fetchFile<Shard>(shardFile(shard)) : undefined;
}

/**
 * Reads the word directory (word-directory.ts) for the query's words: the bundles of `bundles` that
 * can answer every one of them (`answeringBundles`), and for two or more words, those of them
 * where some page has them all, read in the page sets' parts of their forms
 * (`answeringTogether`; a one-word query fetches no part). Undefined when it cannot tell: a query
 * without words (filters only) or with a word shorter than a shard's name, which every bundle is
 * asked.
 */
export async function bundlesAnswering(
  query: SearchQuery,
  bundles: LanguageBundles,
): Promise<Answering | undefined> {
  const keys = query.words.map((word) => shardOf(word.written));
  if (keys.length === 0 || keys.some((key) => [...key].length < SHARD_PREFIX_LENGTH))
    return undefined;
  const shards = await Promise.all(keys.map(fetchShard));
  const answering = answeringBundles(
    query.words.map((word) => word.written),
    shards,
    bundles,
  );
  if (answering.kind === 'missing' || query.words.length < 2) return answering;
  const names = partsOf(answering.words);
  // A part that cannot be read leaves its forms' pages unknown: the bundles are kept, not dropped.
  const read = await Promise.all(
    names.map((name) => fetchFile<PagesPart>(partFile(name)).catch(() => undefined)),
  );
  const parts = new Map(names.flatMap((name, at) => (read[at] ? [[name, read[at]] as const] : [])));
  return answeringTogether(answering, parts);
}
