import type { APIContext, GetStaticPaths } from 'astro';
import { getDataset } from '../../data/dataset.ts';

/** The public address, which every link in the dataset is absolute under (astro.config.mjs `site`). */
const site = () => new URL(import.meta.env.SITE);

/** The dataset's files (src/lib/dataset.ts): the CSV, a JSON Lines file a year, the package. */
export const getStaticPaths = (async () =>
  (await getDataset(site())).map(({ name }) => ({
    params: { file: name },
  }))) satisfies GetStaticPaths;

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export async function GET({ params }: APIContext) {
  const file = (await getDataset(site())).find(({ name }) => name === params.file)!;
  return new Response(file.text, {
    headers: { 'Content-Type': MEDIA_TYPES[file.name.split('.').pop()!]! },
  });
}
