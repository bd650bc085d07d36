/**
 * Reviewing registrations (Ban TĐKT only): those waiting, each with Approve and Return; returning
 * asks for a reason. The unit's liaisons are told either way; the decision is in the audit log.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { approveRegistration, awaitingReview, getRegistration, listTargets, listTitles, returnRegistration } from '../domain/registrations.ts';
import { can, liaisonsOf } from '../domain/scope.ts';
import { getUnit } from '../domain/units.ts';
import { isEmptyDiff, latestChanges, type ComparedField } from '../domain/versions.ts';
import { formatVnDate, formatVnNumber, localDate } from '../domain/vn-input.ts';
import { readReason } from './common.ts';
import { formatTargetList } from './format.ts';

const PAGE = 8;

const data = z.object({ page: z.number().int().nonnegative(), registrationId: z.number().int().optional() });
type Data = z.infer<typeof data>;

function waiting(ctx: FlowContext) {
  return awaitingReview(ctx.db, ctx.movement!.id);
}

function detail(ctx: FlowContext, registrationId: number): string {
  const reg = getRegistration(ctx.db, registrationId);
  const unit = getUnit(ctx.db, reg.unitId)!;
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
    ...changesText(ctx, registrationId),
  ].join('\n');
}

/** For a resubmission: the liaison's note and what changed since the version before. */
function changesText(ctx: FlowContext, registrationId: number): string[] {
  const latest = latestChanges(ctx.db, registrationId);
  if (!latest) return [];
  const lines = ['', ctx.t('rev-changes-title', { previous: latest.version - 1 })];
  if (latest.note) lines.push(ctx.t('rev-changes-note', { note: latest.note }));
  const { diff } = latest;
  if (isEmptyDiff(diff)) lines.push(ctx.t('rev-changes-none'));
  for (const t of diff.added) lines.push(ctx.t('rev-changes-added', { text: t.text }));
  for (const t of diff.removed) lines.push(ctx.t('rev-changes-removed', { text: t.text }));
  const areas = new Map(ctx.areas(ctx.movement!.id).map((a) => [a.id, a.number]));
  const shown = (field: ComparedField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'plannedValue') return formatVnNumber(Number(value));
    if (field === 'dueOn') return formatVnDate(String(value));
    if (field === 'contentAreaId') return String(areas.get(Number(value)) ?? '?');
    if (field === 'kind') return ctx.t(`target-kind-${String(value)}`);
    if (field === 'direction') return ctx.t(`direction-${String(value)}`);
    return String(value);
  };
  for (const { target, changes } of diff.changed) {
    const what = changes.map((c) => ctx.t('rev-changes-field', { field: c.field, before: shown(c.field, c.before), after: shown(c.field, c.after) })).join('; ');
    lines.push(ctx.t('rev-changes-changed', { text: target.text, changes: what }));
  }
  if (diff.titlesAdded.length > 0) lines.push(ctx.t('rev-changes-titles-added', { titles: diff.titlesAdded.map((x) => ctx.t(`title-${x}`)).join('; ') }));
  if (diff.titlesRemoved.length > 0) lines.push(ctx.t('rev-changes-titles-removed', { titles: diff.titlesRemoved.map((x) => ctx.t(`title-${x}`)).join('; ') }));
  return lines;
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
        label: `${r.code} — ${r.unit} (${ctx.t('rev-version', { version: r.version })}${r.late ? `, ${ctx.t('lateness', { kind: 'submitted_late' })}` : ''})`,
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
      const read = readReason(ctx, answer.text);
      if ('error' in read) return { kind: 'invalid', message: read.error };
      const { reason } = read;
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
  commands: [{ en: 'review', vi: 'duyet', menu: ['admin'], place: 20 }],
  requires: { movement: true, person: { may: can.review, refusal: 'scope-admin-only' } },
  start(ctx) {
    if (waiting(ctx).length === 0) return { kind: 'done', message: ctx.t('rev-none') };
    return { kind: 'start', step: 'list', data: { page: 0 } };
  },
  steps,
});
