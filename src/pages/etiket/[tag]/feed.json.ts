import type { APIContext, GetStaticPaths } from 'astro';
import { jsonFeedResponse, namedListFeedPaths, type FeedProps } from '../../../data/feeds.ts';

export const getStaticPaths = (() => namedListFeedPaths('tag')) satisfies GetStaticPaths;

export const GET = ({ props, site }: APIContext<FeedProps>) => jsonFeedResponse(props.feed, site!);
