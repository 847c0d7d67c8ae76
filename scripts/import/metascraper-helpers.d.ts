// @metascraper/helpers ships no types: these are the two helpers metadata.ts uses, as its source defines them.
declare module '@metascraper/helpers' {
  import type { CheerioAPI } from 'cheerio';
  type Rule = (options: {
    htmlDom: CheerioAPI;
    url: string;
  }) => Promise<string | null | undefined> | string | null | undefined;
  export function toRule(
    mapper: (value: unknown, options?: object) => string | undefined,
  ): (read: ($: CheerioAPI, url: string) => unknown) => Rule;
  export function date(value: unknown): string | undefined;
}
