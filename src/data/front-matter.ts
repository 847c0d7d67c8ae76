import { createHash } from 'node:crypto';
// The front-matter reader Astro's own Markdown uses, without loading the whole Markdown pipeline.
import { parseFrontmatter } from 'astro/markdown';

/**
 * Each article file's front matter, parsed once a build. The configuration reads every article
 * before Astro does (redirects and problems: src/integrations/article-index.ts); Astro's content
 * layer then reads each file again (src/data/archive-loader.ts), and the pages read each body from
 * its file (src/data/article-text.ts). Vite loads the configuration, the content configuration
 * and the pages as separate module graphs of one process, so a module's own variables are not
 * shared between them: what was parsed is kept on `globalThis`, keyed by a digest of the file's
 * text, so that a file changed in between (or read otherwise, with its byte order mark) is parsed
 * anew rather than misread. Were they ever run in separate processes, each would parse for itself.
 */
interface Parsed {
  /** The fields, until Astro's loader has taken them; then only where the body starts is kept. */
  data?: Record<string, unknown>;
  rawData?: string;
  /** Where the body starts in the text: after the front matter and the white space around it. */
  bodyStart: number;
}

const REGISTRY = Symbol.for('haber-arsivi.front-matter');
const registry: Map<string, Parsed> = ((globalThis as { [REGISTRY]?: Map<string, Parsed> })[
  REGISTRY
] ??= new Map());

const digest = (text: string) => createHash('sha256').update(text).digest('base64');

/** Leading white space, which Astro trims off a body (a byte order mark counts as white space). */
const leadingSpace = (text: string) => text.length - text.trimStart().length;

/** The file's front matter and body, as `parseFrontmatter` reads them, kept for the readers after this one. */
export function readFrontMatter(text: string): ReturnType<typeof parseFrontmatter> {
  const parsed = parseFrontmatter(text);
  // `content` is the text without the front matter's block: the block's length, then the body.
  const bodyStart = text.length - parsed.content.length + leadingSpace(parsed.content);
  registry.set(digest(text), {
    data: parsed.frontmatter,
    rawData: parsed.rawFrontmatter,
    bodyStart,
  });
  return parsed;
}

/**
 * What Astro's Markdown reader would make of `text` (its `getEntryInfo`: the fields and the body,
 * trimmed), if `readFrontMatter` has read the same text; undefined otherwise. Given once: the
 * fields are then let go, as the content store holds them.
 */
export function recallFrontMatter(
  text: string,
): { data: Record<string, unknown>; body: string; slug: unknown; rawData: string } | undefined {
  const key = digest(text);
  const parsed = registry.get(key);
  if (!parsed?.data) return undefined;
  registry.set(key, { bodyStart: parsed.bodyStart });
  return {
    data: parsed.data,
    body: text.slice(parsed.bodyStart).trimEnd(),
    slug: parsed.data.slug,
    rawData: parsed.rawData ?? '',
  };
}

/** The body of an article file's text, trimmed, as Astro's Markdown reader gives it. */
export function bodyOfText(text: string): string {
  const parsed = registry.get(digest(text));
  if (parsed) return text.slice(parsed.bodyStart).trimEnd();
  return parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();
}
