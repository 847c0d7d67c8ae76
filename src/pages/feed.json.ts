import type { APIContext } from 'astro';
import { archiveFeed, jsonFeedResponse } from '../data/feeds.ts';

export const GET = (context: APIContext) => jsonFeedResponse(archiveFeed, context.site!);
