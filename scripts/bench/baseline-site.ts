import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../tests/support/site.ts';

/**
 * The yardstick the benchmark measures this project against: the least Astro site that renders
 * the same Markdown, with Astro's defaults (its own Markdown processor, no plugins, no schema),
 * one page listing every article and one page per article, indexed by the Pagefind CLI.
 */
const FILES: Record<string, string> = {
  'astro.config.mjs': `export default {};\n`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content/articles' }) }) };
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const articles = await getCollection('articles');
---
<html lang="tr"><head><meta charset="utf-8"><title>Arşiv</title></head>
<body><ul>{articles.map((article) => <li><a href={\`/\${article.id}/\`}>{article.data.title}</a></li>)}</ul></body></html>
`,
  'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((article) => ({ params: { id: article.id }, props: { article } }));
}
const { article } = Astro.props;
const { Content } = await render(article);
---
<html lang="tr"><head><meta charset="utf-8"><title>{article.data.title}</title></head>
<body><main data-pagefind-body><h1>{article.data.title}</h1><Content /></main></body></html>
`,
};

/** Writes the baseline site beside `articles` (the synthetic archive's folder, linked, not copied). */
export async function baselineSite(
  articles: string,
): Promise<{ root: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'haber-arsivi-baseline-'));
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
  await mkdir(join(root, 'content'));
  await symlink(articles, join(root, 'content/articles'));
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
