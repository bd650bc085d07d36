/**
 * Registration toward the deadline: units sending each day as bars (left axis), the running total
 * as a line read against all the units taking part (right axis, up to their number, marked), and
 * the deadline as a dashed vertical line. Every day from the first drawn to the later of the
 * deadline and the last sending has a bar, zero included, so the days read evenly (a look in
 * December does not stretch the picture over the months since).
 */
import type { TopLevelSpec } from 'vega-lite';
import { addDays, formatVnDate, formatVnNumber, type IsoDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import type { RegistrationTimelineFigures } from './figures.ts';
import { CONFIG, COLOURS, COUNT_FORMAT, WIDTH } from './style.ts';

export const TIMELINE_HEIGHT = 480;
/** At most this many day labels under the axis, evenly spaced (the deadline's always among them). */
const DAY_LABELS = 12;

/** One day as the spec carries it: "dd/mm", the units sending that day, and the total so far. */
export interface TimelineDay {
  day: string;
  sent: number;
  total: number;
}

export function timelineDays(figures: RegistrationTimelineFigures): { days: TimelineDay[]; deadline: string } {
  const sent = new Map<IsoDate, number>();
  for (const d of figures.sentByDay) sent.set(d.day, (sent.get(d.day) ?? 0) + d.units);
  const listed = [...sent.keys()].sort();
  const first = [figures.opensOn ?? listed[0] ?? figures.deadline, figures.deadline].sort()[0]!;
  const last = [listed.at(-1) ?? first, figures.deadline].sort().at(-1)!;
  // A day's label needs its year only when the days drawn span two years.
  const label = first.slice(0, 4) === last.slice(0, 4) ? (d: IsoDate) => formatVnDate(d).slice(0, 5) : formatVnDate;
  const days: TimelineDay[] = [];
  let total = 0;
  // Sendings before the first day drawn are counted in the first day's total.
  for (const [day, units] of sent) if (day < first) total += units;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const units = sent.get(day) ?? 0;
    total += units;
    days.push({ day: label(day), sent: units, total });
  }
  return { days, deadline: label(figures.deadline) };
}

export function registrationTimelineSpec(figures: RegistrationTimelineFigures, t: Translate): TopLevelSpec {
  const { days, deadline } = timelineDays(figures);
  const every = Math.max(1, Math.ceil(days.length / DAY_LABELS));
  const deadlineIndex = days.findIndex((d) => d.day === deadline);
  const labelled = days.filter((_, i) => (i - deadlineIndex) % every === 0).map((d) => d.day);
  const sentTotal = days.at(-1)?.total ?? 0;
  // The deadline's label sits before its line, or after it when the line is near the left edge.
  const labelBefore = deadlineIndex > days.length / 3;
  const x = {
    field: 'day',
    type: 'ordinal',
    title: t('chart-registration-day'),
    sort: null,
    scale: { domain: days.map((d) => d.day), paddingInner: 0.15 },
    axis: { values: labelled, labelAngle: 0, title: null },
  } as const;
  const cumulativeScale = { domain: [0, Math.max(figures.units, sentTotal, 1)], nice: false };
  return {
    config: CONFIG,
    width: WIDTH,
    height: TIMELINE_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    title: {
      text: t('chart-registration-title', { movement: figures.movement }),
      subtitle: t('chart-registration-subtitle', {
        sent: formatVnNumber(sentTotal),
        units: formatVnNumber(figures.units),
        deadline: formatVnDate(figures.deadline),
        date: formatVnDate(figures.asOf),
      }),
    },
    data: { values: days },
    resolve: { scale: { y: 'independent' } },
    layer: [
      {
        mark: { type: 'bar', color: COLOURS.pale },
        encoding: {
          x,
          y: {
            field: 'sent',
            type: 'quantitative',
            title: t('chart-registration-per-day'),
            // Headroom above the tallest bar for the labels along the top.
            scale: { domainMax: Math.ceil(Math.max(1, ...days.map((d) => d.sent)) * 1.15) },
            axis: { format: COUNT_FORMAT, tickMinStep: 1, orient: 'left' },
          },
        },
      },
      {
        layer: [
          {
            mark: { type: 'line', color: COLOURS.navy, strokeWidth: 2.5 },
            encoding: {
              x,
              y: {
                field: 'total',
                type: 'quantitative',
                title: t('chart-registration-cumulative'),
                scale: cumulativeScale,
                axis: { format: COUNT_FORMAT, tickMinStep: 1, orient: 'right', grid: false },
              },
            },
          },
          {
            // All the units taking part: where the line would end if every one sent.
            data: { values: [{ units: figures.units, label: t('chart-registration-all-units', { units: formatVnNumber(figures.units) }) }] },
            layer: [
              { mark: { type: 'rule', color: '#000', strokeDash: [2, 3] }, encoding: { y: { field: 'units', type: 'quantitative', scale: cumulativeScale } } },
              {
                mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, x: 4, fontSize: 11, color: '#000' },
                encoding: { y: { field: 'units', type: 'quantitative', scale: cumulativeScale }, text: { field: 'label' } },
              },
            ],
          },
        ],
      },
      {
        data: { values: [{ day: deadline, label: t('chart-registration-deadline', { deadline: formatVnDate(figures.deadline) }) }] },
        layer: [
          { mark: { type: 'rule', color: '#000', strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { x: { ...x, bandPosition: 0.5 } } },
          {
            mark: { type: 'text', align: labelBefore ? 'right' : 'left', baseline: 'top', dx: labelBefore ? -4 : 4, y: 6, fontSize: 12, fontWeight: 'bold', color: '#000' },
            encoding: { x: { ...x, bandPosition: 0.5 }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}
