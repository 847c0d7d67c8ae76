import type { APIContext, GetStaticPaths } from 'astro';
import { articlePaths, type Article } from '../../../../data/articles.ts';
import { servedMarkdown } from '../../../../data/provenance.ts';

/** The article's Markdown text, byte for byte what its SHA-256 in the provenance block is taken over. */
export const getStaticPaths = (() => articlePaths()) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ article: Article }>) {
  return new Response(servedMarkdown(props.article), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
}
