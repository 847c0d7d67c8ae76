import type { APIContext } from 'astro';
import { archiveFeed, rssResponse } from '../data/feeds.ts';

export const GET = (context: APIContext) => rssResponse(archiveFeed, context.site!);
