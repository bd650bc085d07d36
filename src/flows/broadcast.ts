/**
 * `/thongbao` · `/phatsong` · `/broadcast` (Ban TĐKT only): pick an audience (everyone, the units
 * whose registration is not with the Board, those that have not sent or have sent the report of a
 * period in course, a cluster/block, a kind of unit), write the message, see who will get it
 * (units and people of exactly that audience), confirm; then follow the delivery report (sent,
 * waiting, failed, unreachable).
 */
import { z } from 'zod';
import { defineFlow, type FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { UNIT_KINDS } from '../domain/model.ts';
import { periodLabel } from '../domain/period-labels.ts';
import { can } from '../domain/scope.ts';
import { cleanText } from '../domain/text-input.ts';
import { listGroups } from '../domain/units.ts';
import {
  MAX_BROADCAST_LENGTH,
  broadcastReport,
  confirmBroadcast,
  draftBroadcast,
  parseAudience,
  previewBroadcast,
  reportAudiencePeriods,
} from '../reminders/broadcast.ts';

const data = z.object({ audience: z.string().optional(), audienceLabel: z.string().optional(), text: z.string().optional(), broadcastId: z.number().int().optional() });
type Data = z.infer<typeof data>;

function audienceChoices(ctx: FlowContext): Choice[] {
  const clusters = listGroups(ctx.db, ctx.movement!.id);
  return [
    { id: 'all', label: ctx.t('bc-audience-all') },
    { id: 'unsent', label: ctx.t('bc-audience-unsent') },
    ...reportAudiencePeriods(ctx.db, ctx.movement!, ctx.now).flatMap((p) => [
      { id: `report-missing:${p.code}`, label: ctx.t('bc-audience-report-missing', { period: periodLabel(ctx.t, p) }) },
      { id: `report-sent:${p.code}`, label: ctx.t('bc-audience-report-sent', { period: periodLabel(ctx.t, p) }) },
    ]),
    ...clusters.map((g) => ({ id: `group:${g.code}`, label: g.name })),
    ...UNIT_KINDS.map((k) => ({ id: `kind:${k}`, label: ctx.t('bc-audience-kind', { kind: ctx.t(`unit-kind-${k}`) }) })),
  ];
}

export const broadcastFlow = defineFlow<Data>({
  id: 'broadcast',
  version: 1,
  schema: data,
  commands: [{ en: 'broadcast', vi: 'thongbao', aliases: ['phatsong'], menu: ['admin'], place: 40 }],
  requires: { movement: true, person: { may: can.broadcast, refusal: 'scope-admin-only' } },
  start(ctx) {
    return { kind: 'start', step: 'audience', data: {} };
  },
  steps: {
    audience: {
      progress: () => [1, 3],
      prompt: (ctx) => ({ text: ctx.t('bc-audience-prompt'), choices: audienceChoices(ctx) }),
      handle(ctx, d, answer) {
        if (!answer.choice) return { kind: 'invalid', message: ctx.t('choice-expected') };
        // The choice's label is kept: the preview names the audience as it was chosen.
        return { kind: 'next', step: 'text', data: { ...d, audience: answer.choice.id, audienceLabel: answer.choice.label } };
      },
    },
    text: {
      progress: () => [2, 3],
      prompt: (ctx) => ({ text: ctx.t('bc-text-prompt', { max: MAX_BROADCAST_LENGTH }) }),
      handle(ctx, d, answer) {
        const text = cleanText(answer.text ?? '');
        if (text.length < 5) return { kind: 'invalid', message: ctx.t('bc-text-expected') };
        if (text.length > MAX_BROADCAST_LENGTH) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: MAX_BROADCAST_LENGTH, length: text.length }) };
        return { kind: 'next', step: 'confirm', data: { ...d, text } };
      },
    },
    confirm: {
      progress: () => [3, 3],
      prompt(ctx, d) {
        const preview = previewBroadcast(ctx.db, ctx.movement!, { text: d.text!, audience: parseAudience(d.audience) }, ctx.now);
        const counts = ctx.t('bc-preview', {
          units: preview.units,
          reached: preview.reachedUnits,
          unreached: preview.units - preview.reachedUnits,
          people: preview.recipients.length,
          noAccount: preview.noAccount,
          text: preview.messages[ctx.locale].text,
        });
        return {
          text: d.audienceLabel ? `${ctx.t('bc-preview-audience', { audience: d.audienceLabel })}\n${counts}` : counts,
          choices: [
            { id: 'send', label: ctx.t('bc-send') },
            { id: 'edit', label: ctx.t('bc-edit') },
            { id: 'cancel', label: ctx.t('bc-cancel') },
          ],
        };
      },
      handle(ctx, d, answer) {
        switch (answer.choice?.id) {
          case 'send': {
            const { broadcast } = draftBroadcast(ctx.db, ctx.movement!, { text: d.text!, audience: parseAudience(d.audience) }, ctx.actor, ctx.now);
            const { queued } = confirmBroadcast(ctx.db, broadcast.id, ctx.actor, ctx.now);
            return { kind: 'next', step: 'report', data: { broadcastId: broadcast.id }, note: ctx.t('bc-queued', { queued }), saved: true };
          }
          case 'edit':
            return { kind: 'next', step: 'text', data: d };
          case 'cancel':
            return { kind: 'done', message: ctx.t('bc-cancelled') };
          default:
            return { kind: 'invalid', message: ctx.t('choice-expected') };
        }
      },
    },
    report: {
      prompt(ctx, d) {
        const r = broadcastReport(ctx.db, d.broadcastId!);
        const problems = r.problems.slice(0, 10).map((p) => `• ${p.name ?? '?'} (${p.unit ?? '—'}): ${ctx.t(`bc-problem-${p.status}`)}`);
        return {
          text: [ctx.t('bc-report', { total: r.total, sent: r.sent, pending: r.pending, failed: r.failed, unreachable: r.unreachable }), ...problems].join('\n'),
          choices: [
            { id: 'refresh', label: ctx.t('bc-refresh') },
            { id: 'done', label: ctx.t('bc-done') },
          ],
        };
      },
      handle(ctx, d, answer) {
        if (answer.choice?.id === 'refresh') return { kind: 'next', step: 'report', data: d };
        if (answer.choice?.id === 'done') return { kind: 'done', message: ctx.t('bc-closed') };
        return { kind: 'invalid', message: ctx.t('choice-expected') };
      },
    },
  },
});
