import { stringify } from 'csv-stringify/sync';
import { sha256 } from './provenance.ts';

/**
 * The archive as a dataset, for researchers: every version of every article as JSON Lines (one
 * file per publication year, so that a year's file never changes when another year's articles do,
 * and no file grows with the whole archive), and the metadata of every version as one CSV table,
 * described by a Frictionless Data package (https://specs.frictionlessdata.io/data-package/).
 */

/** Where the dataset is published: `veri` is Turkish for data. */
export const DATASET_ROUTE = '/veri/';
export const DATAPACKAGE_FILE = 'datapackage.json';
export const METADATA_FILE = 'surumler.csv';
/** `surumler-2025.jsonl`: the versions of the articles published in 2025 (`sürümler`, versions). */
export const textFileOf = (year: string) => `surumler-${year}.jsonl`;

/**
 * The licence the package states. The texts are the publishers' own, archived as published; the
 * archive grants no licence to them, and says so rather than implying an open one.
 */
export const DATASET_LICENSE = {
  name: 'other-closed',
  title:
    'The archived texts remain their publishers’ copyright; the metadata and hashes are the archive’s',
} as const;

/** One version of an article, as the dataset holds it. */
export interface DatasetVersion {
  /** The article's permanent address. */
  readonly permalink: string;
  readonly version: number;
  /** How many versions the article has. */
  readonly versions: number;
  /** This version's own page, and the Markdown of its captured text. */
  readonly url: string;
  readonly markdownUrl: string;
  readonly previousVersion: string | null;
  readonly nextVersion: string | null;
  readonly title: string;
  readonly description: string;
  /** The body as archived (Markdown). */
  readonly body: string;
  readonly publishedAt: string;
  readonly capturedAt: string | null;
  readonly sourceName: string;
  readonly sourceUrl: string;
  readonly lang: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  /** SHA-256 of the captured text (src/lib/ledger.ts `capturedText`), as entered in the ledger. */
  readonly textSha256: string;
  readonly warcSha256: string | null;
  readonly ledgerSeq: number;
  readonly ledgerHash: string;
  /** The publication year, which file the version is in. */
  readonly year: string;
}

type FieldType = 'string' | 'integer' | 'array';

/** Every column, in order, with its Table Schema type, its description, and how a version fills it. */
const COLUMNS: readonly {
  name: string;
  type: FieldType;
  description: string;
  value: (version: DatasetVersion) => string | number | null | readonly string[];
  /** Left out of the CSV (the text itself). */
  textOnly?: true;
}[] = [
  {
    name: 'permalink',
    type: 'string',
    description: 'The article’s permanent address',
    value: (v) => v.permalink,
  },
  {
    name: 'version',
    type: 'integer',
    description: '1 for the first capture',
    value: (v) => v.version,
  },
  {
    name: 'versions',
    type: 'integer',
    description: 'How many versions the article has',
    value: (v) => v.versions,
  },
  { name: 'url', type: 'string', description: 'This version’s own page', value: (v) => v.url },
  {
    name: 'markdown_url',
    type: 'string',
    description: 'The captured text (title, lede, body) whose SHA-256 is text_sha256',
    value: (v) => v.markdownUrl,
  },
  {
    name: 'previous_version',
    type: 'string',
    description: 'The page of the version before, if any',
    value: (v) => v.previousVersion,
  },
  {
    name: 'next_version',
    type: 'string',
    description: 'The page of the version after, if any',
    value: (v) => v.nextVersion,
  },
  { name: 'title', type: 'string', description: 'The headline as captured', value: (v) => v.title },
  {
    name: 'description',
    type: 'string',
    description: 'The lede as captured',
    value: (v) => v.description,
  },
  {
    name: 'body',
    type: 'string',
    description: 'The text as captured, in Markdown',
    value: (v) => v.body,
    textOnly: true,
  },
  {
    name: 'published_at',
    type: 'string',
    description: 'When the publisher published it: a day, or a date-time with its offset',
    value: (v) => v.publishedAt,
  },
  {
    name: 'captured_at',
    type: 'string',
    description: 'When this version was captured: a day, or a date-time with its offset',
    value: (v) => v.capturedAt,
  },
  { name: 'source_name', type: 'string', description: 'The publisher', value: (v) => v.sourceName },
  {
    name: 'source_url',
    type: 'string',
    description: 'The original address',
    value: (v) => v.sourceUrl,
  },
  { name: 'lang', type: 'string', description: 'BCP 47 language tag', value: (v) => v.lang },
  {
    name: 'authors',
    type: 'array',
    description: 'The people the original names (in the CSV: joined by "; ")',
    value: (v) => v.authors,
  },
  {
    name: 'tags',
    type: 'array',
    description: 'The archive’s tags (in the CSV: joined by "; ")',
    value: (v) => v.tags,
  },
  {
    name: 'text_sha256',
    type: 'string',
    description: 'SHA-256 of the captured text served at markdown_url',
    value: (v) => v.textSha256,
  },
  {
    name: 'warc_sha256',
    type: 'string',
    description: 'SHA-256 of the capture’s WARC file, if one was kept',
    value: (v) => v.warcSha256,
  },
  {
    name: 'ledger_seq',
    type: 'integer',
    description: 'The version’s entry in the ledger',
    value: (v) => v.ledgerSeq,
  },
  {
    name: 'ledger_hash',
    type: 'string',
    description: 'That entry’s hash',
    value: (v) => v.ledgerHash,
  },
];

const CSV_COLUMNS = COLUMNS.filter((column) => !column.textOnly);
/** Names and tags never hold it: one cell stays one cell in every spreadsheet. */
const LIST_SEPARATOR = '; ';

export interface DatasetFile {
  /** The file's name under `DATASET_ROUTE`. */
  readonly name: string;
  readonly text: string;
}

/**
 * The dataset's files: the CSV of every version's metadata, one JSON Lines file a publication
 * year, and the package that describes them, with each file's size and SHA-256. Versions come in
 * ledger order within each file.
 */
export function datasetFiles(
  versions: readonly DatasetVersion[],
  about: { title: string; homepage: string; ledger: string; created: string },
): DatasetFile[] {
  const ordered = [...versions].sort((a, b) => a.ledgerSeq - b.ledgerSeq);
  const csv = stringify(
    ordered.map((version) =>
      CSV_COLUMNS.map((column) => {
        const value = column.value(version);
        return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
      }),
    ),
    { header: true, columns: CSV_COLUMNS.map((column) => column.name), record_delimiter: 'unix' },
  );
  const years = [...new Set(ordered.map((version) => version.year))].sort();
  const files: DatasetFile[] = [
    { name: METADATA_FILE, text: csv },
    ...years.map((year) => ({
      name: textFileOf(year),
      text: ordered
        .filter((version) => version.year === year)
        .map(
          (version) =>
            `${JSON.stringify(Object.fromEntries(COLUMNS.map((column) => [column.name, column.value(version)])))}\n`,
        )
        .join(''),
    })),
  ];
  const fields = (columns: typeof COLUMNS) =>
    columns.map(({ name, type, description }) => ({
      name,
      type: type === 'array' && columns === CSV_COLUMNS ? 'string' : type,
      description,
    }));
  const resource = (file: DatasetFile, format: 'csv' | 'jsonl') => ({
    name: file.name.replace(/\.\w+$/, ''),
    path: file.name,
    format,
    mediatype: format === 'csv' ? 'text/csv' : 'application/jsonl',
    encoding: 'utf-8',
    bytes: Buffer.byteLength(file.text, 'utf8'),
    hash: `sha256:${sha256(file.text)}`,
    ...(format === 'csv'
      ? {
          profile: 'tabular-data-resource',
          dialect: { delimiter: ',', header: true, lineTerminator: '\n', quoteChar: '"' },
          schema: { fields: fields(CSV_COLUMNS), primaryKey: ['permalink', 'version'] },
        }
      : { schema: { fields: fields(COLUMNS), primaryKey: ['permalink', 'version'] } }),
  });
  const datapackage = {
    profile: 'data-package',
    name: 'haber-arsivi',
    title: about.title,
    homepage: about.homepage,
    created: about.created,
    description: `Every version of every archived article, with the SHA-256 of its captured text and its entry in the archive's ledger (${about.ledger}).`,
    licenses: [DATASET_LICENSE],
    resources: [
      resource(files[0]!, 'csv'),
      ...files.slice(1).map((file) => resource(file, 'jsonl')),
    ],
  };
  return [...files, { name: DATAPACKAGE_FILE, text: `${JSON.stringify(datapackage, null, 2)}\n` }];
}
