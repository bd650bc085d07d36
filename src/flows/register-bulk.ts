/** A registration's whole table at once: a filled form sent back, or targets typed or pasted one a line. */
import { type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { localDate } from '../domain/vn-input.ts';
import { applyForm } from '../forms/apply.ts';
import { applyTargetPlan, planTargetRows, type RowToPlan, type TargetImportReading } from '../forms/target-import.ts';
import { formUpload } from './form-upload.ts';
import { findUpload, markApplied, problemList, targetPlanText } from './forms.ts';
import type { Data } from './register-state.ts';

/** The reference a due date is checked against. */
const dueReference = (ctx: FlowContext) => ({ movement: ctx.movement!, today: localDate(ctx.now, ctx.movement!.timezone) });

/**
 * Targets typed one a line, fields separated by ";" or tabs (rows pasted from Excel or Word):
 * `6; Tỷ lệ hồ sơ giải quyết đúng hạn; ≥ 98,5 %; 31/12[; ghi chú]`, or the form's own columns
 * (nội dung, chỉ tiêu, loại, đơn vị tính, kế hoạch, yêu cầu, thời hạn, ghi chú, optionally after
 * the STT).
 */
function pastedRows(lines: string[]): RowToPlan[] {
  return lines.map((line, i) => {
    let f = line.split(/\t|;/).map((x) => x.trim());
    if (f.length >= 9 && /^\d{1,3}$/.test(f[0]!)) f = f.slice(1);
    const [a = '', b = '', c = '', d = '', e = '', g = '', h = '', k = ''] = f;
    const cells = f.length >= 8 ? { area: a, text: b, kind: c, measure: d, plan: e, direction: g, due: h, note: k } : { area: a, text: b, plan: c, due: d, note: e };
    return { line: i + 1, id: '', cells };
  });
}

const pastedLines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
export const isPasted = (text: string | undefined) => text !== undefined && pastedLines(text).some((l) => /[;\t]/.test(l));

function planPasted(ctx: FlowContext, lines: string[]): TargetImportReading {
  const context = { existing: [], areas: ctx.areas(ctx.movement!.id), due: dueReference(ctx) };
  return planTargetRows(pastedRows(lines), context, (column) => ctx.t(`form-col-${column}`), false);
}

/** What "save" does after a form or pasted lines: back to the list, or on to sending it. */
function afterBulkSave(ctx: FlowContext, data: Data, choice: string | undefined): StepResult<Data> {
  const cleared = { ...data, draft: null, upload: undefined, pasted: undefined };
  return { kind: 'next', step: choice === 'save-submit' ? 'submit' : 'menu', data: cleared, note: ctx.t('form-saved'), saved: true };
}

const bulkChoices = (ctx: FlowContext): Choice[] => [
  { id: 'save', label: ctx.t('form-confirm-save') },
  { id: 'save-submit', label: ctx.t('form-confirm-save-submit') },
  { id: 'drop', label: ctx.t('form-confirm-drop') },
];

/** Lines typed or pasted: each read, and all shown back to be confirmed once; any problem refuses them all. */
export function readPasted(ctx: FlowContext, data: Data, text: string): StepResult<Data> {
  const lines = pastedLines(text);
  const reading = planPasted(ctx, lines);
  if (!reading.ok) return { kind: 'invalid', message: `${ctx.t('form-lines-refused')}\n${problemList(ctx.t, reading.problems)}` };
  return { kind: 'next', step: 'lines_confirm', data: { ...data, draft: null, pasted: lines } };
}

/** Taking the filled registration form back: a file read after the message, then asked about (form_confirm). */
const filledForm = formUpload<Data>({
  form: 'targets',
  registrationId: (data) => data.registrationId,
  periodId: () => null,
  texts: { wait: 'form-wait-targets', back: 'form-back-to-list', sendFile: 'form-send-file' },
  back: (_ctx, data) => ({ kind: 'next', step: 'menu', data }),
  whileReading: (data) => ({ ...data, draft: null, upload: undefined }),
  textAtWait: (ctx, data, text) => (isPasted(text) ? readPasted(ctx, data, text!) : undefined),
  read: (_ctx, data, read) => ({ kind: 'next', step: 'form_confirm', data: { ...data, upload: read.id } }),
});

/** A file sent where the form is taken: read after this message, then asked about. */
export const takeForm = filledForm.takeForm;

/** The steps that take the form or the lines and ask to save them. */
export const bulkSteps: Record<string, Step<Data>> = {
  ...filledForm.steps,

  form_confirm: {
    prompt(ctx, data) {
      const upload = findUpload(ctx, data.upload ?? 0, 'targets', data.registrationId);
      const plan = upload?.reading.ok && 'added' in upload.reading.plan ? upload.reading.plan : undefined;
      const text = plan ? `${ctx.t('form-read-ok', { name: upload!.fileName })}\n${targetPlanText(ctx.t, plan, ctx.areas(ctx.movement!.id))}` : ctx.t('form-read-too-late');
      return { text: `${text}\n\n${ctx.t('form-confirm-prompt')}`, choices: bulkChoices(ctx), acceptsFile: true };
    },
    handle(ctx, data, answer) {
      if (answer.file) return takeForm(ctx, data, answer);
      const id = answer.choice?.id;
      if (id === 'drop') return { kind: 'next', step: 'menu', data: { ...data, upload: undefined }, note: ctx.t('form-dropped') };
      if (id !== 'save' && id !== 'save-submit') return { kind: 'invalid', message: ctx.t('choice-expected') };
      const upload = findUpload(ctx, data.upload ?? 0, 'targets', data.registrationId);
      if (!upload?.reading.ok) return { kind: 'next', step: 'menu', data: { ...data, upload: undefined }, note: ctx.t('form-read-too-late') };
      applyForm(ctx.db, 'targets', data.registrationId, null, upload.reading, ctx.actor, ctx.now);
      markApplied(ctx, upload.id);
      return afterBulkSave(ctx, data, id);
    },
  },

  lines_confirm: {
    prompt(ctx, data) {
      const reading = planPasted(ctx, data.pasted ?? []);
      const text = reading.ok ? targetPlanText(ctx.t, reading.plan, ctx.areas(ctx.movement!.id)) : problemList(ctx.t, reading.problems);
      return { text: `${ctx.t('form-lines-read')}\n${text}\n\n${ctx.t('form-confirm-prompt')}`, choices: bulkChoices(ctx) };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'drop') return { kind: 'next', step: 'menu', data: { ...data, pasted: undefined }, note: ctx.t('form-dropped') };
      if (id !== 'save' && id !== 'save-submit') return { kind: 'invalid', message: ctx.t('choice-expected') };
      const reading = planPasted(ctx, data.pasted ?? []);
      if (!reading.ok) return { kind: 'invalid', message: problemList(ctx.t, reading.problems) };
      applyTargetPlan(ctx.db, data.registrationId, reading.plan, ctx.actor, ctx.now);
      return afterBulkSave(ctx, data, id);
    },
  },

};
