import { PAGE_SEGMENT } from './urls.ts';

/** Articles on one page of any list: enough to browse, few enough that 10,000 articles stay light. */
const PAGE_SIZE = 20;

export interface ListPage<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly number: number;
  readonly count: number;
  readonly url: string;
  readonly previous?: string;
  readonly next?: string;
}

/** The address of page `number` of the list at `base` (`/etiket/rusya/`): the base itself, then `sayfa/2/` … */
function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}${PAGE_SEGMENT}/${number}/`;
}

/** Cuts a list into pages; an empty list still has one, empty, page. */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return {
      items: items.slice(index * size, number * size),
      number,
      count,
      url: pageUrl(base, number),
      ...(number > 1 ? { previous: pageUrl(base, number - 1) } : {}),
      ...(number < count ? { next: pageUrl(base, number + 1) } : {}),
    };
  });
}

/** The route parameter of a page: none for the first, `sayfa/N` after it. */
export function pageParameter(number: number): string | undefined {
  return number === 1 ? undefined : `${PAGE_SEGMENT}/${number}`;
}
