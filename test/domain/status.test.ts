import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import {
  addTarget,
  approveRegistration,
  ensureRegistration,
  returnRegistration,
  submitRegistration,
} from '../../src/domain/registrations.ts';
import { movementStatus, type MovementStatus, type StatusCounts } from '../../src/domain/status.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { localDate } from '../../src/domain/vn-input.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { admin, loadMovement, smallDefinitionInput, type LoadedMovement } from '../helpers/movement.ts';

useTempDatabases();

const ON_TIME = Date.parse('2020-03-10T03:00:00Z');
const AFTER_DEADLINE = Date.parse('2020-04-02T03:00:00Z');
const liaison: Actor = { label: 'telegram:1' };
const reviewer: Actor = { label: 'cli' };

const counts = (c: StatusCounts) => [c.units, c.none, c.draft, c.submitted, c.returned, c.approved, c.submittedLate, c.overdue] as const;

describe('movementStatus', () => {
  let db: Db;
  let m: LoadedMovement;

  /** A registration of `unit` with one target, taken to `status`. */
  function registration(unit: string, status: 'draft' | 'submitted' | 'returned' | 'approved', submittedAt = ON_TIME) {
    const id = ensureRegistration(db, m.movement.id, m.unit(unit), ON_TIME).id;
    addTarget(db, id, { contentAreaId: m.area(1), text: `Chỉ tiêu của ${unit}`, kind: 'qualitative' }, liaison, ON_TIME);
    if (status === 'draft') return;
    submitRegistration(db, id, liaison, submittedAt);
    if (status === 'approved') approveRegistration(db, id, reviewer, submittedAt + 1);
    if (status === 'returned') returnRegistration(db, id, 'Bổ sung', reviewer, submittedAt + 1);
  }

  beforeEach(() => {
    db = openTempDatabase().db;
    m = loadMovement(db);
    // KHOI-A: SNV, STC (so) · CUM-1: HHH, HGT (huyen) · no group: MTTQ (doan-the)
    registration('SNV', 'approved');
    registration('STC', 'submitted');
    registration('HHH', 'returned');
    registration('HGT', 'draft');
    // MTTQ has not started
  });

  const status = (today: string): MovementStatus => movementStatus(db, m.movement, today);
  const unitLine = (s: MovementStatus) => Object.fromEntries(s.units.map((u) => [u.code, [u.status, u.groupCode, u.lateness]]));

  it('counts units by status', () => {
    const s = status('2020-03-15');
    expect(s.movement).toEqual({ id: m.movement.id, code: 'TEST-2020', name: m.movement.name, registrationDeadline: '2020-03-31' });
    expect(s.deadlinePassed).toBe(false);
    //                          units none draft submitted returned approved nộp-muộn quá-hạn
    expect(counts(s.totals)).toEqual([5, 1, 1, 1, 1, 1, 0, 0]);
    expect(unitLine(s)).toEqual({
      HGT: ['draft', 'CUM-1', null],
      HHH: ['returned', 'CUM-1', null],
      MTTQ: ['none', null, null],
      SNV: ['approved', 'KHOI-A', null],
      STC: ['submitted', 'KHOI-A', null],
    });
    expect(s.units.find((u) => u.code === 'STC')!.submittedAt).toBe(ON_TIME);
    expect(s.units.find((u) => u.code === 'MTTQ')!.submittedAt).toBeNull();
  });

  it('counts by cluster/block, with the units in no group on their own line', () => {
    const s = status('2020-03-15');
    expect(s.byGroup.map((g) => [g.code, g.name, ...counts(g)])).toEqual([
      ['CUM-1', 'Cụm 1', 2, 0, 1, 0, 1, 0, 0, 0],
      ['KHOI-A', 'Khối A', 2, 0, 0, 1, 0, 1, 0, 0],
      [null, null, 1, 1, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('counts by kind of unit', () => {
    const s = status('2020-03-15');
    expect(Object.fromEntries(s.byKind.map((k) => [k.kind, counts(k)]))).toEqual({
      huyen: [2, 0, 1, 0, 1, 0, 0, 0],
      'doan-the': [1, 1, 0, 0, 0, 0, 0, 0],
      so: [2, 0, 0, 1, 0, 1, 0, 0],
    });
  });

  it('lists a group that has no participating unit with zero counts', () => {
    const input = smallDefinitionInput();
    input.units.push({ code: 'XNEW', name: 'Xã mới', kind: 'xa' });
    input.groups.push({ code: 'CUM-2', kind: 'cum', name: 'Cụm 2', head: 'XNEW', members: ['XNEW'] });
    loadMovement(db, movementDefinition.parse(input));
    // XNEW only exists from 2021: it is not part of this movement
    upsertUnit(db, { code: 'XNEW', name: 'Xã mới', kind: 'xa', validFrom: '2021-01-01' }, admin, ON_TIME);
    const s = status('2020-03-15');
    expect(s.byGroup.find((g) => g.code === 'CUM-2')).toMatchObject({ units: 0, none: 0, submittedLate: 0, overdue: 0 });
    expect(s.units.map((u) => u.code)).not.toContain('XNEW');
  });

  it('on the deadline day nobody is late yet', () => {
    const s = status('2020-03-31');
    expect(s.deadlinePassed).toBe(false);
    expect([s.totals.submittedLate, s.totals.overdue]).toEqual([0, 0]);
  });

  it('quá hạn chưa nộp: after the deadline, units with nothing with the Board (none, draft, returned); those sent on time are neither', () => {
    const s = status('2020-04-01');
    expect(s.deadlinePassed).toBe(true);
    expect(unitLine(s)).toEqual({
      HGT: ['draft', 'CUM-1', 'overdue'],
      HHH: ['returned', 'CUM-1', 'overdue'],
      MTTQ: ['none', null, 'overdue'],
      SNV: ['approved', 'KHOI-A', null],
      STC: ['submitted', 'KHOI-A', null],
    });
    expect([s.totals.overdue, s.totals.submittedLate]).toEqual([3, 0]);
    expect(s.byGroup.map((g) => [g.code, g.overdue])).toEqual([
      ['CUM-1', 2],
      ['KHOI-A', 0],
      [null, 1],
    ]);
    expect(Object.fromEntries(s.byKind.map((k) => [k.kind, k.overdue]))).toEqual({ huyen: 2, 'doan-the': 1, so: 0 });
  });

  it('nộp muộn: a unit first sent after the deadline stays so once approved, and is never quá hạn chưa nộp', () => {
    const id = ensureRegistration(db, m.movement.id, m.unit('HGT'), ON_TIME).id;
    submitRegistration(db, id, liaison, AFTER_DEADLINE);
    approveRegistration(db, id, reviewer, AFTER_DEADLINE + 1);
    expect(localDate(AFTER_DEADLINE, 'Asia/Ho_Chi_Minh')).toBe('2020-04-02');
    const s = status('2020-04-10');
    expect(s.units.find((u) => u.code === 'HGT')).toMatchObject({ status: 'approved', lateness: 'submitted_late', submittedAt: AFTER_DEADLINE });
    expect(counts(s.totals)).toEqual([5, 1, 0, 1, 1, 2, 1, 2]); // nộp muộn HGT; quá hạn HHH, MTTQ
  });

  it('leaves out units that did not exist while the movement ran', () => {
    upsertUnit(db, { code: 'OLD', name: 'Huyện đã sáp nhập', kind: 'huyen', validTo: '2019-06-30' }, admin, ON_TIME);
    upsertUnit(db, { code: 'LATE', name: 'Đơn vị thành lập 2021', kind: 'so', validFrom: '2021-02-01' }, admin, ON_TIME);
    upsertUnit(db, { code: 'MID', name: 'Sáp nhập giữa năm', kind: 'huyen', validTo: '2020-06-30' }, admin, ON_TIME);
    const codes = status('2020-03-15').units.map((u) => u.code);
    expect(codes).toEqual(['HGT', 'HHH', 'MID', 'MTTQ', 'SNV', 'STC']);
  });

  it('counts only registrations of this movement', () => {
    const other = smallDefinitionInput();
    other.movement = { ...other.movement, code: 'OTHER-2021', starts: '2021-01-01', ends: '2021-12-31', registrationDeadline: '2021-03-31' };
    const o = loadMovement(db, movementDefinition.parse(other));
    const id = ensureRegistration(db, o.movement.id, o.unit('MTTQ'), ON_TIME).id;
    addTarget(db, id, { contentAreaId: o.area(1), text: 'x', kind: 'qualitative' }, liaison, ON_TIME);
    submitRegistration(db, id, liaison, ON_TIME);

    expect(status('2020-03-15').units.find((u) => u.code === 'MTTQ')!.status).toBe('none');
    const otherStatus = movementStatus(db, o.movement, '2021-01-15');
    expect(counts(otherStatus.totals)).toEqual([5, 4, 0, 1, 0, 0, 0, 0]);
  });
});
