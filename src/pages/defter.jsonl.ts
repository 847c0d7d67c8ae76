import { getLedger } from '../data/ledger.ts';

/** The ledger, byte for byte as the archive keeps it (src/lib/ledger.ts): anyone can check it with `npm run verify`. */
export function GET() {
  return new Response(getLedger().text, {
    headers: { 'Content-Type': 'application/jsonl; charset=utf-8' },
  });
}
