import type { ArticleData } from './article.ts';
import { formatTurkishDate } from './dates.ts';
import { turkishSlug } from './slug.ts';

/**
 * Ready-made references to an archived article, in Turkish usage: the publisher stands as author
 * (news items rarely name one), dates in words use Turkish month names, and each reference gives
 * the original address and the archive's copy, so a reader can check either.
 */
export interface CitationInput {
  data: ArticleData;
  /** The absolute permalink of the archived copy. */
  copy: string;
  /** The archive's name, as the container of the copy. */
  archive: string;
}

/** APA 7: `Yayımlayan. (2025, 28 Ekim). Başlık. Özgün adres (Arşiv kopyası: …)`. */
export function apa({ data, copy }: CitationInput, archiveCopy: string): string {
  const [year] = data.publishedAt.date.split('-');
  const day = formatTurkishDate(data.publishedAt.date).replace(/ \d{4}$/, '');
  return `${data.source.name}. (${year}, ${day}). ${data.title}. ${data.source.url} (${archiveCopy}: ${copy})`;
}

/** MLA 9: `"Başlık." Yayımlayan, 28 Ekim 2025, özgün adres. Arşiv, kopya.` */
export function mla({ data, copy, archive }: CitationInput): string {
  const title = /[.!?]$/.test(data.title) ? data.title : `${data.title}.`;
  return `“${title}” ${data.source.name}, ${formatTurkishDate(data.publishedAt.date)}, ${data.source.url}. ${archive}, ${copy}.`;
}

const BIBTEX_ESCAPES: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', $: '\\$', _: '\\_' };

/** Characters with a meaning in BibTeX, escaped so that a title can hold them. */
function bibtexText(text: string): string {
  return text.replace(/[\\{}%&#$_]/g, (character) => BIBTEX_ESCAPES[character] ?? character);
}

/** A BibLaTeX `@online` entry; `urldate` is the day the copy was made, when known. */
export function bibtex({ data, copy, archive }: CitationInput): string {
  const [year] = data.publishedAt.date.split('-');
  const key = `${turkishSlug(data.source.name).replace(/-/g, '')}${year}${turkishSlug(data.title).split('-')[0] ?? ''}`;
  const fields: [string, string][] = [
    ['title', `{${bibtexText(data.title)}}`],
    ['organization', `{${bibtexText(data.source.name)}}`],
    ['date', `{${data.publishedAt.date}}`],
    ['url', `{${data.source.url}}`],
    ...(data.archivedAt ? ([['urldate', `{${data.archivedAt.date}}`]] as [string, string][]) : []),
    ['note', `{${bibtexText(archive)}: \\url{${copy}}}`],
    ['langid', `{${data.lang === 'tr' ? 'turkish' : data.lang}}`],
  ];
  return `@online{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}`;
}
