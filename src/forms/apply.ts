/**
 * What a read form changes, applied once confirmed: the light half of the forms, free of workbook
 * code (exceljs loads only where a form is written or read, see service.ts), so the chat's flows
 * can apply a plan without loading it.
 */
import type { Db } from '../db/connection.ts';
import type { Actor } from '../domain/audit.ts';
import { DomainError } from '../domain/errors.ts';
import { recordProgressReport } from '../domain/progress.ts';
import type { ResultImportReading } from './result-form.ts';
import { applyTargetPlan, type TargetImportReading } from './target-import.ts';

export type FormKind = 'targets' | 'results' | 'score';
/** A registration's or a report's form as read (the self-assessment's is a ScoreImportReading, applied by score-apply.ts). */
export type FormReading = TargetImportReading | ResultImportReading;

/** Writes what a form read into: the targets' changes, or the period's report. */
export function applyForm(db: Db, form: FormKind, registrationId: number, periodId: number | null, reading: FormReading, actor: Actor, now: number): void {
  if (!reading.ok) throw new DomainError('form-not-applicable');
  if (form === 'targets' && 'added' in reading.plan) applyTargetPlan(db, registrationId, reading.plan, actor, now);
  else if (form === 'results' && 'lines' in reading.plan) {
    const lines = reading.plan.lines.map(({ line: _line, ...input }) => input);
    recordProgressReport(db, { registrationId, periodId: periodId!, lines }, actor, now);
  }
}
