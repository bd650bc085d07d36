/**
 * Asking for a chart from a screen (📊 Biểu đồ on /tinhhinh): the chart job draws it after this
 * message, in the asker's scope as it stands then, and sends it as a picture; the answer now says
 * it is being drawn, as an export's does.
 */
import type { ChartAsked, FlowContext } from '../chat/engine.ts';

/** Queues the charts asked for (drawn one after another, sent in that order); returns what to answer now. */
export function requestChart(ctx: FlowContext, ...what: ChartAsked[]): string {
  for (const asked of what) ctx.schedule({ kind: 'chart', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, movementId: ctx.movement!.id, ...asked });
  return ctx.t('chart-started', { charts: what.length });
}
