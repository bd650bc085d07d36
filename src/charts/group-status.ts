/** Registration by cluster/block: units stacked by status (đã duyệt … chưa đăng ký). */
import type { TopLevelSpec } from 'vega-lite';
import { formatVnDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { STANDINGS, type GroupStatusFigures, type UnitStandingShown } from './figures.ts';
import { stackedBarsSpec } from './stacked-bars.ts';
import { COLOURS } from './style.ts';

const COLOUR: Record<UnitStandingShown, string> = {
  approved: COLOURS.navy,
  submitted: COLOURS.blue,
  returned: COLOURS.orange,
  draft: COLOURS.pale,
  none: COLOURS.white,
};

export function groupStatusSpec(figures: GroupStatusFigures, t: Translate): TopLevelSpec {
  return stackedBarsSpec({
    title: t('chart-status-title', { movement: figures.movement }),
    subtitle: t('chart-as-of', { date: formatVnDate(figures.asOf) }),
    rowTitle: t('chart-group'),
    countTitle: t('chart-units'),
    legendTitle: t('chart-status-legend'),
    categories: STANDINGS.map((status) => ({ label: t('registration-status', { status }), colour: COLOUR[status] })),
    rows: figures.groups.map((g) => ({ label: g.label ?? t('chart-no-group'), counts: STANDINGS.map((s) => g[s]) })),
  });
}
