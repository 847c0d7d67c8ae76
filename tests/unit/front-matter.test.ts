import { parseFrontmatter } from 'astro/markdown';
import { expect, test } from 'vitest';
import { bodyOfText, readFrontMatter, recallFrontMatter } from '../../src/data/front-matter.ts';

/** Article files as a keeper might write them: what Astro's reader makes of each is the truth. */
const TEXTS = {
  plain: '---\ntitle: Iğdır\npublishedAt: 2025-10-28\n---\n\nİlk paragraf.\n\nİkinci.\n',
  crlf: '---\r\ntitle: "Şırnak"\r\ntags: [Ağrı, İzmir]\r\n---\r\n\r\nMetin.\r\n',
  bom: '\uFEFF---\ntitle: Işık\n---\n\nMetin.\n',
  'blank lines first': '\n\n---\ntitle: ılık\n---\nMetin hemen ardından.',
  'empty front matter': '---\n---\n\n    girintili satır\n',
  'no front matter': '\n  Yalnızca metin, başlıksız.\n\n',
  'no body': '---\ntitle: Boş\n---\n\n \n',
  'a rule in the body': '---\ntitle: Çizgi\n---\n\nÜst.\n\n---\n\nAlt.\n',
};

/** What Astro's Markdown reader gives its loader (`getEntryInfo`): the fields, and the body trimmed. */
function astroReads(text: string) {
  const parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  return { data: parsed.frontmatter, body: parsed.content.trim(), rawData: parsed.rawFrontmatter };
}

test.each(Object.entries(TEXTS))(
  '%s: read once, then given to the loader and the pages as Astro reads it',
  (_, text) => {
    expect(readFrontMatter(text)).toEqual(parseFrontmatter(text));
    const recalled = recallFrontMatter(text);
    expect(recalled).toEqual({ ...astroReads(text), slug: astroReads(text).data.slug });
    expect(bodyOfText(text)).toBe(astroReads(text).body);
    // The loader is given the fields once: the content store holds them from then on.
    expect(recallFrontMatter(text)).toBeUndefined();
    expect(bodyOfText(text)).toBe(astroReads(text).body);
  },
);

test('a file changed after the configuration read it is parsed anew, not misread', () => {
  const text = '---\ntitle: Önce\n---\n\nEski metin.\n';
  readFrontMatter(text);
  const changed = text.replace('Önce', 'Sonra uzun bir başlık').replace('Eski', 'Yeni');
  expect(recallFrontMatter(changed)).toBeUndefined();
  expect(bodyOfText(changed)).toBe('Yeni metin.');
});
