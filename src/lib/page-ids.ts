/**
 * The ids the archive's pages give their own elements, named once. An article's headings get ids
 * from their text (`rehypeHeadingIds`) and must never take one of these: `## İçerik` would
 * otherwise be a second `icerik`, and the skip link would lead to it.
 */
export const PAGE_IDS = {
  content: 'icerik',
  search: 'site-search',
  provenanceTitle: 'provenance-title',
  tagsTitle: 'tags-title',
  relatedTitle: 'related-title',
  copyStatus: 'copy-status',
  versionsTitle: 'versions-title',
  diffSummary: 'diff-summary',
  citeApa: 'atif-apa',
  citeMla: 'atif-mla',
  citeBibtex: 'atif-bibtex',
  overviewTitle: 'genel-bakis',
  monthChartCaption: 'aylar-grafigi',
  searchHelpTitle: 'arama-yardimi',
  searchNeedsJavaScript: 'search-needs-javascript',
  searchOptions: 'search-options',
  searchFilters: 'search-filters',
  searchStatus: 'search-status',
  searchResults: 'search-results',
  searchMore: 'search-more',
  searchLater: 'search-later',
  lookupAddress: 'lookup-address',
  lookupNeedsJavaScript: 'lookup-needs-javascript',
  lookupStatus: 'lookup-status',
} as const;

/** The caption of an element named by one of `PAGE_IDS` (a citation's style name). */
export const captionId = (id: string) => `${id}-ad`;

/** The id of an article's paragraph `number` (1-based): `p-3`. */
export const paragraphId = (number: number) => `p-${number}`;

const TAKEN = new Set(Object.values(PAGE_IDS).flatMap((id) => [id, captionId(id)]));
const PARAGRAPH_ID = /^p-\d+$/;

/** Whether an article page already uses `id` for one of its own elements or paragraphs. */
export function isPageId(id: string): boolean {
  return TAKEN.has(id) || PARAGRAPH_ID.test(id);
}
