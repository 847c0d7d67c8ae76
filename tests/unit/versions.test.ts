import { describe, expect, test } from 'vitest';
import { articleSchema, type ArticleData } from '../../src/lib/article.ts';
import {
  diffPairs,
  diffPath,
  versionChains,
  versionFile,
  versionMarkdownPath,
  versionOfFile,
  versionPath,
  versionWarcPath,
  warcFileOf,
} from '../../src/lib/versions.ts';

const data = (fields: Record<string, unknown> = {}): ArticleData =>
  articleSchema.parse({
    title: 'İzmir’de yağmur',
    description: 'Özet.',
    publishedAt: '2025-10-28',
    archivedAt: '2026-11-30',
    source: { name: 'Örnek Ajans', url: 'https://ornek.example/haber/1' },
    ...fields,
  });

test('the article file is version 1; its later versions sit in a folder beside it', () => {
  expect(versionOfFile('2025/10/28-izmir.md')).toEqual({
    articleFile: '2025/10/28-izmir.md',
    number: 1,
  });
  expect(versionOfFile('2025/10/28-izmir/surum-3.md')).toEqual({
    articleFile: '2025/10/28-izmir.md',
    number: 3,
  });
  expect(versionFile('2025/10/28-izmir.md', 2)).toBe('2025/10/28-izmir/surum-2.md');
  expect(versionOfFile('2025/10/28-izmir/surum-12.md').number).toBe(12);
  // A capture's WARC sits beside its version's file.
  expect(warcFileOf('2025/10/28-izmir.md')).toBe('2025/10/28-izmir.warc.gz');
  expect(warcFileOf('2025/10/28-izmir/surum-2.md')).toBe('2025/10/28-izmir/surum-2.warc.gz');
  // Version 1 is the article's own file, and numbers are written plainly: these are no version files.
  expect(versionOfFile('2025/10/28-izmir/surum-1.md')).toEqual({
    articleFile: '2025/10/28-izmir/surum-1.md',
    number: 1,
  });
  expect(versionOfFile('2025/10/28-izmir/surum-02.md').number).toBe(1);
});

test('each version has its own address, Markdown copy and diff pages under the permalink', () => {
  expect(versionPath('/2025/10/28/izmir/', 2)).toBe('/2025/10/28/izmir/surum/2/');
  expect(versionMarkdownPath('/2025/10/28/izmir/', 2)).toBe('/2025/10/28/izmir/surum/2.md');
  expect(versionWarcPath('/2025/10/28/izmir/', 1)).toBe('/2025/10/28/izmir/surum/1.warc.gz');
  expect(diffPath('/2025/10/28/izmir/', 1, 3)).toBe('/2025/10/28/izmir/fark/1-3/');
  expect(diffPairs(1)).toEqual([]);
  expect(diffPairs(2)).toEqual([[1, 2]]);
  expect(diffPairs(3)).toEqual([
    [1, 2],
    [2, 3],
    [1, 3],
  ]);
});

describe('chains of versions', () => {
  test('are put in order whatever order the files come in', () => {
    const chains = versionChains([
      { file: 'a/surum-3.md', data: data({ archivedAt: '2026-12-02' }) },
      { file: 'a.md', data: data() },
      { file: 'b.md', data: data({ source: { name: 'X', url: 'https://ornek.example/haber/2' } }) },
      { file: 'a/surum-2.md', data: data({ archivedAt: '2026-12-01' }) },
    ]);
    expect(chains.map((chain) => chain.map((version) => version.file))).toEqual([
      ['a.md', 'a/surum-2.md', 'a/surum-3.md'],
      ['b.md'],
    ]);
  });

  test.each([
    [
      'a version without its article',
      [{ file: 'a/surum-2.md', data: data() }],
      /a\/surum-2\.md is a version of a\.md, which does not exist/,
    ],
    [
      'a gap in the numbers',
      [
        { file: 'a.md', data: data() },
        { file: 'a/surum-3.md', data: data() },
      ],
      /a\/surum-2\.md is missing/,
    ],
    [
      'a version of another original',
      [
        { file: 'a.md', data: data() },
        {
          file: 'a/surum-2.md',
          data: data({ source: { name: 'X', url: 'https://ornek.example/haber/9' } }),
        },
      ],
      /a\/surum-2\.md archives https:\/\/ornek\.example\/haber\/9, not https:\/\/ornek\.example\/haber\/1/,
    ],
    [
      'a version with no capture day',
      [
        { file: 'a.md', data: data() },
        { file: 'a/surum-2.md', data: data({ archivedAt: undefined }) },
      ],
      /a\/surum-2\.md has no archivedAt/,
    ],
    [
      'a version that sets tags or a slug',
      [
        { file: 'a.md', data: data() },
        { file: 'a/surum-2.md', data: data({ tags: ['Rusya'], slug: 'baska' }) },
      ],
      /a\/surum-2\.md sets slug, tags: only the article's own file, a\.md, may/,
    ],
  ])('refuse %s, naming the file', (_, files, message) => {
    expect(() => versionChains(files)).toThrow(message);
  });
});
