import type { APIContext, GetStaticPaths } from 'astro';
import { warcBytes, warcPaths } from '../../../../../../data/provenance.ts';

/** One version's WARC, byte for byte the file whose SHA-256 its ledger entry holds. */
export const getStaticPaths = (() => warcPaths()) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ file: string; sha256: string }>) {
  return new Response(warcBytes(props), { headers: { 'Content-Type': 'application/warc' } });
}
