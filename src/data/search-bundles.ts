import { publicationYear } from '../lib/article.ts';
import { orderLanguages, searchLanguage, type BundleYears } from '../lib/search-bundles.ts';
import { getArticles } from './articles.ts';

/**
 * What the search page loads (search-bundles.ts): how many articles each language has, the
 * interface's language first, and the years of each language's bundles, newest first.
 */
export async function searchBundles(): Promise<{
  counts: Record<string, number>;
  years: BundleYears;
}> {
  const counts = new Map<string, number>();
  const years = new Map<string, Set<string>>();
  for (const { data } of await getArticles()) {
    const language = searchLanguage(data.lang);
    counts.set(language, (counts.get(language) ?? 0) + 1);
    years.set(
      language,
      (years.get(language) ?? new Set()).add(publicationYear(data.publishedAt.date)),
    );
  }
  const languages = orderLanguages(counts.keys());
  return {
    counts: Object.fromEntries(languages.map((language) => [language, counts.get(language)!])),
    years: Object.fromEntries(
      languages.map((language) => [language, [...years.get(language)!].sort().reverse()]),
    ),
  };
}
