/** Year-end fixtures shared by the tests: HML's year of results, a sheet at full marks. */
import type { Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement, listContentAreas, listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import type { ScoringTable } from '../../src/domain/year-end/scoring.ts';

/**
 * HML's registration in the open movement: four targets judged at the year's end two vượt, one
 * đạt, one không đạt (so I.1 gets 3/4 × 40 = 30, I.2 2/4 × 10 = 5). Returns the registration's id.
 */
export function hmlWithYearResults(db: Db, now: number): number {
  const m = currentMovement(db)!;
  const unitId = (db.$client.prepare("SELECT id FROM units WHERE code = 'HML'").get() as { id: number }).id;
  const registrationId = ensureRegistration(db, m.id, unitId, now).id;
  const area = listContentAreas(db, m.id)[0]!.id;
  const target = (text: string, planned: number) =>
    addTarget(db, registrationId, { contentAreaId: area, text, kind: 'quantitative', measure: 'tỷ đồng', plannedValue: planned, direction: 'at_least', dueOn: '2020-12-31' }, cliActor, now).id;
  const ids = [target('Thu ngân sách', 500), target('Vốn đầu tư', 300), target('Giá trị sản xuất', 200), target('Xuất khẩu', 100)];
  submitRegistration(db, registrationId, cliActor, now);
  const year = listPeriods(db, m.id).find((p) => p.code === 'Y2020')!;
  const values = [620, 310, 200, 80];
  recordProgressReport(db, { registrationId, periodId: year.id, lines: ids.map((targetId, i) => ({ targetId, value: values[i]!, cumulative: false })) }, cliActor, now);
  return registrationId;
}

/** Every score criterion of the table at its maximum but those `without`, no deduction, no bonus; then `changes` (points by criterion code). */
export function fullMarks(table: ScoringTable, changes: Record<string, number> = {}, without: readonly string[] = []): Record<string, { points: number }> {
  const out: Record<string, { points: number }> = {};
  for (const c of table.criteria) if (c.kind === 'score' && !without.includes(c.code)) out[c.code] = { points: c.max };
  for (const [code, points] of Object.entries(changes)) out[code] = { points };
  return out;
}
