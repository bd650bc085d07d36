/**
 * A scripted registration season of the 2020 sample movement for the charts' tests: units sending
 * on known local days (one just after midnight in Hà Nội), one returned, one late, drafts.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.ts';
import { contentAreas, units } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/audit.ts';
import type { Movement } from '../../src/domain/model.ts';
import { listPeriods, resolveMovement } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, approveRegistration, ensureRegistration, findRegistration, listTargets, returnRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';

const liaison: Actor = { label: 'telegram:1' };
const board: Actor = { label: 'cli' };
/** An instant given as a local time in Hà Nội (UTC+7). */
export const local = (dayTime: string) => Date.parse(`${dayTime}:00+07:00`);

/**
 * Sở Nội vụ sends on 10/03 (approved); Sở Tư pháp at 00:30 on 11/03 in Hà Nội (still 10/03 in
 * UTC); Sở Kế hoạch và Đầu tư on 05/03, returned since; Sở Tài chính keeps a draft; Hải Hậu sends
 * on 02/04, after the deadline (31/03). The sample's own drafts (two more in Khối Kinh tế tổng hợp,
 * one in Khối Văn hóa - Xã hội) stay drafts; everyone else has not started.
 */
export function scriptedSeason(database: Db): Movement {
  loadSampleMovement(database, board, local('2020-01-02 09:00'));
  const m = resolveMovement(database, 'ND-2020');
  const area = database.select().from(contentAreas).where(eq(contentAreas.movementId, m.id)).all()[0]!.id;
  const registration = (code: string, at: number) => {
    const unitId = database.select().from(units).where(eq(units.code, code)).get()!.id;
    const id = ensureRegistration(database, m.id, unitId, at).id;
    addTarget(database, id, { contentAreaId: area, text: `Chỉ tiêu của ${code}`, kind: 'qualitative', dueOn: '2020-12-31' }, liaison, at);
    return id;
  };
  const snv = registration('SNV', local('2020-03-09 08:00'));
  submitRegistration(database, snv, liaison, local('2020-03-10 10:00'));
  approveRegistration(database, snv, board, local('2020-03-12 10:00'));
  submitRegistration(database, registration('STP', local('2020-03-09 08:00')), liaison, local('2020-03-11 00:30'));
  const skhdt = registration('SKHDT', local('2020-03-01 08:00'));
  submitRegistration(database, skhdt, liaison, local('2020-03-05 15:00'));
  returnRegistration(database, skhdt, 'Bổ sung chỉ tiêu', board, local('2020-03-06 09:00'));
  registration('STC', local('2020-03-20 08:00'));
  submitRegistration(database, registration('HHH', local('2020-03-25 08:00')), liaison, local('2020-04-02 16:00'));
  return m;
}


/**
 * The 6-month report (H2020-1, due 10/07): Sở Nội vụ sends it on time (05/07, its target đạt), Sở
 * Tư pháp late (12/07, đang thực hiện); Sở Kế hoạch và Đầu tư (returned, still in the period) and
 * Hải Hậu never do. Returns the period's id.
 */
export function sixMonthReports(database: Db, movement: Movement): number {
  const periodId = listPeriods(database, movement.id).find((p) => p.code === 'H2020-1')!.id;
  const report = (code: string, assessment: 'met' | 'in_progress', at: number) => {
    const unitId = database.select().from(units).where(eq(units.code, code)).get()!.id;
    const registration = findRegistration(database, movement.id, unitId)!;
    const target = listTargets(database, registration.id)[0]!;
    recordProgressReport(database, { registrationId: registration.id, periodId, lines: [{ targetId: target.id, assessment }] }, liaison, at);
  };
  report('SNV', 'met', local('2020-07-05 09:00'));
  report('STP', 'in_progress', local('2020-07-12 23:50'));
  return periodId;
}
