import type { APIContext } from 'astro';
import { OPENSEARCH_TYPE, openSearchDescription } from '../lib/opensearch.ts';
import { ui } from '../i18n/tr.ts';

export const GET = (context: APIContext) =>
  new Response(
    openSearchDescription({
      shortName: ui.siteName,
      description: ui.openSearchDescription,
      site: context.site!,
      language: 'tr',
    }),
    { headers: { 'Content-Type': OPENSEARCH_TYPE } },
  );
