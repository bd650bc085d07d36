/**
 * What the registration and the report share about forms in chat: asking for the form (written and
 * sent after the message), taking the filled file back (read after the message, see Job
 * 'form-in'), finding what was read, and saying problems and changes in plain words (the CLI
 * says them with the same functions).
 */
import type { Answer, FlowContext } from '../chat/engine.ts';
import { getFormUpload, markFormUploadApplied } from '../domain/form-uploads.ts';
import type { FieldMessage } from '../domain/target-fields.ts';
import { listPeriods } from '../domain/movements.ts';
import { periodLabel } from '../domain/period-labels.ts';
import type { TargetInput } from '../domain/registrations.ts';
import type { FormProblem } from '../forms/problems.ts';
import type { FormKind, FormReading } from '../forms/apply.ts';
import type { TargetImportPlan } from '../forms/target-import.ts';
import { formatVnDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { formatPlan } from './format.ts';
import type { ContentArea } from '../domain/model.ts';

/** Schedules the form to be written and sent; the note saying it is on its way. */
export function requestForm(ctx: FlowContext, form: FormKind, registrationId: number, periodId: number | null): string {
  ctx.schedule({ kind: 'form-out', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, form, registrationId, periodId });
  return ctx.t(`form-on-its-way-${form}`);
}

/**
 * A file sent as the filled form: scheduled to be fetched and read, or refused at once (a photo,
 * an old .xls, a file too large to be a form). Returns the refusal's text, if any.
 */
export function receiveForm(ctx: FlowContext, answer: Answer, form: FormKind, registrationId: number, periodId: number | null): { refused: string } | { name: string } {
  const file = answer.file!;
  if (file.kind === 'photo') return { refused: ctx.t('form-file-photo') };
  const name = file.name ?? '';
  if (/\.xls$/i.test(name)) return { refused: ctx.t('form-file-xls') };
  if (/\.ods$/i.test(name)) return { refused: ctx.t('form-file-ods') };
  ctx.schedule({ kind: 'form-in', identityId: ctx.identity.id, form, registrationId, periodId, file });
  return { name: name || ctx.t('form-file-unnamed') };
}

interface Upload {
  id: number;
  fileName: string;
  reading: FormReading;
}

/** The upload an `upload` answer names, when it is this person's form of this kind for this registration. */
export function findUpload(ctx: FlowContext, id: number, form: FormKind, registrationId: number): Upload | undefined {
  const row = getFormUpload(ctx.db, id);
  if (!row || row.identityId !== ctx.identity.id || row.form !== form || row.registrationId !== registrationId || row.appliedAt !== null) return undefined;
  return { id: row.id, fileName: row.fileName, reading: row.reading as FormReading };
}

/**
 * What an `upload` answer brings: the reading to ask about, a refusal to explain (the note to show,
 * and the file asked for again), or nothing usable (not this person's, or already used).
 */
export function uploadOutcome(ctx: FlowContext, id: number, form: FormKind, registrationId: number): { kind: 'late' } | { kind: 'refused'; note: string } | { kind: 'read'; upload: Upload & { reading: Extract<FormReading, { ok: true }> } } {
  const upload = findUpload(ctx, id, form, registrationId);
  if (!upload) return { kind: 'late' };
  if (!upload.reading.ok) {
    // A form of another period has nothing to fix: it is the wrong file, said in words.
    const other = upload.reading.problems.find((p) => p.message.key === 'form-file-other-period');
    if (other) return { kind: 'refused', note: ctx.t('form-other-period', { name: upload.fileName, period: periodNamed(ctx, String(other.message.args?.period ?? '')) }) };
    return { kind: 'refused', note: `${ctx.t('form-refused', { name: upload.fileName })}\n${problemList(ctx.t, upload.reading.problems)}` };
  }
  return { kind: 'read', upload: upload as Upload & { reading: Extract<FormReading, { ok: true }> } };
}

/** "quý I/2020" for the code Q2020-1 of the movement's period; the code itself when unknown. */
function periodNamed(ctx: FlowContext, code: string): string {
  const found = ctx.movement ? listPeriods(ctx.db, ctx.movement.id).find((p) => p.code === code) : undefined;
  return found ? periodLabel(ctx.t, found) : code;
}

export function markApplied(ctx: FlowContext, id: number): void {
  markFormUploadApplied(ctx.db, id, ctx.now);
}

/** Problems listed in one message; the rest are counted. */
const PROBLEMS_SHOWN = 25;

const message = (t: Translate, m: FieldMessage) => t(m.key, m.args);

/** "• Dòng 7, cột F (Kế hoạch): …", at most 25, then "… và 12 lỗi khác". */
export function problemList(t: Translate, problems: FormProblem[]): string {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) =>
    p.line === null ? `• ${message(t, p.message)}` : t('form-problem-at', { line: p.line, column: p.column ?? '', hasColumn: p.column ? 'yes' : 'no', message: message(t, p.message) }),
  );
  if (problems.length > PROBLEMS_SHOWN) lines.push(t('form-problems-more', { count: problems.length - PROBLEMS_SHOWN }));
  return lines.join('\n');
}

/** A target as read from a row or a line: "Nội dung 6 · Tỷ lệ hồ sơ… — ≥ 98,5% · hạn 31/12/2020". */
function targetReadBack(t: Translate, input: TargetInput, areas: ContentArea[]): string {
  return t('form-target-read', {
    area: areas.find((a) => a.id === input.contentAreaId)?.number ?? '?',
    text: input.text,
    plan: formatPlan(t, { kind: input.kind, plannedValue: input.plannedValue ?? null, direction: input.direction ?? null, measure: input.measure ?? null }),
    due: input.dueOn ? formatVnDate(input.dueOn) : '—',
  });
}

/** What a registration form or pasted lines would change, target by target, with the warnings. */
export function targetPlanText(t: Translate, plan: TargetImportPlan, areas: ContentArea[]): string {
  const parts = [t('form-plan-counts', { added: plan.added.length, changed: plan.changed.length, removed: plan.removed.length, unchanged: plan.unchanged })];
  if (plan.added.length > 0) parts.push(t('form-plan-added'), ...plan.added.map((a) => `+ ${targetReadBack(t, a.input, areas)}`));
  if (plan.changed.length > 0) parts.push(t('form-plan-changed'), ...plan.changed.map((c) => `~ ${targetReadBack(t, c.input, areas)}`));
  if (plan.removed.length > 0) parts.push(t('form-plan-removed'), ...plan.removed.map((r) => `− ${r.text}`));
  if (plan.warnings.length > 0) parts.push(t('form-plan-warnings'), problemList(t, plan.warnings));
  return parts.join('\n');
}
