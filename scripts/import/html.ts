import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { ArticleDraft } from '../../src/lib/capture.ts';

type Json = Record<string, unknown>;

/** JSON-LD objects of a page, flattening `@graph`s and arrays, skipping blocks that do not parse. */
function jsonLd(document: Document): Json[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
    try {
      const value = JSON.parse(script.textContent ?? '') as Json | Json[];
      return [value].flat().flatMap((item) => (Array.isArray(item['@graph']) ? (item['@graph'] as Json[]) : [item]));
    } catch {
      return [];
    }
  });
}

const isNewsArticle = (item: Json) => [item['@type']].flat().some((type) => /Article$/.test(String(type)));

/** The address the page was saved from: browsers write it in a comment, SingleFile in its header. */
function savedFrom(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1] ?? /<!--[\s\S]*?\burl:\s*(https?:\/\/\S+)[\s\S]*?-->/i.exec(html)?.[1];
}

const markdown = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_' });

/**
 * A draft from a saved web page: the article body by Mozilla's Readability, as Markdown; title,
 * lede, date, publisher and address from JSON-LD `NewsArticle`, then Open Graph, then the page.
 * Fields it cannot find are left empty, for the caller to ask for.
 */
export function draftFromHtml(html: string): Partial<Omit<ArticleDraft, 'source'>> & { source: Partial<ArticleDraft['source']> } {
  const { document } = parseHTML(html);
  const meta = (name: string) =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;
  const article = jsonLd(document).find(isNewsArticle) ?? {};
  const publisher = article.publisher as Json | undefined;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const url =
    text(article.url) ??
    text((article.mainEntityOfPage as Json | undefined)?.['@id']) ??
    text(article.mainEntityOfPage) ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta('og:url') ??
    savedFrom(html);
  const published =
    text(article.datePublished) ?? meta('article:published_time') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const copy = document.cloneNode(true) as Document;
  // A date standing alone in its paragraph is the page's dateline, which the front matter carries.
  for (const time of copy.querySelectorAll('time')) {
    if (time.parentElement?.textContent?.trim() === time.textContent?.trim()) time.parentElement?.remove();
  }
  const readable = new Readability(copy).parse();
  const body = readable?.content ? String(markdown.processSync(readable.content)).trim() : undefined;
  const result = {
    title: text(article.headline) ?? meta('og:title') ?? readable?.title ?? undefined,
    description: text(article.description) ?? meta('og:description') ?? meta('description') ?? readable?.excerpt ?? undefined,
    publishedAt: published ? normaliseDate(published) : undefined,
    source: { name: text(publisher?.name) ?? meta('og:site_name') ?? readable?.siteName ?? undefined, url: url ?? undefined },
    body,
  };
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as ReturnType<typeof draftFromHtml>;
}

/** A date as the schema takes it: the day alone, or the full date-time when it carries its offset. */
function normaliseDate(value: string): string {
  return /T.*(Z|[+-]\d{2}:\d{2})$/.test(value) ? value.replace(/\.\d+(?=Z|[+-])/, '') : value.slice(0, 10);
}
