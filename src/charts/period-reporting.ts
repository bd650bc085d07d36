/** A period's reporting by cluster/block: units stacked by đúng hạn, trễ hạn, quá hạn chưa gửi, chưa đến hạn. */
import type { TopLevelSpec } from 'vega-lite';
import { formatVnDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import type { PeriodReportState } from '../domain/model.ts';
import { PERIOD_REPORT_STATES } from '../util/vocabulary.ts';
import type { PeriodReportingFigures } from './figures.ts';
import { stackedBarsSpec } from './stacked-bars.ts';
import { COLOURS } from './style.ts';

const COLOUR: Record<PeriodReportState, string> = {
  on_time: COLOURS.navy,
  late: COLOURS.blue,
  overdue: COLOURS.orange,
  not_due: COLOURS.white,
};

export function periodReportingSpec(figures: PeriodReportingFigures, t: Translate): TopLevelSpec {
  return stackedBarsSpec({
    title: t('chart-period-title', { period: figures.period }),
    subtitle: t('chart-period-subtitle', { due: formatVnDate(figures.dueOn), date: formatVnDate(figures.asOf) }),
    rowTitle: t('chart-group'),
    countTitle: t('chart-units'),
    legendTitle: t('chart-period-legend'),
    categories: PERIOD_REPORT_STATES.map((state) => ({ label: t('chart-period-state', { state }), colour: COLOUR[state] })),
    rows: figures.groups.map((g) => ({ label: g.label ?? t('chart-no-group'), counts: PERIOD_REPORT_STATES.map((s) => g[s]) })),
  });
}
