import XMLBuilder from 'fast-xml-builder';
import { absoluteUrl } from './urls.ts';

/**
 * An OpenSearch 1.1 description (https://github.com/dewitt/opensearch), which lets a browser offer
 * to search the archive from its address bar: every page links to it with `<link rel="search">`.
 */
export const OPENSEARCH_ROUTE = '/opensearch.xml';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';
/** The search page's address with the spec's placeholder for the words, which browsers fill in. */
export const SEARCH_TEMPLATE_ROUTE = '/ara/?q={searchTerms}';

export interface OpenSearchSite {
  /** At most 16 characters, as the specification says of `ShortName`. */
  readonly shortName: string;
  readonly description: string;
  readonly site: URL | string;
  readonly language: string;
}

export function openSearchDescription({
  shortName,
  description,
  site,
  language,
}: OpenSearchSite): string {
  if ([...shortName].length > 16)
    throw new Error(`OpenSearch: the short name "${shortName}" is longer than 16 characters`);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    OpenSearchDescription: {
      '@_xmlns': 'http://a9.com/-/spec/opensearch/1.1/',
      ShortName: shortName,
      Description: description,
      InputEncoding: 'UTF-8',
      Language: language,
      Image: {
        '@_width': '16',
        '@_height': '16',
        '@_type': 'image/svg+xml',
        '#text': absoluteUrl('/favicon.svg', site),
      },
      Url: [
        {
          '@_type': 'text/html',
          '@_method': 'get',
          '@_template': absoluteUrl(SEARCH_TEMPLATE_ROUTE, site),
        },
        {
          '@_type': OPENSEARCH_TYPE,
          '@_rel': 'self',
          '@_template': absoluteUrl(OPENSEARCH_ROUTE, site),
        },
      ],
    },
  };
  return new XMLBuilder({
    ignoreAttributes: false,
    suppressEmptyNode: true,
    format: true,
    processEntities: true,
  }).build(document) as string;
}
