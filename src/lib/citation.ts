import type { ArticleData } from './article.ts';
import { formatTurkishDate } from './dates.ts';
import { turkishSlug } from './slug.ts';

/**
 * Ready-made references to an archived article, in Turkish usage: the authors the original names,
 * as it spells them, or else the publisher as author (news items often name no one), dates in words use Turkish month names, and each reference gives
 * the original address and the archive's copy, so a reader can check either.
 */
export interface CitationInput {
  data: ArticleData;
  /** The absolute permalink of the archived copy. */
  copy: string;
  /** The archive's name, as the container of the copy. */
  archive: string;
}

/** Names listed as APA writes them: `A`, `A & B`, `A, B & C`. */
function apaNames(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} & ${names.at(-1)}`;
}

/** A sentence's end after a name or title that may already end in one (`N.Y.C.`). */
const closed = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * APA 7: `Yayımlayan. (2025, 28 Ekim). Başlık. Özgün adres (Arşiv kopyası: …)`; with authors,
 * `Yazar & Yazar. (2025, 28 Ekim). Başlık. Yayımlayan. Özgün adres (…)`.
 */
export function apa({ data, copy }: CitationInput, archiveCopy: string): string {
  const [year] = data.publishedAt.date.split('-');
  const day = formatTurkishDate(data.publishedAt.date).replace(/ \d{4}$/, '');
  const who = data.authors.length > 0 ? apaNames(data.authors) : data.source.name;
  const publisher = data.authors.length > 0 ? ` ${closed(data.source.name)}` : '';
  return `${closed(who)} (${year}, ${day}). ${closed(data.title)}${publisher} ${data.source.url} (${archiveCopy}: ${copy})`;
}

/** MLA 9's authors: `A.`, `A, and B.`, `A, et al.` for three or more. */
function mlaNames(names: readonly string[]): string {
  if (names.length === 0) return '';
  const listed =
    names.length === 1
      ? names[0]!
      : names.length === 2
        ? `${names[0]}, and ${names[1]}`
        : `${names[0]}, et al`;
  return `${closed(listed)} `;
}

/** MLA 9: `Yazar. "Başlık." Yayımlayan, 28 Ekim 2025, özgün adres. Arşiv, kopya.` (no author when the original names none). */
export function mla({ data, copy, archive }: CitationInput): string {
  return `${mlaNames(data.authors)}“${closed(data.title)}” ${data.source.name}, ${formatTurkishDate(data.publishedAt.date)}, ${data.source.url}. ${archive}, ${copy}.`;
}

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
};

/** Characters with a meaning in BibTeX, escaped so that a title can hold them. */
function bibtexText(text: string): string {
  return text.replace(/[\\{}%&#$_]/g, (character) => BIBTEX_ESCAPES[character] ?? character);
}

/** A BibLaTeX `@online` entry; `urldate` is the day the copy was made, when known. */
export function bibtex({ data, copy, archive }: CitationInput): string {
  const [year] = data.publishedAt.date.split('-');
  const key = `${turkishSlug(data.source.name).replace(/-/g, '')}${year}${turkishSlug(data.title).split('-')[0] ?? ''}`;
  const fields: [string, string][] = [
    ...(data.authors.length > 0
      ? ([['author', `{${data.authors.map((name) => `{${bibtexText(name)}}`).join(' and ')}}`]] as [
          string,
          string,
        ][])
      : []),
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
