/** Targets by content area: counts stacked by outcome (vượt, đạt, đang thực hiện, không đạt, chưa báo cáo). */
import type { TopLevelSpec } from 'vega-lite';
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { OUTCOME_COUNT, OUTCOMES, type Outcome, type TargetOutcomeFigures } from './figures.ts';
import { stackedBarsSpec } from './stacked-bars.ts';
import { COLOURS } from './style.ts';

const COLOUR: Record<Outcome, string> = {
  exceeded: COLOURS.navy,
  met: COLOURS.blue,
  in_progress: COLOURS.pale,
  not_met: COLOURS.orange,
  not_reported: COLOURS.white,
};

export function targetOutcomesSpec(figures: TargetOutcomeFigures, t: Translate): TopLevelSpec {
  return stackedBarsSpec({
    title: t('chart-outcome-title', { period: figures.period ?? 'none' }),
    subtitle: t('chart-outcome-subtitle', { units: formatVnNumber(figures.units), date: formatVnDate(figures.asOf) }),
    rowTitle: t('chart-area'),
    countTitle: t('chart-targets'),
    legendTitle: t('chart-outcome-legend'),
    categories: OUTCOMES.map((outcome) => ({ label: t('chart-outcome', { outcome }), colour: COLOUR[outcome] })),
    rows: figures.areas.map((a) => ({ label: a.label, counts: OUTCOMES.map((o) => a[OUTCOME_COUNT[o]]) })),
  });
}
