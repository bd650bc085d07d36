/**
 * Asking for a chart from a screen (📊 Biểu đồ on /tinhhinh): the chart job draws it after this
 * message, in the asker's scope as it stands then, and sends it as a picture; the answer now says
 * it is being drawn, as an export's does.
 */
import type { ChartAsked, FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { listGroups } from '../domain/units.ts';

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
 * its targets by content area; a cluster/block's page (`groupCode`) as the same for its units only.
 * A cluster head's are of their own cluster/block whatever is asked (the job sees to it).
 */
export function chartsOfScreen(ctx: FlowContext, periodId: number | undefined, groupCode?: string | null): ChartAsked[] {
  const groupId = groupCode ? listGroups(ctx.db, ctx.movement!.id).find((g) => g.code === groupCode)?.id : undefined;
  const of = groupId === undefined ? {} : { groupId };
  return periodId === undefined
    ? [
        { chart: 'group-status', ...of },
        { chart: 'registration-timeline', ...of },
      ]
    : [
        { chart: 'period-reporting', periodId, ...of },
        { chart: 'target-outcomes', periodId, ...of },
      ];
}
