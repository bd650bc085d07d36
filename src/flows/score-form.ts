/**
 * The year-end self-assessment by Excel form (`/chamdiemexcel` · `/scoreform`, and the "Excel"
 * button of /chamdiem, which switches here): the unit's sheet is written and sent (the year's
 * results filled in, marked so), the filled file is read back with its problems by row, what it
 * would save is shown with the total, and saved through the score-sheet repository once confirmed.
 * Sending the sheet to the cluster head stays with /chamdiem.
 */
import { z } from 'zod';
import type { Choice } from '../chat/types.ts';
import { defineFlow, type FlowContext, type StartResult } from '../chat/engine.ts';
import { findRegistration } from '../domain/registrations.ts';
import { formatVnNumber } from '../domain/vn-input.ts';
import type { ScoringTable } from '../domain/year-end/scoring.ts';
import type { Translate } from '../i18n/index.ts';
import { applyScorePlan } from '../forms/score-apply.ts';
import { scoreFormContext } from '../forms/score-context.ts';
import type { ScoreImportPlan, ScoreImportReading } from '../forms/score-form.ts';
import { formUpload } from './form-upload.ts';
import { findUpload, markApplied, requestForm } from './forms.ts';

const data = z.object({
  registrationId: z.number().int(),
  /** The form read, waiting to be confirmed. */
  upload: z.number().int().optional(),
});
type Data = z.infer<typeof data>;

/** A unit's self-assessment is its liaison's. */

/** What the form read would save: each criterion with its points (and evidence), then the total. */
export function scorePlanText(t: Translate, plan: ScoreImportPlan, table: ScoringTable): string {
  const criterion = new Map(table.criteria.map((c) => [c.code, c]));
  const lines = plan.lines.map((l) =>
    t('score-form-line', {
      code: l.code,
      title: criterion.get(l.code)?.title ?? '',
      points: formatVnNumber(l.points),
      max: formatVnNumber(criterion.get(l.code)?.max ?? 0),
      evidence: l.evidenceRef ? 'yes' : 'no',
    }),
  );
  return [
    t('score-form-counts', { count: plan.lines.length, kept: plan.prefilledKept, blank: plan.blank }),
    ...lines,
    t('score-form-total-after', { total: formatVnNumber(plan.total), complete: plan.complete ? 'yes' : 'no' }),
  ].join('\n');
}

/** The unit's registration to key the form on, or why the form cannot be used. */
function registrationToScore(ctx: FlowContext): { registrationId: number } | { refused: string } {
  const registration = findRegistration(ctx.db, ctx.movement!.id, ctx.unit!.id);
  if (!registration) return { refused: ctx.t('score-form-no-registration') };
  const { sheet } = scoreFormContext(ctx.db, registration.id);
  if (sheet.sentAt !== null) return { refused: ctx.t('err-score-already-sent') };
  return { registrationId: registration.id };
}

/**
 * For /chamdiem's own steps: the form asked for and the conversation handed to this flow
 * (`{ kind: 'switch', flow: 'score-form' }` does the same from a button).
 */
function startScoreForm(ctx: FlowContext): StartResult<Data> {
  const found = registrationToScore(ctx);
  if ('refused' in found) return { kind: 'refuse', message: found.refused };
  return { kind: 'start', step: 'form_wait', data: { registrationId: found.registrationId }, note: requestForm(ctx, 'score', found.registrationId, null) };
}

const confirmChoices = (ctx: FlowContext): Choice[] => [
  { id: 'save', label: ctx.t('form-confirm-save') },
  { id: 'drop', label: ctx.t('form-confirm-drop') },
];

const upload = formUpload<Data>({
  form: 'score',
  registrationId: (d) => d.registrationId,
  periodId: () => null,
  texts: { wait: 'score-form-wait', back: 'score-form-stop', sendFile: 'score-form-send-file' },
  back: (ctx) => ({ kind: 'done', message: ctx.t('score-form-stopped') }),
  read: (_ctx, d, read) => ({ kind: 'next', step: 'confirm', data: { ...d, upload: read.id } }),
});

/** The form read and not yet applied, this person's, for this registration. */
function pendingPlan(ctx: FlowContext, d: Data): { id: number; fileName: string; plan: ScoreImportPlan } | undefined {
  const found = findUpload(ctx, d.upload ?? 0, 'score', d.registrationId);
  const reading = found?.reading as ScoreImportReading | undefined;
  return found && reading?.ok ? { id: found.id, fileName: found.fileName, plan: reading.plan } : undefined;
}

export const scoreFormFlow = defineFlow<Data>({
  id: 'score-form',
  version: 1,
  schema: data,
  start: (ctx) => startScoreForm(ctx),
  steps: {
    ...upload.steps,
    confirm: {
      prompt(ctx, d) {
        const pending = pendingPlan(ctx, d);
        if (!pending) return { text: ctx.t('form-read-too-late'), choices: confirmChoices(ctx), acceptsFile: true };
        const { scoring } = scoreFormContext(ctx.db, d.registrationId);
        const text = `${ctx.t('form-read-ok', { name: pending.fileName })}\n${scorePlanText(ctx.t, pending.plan, scoring.table)}`;
        return { text: `${text}\n\n${ctx.t('score-form-confirm')}`, choices: confirmChoices(ctx), acceptsFile: true };
      },
      handle(ctx, d, answer) {
        if (answer.file) return upload.takeForm(ctx, d, answer);
        const id = answer.choice?.id;
        if (id === 'drop') return { kind: 'done', message: ctx.t('form-dropped') };
        if (id !== 'save') return { kind: 'invalid', message: ctx.t('choice-expected') };
        const pending = pendingPlan(ctx, d);
        if (!pending) return { kind: 'next', step: 'form_wait', data: { registrationId: d.registrationId }, note: ctx.t('form-read-too-late') };
        const saved = applyScorePlan(ctx.db, d.registrationId, pending.plan, ctx.actor, ctx.now);
        markApplied(ctx, pending.id);
        return { kind: 'done', message: ctx.t('score-form-saved', { count: pending.plan.lines.length, total: formatVnNumber(saved.total), complete: saved.complete ? 'yes' : 'no' }) };
      },
    },
  },
});
