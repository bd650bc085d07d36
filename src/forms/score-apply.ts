/**
 * A read self-assessment form, saved once the person confirms: the points through the score-sheet
 * repository (checked again there: a sheet sent meanwhile takes nothing), evidence links and notes
 * with them, and a line in the audit log.
 */
import type { DbOrTx } from '../db/connection.ts';
import { recordAudit, type Actor } from '../domain/audit.ts';
import { saveSelfScores, type StoredSheet } from '../domain/year-end/sheets.ts';
import type { ScoreImportPlan } from './score-form.ts';
import { scoreFormContext } from './score-context.ts';

export function applyScorePlan(db: DbOrTx, registrationId: number, plan: ScoreImportPlan, actor: Actor, now: number): StoredSheet {
  const { unit, scoring } = scoreFormContext(db, registrationId);
  const entries = Object.fromEntries(
    plan.lines.map((l) => [l.code, { points: l.points, ...(l.evidenceRef ? { evidence: { kind: 'link' as const, ref: l.evidenceRef } } : {}), ...(l.note !== null ? { note: l.note } : {}) }]),
  );
  saveSelfScores(db, scoring.table, { unitId: unit.id, groupId: scoring.groupId }, entries, now);
  // Read again with the year's results, so the criteria they fill in count in the total.
  const saved = scoreFormContext(db, registrationId).sheet;
  recordAudit(db, actor, now, {
    action: 'score.self-form',
    entity: 'score_sheet',
    entityId: saved.id ?? null,
    after: { unit: unit.code, group: scoring.groupCode, points: Object.fromEntries(plan.lines.map((l) => [l.code, l.points])) },
  });
  return saved;
}
