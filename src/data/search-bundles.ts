import {
  orderLanguages,
  periodYear,
  readBundleArticles,
  searchLanguage,
  splitIntoBundles,
  type LanguageBundles,
} from '../lib/search-bundles.ts';
import { getArticles } from './articles.ts';

/**
 * What the search page loads (search-bundles.ts): how many articles each language has, the
 * interface's language first, each language's bundles, newest first, split as the build splits
 * them (`splitIntoBundles`, with the build's `SEARCH_BUNDLE_ARTICLES`, checked by
 * astro.config.mjs), and the years the archive has articles in, oldest first.
 */
export async function searchBundles(): Promise<{
  counts: Record<string, number>;
  bundles: LanguageBundles;
  years: string[];
}> {
  const counts = new Map<string, number>();
  const days: { language: string; day: string }[] = [];
  for (const { data } of await getArticles()) {
    const language = searchLanguage(data.lang);
    counts.set(language, (counts.get(language) ?? 0) + 1);
    days.push({ language, day: data.publishedAt.date });
  }
  const bundles = splitIntoBundles(days, readBundleArticles(process.env));
  return {
    counts: Object.fromEntries(
      orderLanguages(counts.keys()).map((language) => [language, counts.get(language)!]),
    ),
    bundles,
    years: [...new Set(Object.values(bundles).flat().map(periodYear))].sort(),
  };
}
