import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { groups } from '../../src/db/schema.ts';
import { listPeriods } from '../../src/domain/movements.ts';
import { periodStanding, type PeriodCounts, type PeriodStanding } from '../../src/domain/period-standing.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, returnRegistration, submitRegistration, updateTarget } from '../../src/domain/registrations.ts';
import { lateUnits, snapshot, unitsOwing } from '../../src/reminders/obligations.ts';
import { extendPeriodDue } from '../../src/domain/deadlines.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { admin, loadMovement, type LoadedMovement } from '../helpers/movement.ts';

useTempDatabases();

/** A moment on a local day in Việt Nam (UTC+7): 09:00 there. */
const on = (day: string) => Date.parse(`${day}T02:00:00Z`);
const counts = (c: PeriodCounts) => [c.units, c.onTime, c.late, c.overdue, c.notDue] as const;

/**
 * The small movement (KHOI-A: SNV, STC · CUM-1: HHH, HGT · MTTQ in no group), 6-month report
 * H2020-1 due 10/07/2020. Each unit but MTTQ registered two targets (area 1 quantitative, area 2
 * qualitative); MTTQ never registered.
 */
describe('periodStanding', () => {
  let db: Db;
  let m: LoadedMovement;
  const regs = new Map<string, { id: number; amount: number; done: number }>();
  const period = (code: string) => listPeriods(db, m.movement.id).find((p) => p.code === code)!;
  const groupId = (code: string) => db.select().from(groups).where(eq(groups.code, code)).get()!.id;

  function register(code: string) {
    const id = ensureRegistration(db, m.movement.id, m.unit(code), on('2020-03-01')).id;
    const amount = addTarget(db, id, { contentAreaId: m.area(1), text: `Vốn đầu tư của ${code}`, kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 100, direction: 'at_least', dueOn: '2020-06-30' }, admin, on('2020-03-01')).id;
    const done = addTarget(db, id, { contentAreaId: m.area(2), text: `Xã đạt chuẩn của ${code}`, kind: 'qualitative', dueOn: '2020-12-31' }, admin, on('2020-03-01')).id;
    submitRegistration(db, id, admin, on('2020-03-20'));
    regs.set(code, { id, amount, done });
  }

  function report(code: string, day: string, amount: number) {
    const r = regs.get(code)!;
    recordProgressReport(db, { registrationId: r.id, periodId: period('H2020-1').id, lines: [{ targetId: r.amount, value: amount, cumulative: true }, { targetId: r.done, assessment: 'in_progress' }] }, admin, on(day));
  }

  beforeEach(() => {
    db = openTempDatabase().db;
    m = loadMovement(db);
    regs.clear();
    for (const code of ['SNV', 'STC', 'HHH', 'HGT']) register(code);
    report('SNV', '2020-07-08', 120); // on time, vượt
    report('STC', '2020-07-10', 100); // on its due day: on time, đạt
    report('HGT', '2020-07-14', 80); // late, không đạt
    report('HGT', '2020-07-20', 90); // a correction does not move the day it was sent
    // HHH sends nothing
  });

  const standing = (today: string, scope?: Parameters<typeof periodStanding>[4]): PeriodStanding => periodStanding(db, m.movement, period('H2020-1'), today, scope);
  const states = (s: PeriodStanding) => Object.fromEntries(s.units.map((u) => [u.code, [u.state, u.sentOn]]));

  it('tells on time, late with the day, and overdue once the due day has passed', () => {
    const s = standing('2020-07-16');
    expect(s.period.code).toBe('H2020-1');
    expect(states(s)).toEqual({
      HGT: ['late', '2020-07-14'],
      HHH: ['overdue', null],
      SNV: ['on_time', '2020-07-08'],
      STC: ['on_time', '2020-07-10'],
    });
    expect(s.units.every((u) => u.dueOn === '2020-07-10')).toBe(true);
    //                     units on-time late overdue not-due
    expect(counts(s.totals)).toEqual([4, 2, 1, 1, 0]);
  });

  it('before the due day a unit that has not sent is not yet due', () => {
    const s = standing('2020-07-09');
    expect(states(s).HHH).toEqual(['not_due', null]);
    expect(states(s).SNV).toEqual(['on_time', '2020-07-08']);
    // On the due day itself nothing is overdue yet.
    expect(states(standing('2020-07-10')).HHH).toEqual(['not_due', null]);
    expect(counts(standing('2020-07-11').totals)).toEqual([4, 2, 1, 1, 0]);
  });

  it('the day sent is the local day in the movement’s time zone', () => {
    // 23:30 on 10/07 in Hà Nội is 16:30 UTC the same day; 00:30 on 11/07 there is still 10/07 in UTC.
    const r = regs.get('HHH')!;
    recordProgressReport(db, { registrationId: r.id, periodId: period('H2020-1').id, lines: [{ targetId: r.amount, value: 1, cumulative: true }] }, admin, Date.parse('2020-07-10T17:30:00Z'));
    expect(states(standing('2020-07-16')).HHH).toEqual(['late', '2020-07-11']);
  });

  it('a unit the Board gave more time is held to its own due day, here and in the overdue lists', () => {
    const extended = extendPeriodDue(db, m.movement, period('H2020-1'), { unitId: m.unit('HHH'), until: '2020-07-20', reason: 'Lũ lụt' }, admin, on('2020-07-09'));
    expect(extended).toEqual({ from: '2020-07-10', until: '2020-07-20' });
    const s = standing('2020-07-16');
    expect(s.units.find((u) => u.code === 'HHH')).toMatchObject({ state: 'not_due', dueOn: '2020-07-20', sentOn: null });
    expect(counts(s.totals)).toEqual([4, 2, 1, 0, 1]);
    const overdue = (today: string) => lateUnits(snapshot(db, m.movement), m.movement, today).filter((o) => o.periods.some((p) => p.period.code === 'H2020-1')).map((o) => o.unit.code);
    expect(overdue('2020-07-16')).toEqual([]);
    expect(overdue('2020-07-21')).toEqual(['HHH']);
    expect(states(standing('2020-07-21')).HHH).toEqual(['overdue', null]);
    // Sent on 18/07, within its own day: on time.
    report('HHH', '2020-07-18', 100);
    expect(states(standing('2020-07-21')).HHH).toEqual(['on_time', '2020-07-18']);
    // An extension is only ever later, and never past the movement's final review.
    expect(() => extendPeriodDue(db, m.movement, period('H2020-1'), { unitId: m.unit('HHH'), until: '2020-07-15' }, admin, 0)).toThrow(DomainError);
    expect(() => extendPeriodDue(db, m.movement, period('H2020-1'), { unitId: m.unit('HHH'), until: '2021-06-01' }, admin, 0)).toThrow(DomainError);
    expect(standing('2020-07-21').units.find((u) => u.code === 'HHH')!.dueOn).toBe('2020-07-20');
  });

  it('a new report or a corrected one shows at once (nothing stale is kept)', () => {
    expect(states(standing('2020-07-16')).HHH).toEqual(['overdue', null]);
    report('HHH', '2020-07-16', 150);
    const s = standing('2020-07-16');
    expect(states(s).HHH).toEqual(['late', '2020-07-16']);
    expect(s.units.find((u) => u.code === 'HHH')!.outcomes.exceeded).toBe(1);
    report('HHH', '2020-07-17', 50);
    expect(standing('2020-07-17').units.find((u) => u.code === 'HHH')!.outcomes).toMatchObject({ exceeded: 0, notMet: 1 });
  });

  it('what is kept between calls, and judged again after changes, equals a judgement made afresh', () => {
    // Through a second connection to the same file, which has kept nothing.
    const afresh = () => {
      const other = openDatabase(db.$client.name);
      try {
        return periodStanding(other, m.movement, period('H2020-1'), '2020-07-21');
      } finally {
        closeDatabase(other);
      }
    };
    standing('2020-07-21');
    report('HHH', '2020-07-18', 60);
    expect(standing('2020-07-21')).toEqual(afresh());
    report('SNV', '2020-07-19', 80); // a correction: không đạt now
    // STC's registration returned and its plan lowered to 90: its 100 is vượt.
    const stc = regs.get('STC')!;
    returnRegistration(db, stc.id, 'Điều chỉnh kế hoạch', admin, on('2020-07-20'));
    updateTarget(db, stc.id, stc.amount, { contentAreaId: m.area(1), text: 'Vốn đầu tư của STC', kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 90, direction: 'at_least', dueOn: '2020-06-30' }, admin, on('2020-07-20'));
    const s = standing('2020-07-21');
    expect(s).toEqual(afresh());
    expect(Object.fromEntries(s.units.map((u) => [u.code, u.outcomes.exceeded]))).toEqual({ HGT: 0, HHH: 0, SNV: 0, STC: 1 });
  });

  it('a unit that never registered is not in the period, nor one whose registration was never sent', () => {
    ensureRegistration(db, m.movement.id, m.unit('MTTQ'), on('2020-03-01')); // a draft, never sent
    const s = standing('2020-08-01');
    expect(s.units.map((u) => u.code)).not.toContain('MTTQ');
    expect(s.totals.units).toBe(4);
    // The reminders chase the same units: the one rule (reportsOnPeriods) for both.
    const owing = unitsOwing(snapshot(db, m.movement), { registration: false, periods: [period('H2020-1')] }).map((o) => o.unit.code);
    expect(owing).toEqual(s.units.filter((u) => u.sentOn === null).map((u) => u.code));
  });

  it('counts by cluster/block in code order, the units in no group last, and by kind of unit', () => {
    const s = standing('2020-07-16');
    expect(s.byGroup.map((g) => [g.code, g.name, ...counts(g)])).toEqual([
      ['CUM-1', 'Cụm 1', 2, 0, 1, 1, 0],
      ['KHOI-A', 'Khối A', 2, 2, 0, 0, 0],
    ]);
    expect(s.byGroup.map((g) => g.id)).toEqual([groupId('CUM-1'), groupId('KHOI-A')]);
    expect(s.byKind.map((k) => [k.kind, ...counts(k)])).toEqual([
      ['huyen', 2, 0, 1, 1, 0],
      ['so', 2, 2, 0, 0, 0],
    ]);
  });

  it('judges each unit’s targets for the period, and the targets by content area', () => {
    const s = standing('2020-07-16');
    const outcomes = Object.fromEntries(s.units.map((u) => [u.code, u.outcomes]));
    expect(outcomes.SNV).toEqual({ exceeded: 1, met: 0, inProgress: 1, notMet: 0, notReported: 0 });
    expect(outcomes.STC).toEqual({ exceeded: 0, met: 1, inProgress: 1, notMet: 0, notReported: 0 });
    // Judged on the corrected figure (90 of 100 by 30/06).
    expect(outcomes.HGT).toEqual({ exceeded: 0, met: 0, inProgress: 1, notMet: 1, notReported: 0 });
    expect(outcomes.HHH).toEqual({ exceeded: 0, met: 0, inProgress: 0, notMet: 0, notReported: 2 });
    expect(s.byArea.map((a) => [a.number, a.area, a.exceeded, a.met, a.inProgress, a.notMet, a.notReported])).toEqual([
      [1, 'Hạ tầng', 1, 1, 0, 1, 1],
      [2, 'Nông thôn mới', 0, 0, 3, 0, 1],
      [3, 'Giáo dục', 0, 0, 0, 0, 0],
    ]);
  });

  it('a later period counts nothing sent for it, whatever the 6-month report said', () => {
    const s = periodStanding(db, m.movement, period('Q2020-3'), '2020-10-20');
    expect(counts(s.totals)).toEqual([4, 0, 0, 4, 0]);
    expect(s.byArea[0]).toMatchObject({ area: 'Hạ tầng', notReported: 4, exceeded: 0 });
  });

  it('scoped to a cluster/block or to a unit, counts and outcomes are of those units only', () => {
    const cluster = standing('2020-07-16', { groupId: groupId('CUM-1') });
    expect(cluster.units.map((u) => u.code)).toEqual(['HGT', 'HHH']);
    expect(counts(cluster.totals)).toEqual([2, 0, 1, 1, 0]);
    expect(cluster.byGroup.map((g) => g.code)).toEqual(['CUM-1']);
    expect(cluster.byKind.map((k) => k.kind)).toEqual(['huyen']);
    expect(cluster.byArea[0]).toMatchObject({ exceeded: 0, met: 0, notMet: 1, notReported: 1 });

    const unit = standing('2020-07-16', { unitId: m.unit('SNV') });
    expect(states(unit)).toEqual({ SNV: ['on_time', '2020-07-08'] });
    expect(counts(unit.totals)).toEqual([1, 1, 0, 0, 0]);
    expect(unit.byArea[0]).toMatchObject({ exceeded: 1, met: 0, notMet: 0, notReported: 0 });

    const set = standing('2020-07-16', { unitIds: new Set([m.unit('SNV'), m.unit('HHH')]) });
    expect(set.units.map((u) => u.code)).toEqual(['HHH', 'SNV']);
  });
});
