import { asc, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { auditLog, people, registrationVersions, registrations, targets } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import {
  addTarget,
  approveRegistration,
  ensureRegistration,
  getRegistration,
  listTargets,
  listVersions,
  nextStatus,
  removeTarget,
  returnRegistration,
  setTitles,
  submitRegistration,
  updateTarget,
  type RegistrationSnapshot,
  type ReviewAction,
  type TargetInput,
} from '../../src/domain/registrations.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { domainError } from '../helpers/errors.ts';
import { loadMovement, smallDefinitionInput, type LoadedMovement } from '../helpers/movement.ts';
import type { RegistrationStatus } from '../../src/domain/model.ts';

useTempDatabases();


describe('nextStatus: the registration life cycle', () => {
  // status × action → the new status, or null when the action is refused
  const table: [RegistrationStatus, ReviewAction, RegistrationStatus | null][] = [
    ['draft', 'submit', 'submitted'],
    ['draft', 'approve', null],
    ['draft', 'return', null],
    ['submitted', 'submit', null],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['returned', 'approve', null],
    ['returned', 'return', null],
    ['approved', 'submit', null],
    ['approved', 'approve', null],
    ['approved', 'return', null],
  ];

  it('the table covers every status and every action', () => {
    expect(new Set(table.map(([s, a]) => `${s}/${a}`)).size).toBe(4 * 3);
  });

  it.each(table.filter(([, , to]) => to !== null))('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each(table.filter(([, , to]) => to === null).map(([from, action]) => [from, action] as const))(
    '%s cannot be %s-ed',
    (from, action) => {
      const error = domainError(() => nextStatus(from, action));
      expect(error.code).toBe('err-registration-transition');
      expect(error.args).toEqual({ status: from, action });
    },
  );
});

// Moments around the deadline 31/03/2020, Asia/Ho_Chi_Minh = UTC+7.
const EARLY = Date.parse('2020-02-15T02:00:00Z');
const LAST_MINUTE = Date.parse('2020-03-31T16:59:00Z'); // 23:59 on 31/03 in Hà Nội
const FIRST_MINUTE_AFTER = Date.parse('2020-03-31T17:00:00Z'); // 00:00 on 01/04 in Hà Nội
const LATER = Date.parse('2020-04-20T03:00:00Z');

const qualitative = (contentAreaId: number, text = 'Hoàn thành cầu Thịnh Long'): TargetInput => ({
  contentAreaId,
  text,
  kind: 'qualitative',
});
const quantitative = (contentAreaId: number, plannedValue = 25): TargetInput => ({
  contentAreaId,
  text: 'Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao',
  kind: 'quantitative',
  measure: '%',
  plannedValue,
  direction: 'at_least',
});

describe('registration services on a real database', () => {
  let db: Db;
  let m: LoadedMovement;
  let liaison: Actor;
  let reviewer: Actor;
  let regId: number;

  beforeEach(() => {
    db = openTempDatabase().db;
    m = loadMovement(db);
    const liaisonId = db.insert(people).values({ fullName: 'Cán bộ Hải Hậu', role: 'liaison', unitId: m.unit('HHH') }).returning().get().id;
    const reviewerId = db.insert(people).values({ fullName: 'Ban Thi đua', role: 'admin' }).returning().get().id;
    liaison = { personId: liaisonId, label: 'telegram:1001' };
    reviewer = { personId: reviewerId, label: 'telegram:2002' };
    regId = ensureRegistration(db, m.movement.id, m.unit('HHH'), EARLY).id;
  });

  const registrationRow = () => db.select().from(registrations).where(eq(registrations.id, regId)).get()!;
  const versionRows = () => listVersions(db, regId);
  const snapshotOf = (v: { snapshot: unknown }) => v.snapshot as RegistrationSnapshot;

  it('a new registration is an empty draft, and ensureRegistration finds it again', () => {
    expect(registrationRow()).toMatchObject({ status: 'draft', version: 0, late: false, firstSubmittedAt: null });
    expect(ensureRegistration(db, m.movement.id, m.unit('HHH'), LATER).id).toBe(regId);
    expect(countRows(db, 'registrations')).toBe(1);
  });

  it('a draft without any target cannot be submitted', () => {
    expect(domainError(() => submitRegistration(db, regId, liaison, EARLY)).code).toBe('err-registration-empty');
    expect(registrationRow()).toMatchObject({ status: 'draft', version: 0, submittedAt: null });
    expect(versionRows()).toEqual([]);
  });

  it('a removed target does not count: the draft is empty again', () => {
    const t = addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
    removeTarget(db, regId, t.id, liaison, EARLY);
    expect(domainError(() => submitRegistration(db, regId, liaison, EARLY)).code).toBe('err-registration-empty');
    // soft delete: the row stays, marked deleted
    expect(db.select().from(targets).where(eq(targets.id, t.id)).get()!.deletedAt).toBe(EARLY);
  });

  it('draft → submitted → returned → edited → submitted as version 2 → approved, keeping every version', () => {
    const first = addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
    setTitles(db, regId, ['tap-the-lao-dong-xuat-sac'], liaison, EARLY);

    // submit: version 1
    const submitted = submitRegistration(db, regId, liaison, EARLY);
    expect(submitted).toMatchObject({ status: 'submitted', version: 1, late: false, firstSubmittedAt: EARLY, submittedAt: EARLY });
    expect(registrationRow()).toMatchObject({ status: 'submitted', version: 1 });

    // return without a reason: refused, nothing changes
    for (const reason of ['', '   ']) {
      expect(domainError(() => returnRegistration(db, regId, reason, reviewer, EARLY + 1)).code).toBe('err-return-needs-reason');
    }
    expect(registrationRow()).toMatchObject({ status: 'submitted', reviewComment: null, reviewedAt: null });
    expect(versionRows()[0]!.outcome).toBeNull();

    // return with a reason
    const returnedAt = EARLY + 60_000;
    const returned = returnRegistration(db, regId, '  Thiếu chỉ tiêu định lượng  ', reviewer, returnedAt);
    expect(returned).toMatchObject({ status: 'returned', version: 1, reviewComment: 'Thiếu chỉ tiêu định lượng', reviewedAt: returnedAt });
    expect(returned.reviewedBy).toBe(reviewer.personId);

    // the unit edits its registration: changes one target, adds one, removes nothing
    updateTarget(db, regId, first.id, qualitative(m.area(1), 'Hoàn thành và đưa vào sử dụng cầu Thịnh Long'), liaison, returnedAt + 1);
    const added = addTarget(db, regId, quantitative(m.area(2)), liaison, returnedAt + 2);
    expect(added).toMatchObject({ position: 2, plannedValue: 25, direction: 'at_least', measure: '%' });

    // resubmit: version 2; first submission time stays
    const resubmittedAt = EARLY + 3_600_000;
    const resubmitted = submitRegistration(db, regId, liaison, resubmittedAt);
    expect(resubmitted).toMatchObject({ status: 'submitted', version: 2, firstSubmittedAt: EARLY, submittedAt: resubmittedAt });

    const [v1, v2, ...more] = versionRows();
    expect(more).toEqual([]);
    expect(v1).toMatchObject({
      version: 1,
      submittedAt: EARLY,
      submittedBy: liaison.personId,
      late: false,
      outcome: 'returned',
      reviewComment: 'Thiếu chỉ tiêu định lượng',
      reviewedAt: returnedAt,
      reviewedBy: reviewer.personId,
    });
    // v1 is frozen as it was sent: one target with its old wording
    expect(snapshotOf(v1!).targets.map((t) => t.text)).toEqual(['Hoàn thành cầu Thịnh Long']);
    expect(snapshotOf(v1!).titles).toEqual(['tap-the-lao-dong-xuat-sac']);
    expect(v2).toMatchObject({ version: 2, submittedAt: resubmittedAt, outcome: null, reviewComment: null });
    expect(snapshotOf(v2!).targets.map((t) => [t.text, t.kind, t.plannedValue])).toEqual([
      ['Hoàn thành và đưa vào sử dụng cầu Thịnh Long', 'qualitative', null],
      ['Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao', 'quantitative', 25],
    ]);

    // approve: version 2 is approved, version 1 stays returned
    const approvedAt = resubmittedAt + 60_000;
    const approved = approveRegistration(db, regId, reviewer, approvedAt, '  Đạt  ');
    expect(approved).toMatchObject({ status: 'approved', version: 2, reviewComment: 'Đạt', reviewedAt: approvedAt });
    expect(versionRows().map((v) => [v.version, v.outcome, v.reviewComment])).toEqual([
      [1, 'returned', 'Thiếu chỉ tiêu định lượng'],
      [2, 'approved', 'Đạt'],
    ]);
    expect(registrationRow().status).toBe('approved');
  });

  describe('a registration under review or approved cannot be edited', () => {
    const attempts = (target: number): [string, () => unknown][] => [
      ['add a target', () => addTarget(db, regId, qualitative(m.area(3)), liaison, LATER)],
      ['change a target', () => updateTarget(db, regId, target, qualitative(m.area(1), 'changed'), liaison, LATER)],
      ['remove a target', () => removeTarget(db, regId, target, liaison, LATER)],
      ['set titles', () => setTitles(db, regId, ['x'], liaison, LATER)],
    ];

    it.each(['submitted', 'approved'] as const)('when %s', (status) => {
      const t = addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
      submitRegistration(db, regId, liaison, EARLY);
      if (status === 'approved') approveRegistration(db, regId, reviewer, EARLY + 1);
      const targetsBefore = db.select().from(targets).all();
      const auditBefore = countRows(db, 'audit_log');

      for (const [what, attempt] of attempts(t.id)) {
        const error = domainError(attempt);
        expect(error.code, what).toBe('err-registration-locked');
        expect(error.args).toEqual({ status });
      }
      expect(db.select().from(targets).all()).toEqual(targetsBefore);
      expect(countRows(db, 'registration_titles')).toBe(0);
      expect(countRows(db, 'audit_log')).toBe(auditBefore);
      expect(getRegistration(db, regId).status).toBe(status);
    });

    it('but a returned one can', () => {
      const t = addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
      submitRegistration(db, regId, liaison, EARLY);
      returnRegistration(db, regId, 'Sửa lại', reviewer, EARLY + 1);
      updateTarget(db, regId, t.id, qualitative(m.area(1), 'changed'), liaison, EARLY + 2);
      expect(listTargets(db, regId).map((x) => x.text)).toEqual(['changed']);
    });
  });

  describe('late: first submitted after the deadline day, in the movement’s time zone', () => {
    it.each([
      ['2020-03-31T16:59Z, still 31/03 in Hà Nội', LAST_MINUTE, false],
      ['2020-03-31T17:00Z, already 01/04 in Hà Nội', FIRST_MINUTE_AFTER, true],
    ])('%s → late %s', (_label, at, late) => {
      addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
      expect(submitRegistration(db, regId, liaison, at).late).toBe(late);
      expect(registrationRow().late).toBe(late);
      expect(versionRows()[0]!.late).toBe(late);
    });

    it('a registration first sent on time stays on time when resubmitted after the deadline', () => {
      addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
      submitRegistration(db, regId, liaison, LAST_MINUTE);
      returnRegistration(db, regId, 'Bổ sung', reviewer, LATER);
      const again = submitRegistration(db, regId, liaison, LATER + 1);
      expect(again).toMatchObject({ version: 2, late: false, firstSubmittedAt: LAST_MINUTE });
      // the version itself records that it was sent after the deadline
      expect(versionRows().map((v) => v.late)).toEqual([false, true]);
    });

    it('a registration first sent late stays late', () => {
      addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
      submitRegistration(db, regId, liaison, FIRST_MINUTE_AFTER);
      returnRegistration(db, regId, 'Bổ sung', reviewer, LATER);
      expect(submitRegistration(db, regId, liaison, LATER + 1).late).toBe(true);
    });
  });

  describe('targets are checked', () => {
    it.each([
      ['no planned value', { plannedValue: null }],
      ['no planned value (undefined)', { plannedValue: undefined }],
      ['no direction', { direction: null }],
    ])('a quantitative target with %s is refused', (_label, change) => {
      const error = domainError(() => addTarget(db, regId, { ...quantitative(m.area(2)), ...change }, liaison, EARLY));
      expect(error.code).toBe('err-target-needs-plan');
      expect(countRows(db, 'targets')).toBe(0);
    });

    it('a quantitative target with a plan of 0 is accepted', () => {
      expect(addTarget(db, regId, quantitative(m.area(2), 0), liaison, EARLY).plannedValue).toBe(0);
    });

    it('a qualitative target drops any plan it was given', () => {
      const t = addTarget(db, regId, { ...qualitative(m.area(1)), plannedValue: 5, direction: 'at_most' }, liaison, EARLY);
      expect(t).toMatchObject({ kind: 'qualitative', plannedValue: null, direction: null });
    });

    it('a content area of another movement is refused', () => {
      const other = smallDefinitionInput();
      other.movement = { ...other.movement, code: 'OTHER-2021', starts: '2021-01-01', ends: '2021-12-31', registrationDeadline: '2021-03-31' };
      const otherMovement = loadMovement(db, movementDefinition.parse(other));
      expect(otherMovement.movement.id).not.toBe(m.movement.id);

      const error = domainError(() => addTarget(db, regId, qualitative(otherMovement.area(1)), liaison, EARLY));
      expect(error.code).toBe('err-area-unknown');
      const t = addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
      expect(domainError(() => updateTarget(db, regId, t.id, qualitative(otherMovement.area(2)), liaison, EARLY)).code).toBe(
        'err-area-unknown',
      );
      expect(listTargets(db, regId).map((x) => x.contentAreaId)).toEqual([m.area(1)]);
    });

    it('an unknown content area is refused', () => {
      expect(domainError(() => addTarget(db, regId, qualitative(987_654), liaison, EARLY)).code).toBe('err-area-unknown');
    });

    it('a target of another registration cannot be changed through this one', () => {
      const otherReg = ensureRegistration(db, m.movement.id, m.unit('HGT'), EARLY).id;
      const foreign = addTarget(db, otherReg, qualitative(m.area(1)), liaison, EARLY);
      expect(domainError(() => updateTarget(db, regId, foreign.id, qualitative(m.area(1), 'x'), liaison, EARLY)).code).toBe(
        'err-target-unknown',
      );
      expect(domainError(() => removeTarget(db, regId, foreign.id, liaison, EARLY)).code).toBe('err-target-unknown');
    });
  });

  it('every change is in the audit log, by whom, with before and after', () => {
    const t = addTarget(db, regId, qualitative(m.area(1)), liaison, EARLY);
    setTitles(db, regId, ['tap-the-lao-dong-xuat-sac', 'tap-the-lao-dong-xuat-sac', 'bang-khen-ubnd-tinh'], liaison, EARLY + 1);
    submitRegistration(db, regId, liaison, EARLY + 2);
    returnRegistration(db, regId, 'Sửa', reviewer, EARLY + 3);
    updateTarget(db, regId, t.id, qualitative(m.area(1), 'mới'), liaison, EARLY + 4);
    const extra = addTarget(db, regId, quantitative(m.area(2)), liaison, EARLY + 5);
    removeTarget(db, regId, extra.id, liaison, EARLY + 6);
    submitRegistration(db, regId, liaison, EARLY + 7);
    approveRegistration(db, regId, reviewer, EARLY + 8);

    const rows = db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entity, ['target', 'registration']))
      .orderBy(asc(auditLog.id))
      .all();
    const brief = rows.map((r) => [r.at - EARLY, r.action, r.entity, r.entityId, r.actorPersonId, r.actor]);
    const L = liaison.personId;
    const R = reviewer.personId;
    expect(brief).toEqual([
      [0, 'registration.create', 'registration', String(regId), null, 'system'],
      [0, 'target.create', 'target', String(t.id), L, 'telegram:1001'],
      [1, 'registration.titles', 'registration', String(regId), L, 'telegram:1001'],
      [2, 'registration.submit', 'registration', String(regId), L, 'telegram:1001'],
      [3, 'registration.return', 'registration', String(regId), R, 'telegram:2002'],
      [4, 'target.update', 'target', String(t.id), L, 'telegram:1001'],
      [5, 'target.create', 'target', String(extra.id), L, 'telegram:1001'],
      [6, 'target.delete', 'target', String(extra.id), L, 'telegram:1001'],
      [7, 'registration.submit', 'registration', String(regId), L, 'telegram:1001'],
      [8, 'registration.approve', 'registration', String(regId), R, 'telegram:2002'],
    ]);
    const [, create, titles, submit1, ret, update, , remove, submit2, approve] = rows;
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({ id: t.id, text: 'Hoàn thành cầu Thịnh Long' });
    expect(titles).toMatchObject({ before: [], after: ['tap-the-lao-dong-xuat-sac', 'bang-khen-ubnd-tinh'] });
    expect(submit1).toMatchObject({ before: { status: 'draft', version: 0 }, after: { status: 'submitted', version: 1, late: false } });
    expect(ret).toMatchObject({ before: { status: 'submitted' }, after: { status: 'returned', comment: 'Sửa' } });
    expect(update!.before).toMatchObject({ text: 'Hoàn thành cầu Thịnh Long' });
    expect(update!.after).toMatchObject({ text: 'mới' });
    expect(remove!.before).toMatchObject({ id: extra.id, deletedAt: null });
    expect(submit2).toMatchObject({ before: { status: 'returned', version: 1 }, after: { status: 'submitted', version: 2 } });
    expect(approve).toMatchObject({ before: { status: 'submitted' }, after: { status: 'approved', comment: null } });
  });

  it('a refused change leaves no trace in the audit log', () => {
    const before = countRows(db, 'audit_log');
    domainError(() => submitRegistration(db, regId, liaison, EARLY));
    domainError(() => addTarget(db, regId, { ...quantitative(m.area(2)), plannedValue: null }, liaison, EARLY));
    expect(countRows(db, 'audit_log')).toBe(before);
    expect(db.select().from(registrationVersions).where(eq(registrationVersions.registrationId, regId)).all()).toEqual([]);
  });
});
