/**
 * The archive's languages as search sees them. Pagefind stems a page by its language and builds
 * its search code (WebAssembly) with one language's stemmer, so each language the archive holds
 * gets a bundle of its own: `/pagefind/` for Turkish, the interface's language (and so all an
 * archive of Turkish articles has), `/pagefind/{language}/` for each other. The search page loads
 * every bundle and merges their results (src/browser/archive-search.ts).
 */

/** The interface's language, whose bundle is Pagefind's default place. */
export const INTERFACE_LANGUAGE = 'tr';

/** The Pagefind meta, set on each article's indexed body, that names the article's language (`language:en-GB`). */
export const LANGUAGE_META = 'language';

/**
 * The bundle an article of language `tag` goes into: its primary subtag, as Pagefind picks a
 * stemmer by it (`en-GB` and `en` are stemmed alike).
 */
export function searchLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The route of a language's bundle, to be put under the base with `href`. */
export function bundleRoute(language: string): string {
  return language === INTERFACE_LANGUAGE ? '/pagefind/' : `/pagefind/${language}/`;
}

/** Reads the article's language back from its indexed body's `data-pagefind-meta` (`title, language:en`). */
export function languageFromMeta(meta: string | undefined): string | undefined {
  return meta
    ?.split(',')
    .map((entry) => entry.trim())
    .find((entry) => entry.startsWith(`${LANGUAGE_META}:`))
    ?.slice(LANGUAGE_META.length + 1);
}

/** Languages in the order search lists them: the interface's first, then by code. */
export function orderLanguages(languages: Iterable<string>): string[] {
  return [...languages].sort((a, b) => Number(b === INTERFACE_LANGUAGE) - Number(a === INTERFACE_LANGUAGE) || a.localeCompare(b));
}
