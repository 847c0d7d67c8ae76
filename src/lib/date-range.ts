// Light parts of date-fns only (parseISO, lightFormat): this runs in the search page too.
import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { endOfMonth } from 'date-fns/endOfMonth';
import { isValid } from 'date-fns/isValid';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';

/**
 * A search's period of publication. Its ends are written as the reader (or a year or month page)
 * gave them, a day (`2025-10-28`) or a month (`2025-10`), and either may be open.
 */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

const DAY_FORMAT = 'yyyy-MM-dd';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Whether `value` is a real day or month as the URL carries it (not `2025-02-30`, not `2025-13`). */
export function isPeriodBound(value: string): boolean {
  return (DAY.test(value) || MONTH.test(value)) && isValid(parseISO(value));
}

/** The day a bound stands for: a month's first day as a start, its last as an end. */
function boundDay(value: string, end: 'from' | 'to'): string {
  if (DAY.test(value)) return value;
  const month = parseISO(value);
  return lightFormat(end === 'from' ? month : endOfMonth(month), DAY_FORMAT);
}

/** The period as days, both included; ends given the wrong way round are taken the right way. */
export function periodDays(period: Period): Period {
  const from = period.from ? boundDay(period.from, 'from') : undefined;
  const to = period.to ? boundDay(period.to, 'to') : undefined;
  return from && to && from > to
    ? { from: boundDay(period.to!, 'from'), to: boundDay(period.from!, 'to') }
    : { from, to };
}

export function hasPeriod(period: Period): boolean {
  return Boolean(period.from || period.to);
}

/**
 * What a search needs to know of a period, given the years the archive has articles in: the years
 * it touches (whose search bundles alone are asked), and each day of it within those years (the
 * values of the `day` filter every article carries). Open ends stop at the archive's own years,
 * so the list of days stays as long as the archive's span at most.
 */
export function periodInYears(
  period: Period,
  years: readonly string[],
): { years: string[]; days: string[] } {
  const { from, to } = periodDays(period);
  const touched = years
    .filter((year) => (!from || `${year}-12-31` >= from) && (!to || `${year}-01-01` <= to))
    .sort();
  const days = touched.flatMap((year) => {
    const start = from && from > `${year}-01-01` ? from : `${year}-01-01`;
    const end = to && to < `${year}-12-31` ? to : `${year}-12-31`;
    return eachDayOfInterval({ start: parseISO(start), end: parseISO(end) }).map((day) =>
      lightFormat(day, DAY_FORMAT),
    );
  });
  return { years: touched, days };
}
