import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { deadlineFor, extendDeadline, reopenRegistration } from '../../src/domain/deadlines.ts';
import { findMovement } from '../../src/domain/movements.ts';
import {
  addTarget,
  approveRegistration,
  ensureRegistration,
  getRegistration,
  listVersions,
  returnRegistration,
  setTitles,
  submitRegistration,
  updateTarget,
} from '../../src/domain/registrations.ts';
import { movementStatus } from '../../src/domain/status.ts';
import { diffSnapshots, latestChanges } from '../../src/domain/versions.ts';
import { lateUnits, snapshot } from '../../src/reminders/obligations.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { refusal } from '../helpers/errors.ts';
import { admin, loadMovement, type LoadedMovement } from '../helpers/movement.ts';

useTempDatabases();

const APRIL_2 = Date.parse('2020-04-02T03:00:00Z');
const APRIL_9 = Date.parse('2020-04-09T03:00:00Z');

describe('deadlines, reopening and versions', () => {
  let db: Db;
  let m: LoadedMovement;
  beforeEach(() => {
    db = openTempDatabase().db;
    m = loadMovement(db);
  });
  const registration = (code: string) => {
    const id = ensureRegistration(db, m.movement.id, m.unit(code), 0).id;
    addTarget(db, id, { contentAreaId: m.area(1), text: `Chỉ tiêu của ${code}`, kind: 'qualitative' }, admin, 0);
    return id;
  };

  it('the Board extends the deadline for one unit: it is not quá hạn before its own date, and sent by it is not nộp muộn', () => {
    const hhh = registration('HHH');
    expect(extendDeadline(db, m.movement, { unitId: m.unit('HHH'), until: '2020-04-10', reason: 'Sáp nhập phòng' }, admin, 0)).toEqual({ from: '2020-03-31', until: '2020-04-10' });
    expect(deadlineFor(m.movement, getRegistration(db, hhh))).toBe('2020-04-10');
    const status = movementStatus(db, m.movement, '2020-04-02');
    expect(status.units.find((u) => u.code === 'HHH')!.lateness).toBeNull();
    expect(status.units.find((u) => u.code === 'HGT')!.lateness).toBe('overdue');
    expect(lateUnits(snapshot(db, m.movement), m.movement, '2020-04-02').map((u) => u.unit.code)).not.toContain('HHH');
    expect(submitRegistration(db, hhh, admin, APRIL_9).late).toBe(false);
    // A later extension for everyone also counts for the unit: it is held to the later date.
    extendDeadline(db, m.movement, { until: '2020-04-20' }, admin, 0);
    expect(deadlineFor(findMovement(db, m.movement.code), getRegistration(db, hhh))).toBe('2020-04-20');
  });

  it('the Board extends the deadline for all units, later only, and not past the final review', () => {
    expect(refusal(() => extendDeadline(db, m.movement, { until: '2020-03-15' }, admin, 0))).toBe('err-extension-not-later');
    expect(refusal(() => extendDeadline(db, m.movement, { until: '2021-04-01' }, admin, 0))).toBe('err-extension-too-late');
    extendDeadline(db, m.movement, { until: '2020-04-15' }, admin, 0);
    const moved = findMovement(db, m.movement.code);
    expect(moved.registrationDeadline).toBe('2020-04-15');
    expect(movementStatus(db, moved, '2020-04-02').totals.overdue).toBe(0);
    expect(db.$client.prepare("SELECT action FROM audit_log WHERE action = 'movement.extend'").all()).toHaveLength(1);
  });

  it('an approved registration is reopened by the Board with a reason, recorded; sent again it is a new version', () => {
    const snv = registration('SNV');
    submitRegistration(db, snv, admin, 0);
    expect(refusal(() => reopenRegistration(db, snv, 'Điều chỉnh', admin, 1))).toBe('err-reopen-not-approved');
    approveRegistration(db, snv, admin, 1);
    expect(refusal(() => reopenRegistration(db, snv, '  ', admin, 2))).toBe('err-reopen-needs-reason');
    expect(reopenRegistration(db, snv, 'Bổ sung chỉ tiêu theo Kế hoạch 45', admin, 2)).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung chỉ tiêu theo Kế hoạch 45' });
    expect(listVersions(db, snv).map((v) => v.outcome)).toEqual(['approved']);
    expect(submitRegistration(db, snv, admin, 3).version).toBe(2);
  });

  it('a resubmitted version shows what changed since the last one, with the liaison\'s note', () => {
    const stc = ensureRegistration(db, m.movement.id, m.unit('STC'), 0).id;
    const kept = addTarget(db, stc, { contentAreaId: m.area(1), text: 'Thu ngân sách', kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1500, direction: 'at_least' }, admin, 0);
    const dropped = addTarget(db, stc, { contentAreaId: m.area(2), text: 'Chỉ tiêu bỏ đi', kind: 'qualitative' }, admin, 0);
    setTitles(db, stc, ['tap-the-lao-dong-tien-tien'], admin, 0);
    submitRegistration(db, stc, admin, APRIL_2);
    returnRegistration(db, stc, 'Nâng kế hoạch thu', admin, APRIL_2 + 1);
    updateTarget(db, stc, kept.id, { contentAreaId: m.area(1), text: 'Thu ngân sách', kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1600, direction: 'at_least' }, admin, APRIL_2 + 2);
    db.$client.prepare('UPDATE targets SET deleted_at = 1 WHERE id = ?').run(dropped.id);
    const added = addTarget(db, stc, { contentAreaId: m.area(3), text: 'Chỉ tiêu mới', kind: 'qualitative' }, admin, APRIL_2 + 3);
    setTitles(db, stc, ['tap-the-lao-dong-xuat-sac'], admin, APRIL_2 + 4);
    submitRegistration(db, stc, admin, APRIL_9, 'Đã nâng kế hoạch thu theo ý kiến của Ban');
    const changes = latestChanges(db, stc)!;
    expect(changes.version).toBe(2);
    expect(changes.note).toBe('Đã nâng kế hoạch thu theo ý kiến của Ban');
    expect(changes.diff.added.map((t) => t.id)).toEqual([added.id]);
    expect(changes.diff.removed.map((t) => t.id)).toEqual([dropped.id]);
    expect(changes.diff.changed.map((c) => [c.target.id, c.changes])).toEqual([[kept.id, [{ field: 'plannedValue', before: 1500, after: 1600 }]]]);
    expect([changes.diff.titlesAdded, changes.diff.titlesRemoved]).toEqual([['tap-the-lao-dong-xuat-sac'], ['tap-the-lao-dong-tien-tien']]);
    expect(diffSnapshots({ targets: [], titles: [] }, { targets: [], titles: [] }).changed).toEqual([]);
  });
});
