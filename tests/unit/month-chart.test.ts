import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import { describe, expect, test } from 'vitest';
import { formatTurkishMonth, TURKISH_MONTH_INITIALS } from '../../src/lib/dates.ts';
import {
  barHeight,
  CHART_LAYOUT,
  CHART_WIDTH,
  monthChartSummary,
  monthChartSvg,
  type MonthChartOptions,
} from '../../src/lib/month-chart.ts';

const options = (counts: Record<string, number>): MonthChartOptions => ({
  counts: new Map(Object.entries(counts)),
  monthHref: (month) => `/arsiv/${month.replace('-', '/')}/`,
  yearHref: (year) => `/arsiv/${year}/`,
  monthLabel: (month, count) => `${formatTurkishMonth(`${month}-01`)}: ${count} haber`,
  initials: TURKISH_MONTH_INITIALS,
  labelledBy: 'aylar-grafigi',
});

/** The chart as a browser would parse it inside the page. */
function chart(counts: Record<string, number>) {
  const tree = fromHtml(`<figure>${monthChartSvg(options(counts))}</figure>`, { fragment: true });
  const svg = select('svg', tree)!;
  const months = selectAll('a', svg).filter((link) => select('rect.bar', link));
  return {
    svg,
    months: months.map((link) => ({
      href: String(link.properties.href),
      label: String(link.properties.ariaLabel),
      title: String((select('title', link)!.children[0] as { value: string }).value),
      height: Number(select('rect.bar', link)!.properties.height),
      x: Number(select('rect.bar', link)!.properties.x),
    })),
    years: selectAll('text.year', svg).map((text) => (text.children[0] as { value: string }).value),
    yearLinks: selectAll('a', svg)
      .filter((link) => select('text.year', link))
      .map((link) => String(link.properties.href)),
  };
}

describe('the chart of articles a month', () => {
  test('links each month with articles to its page, named with its count: the text alternative', () => {
    const { months, svg } = chart({ '2025-10': 3, '2025-01': 1, '2024-08': 2 });
    expect(months.map((month) => [month.href, month.label])).toEqual([
      ['/arsiv/2025/01/', 'Ocak 2025: 1 haber'],
      ['/arsiv/2025/10/', 'Ekim 2025: 3 haber'],
      ['/arsiv/2024/08/', 'Ağustos 2024: 2 haber'],
    ]);
    for (const month of months) expect(month.title).toBe(month.label);
    expect(svg.properties.ariaLabelledBy).toEqual(['aylar-grafigi']);
    expect(svg.properties.role).toBe('group');
  });

  test('one row a year, newest first, the years without articles kept as empty rows, linking only the years that have a page', () => {
    const { years, yearLinks, svg } = chart({ '2025-03': 1, '2022-11': 4 });
    expect(years).toEqual(['2025', '2024', '2023', '2022']);
    expect(yearLinks).toEqual(['/arsiv/2025/', '/arsiv/2022/']);
    const height = CHART_LAYOUT.header + 4 * CHART_LAYOUT.row + 1;
    expect(svg.properties.viewBox).toBe(`0 0 ${CHART_WIDTH} ${height}`);
  });

  test('bars stand in their month’s column and grow with the count, the busiest month full height', () => {
    const { months } = chart({ '2025-01': 10, '2025-06': 5, '2025-12': 1 });
    const [january, june, december] = months as [
      (typeof months)[0],
      (typeof months)[0],
      (typeof months)[0],
    ];
    expect(january.height).toBe(CHART_LAYOUT.barArea);
    expect(june.height).toBe(CHART_LAYOUT.barArea / 2);
    expect(december.height).toBe(Math.max(CHART_LAYOUT.minBar, CHART_LAYOUT.barArea / 10));
    expect(june.x - january.x).toBe(5 * CHART_LAYOUT.column);
    expect(december.x - january.x).toBe(11 * CHART_LAYOUT.column);
  });

  test('a month far below the busiest still shows; a month with none has no bar and no link', () => {
    expect(barHeight(1, 10_000)).toBe(CHART_LAYOUT.minBar);
    expect(barHeight(0, 10)).toBe(0);
    expect(chart({ '2025-05': 2, '2025-06': 0 }).months.map((month) => month.href)).toEqual([
      '/arsiv/2025/05/',
    ]);
  });

  test('writes the Turkish month initials above the columns, hidden from screen readers', () => {
    const { svg } = chart({ '2025-05': 2 });
    const header = selectAll('g', svg).find(
      (group) => group.properties.ariaHidden === 'true',
    ) as Element;
    expect(
      selectAll('text', header)
        .map((text) => (text.children[0] as { value: string }).value)
        .join(' '),
    ).toBe('O Ş M N M H T A E E K A');
  });

  test('escapes what it is given: a label comes back as text, never as markup', () => {
    const label = 'Mayıs <script>alert(1)</script>"&';
    const tree = fromHtml(
      monthChartSvg({ ...options({ '2025-05': 2 }), monthLabel: () => label }),
      { fragment: true },
    );
    expect(selectAll('script', tree)).toEqual([]);
    expect(select('a[aria-label]', tree)!.properties.ariaLabel).toBe(label);
    expect((select('title', tree)!.children[0] as { value: string }).value).toBe(label);
  });

  test('an empty archive has an empty chart; a key that is not a month is refused', () => {
    expect(chart({}).years).toEqual([]);
    expect(() => monthChartSvg(options({ '2025-13': 1 }))).toThrow(
      'month-chart: "2025-13" is not a month (YYYY-MM)',
    );
  });

  test('the summary names how many months have articles and the busiest, the latest among equals', () => {
    expect(
      monthChartSummary(
        new Map([
          ['2024-01', 3],
          ['2025-02', 3],
          ['2023-05', 1],
          ['2022-01', 0],
        ]),
      ),
    ).toEqual({
      months: 3,
      busiest: { month: '2025-02', count: 3 },
    });
    expect(monthChartSummary(new Map())).toEqual({ months: 0 });
  });
});
