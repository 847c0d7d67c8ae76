import type { APIContext, GetStaticPaths } from 'astro';
import { lookupMaps } from '../../data/lookup.ts';

/** One host's originals and their permalinks, for the lookup page. */
export const getStaticPaths = (() => lookupMaps()) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ map: Record<string, string> }>) {
  return new Response(JSON.stringify(props.map), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
