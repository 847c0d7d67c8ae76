/** Articles' languages, by their BCP 47 tags, for pages and the search page's browser code alike. */

/** A BCP 47 tag's name in Turkish: `tr` → `Türkçe`. */
export function languageName(tag: string): string {
  return new Intl.DisplayNames('tr', { type: 'language' }).of(tag) ?? tag;
}

/**
 * A BCP 47 tag as Open Graph's `language_TERRITORY`: `tr` → `tr_TR`, `en` → `en_US`, `pt-BR` →
 * `pt_BR`. A tag without a region takes its most likely one (CLDR's likely subtags).
 */
export function openGraphLocale(tag: string): string {
  const locale = new Intl.Locale(tag).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}
