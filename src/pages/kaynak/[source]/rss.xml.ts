import type { APIContext, GetStaticPaths } from 'astro';
import { namedListFeedPaths, rssResponse, type FeedProps } from '../../../data/feeds.ts';

export const getStaticPaths = (() => namedListFeedPaths('source')) satisfies GetStaticPaths;

export const GET = ({ props, site }: APIContext<FeedProps>) => rssResponse(props.feed, site!);
