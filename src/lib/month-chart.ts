import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';

/**
 * The home page's chart of articles a month, drawn at build time as SVG: one row a year (newest
 * first), twelve columns, a bar's height the month's share of the busiest month's count. Every
 * month with articles is a link to its page, named with its count (the chart's text
 * alternative); the years with articles link to theirs. Nothing runs in the page and no chart library is sent:
 * a bar chart of at most a few hundred rectangles is a few lines of arithmetic, and hastscript
 * writes (and escapes) the markup.
 */

/** User units; the stylesheet scales the chart to its column. */
export const CHART_LAYOUT = {
  label: 48,
  column: 28,
  bar: 18,
  header: 16,
  row: 32,
  /** The tallest bar: the row less a gap between years. */
  barArea: 26,
  /** A month with few articles against a busy one still shows. */
  minBar: 2,
} as const;

export const CHART_WIDTH = CHART_LAYOUT.label + 12 * CHART_LAYOUT.column;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthChartOptions {
  /** Articles a month, by `YYYY-MM`; a month that is missing had none. */
  counts: ReadonlyMap<string, number>;
  /** The link of a month's page and of a year's. */
  monthHref(month: string): string;
  yearHref(year: string): string;
  /** A month's name with its count, for its link: `Ekim 2025: 3 haber`. */
  monthLabel(month: string, count: number): string;
  /** The twelve months' initials, January first, written above the columns. */
  initials: readonly string[];
  /** The id of the element that names the chart (its caption). */
  labelledBy: string;
}

/** The months with articles, newest first, checked: a key that is not `YYYY-MM` is a bug of the caller. */
function monthsOf(counts: ReadonlyMap<string, number>): [string, number][] {
  const months = [...counts].filter(([, count]) => count > 0);
  for (const [month, count] of months) {
    if (!MONTH.test(month)) throw new Error(`month-chart: "${month}" is not a month (YYYY-MM)`);
    if (!Number.isInteger(count))
      throw new Error(`month-chart: ${month} has ${count} articles, not a whole number`);
  }
  return months.sort(([a], [b]) => b.localeCompare(a));
}

/** The busiest month and how many months have articles, for the chart's caption. */
export function monthChartSummary(counts: ReadonlyMap<string, number>): {
  months: number;
  busiest?: { month: string; count: number };
} {
  const months = monthsOf(counts);
  // The first of the busiest months, newest first: the busiest lately.
  const busiest = months.reduce<[string, number] | undefined>(
    (best, month) => (best && best[1] >= month[1] ? best : month),
    undefined,
  );
  return {
    months: months.length,
    ...(busiest ? { busiest: { month: busiest[0], count: busiest[1] } } : {}),
  };
}

/** Bar height in user units: proportional to the busiest month, never invisible. */
export function barHeight(count: number, busiest: number): number {
  if (count <= 0) return 0;
  const height = (count / busiest) * CHART_LAYOUT.barArea;
  return Math.max(CHART_LAYOUT.minBar, Math.round(height * 10) / 10);
}

/** The chart as a hast tree: an `<svg>` of year rows, empty when there are no articles. */
export function monthChart(options: MonthChartOptions): Element {
  const { label, column, bar, header, row, barArea } = CHART_LAYOUT;
  const months = monthsOf(options.counts);
  if (options.initials.length !== 12)
    throw new Error(`month-chart: ${options.initials.length} month initials, not 12`);
  const busiest = Math.max(0, ...months.map(([, count]) => count));
  const newest = Number(months[0]?.[0].slice(0, 4));
  const oldest = Number(months.at(-1)?.[0].slice(0, 4));
  const years =
    months.length === 0
      ? []
      : Array.from({ length: newest - oldest + 1 }, (_, index) => String(newest - index));
  const height = header + years.length * row + 1;

  const initials = s(
    'g',
    { ariaHidden: 'true' },
    options.initials.map((initial, index) =>
      s(
        'text',
        { x: label + index * column + column / 2, y: header - 4, textAnchor: 'middle' },
        initial,
      ),
    ),
  );

  const rows = years.map((year, rowIndex) => {
    const top = header + rowIndex * row;
    const baseline = top + barArea;
    const cells = Array.from({ length: 12 }, (_, index) => {
      const month = `${year}-${String(index + 1).padStart(2, '0')}`;
      const count = options.counts.get(month) ?? 0;
      const x = label + index * column;
      const barX = x + (column - bar) / 2;
      if (count <= 0) return undefined;
      const barTall = barHeight(count, busiest);
      const name = options.monthLabel(month, count);
      return s('a', { href: options.monthHref(month), ariaLabel: name }, [
        s('title', name),
        // The whole cell answers the pointer, not only the bar: a finger's target.
        s('rect', { class: 'hit', x, y: top, width: column, height: row }),
        s('rect', { class: 'bar', x: barX, y: baseline - barTall, width: bar, height: barTall }),
      ]);
    });
    const yearText = s('text', { class: 'year', x: 0, y: baseline - 4 }, year);
    return s('g', [
      // A year without articles has no page to lead to.
      cells.some((cell) => cell !== undefined)
        ? s('a', { href: options.yearHref(year) }, [yearText])
        : yearText,
      // The year's axis: a month without articles is the gap on it.
      s('rect', { class: 'axis', x: label, y: baseline, width: 12 * column, height: 1 }),
      ...cells.filter((cell) => cell !== undefined),
    ]);
  });

  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${CHART_WIDTH} ${height}`,
      width: CHART_WIDTH,
      height,
      role: 'group',
      ariaLabelledBy: options.labelledBy,
    },
    [initials, ...rows],
  );
}

/** The chart as markup, to be written into the page. */
export function monthChartSvg(options: MonthChartOptions): string {
  return toHtml(monthChart(options), { space: 'svg' });
}
