/**
 * Asking for a chart from a screen (📊 Biểu đồ on /tinhhinh): the chart job draws it after this
 * message, in the asker's scope as it stands then, and sends it as a picture; the answer now says
 * it is being drawn, as an export's does.
 */
import type { ChartAsked, FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';

/** Queues the charts asked for (drawn one after another, sent in that order); returns what to answer now. */
export function requestChart(ctx: FlowContext, ...what: ChartAsked[]): string {
  for (const asked of what) ctx.schedule({ kind: 'chart', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, movementId: ctx.movement!.id, ...asked });
  return ctx.t('chart-started', { charts: what.length });
}

/** The id of the "📊 Biểu đồ" choice on a /tinhhinh screen. */
export const CHART = 'chart';

export const chartChoice = (ctx: FlowContext): Choice => ({ id: CHART, label: ctx.t('st-chart') });

/**
 * The charts of what a /tinhhinh screen shows: registration (no period) is drawn as its status by
 * cluster/block and its sendings toward the deadline; a period as its reporting by cluster/block and
 * its targets by content area. A cluster head's are of their own cluster/block (the job sees to it).
 */
export const chartsOfScreen = (periodId: number | undefined): ChartAsked[] =>
  periodId === undefined
    ? [{ chart: 'group-status' }, { chart: 'registration-timeline' }]
    : [
        { chart: 'period-reporting', periodId },
        { chart: 'target-outcomes', periodId },
      ];
