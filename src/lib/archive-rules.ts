import { permalink, type ArticleData } from './article.ts';
import { lookupKey } from './lookup.ts';
import { nameSlug, turkishSlug } from './slug.ts';

/** An article as the archive publishes it: its own file, and the data of its first version with the keeper's fields. */
export interface PublishedArticle {
  readonly file: string;
  readonly data: Pick<
    ArticleData,
    'publishedAt' | 'slug' | 'title' | 'source' | 'tags' | 'authors' | 'redirectFrom'
  >;
}

/**
 * What the archive as a whole refuses, one line a problem, each naming both files: two articles
 * at one address (a permalink, an old address, or an old address under another article's
 * permalink, where its versions and changes live); one original archived twice (its address
 * compared in `lookupKey`'s canonical form: a later capture is a version); and two different tags,
 * sources or authors, whose names make one page's address.
 */
export function archiveProblems(articles: Iterable<PublishedArticle>): string[] {
  const problems: string[] = [];
  const permalinks = new Map<string, string>();
  const oldAddresses = new Map<string, string>();
  const originals = new Map<string, { file: string; url: string }>();
  const names = new Map<string, { file: string; name: string; spelling: string }>();
  const list = [...articles];

  for (const { file, data } of list) {
    const address = permalink(data);
    const owner = permalinks.get(address);
    if (owner)
      problems.push(
        `${file} and ${owner} have the same permalink ${address}: give one of them another "slug"`,
      );
    else permalinks.set(address, file);

    const key = lookupKey(data.source.url)!;
    const original = originals.get(key);
    if (original)
      problems.push(
        `${file} and ${original.file} archive the same original (source.url ${data.source.url}${data.source.url === original.url ? '' : ` and ${original.url}`}): an article is archived once, and a later capture of it is its next version, in a file such as 28-slug/surum-2.md beside it`,
      );
    else originals.set(key, { file, url: data.source.url });

    const named = (kind: string, page: string, values: readonly string[]) => {
      for (const name of values) {
        const slug = `${page}${nameSlug(name)}`;
        // Names that differ only in case, accents or punctuation (İzmir, IZMIR) are one tag; others must not merge.
        const spelling = turkishSlug(name) || name.normalize('NFC');
        const first = names.get(slug);
        if (!first) names.set(slug, { file, name, spelling });
        else if (first.spelling !== spelling)
          problems.push(
            `${file}: ${kind} "${name}" and "${first.name}" (${first.file}) are different names with one page, ${slug}/: ${kind === 'tag' ? 'shorten or change one of them' : 'write the name alike in both'}`,
          );
      }
    };
    named('tag', '/etiket/', data.tags);
    named('source.name', '/kaynak/', [data.source.name]);
    named('author', '/yazar/', data.authors);
  }

  // Old addresses after every permalink is known: one may not be, or fall under, another article's.
  for (const { file, data } of list) {
    for (const [index, from] of data.redirectFrom.entries()) {
      const field = `${file}: redirectFrom.${index}: ${from}`;
      const under = from.split('/').slice(0, 5).join('/') + '/';
      const article = permalinks.get(from) ?? permalinks.get(under);
      if (article)
        problems.push(
          `${field} is ${from === under ? 'the permalink' : `under the permalink ${under}`} of ${article === file ? 'this article' : article}: an old address cannot take a published one`,
        );
      const earlier = oldAddresses.get(from);
      if (earlier)
        problems.push(`${field} is an old address of ${earlier} too: it leads to one article`);
      else oldAddresses.set(from, file);
    }
  }
  return problems;
}
