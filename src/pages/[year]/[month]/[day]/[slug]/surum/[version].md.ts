import type { APIContext, GetStaticPaths } from 'astro';
import type { Article, ArticleVersion } from '../../../../../../data/articles.ts';
import { servedMarkdown } from '../../../../../../data/provenance.ts';
import { versionPaths } from '../../../../../../data/versions.ts';

/** One version's Markdown text, byte for byte what its SHA-256 in the provenance block is taken over. */
export const getStaticPaths = (() => versionPaths()) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ article: Article; version: ArticleVersion }>) {
  return new Response(servedMarkdown(props.article, props.version), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
}
