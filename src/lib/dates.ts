// Subpath imports: the package's index loads hundreds of modules, seconds for a command-line tool.
import { format } from 'date-fns/format';
import { tr } from 'date-fns/locale/tr';

/**
 * When an article was published, as its publisher wrote it.
 * `date` is the calendar day in the publisher's own offset, so that a piece
 * published at 00:30+03:00 is filed under its Turkish day, not the UTC one.
 */
export interface PublishedAt {
  /** `YYYY-MM-DD`: the day the permalink and the dateline show. */
  readonly date: string;
  /** The value for `<time datetime>`: the date, or the full date-time with its offset. */
  readonly iso: string;
  /** Milliseconds since the epoch, for ordering. */
  readonly timestamp: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function isCalendarDate(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return (
    utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day
  );
}

/**
 * Reads `YYYY-MM-DD` or an ISO 8601 date-time with an offset
 * (`2025-10-28T14:05:00+03:00`). Returns `undefined` for anything else,
 * including impossible days such as `2025-02-30` and date-times without an offset,
 * whose day would depend on the machine that builds the site.
 */
export function parsePublishedAt(value: string): PublishedAt | undefined {
  if (isCalendarDate(value)) {
    return { date: value, iso: value, timestamp: Date.parse(`${value}T00:00:00Z`) };
  }
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match[1]!)) return undefined;
  return { date: match[1]!, iso: value, timestamp: Date.parse(value) };
}

/** The calendar day as a local `Date`, so date-fns formats that day whatever the build machine's zone. */
function calendarDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/** `28 Ekim 2025` */
export function formatTurkishDate(date: string): string {
  return format(calendarDay(date), 'd MMMM yyyy', { locale: tr });
}

/**
 * `28 Ekim 2025, 14:05` for a date-time, `28 Ekim 2025` for a day: the time as written, in its
 * own offset, as the day is. Two captures on one day are told apart by it.
 */
export function formatTurkishDateTime(at: PublishedAt): string {
  const day = formatTurkishDate(at.date);
  return at.iso.length > 10 ? `${day}, ${at.iso.slice(11, 16)}` : day;
}

/** `Ekim 2025` */
export function formatTurkishMonth(date: string): string {
  return format(calendarDay(date), 'LLLL yyyy', { locale: tr });
}

/** The months' initials, January first: `O Ş M N M H T A E E K A`. */
export const TURKISH_MONTH_INITIALS: readonly string[] = Array.from({ length: 12 }, (_, month) =>
  format(new Date(2025, month, 1), 'LLLLL', { locale: tr }),
);
