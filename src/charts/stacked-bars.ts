/**
 * The one shape three charts share: a horizontal bar a row (a cluster or block, a content area),
 * split into categories stacked in a fixed order, with the legend in that order and a count at the
 * end of each bar. The data keeps every figure given, zeros too (the spec is what the tests read
 * back); zero segments are filtered out of the drawing only.
 */
import type { TopLevelSpec } from 'vega-lite';
import { barChartHeight, CONFIG, COUNT_FORMAT, WIDTH } from './style.ts';

export interface StackedBars {
  title: string;
  subtitle: string;
  /** The row's name as read aloud in each bar's description (never drawn: the axis shows the rows). */
  rowTitle: string;
  /** What the bars count ("Số đơn vị"). */
  countTitle: string;
  legendTitle: string;
  /** Categories in stacking order, with their colour. */
  categories: readonly { label: string; colour: string }[];
  /** One row a bar: its label and its count in each category, in the categories' order. */
  rows: readonly { label: string; counts: readonly number[] }[];
}

/** One datum a row and category, as the spec carries it. */
export interface StackedDatum {
  row: string;
  category: string;
  count: number;
}

/** Labels made distinct ("Cụm 1", "Cụm 1 (2)"): two rows of one name would otherwise be drawn as one bar. */
function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

export function stackedBarsSpec(chart: StackedBars): TopLevelSpec {
  const rowOrder = distinctLabels(chart.rows.map((r) => r.label));
  const values: StackedDatum[] = chart.rows.flatMap((row, r) =>
    chart.categories.map((category, i) => ({ row: rowOrder[r]!, category: category.label, count: row.counts[i] ?? 0 })),
  );
  // Room past the longest bar for its total.
  const longest = Math.max(1, ...chart.rows.map((r) => r.counts.reduce((a, b) => a + b, 0)));
  const y = { field: 'row', type: 'nominal', title: chart.rowTitle, sort: rowOrder, axis: { title: null, labelLimit: 260, labelFontSize: 12 } } as const;
  return {
    config: CONFIG,
    width: WIDTH,
    height: barChartHeight(chart.rows.length),
    autosize: { type: 'fit', contains: 'padding' },
    title: { text: chart.title, subtitle: chart.subtitle },
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'count', type: 'quantitative', stack: 'zero', title: chart.countTitle, scale: { domainMax: longest * 1.08 }, axis: { format: COUNT_FORMAT, tickMinStep: 1 } },
          color: {
            field: 'category',
            type: 'nominal',
            // The stack and the legend follow this order.
            sort: chart.categories.map((c) => c.label),
            title: chart.legendTitle,
            scale: { domain: chart.categories.map((c) => c.label), range: chart.categories.map((c) => c.colour) },
            legend: { title: chart.legendTitle },
          },
        },
      },
      {
        // The bar's total just past its end.
        transform: [{ aggregate: [{ op: 'sum', field: 'count', as: 'total' }], groupby: ['row'] }],
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#000' },
        encoding: {
          y,
          x: { field: 'total', type: 'quantitative' },
          text: { field: 'total', type: 'quantitative', format: COUNT_FORMAT },
        },
      },
    ],
  };
}
