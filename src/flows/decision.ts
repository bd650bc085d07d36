/**
 * /quyetdinh (en /decision), the Board only: records what the Chairman decided on each proposal —
 * awarded or not, the decision's number and date. The unit's liaisons are told; a correction of the
 * outcome tells them again. The bot records; people decide.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type Step } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { liaisonsOf } from '../domain/scope.ts';
import { cleanText } from '../domain/text-input.ts';
import { formatVnDate, localDate, parseVnDate } from '../domain/vn-input.ts';
import { decisionNumber, movementDecisions, recordDecision, type DecisionRow } from '../domain/year-end/decisions.ts';
import { DECISION_OUTCOMES } from '../util/vocabulary.ts';

const PAGE = 8;

const data = z.object({
  page: z.number().int().nonnegative(),
  proposalId: z.number().int().optional(),
  outcome: z.enum(DECISION_OUTCOMES).optional(),
  number: z.string().max(40).optional(),
});
type Data = z.infer<typeof data>;

const rows = (ctx: FlowContext) => movementDecisions(ctx.db, ctx.movement!.id);
const rowOf = (ctx: FlowContext, proposalId: number | undefined) => rows(ctx).find((r) => r.proposalId === proposalId);

/** "Cờ thi đua của UBND tỉnh — Thành phố Nam Định (CUM1)", with the decision when there is one. */
function label(ctx: FlowContext, r: DecisionRow): string {
  const base = `${ctx.t(`title-${r.title}`)} — ${r.unitName}${r.groupCode ? ` (${r.groupCode})` : ''}`;
  return r.outcome ? `${base} · ${ctx.t('dec-outcome', { outcome: r.outcome })} ${r.decisionNumber ?? ''}`.trimEnd() : base;
}

const backToList = (ctx: FlowContext, d: Data, note?: string) => ({ kind: 'next' as const, step: 'list', data: { page: d.page }, ...(note ? { note, saved: true } : {}) });

const steps: Record<string, Step<Data>> = {
  list: {
    prompt(ctx, d) {
      const all = rows(ctx);
      const pages = Math.max(1, Math.ceil(all.length / PAGE));
      const page = Math.min(d.page, pages - 1);
      const choices: Choice[] = all.slice(page * PAGE, page * PAGE + PAGE).map((r) => ({ id: `p:${r.proposalId}`, label: label(ctx, r) }));
      if (page > 0) choices.push({ id: 'prev', label: ctx.t('st-prev') });
      if (page < pages - 1) choices.push({ id: 'next', label: ctx.t('st-next') });
      const decided = all.filter((r) => r.outcome !== null).length;
      return { text: ctx.t('dec-list', { count: all.length, decided, page: page + 1, pages }), choices };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id;
      if (id === 'next' || id === 'prev') return { kind: 'next', step: 'list', data: { page: d.page + (id === 'next' ? 1 : -1) } };
      if (id?.startsWith('p:') && rowOf(ctx, Number(id.slice(2)))) return { kind: 'next', step: 'outcome', data: { page: d.page, proposalId: Number(id.slice(2)) } };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  outcome: {
    prompt(ctx, d) {
      const r = rowOf(ctx, d.proposalId);
      return {
        text: ctx.t('dec-outcome-prompt', { proposal: r ? label(ctx, r) : '—' }),
        choices: [...DECISION_OUTCOMES.map((o) => ({ id: o, label: ctx.t('dec-outcome', { outcome: o }) })), { id: 'back', label: ctx.t('st-back') }],
      };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id;
      if (id === 'back') return backToList(ctx, d);
      if (!rowOf(ctx, d.proposalId)) return backToList(ctx, d, ctx.t('err-decision-no-proposal'));
      const outcome = DECISION_OUTCOMES.find((o) => o === id);
      return outcome ? { kind: 'next', step: 'number', data: { ...d, outcome } } : { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  number: {
    prompt: (ctx) => ({ text: ctx.t('dec-number-prompt'), choices: [{ id: 'back', label: ctx.t('st-back') }] }),
    handle(ctx, d, answer) {
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'outcome', data: { page: d.page, proposalId: d.proposalId } };
      const read = decisionNumber.safeParse(cleanText(answer.text ?? ''));
      if (!read.success) return { kind: 'invalid', message: ctx.t('dec-number-invalid') };
      return { kind: 'next', step: 'date', data: { ...d, number: read.data } };
    },
  },
  date: {
    prompt: (ctx) => ({ text: ctx.t('dec-date-prompt'), choices: [{ id: 'back', label: ctx.t('st-back') }] }),
    handle(ctx, d, answer) {
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'number', data: { page: d.page, proposalId: d.proposalId, outcome: d.outcome } };
      const today = localDate(ctx.now, ctx.movement!.timezone);
      const read = parseVnDate(answer.text ?? '', Number(today.slice(0, 4)));
      if (read.kind !== 'ok') return { kind: 'invalid', message: ctx.t('dec-date-invalid') };
      // A decision is dated when it is signed: never after today.
      if (read.date > today) return { kind: 'invalid', message: ctx.t('dec-date-future', { today: formatVnDate(today) }) };
      if (!rowOf(ctx, d.proposalId)) return backToList(ctx, d, ctx.t('err-decision-no-proposal'));
      const decided = recordDecision(ctx.db, ctx.movement!.id, d.proposalId!, { outcome: d.outcome!, number: d.number!, decidedOn: read.date }, ctx.actor, ctx.now);
      const args = { title: decided.title, outcome: d.outcome!, number: d.number!, on: formatVnDate(read.date) };
      if (decided.tell) ctx.notify(liaisonsOf(ctx.db, decided.unitId), `decision:${d.proposalId}:${d.outcome}`, 'dec-notice', args);
      return backToList(ctx, d, ctx.t('dec-recorded', { ...args, title: ctx.t(`title-${decided.title}`), told: decided.tell ? 'yes' : 'no' }));
    },
  },
};

export const decisionFlow = defineFlow<Data>({
  id: 'decision',
  version: 1,
  schema: data,
  start(ctx) {
    if (rows(ctx).length === 0) return { kind: 'done', message: ctx.t('dec-none') };
    return { kind: 'start', step: 'list', data: { page: 0 } };
  },
  steps,
});
