/**
 * Reviewing registrations (Ban TĐKT only): those waiting, each with Approve and Return; returning
 * asks for a reason. The unit's liaisons are told either way; the decision is in the audit log.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineFlow, type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { registrations, units } from '../db/schema.ts';
import { approveRegistration, getRegistration, listTargets, listTitles, returnRegistration } from '../domain/registrations.ts';
import { can, liaisonsOf } from '../domain/scope.ts';
import { cleanText } from '../domain/text-input.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';
import { formatTargetList } from './format.ts';

const PAGE = 8;

const data = z.object({ page: z.number().int().nonnegative(), registrationId: z.number().int().optional() });
type Data = z.infer<typeof data>;

function waiting(ctx: FlowContext) {
  return ctx.db
    .select({ id: registrations.id, version: registrations.version, late: registrations.late, submittedAt: registrations.submittedAt, unit: units.name, code: units.code })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(and(eq(registrations.movementId, ctx.movement!.id), eq(registrations.status, 'submitted')))
    .orderBy(asc(registrations.submittedAt))
    .all();
}

function detail(ctx: FlowContext, registrationId: number): string {
  const reg = getRegistration(ctx.db, registrationId);
  const unit = ctx.db.select().from(units).where(eq(units.id, reg.unitId)).get()!;
  const titles = listTitles(ctx.db, reg.id);
  return [
    ctx.t('rev-detail', {
      unit: unit.name,
      version: reg.version,
      submitted: reg.submittedAt ? formatVnDate(localDate(reg.submittedAt, ctx.movement!.timezone)) : '—',
      late: reg.late ? 'yes' : 'no',
    }),
    '',
    formatTargetList(ctx.t, listTargets(ctx.db, reg.id), ctx.areas(reg.movementId)),
    ...(titles.length > 0 ? ['', ctx.t('reg-titles-line', { titles: titles.map((x) => ctx.t(`title-${x}`)).join('; ') })] : []),
  ].join('\n');
}

/** Tells the unit's liaisons the outcome, in their language, with a button to open the registration. */
function tellUnit(ctx: FlowContext, registrationId: number, outcome: 'approved' | 'returned', reason?: string): void {
  const reg = getRegistration(ctx.db, registrationId);
  ctx.notify(liaisonsOf(ctx.db, reg.unitId), `review:${reg.id}:v${reg.version}:${outcome}`, `rev-${outcome}-notice`, { version: reg.version, reason: reason ?? '' }, (t) => [
    { id: 'go:register', label: t('menu-register') },
  ]);
}

/** Back to the list for the next one, or the end when none is left. */
function afterDecision(ctx: FlowContext, d: Data, note: string): StepResult<Data> {
  if (waiting(ctx).length === 0) return { kind: 'done', message: `${note}\n\n${ctx.t('rev-none')}` };
  return { kind: 'next', step: 'list', data: { page: d.page }, note, saved: true };
}

const steps: Record<string, Step<Data>> = {
  list: {
    prompt(ctx, d) {
      const all = waiting(ctx);
      const pages = Math.max(1, Math.ceil(all.length / PAGE));
      const page = Math.min(d.page, pages - 1);
      const choices: Choice[] = all.slice(page * PAGE, page * PAGE + PAGE).map((r) => ({
        id: `r:${r.id}`,
        label: `${r.code} — ${r.unit} (${ctx.t('rev-version', { version: r.version })}${r.late ? ', ⏰' : ''})`,
      }));
      if (page > 0) choices.push({ id: 'prev', label: ctx.t('st-prev') });
      if (page < pages - 1) choices.push({ id: 'next', label: ctx.t('st-next') });
      return { text: all.length === 0 ? ctx.t('rev-none') : ctx.t('rev-list', { count: all.length, page: page + 1, pages }), choices };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id;
      if (id === 'next' || id === 'prev') return { kind: 'next', step: 'list', data: { page: d.page + (id === 'next' ? 1 : -1) } };
      if (id?.startsWith('r:')) return { kind: 'next', step: 'decide', data: { ...d, registrationId: Number(id.slice(2)) } };
      if (waiting(ctx).length === 0) return { kind: 'done', message: ctx.t('rev-none') };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  decide: {
    prompt: (ctx, d) => ({
      text: `${detail(ctx, d.registrationId!)}\n\n${ctx.t('rev-decide')}`,
      choices: [
        { id: 'approve', label: ctx.t('rev-approve') },
        { id: 'return', label: ctx.t('rev-return') },
        { id: 'back', label: ctx.t('st-back') },
      ],
    }),
    handle(ctx, d, answer) {
      switch (answer.choice?.id) {
        case 'approve': {
          approveRegistration(ctx.db, d.registrationId!, ctx.actor, ctx.now);
          tellUnit(ctx, d.registrationId!, 'approved');
          return afterDecision(ctx, d, ctx.t('rev-approved'));
        }
        case 'return':
          return { kind: 'next', step: 'reason', data: d };
        case 'back':
          return { kind: 'next', step: 'list', data: { page: d.page } };
        default:
          return { kind: 'invalid', message: ctx.t('choice-expected') };
      }
    },
  },
  reason: {
    prompt: (ctx) => ({ text: ctx.t('rev-reason-prompt') }),
    handle(ctx, d, answer) {
      const reason = cleanText(answer.text ?? '');
      if (reason.length < 5) return { kind: 'invalid', message: ctx.t('rev-reason-expected') };
      if (reason.length > 1000) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: 1000, length: reason.length }) };
      returnRegistration(ctx.db, d.registrationId!, reason, ctx.actor, ctx.now);
      tellUnit(ctx, d.registrationId!, 'returned', reason);
      return afterDecision(ctx, d, ctx.t('rev-returned'));
    },
  },
};

export const reviewFlow = defineFlow<Data>({
  id: 'review',
  version: 1,
  schema: data,
  start(ctx) {
    if (!ctx.movement) return { kind: 'refuse', message: ctx.t('err-no-movement-chat') };
    if (!ctx.person || !can.review(ctx.person)) return { kind: 'refuse', message: ctx.t('scope-admin-only') };
    if (waiting(ctx).length === 0) return { kind: 'done', message: ctx.t('rev-none') };
    return { kind: 'start', step: 'list', data: { page: 0 } };
  },
  steps,
});
