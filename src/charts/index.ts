/**
 * The charts room: plain figures in, a picture out (SVG and PNG). It knows nothing of messengers or
 * the database: callers gather the counts from the domain and send the PNG as they send a photo.
 */
import type { TopLevelSpec } from 'vega-lite';
import { translator, type Locale } from '../i18n/index.ts';
import { MIN_UNITS, unitsCharted, type ChartKind, type ChartRequest } from './figures.ts';
import { groupStatusSpec } from './group-status.ts';
import { periodReportingSpec } from './period-reporting.ts';
import { registrationTimelineSpec } from './registration-timeline.ts';
import { draw } from './render.ts';
import { targetOutcomesSpec } from './target-outcomes.ts';

export type { ChartKind, ChartRequest } from './figures.ts';

export type Chart =
  | {
      kind: 'chart';
      chart: ChartKind;
      /** The chart's title, e.g. for a photo's caption. */
      title: string;
      /** What was drawn, data included. */
      spec: TopLevelSpec;
      svg: string;
      png: Uint8Array;
      width: number;
      height: number;
    }
  /** Fewer than two units: no picture (say it in words instead). */
  | { kind: 'not-enough-data'; chart: ChartKind; units: number };

/** The Vega-Lite spec of a chart, in `locale`'s words. */
export function chartSpec(request: ChartRequest, locale: Locale): TopLevelSpec {
  const t = translator(locale);
  switch (request.chart) {
    case 'registration-timeline':
      return registrationTimelineSpec(request.figures, t);
    case 'group-status':
      return groupStatusSpec(request.figures, t);
    case 'period-reporting':
      return periodReportingSpec(request.figures, t);
    case 'target-outcomes':
      return targetOutcomesSpec(request.figures, t);
  }
}

export async function renderChart(request: ChartRequest, locale: Locale): Promise<Chart> {
  const units = unitsCharted(request);
  if (units < MIN_UNITS) return { kind: 'not-enough-data', chart: request.chart, units };
  const spec = chartSpec(request, locale);
  const drawing = await draw(spec);
  const title = typeof spec.title === 'object' && spec.title !== null && 'text' in spec.title ? String(spec.title.text) : '';
  return { kind: 'chart', chart: request.chart, title, spec, ...drawing };
}
