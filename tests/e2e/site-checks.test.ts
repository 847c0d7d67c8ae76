import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { articleSchema, permalink } from '../../src/lib/article.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { brokenReferences, htmlProblems } from '../support/checks.ts';
import { containsWords, htmlFiles, pagefindRecords, wordsOf, type PagefindRecord } from '../support/dist.ts';
import { projectRoot } from '../support/site.ts';

/** Checks over the whole built archive, every file of it, not a sample. */
const dist = inject('archiveDir');

interface SourceArticle {
  file: string;
  permalink: string;
  data: ReturnType<typeof articleSchema.parse>;
  bodyWords: string[];
}

let articles: SourceArticle[];
let pages: string[];
let records: PagefindRecord[];

beforeAll(async () => {
  const files = await Array.fromAsync(glob('content/articles/**/*.md', { cwd: projectRoot }));
  articles = await Promise.all(
    files.map(async (file) => {
      const { frontmatter, content } = parseFrontmatter(await readFile(join(projectRoot, file), 'utf8'));
      const data = articleSchema.parse(frontmatter);
      return { file, data, permalink: permalink(data), bodyWords: wordsOf(toString(fromMarkdown(content))) };
    }),
  );
  pages = await htmlFiles(dist);
  records = await pagefindRecords(dist);
});

describe('content integrity', () => {
  test('every article file becomes exactly one page and one search record', () => {
    const articlePages = pages.filter((page) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(page));
    expect(articlePages.map((page) => `/${page.replace(/index\.html$/, '')}`).sort()).toEqual(articles.map((a) => a.permalink).sort());
    expect(records.map((record) => record.url).sort()).toEqual(articles.map((a) => a.permalink).sort());
  });

  test('every article body stands word for word in its page and in its search record', async () => {
    for (const article of articles) {
      const tree = fromHtml(await readFile(join(dist, article.permalink, 'index.html'), 'utf8'));
      const pageWords = wordsOf(toText(select('.article-body', tree)!));
      expect(pageWords, article.file).toEqual(article.bodyWords);
      const record = records.find((candidate) => candidate.url === article.permalink)!;
      expect(containsWords(wordsOf(record.content), article.bodyWords), article.file).toBe(true);
      expect(record.meta.title).toBe(article.data.title);
    }
  });
});

describe('validity', () => {
  test('every HTML file passes html-validate', async () => {
    expect(await htmlProblems(dist)).toEqual([]);
  });

  test('every internal link and asset reference resolves to a file', async () => {
    expect(await brokenReferences(dist)).toEqual([]);
  });

  test('the RSS feed and the sitemaps are well-formed XML; the sitemap lists every article and the search page, the feed the newest in full', async () => {
    for (const file of ['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
      const xml = await readFile(join(dist, file), 'utf8');
      expect(() => SyntaxValidator.validate(xml), file).not.toThrow();
    }
    const sitemap = new XMLParser().parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
    const listed = [sitemap.urlset.url].flat().map((url: { loc: string }) => new URL(url.loc).pathname);
    for (const article of articles) expect(listed).toContain(article.permalink);
    expect(listed).toContain('/ara/');
    expect(listed.filter((path) => /^\/(bul|404)\//.test(path))).toEqual([]);
    const rss = new XMLParser().parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
    const items = [rss.rss.channel.item].flat();
    expect(items).toHaveLength(Math.min(FEED_SIZE, articles.length));
    for (const item of items) {
      const article = articles.find((candidate) => new URL(item.link).pathname === candidate.permalink)!;
      expect(item.title).toBe(article.data.title);
      expect(containsWords(wordsOf(fromHtmlText(item['content:encoded'])), article.bodyWords)).toBe(true);
    }
  });

  test('the JSON Feed parses and carries every listed article in full', async () => {
    const feed = JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(Math.min(FEED_SIZE, articles.length));
    for (const item of feed.items) {
      const article = articles.find((candidate) => new URL(item.url).pathname === candidate.permalink)!;
      expect(item.title).toBe(article.data.title);
      expect(item.external_url).toBe(article.data.source.url);
      expect(containsWords(wordsOf(fromHtmlText(item.content_html)), article.bodyWords)).toBe(true);
    }
  });

  test('every article’s JSON-LD parses and agrees with its front matter', async () => {
    for (const article of articles) {
      const tree = fromHtml(await readFile(join(dist, article.permalink, 'index.html'), 'utf8'));
      const scripts = selectAll('script[type="application/ld+json"]', tree);
      expect(scripts, article.file).toHaveLength(1);
      const data = JSON.parse(toText(scripts[0]!));
      expect(data).toMatchObject({
        '@type': 'NewsArticle',
        headline: article.data.title,
        description: article.data.description,
        datePublished: article.data.publishedAt.iso,
        inLanguage: article.data.lang,
        publisher: { name: article.data.source.name },
        isBasedOn: article.data.source.url,
        keywords: article.data.tags,
      });
      expect(new URL(data.url).pathname).toBe(article.permalink);
    }
  });
});

function fromHtmlText(html: string): string {
  return toText(fromHtml(html, { fragment: true }));
}

describe('headers for static hosts', () => {
  /** `_headers` as Netlify and Cloudflare Pages read it: a path line, then indented `Name: value` lines. */
  async function readHeaders(): Promise<Map<string, Record<string, string>>> {
    const rules = new Map<string, Record<string, string>>();
    let current: Record<string, string> | undefined;
    for (const line of (await readFile(join(dist, '_headers'), 'utf8')).split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (!/^\s/.test(line)) rules.set(line.trim(), (current = {}));
      else if (current) {
        const [name, ...value] = line.trim().split(':');
        current[name!.toLowerCase()] = value.join(':').trim();
      }
    }
    return rules;
  }

  test('every page gets the security headers, and the header policy leaves scripts to the pages’ own policies', async () => {
    const all = (await readHeaders()).get('/*')!;
    expect(all['x-content-type-options']).toBe('nosniff');
    expect(all['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(all['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(all['content-security-policy']).not.toMatch(/script-src|default-src|unsafe/);
  });

  test('hashed assets and the hashed parts of the search index are cached for a year, and exist', async () => {
    const rules = await readHeaders();
    for (const path of ['/_astro/*', '/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*']) {
      expect(rules.get(path)?.['cache-control'], path).toBe('public, max-age=31536000, immutable');
      expect(existsSync(join(dist, path.replace('/*', ''))), path).toBe(true);
    }
  });
});
