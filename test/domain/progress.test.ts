import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { listPeriods } from '../../src/domain/movements.ts';
import { assess, judgeQualitative, progressCountsByUnit, recordProgressReport, timePassed } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, submitRegistration, type TargetInput } from '../../src/domain/registrations.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { admin, loadMovement, type LoadedMovement } from '../helpers/movement.ts';

useTempDatabases();

const yearLong = { plannedValue: 100, direction: 'at_least' as const, dueOn: '2020-12-31' };

describe('assessment by the due date', () => {
  it('before its due date a target is in progress, whatever share of the plan it has reached', () => {
    expect(assess(yearLong, 52.8, '2020-06-30')).toEqual({ percentOfPlan: 52.8, assessment: 'in_progress' });
    expect(assess(yearLong, 130, '2020-09-30')).toEqual({ percentOfPlan: 130, assessment: 'in_progress' });
  });

  it('from its due date a target is vượt, đạt or không đạt against the plan, in its direction', () => {
    expect(assess(yearLong, 101, '2020-12-31').assessment).toBe('exceeded');
    expect(assess(yearLong, 100, '2020-12-31').assessment).toBe('met');
    expect(assess(yearLong, 99, '2021-01-10').assessment).toBe('not_met');
    const ceiling = { plannedValue: 40, direction: 'at_most' as const, dueOn: '2020-12-31' };
    expect(assess(ceiling, 35, '2020-12-31').assessment).toBe('met');
    expect(assess(ceiling, 41, '2020-12-31').assessment).toBe('not_met');
  });

  it('the share of time passed is shown beside the share of plan before the due date', () => {
    expect(timePassed('2020-01-01', '2020-12-31', '2020-06-30')).toBe(50);
    expect(timePassed('2020-01-01', '2020-12-31', '2020-12-31')).toBe(100);
  });

  it('a qualitative target not done by its due date is không đạt; before it, as reported', () => {
    expect(judgeQualitative('in_progress', '2020-12-31', '2020-06-30')).toBe('in_progress');
    expect(judgeQualitative('not_started', '2020-12-31', '2020-12-31')).toBe('not_met');
    expect(judgeQualitative('met', '2020-12-31', '2021-01-05')).toBe('met');
  });
});

describe('reports across periods', () => {
  let db: Db;
  let m: LoadedMovement;
  let registrationId: number;
  const target = (input: Omit<TargetInput, 'contentAreaId'>) => addTarget(db, registrationId, { contentAreaId: m.area(1), ...input }, admin, 0).id;
  const period = (code: string) => listPeriods(db, m.movement.id).find((p) => p.code === code)!;
  const report = (code: string, lines: Parameters<typeof recordProgressReport>[1]['lines']) =>
    recordProgressReport(db, { registrationId, periodId: period(code).id, lines }, admin, 0).lines;

  beforeEach(() => {
    db = openTempDatabase().db;
    m = loadMovement(db);
    registrationId = ensureRegistration(db, m.movement.id, m.unit('SNV'), 0).id;
  });

  it('a rate reported as running total then as this period only is not summed: the latest value stands', () => {
    const rate = target({ text: 'Tỷ lệ hồ sơ đúng hạn', kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31' });
    submitRegistration(db, registrationId, admin, 0);
    report('Q2020-1', [{ targetId: rate, value: 97.3, cumulative: true }]);
    const [q2] = report('Q2020-2', [{ targetId: rate, value: 98, cumulative: false }]);
    expect(q2).toMatchObject({ total: 98, cumulative: true, percentOfPlan: 99.5, assessment: 'in_progress' });
  });

  it('the year period\'s figure is the year\'s figure, not added to anything', () => {
    const count = target({ text: 'Sản phẩm OCOP', kind: 'quantitative', measure: 'sản phẩm', plannedValue: 100, direction: 'at_least', dueOn: '2020-12-31' });
    submitRegistration(db, registrationId, admin, 0);
    report('Q2020-1', [{ targetId: count, value: 30 }]);
    const [year] = report('Y2020', [{ targetId: count, value: 104, cumulative: false }]);
    expect(year).toMatchObject({ total: 104, cumulative: true, assessment: 'exceeded' });
  });

  it('status counts targets by where they stand (exceeded, met, in progress, not met, not reported), never averages', () => {
    const money = target({ text: 'Thu ngân sách', kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1500, direction: 'at_least', dueOn: '2020-06-30' });
    const rate = target({ text: 'Tỷ lệ hài lòng', kind: 'quantitative', measure: '%', plannedValue: 90, direction: 'at_least', dueOn: '2020-12-31' });
    const done = target({ text: 'Ban hành kế hoạch', kind: 'qualitative', dueOn: '2020-03-31' });
    target({ text: 'Chưa báo cáo', kind: 'qualitative', dueOn: '2020-12-31' });
    submitRegistration(db, registrationId, admin, 0);
    report('Q2020-1', [{ targetId: money, value: 700 }, { targetId: rate, value: 85, cumulative: true }, { targetId: done, assessment: 'met' }]);
    report('Q2020-2', [{ targetId: money, value: 500 }]);
    expect(progressCountsByUnit(db, m.movement.id, '2020-07-15').get(m.unit('SNV'))).toEqual({ exceeded: 0, met: 1, inProgress: 1, notMet: 1, notReported: 1 });
    report('H2020-1', [{ targetId: money, value: 1600 }]);
    expect(progressCountsByUnit(db, m.movement.id, '2020-07-15').get(m.unit('SNV'))).toEqual({ exceeded: 1, met: 1, inProgress: 1, notMet: 0, notReported: 1 });
  });
});
