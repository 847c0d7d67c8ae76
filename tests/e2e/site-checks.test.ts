import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { articleSchema, permalink } from '../../src/lib/article.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { versionChains, versionPath } from '../../src/lib/versions.ts';
import { brokenReferences, htmlProblems, xmlProblem } from '../support/checks.ts';
import {
  containsWords,
  htmlFiles,
  pagefindRecords,
  wordsOf,
  type PagefindRecord,
} from '../support/dist.ts';
import { projectRoot } from '../support/site.ts';

/** Checks over the whole built archive, every file of it, not a sample. */
const dist = inject('archiveDir');

interface SourceVersion {
  file: string;
  /** The address that shows this version: its own page, or the permalink of an article that never changed. */
  path: string;
  data: ReturnType<typeof articleSchema.parse>;
  bodyWords: string[];
}

/** An article as the permalink shows it: its latest version, under the first one's address. */
interface SourceArticle extends SourceVersion {
  permalink: string;
  versions: SourceVersion[];
}

let articles: SourceArticle[];
let pages: string[];
let records: PagefindRecord[];

beforeAll(async () => {
  const files = await Array.fromAsync(
    glob('**/*.md', { cwd: join(projectRoot, 'content/articles') }),
  );
  const read = await Promise.all(
    files.map(async (file) => {
      const { frontmatter, content } = parseFrontmatter(
        await readFile(join(projectRoot, 'content/articles', file), 'utf8'),
      );
      return {
        file,
        data: articleSchema.parse(frontmatter),
        bodyWords: wordsOf(toString(fromMarkdown(content))),
      };
    }),
  );
  articles = versionChains(read).map((chain) => {
    const address = permalink(chain[0]!.data);
    const versions = chain.map((version, index) => ({
      ...version,
      path: chain.length > 1 ? versionPath(address, index + 1) : address,
    }));
    return { ...versions.at(-1)!, permalink: address, versions };
  });
  pages = await htmlFiles(dist);
  records = await pagefindRecords(dist);
});

describe('content integrity', () => {
  test('every article (its file and any later versions) becomes exactly one page and one search record', () => {
    const articlePages = pages.filter((page) =>
      /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(page),
    );
    expect(articlePages.map((page) => `/${page.replace(/index\.html$/, '')}`).sort()).toEqual(
      articles.map((a) => a.permalink).sort(),
    );
    expect(records.map((record) => record.url).sort()).toEqual(
      articles.map((a) => a.permalink).sort(),
    );
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
      expect(xmlProblem(xml), file).toBeUndefined();
    }
    const sitemap = new XMLParser().parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
    const listed = [sitemap.urlset.url]
      .flat()
      .map((url: { loc: string }) => new URL(url.loc).pathname);
    for (const article of articles) expect(listed).toContain(article.permalink);
    expect(listed).toContain('/ara/');
    expect(listed.filter((path) => /^\/(bul|404)\//.test(path))).toEqual([]);
    const rss = new XMLParser().parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
    const items = [rss.rss.channel.item].flat();
    expect(items).toHaveLength(Math.min(FEED_SIZE, articles.length));
    for (const item of items) {
      const version = feedVersion(new URL(item.link).pathname);
      expect(item.title).toBe(
        version.path === version.permalink
          ? version.data.title
          : `Güncellendi: ${version.data.title}`,
      );
      expect(containsWords(wordsOf(fromHtmlText(item['content:encoded'])), version.bodyWords)).toBe(
        true,
      );
    }
  });

  test('the JSON Feed parses and carries every listed article in full', async () => {
    const feed = JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(Math.min(FEED_SIZE, articles.length));
    for (const item of feed.items) {
      const version = feedVersion(new URL(item.url).pathname);
      expect(item.title).toBe(
        version.path === version.permalink
          ? version.data.title
          : `Güncellendi: ${version.data.title}`,
      );
      expect(item.external_url).toBe(version.data.source.url);
      expect(containsWords(wordsOf(fromHtmlText(item.content_html)), version.bodyWords)).toBe(true);
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
        datePublished: article.versions[0]!.data.publishedAt.iso,
        inLanguage: article.data.lang,
        publisher: { name: article.data.source.name },
        isBasedOn: article.data.source.url,
        keywords: article.versions[0]!.data.tags,
      });
      expect(new URL(data.url).pathname).toBe(article.permalink);
    }
  });
});

/**
 * The version a feed item carries: an article's publication links its permalink and carries the
 * first version, a change links the later version's own address.
 */
function feedVersion(path: string): SourceVersion & { permalink: string } {
  for (const article of articles) {
    if (path === article.permalink)
      return { ...article.versions[0]!, path, permalink: article.permalink };
    const version = article.versions.find((candidate) => candidate.path === path);
    if (version) return { ...version, permalink: article.permalink };
  }
  throw new Error(`a feed item links ${path}, which is no article's permalink or version`);
}

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
    for (const path of [
      '/_astro/*',
      '/pagefind/tr/2025/fragment/*',
      '/pagefind/tr/2025/index/*',
      '/pagefind/tr/2025/filter/*',
    ]) {
      expect(rules.get(path)?.['cache-control'], path).toBe('public, max-age=31536000, immutable');
      expect(existsSync(join(dist, path.replace('/*', ''))), path).toBe(true);
    }
  });
});
