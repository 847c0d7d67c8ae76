import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from 'astro/markdown';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { archiveLoader } from '../../src/data/archive-loader.ts';
import { readFrontMatter } from '../../src/data/front-matter.ts';

/**
 * Astro's own glob() loader, run through the archive's adapter on real files, with the entry types
 * Astro's content layer gives it (a Markdown reader and a renderer that records what it renders):
 * fails when glob() stops reading files through `entryTypes`, the internal API the adapter wraps.
 */
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'haber-arsivi-loader-'));
  const files = {
    'text.md': '---\ntitle: Metin\n---\n\nYalnızca metin.\n',
    'photo.md': '---\ntitle: Fotoğraf\n---\n\nMetin.\n\n![Ön cephe](./foto.jpg)\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function load(files: string) {
  const rendered: string[] = [];
  const parsed: string[] = [];
  const store = new Map<string, { id: string; data?: unknown; rendered?: unknown }>();
  const markdown = {
    getEntryInfo: async ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
      parsed.push(fileUrl.pathname.split('/').at(-1)!);
      const { frontmatter, content } = parseFrontmatter(contents);
      return { data: frontmatter, body: content, slug: '', rawData: contents };
    },
    getRenderFunction: async () => async (entry: { id: string }) => {
      rendered.push(entry.id);
      return { html: '<p>…</p>', metadata: {} };
    },
  };
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    logger: { warn: () => {}, error: () => {}, info: () => {}, debug: () => {} },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (contents: string) => String(contents.length),
    store: {
      keys: () => [...store.keys()],
      get: (id: string) => store.get(id),
      set: (entry: { id: string; data?: unknown; rendered?: unknown }) =>
        Boolean(store.set(entry.id, entry)),
      delete: (id: string) => store.delete(id),
      addModuleImport: () => {},
      addAssetImports: () => {},
    },
    entryTypes: new Map([['.md', markdown]]),
  } as unknown as LoaderContext;
  const loader = archiveLoader(
    glob({ pattern: files, base: root, generateId: ({ entry }) => entry }),
  );
  await loader.load(context);
  return { store, rendered, parsed };
}

test('glob() reads every file through the wrapped reader, and renders only those with images', async () => {
  const { store, rendered } = await load('*.md');
  expect([...store.keys()].sort()).toEqual(['photo.md', 'text.md']);
  expect(rendered).toEqual(['photo.md']);
  expect(store.get('text.md')?.rendered).toBeUndefined();
  expect(store.get('photo.md')?.rendered).toEqual({ html: '<p>…</p>', metadata: {} });
});

test('a file without a body stops the load, naming the file', async () => {
  await writeFile(join(root, 'empty.md'), '---\ntitle: Boş\n---\n\n\u200b\n');
  await expect(load('empty.md')).rejects.toThrow(/empty\.md has no body/);
});

test('a file the configuration has read is not parsed again: its front matter goes to the store as read', async () => {
  readFrontMatter(await readFile(join(root, 'text.md'), 'utf8'));
  const { store, parsed } = await load('{text,photo}.md');
  expect(parsed).toEqual(['photo.md']);
  expect(store.get('text.md')?.data).toEqual({ title: 'Metin' });
  expect(store.get('photo.md')?.data).toEqual({ title: 'Fotoğraf' });
});
