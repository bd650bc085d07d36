import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { extendPeriodDue } from '../../src/domain/deadlines.ts';
import { listPeriods } from '../../src/domain/movements.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { addRule } from '../../src/reminders/rules.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { outboxRows, vn, world } from './helpers.ts';

useTempDatabases();

describe('a unit given more time for a period’s report', () => {
  it('is not reminded by the rules of the period’s due day, while the others are', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    for (const code of ['SNV', 'STC', 'HHH', 'HGT', 'MTTQ']) w.submit(code, vn('2020-03-01T09:00'));
    const q1 = listPeriods(db, w.movement.id).find((p) => p.code === 'Q2020-1')!;
    extendPeriodDue(db, w.movement, q1, { unitId: w.unit('HHH'), until: '2020-04-20', reason: 'Lũ lụt' }, cliActor, vn('2020-04-01T09:00'));
    const dueRule = addRule(db, w.movement.id, { kind: 'period_due', offsetDays: -8 }, cliActor, vn('2020-01-02T09:00')).id; // Q1 due 10/04 → 03/04 07:00
    const fired = runDueReminders(db, vn('2020-04-03T07:00'), { minGapMs: 0 });
    expect(fired.map((f) => [f.ruleId, f.queued])).toEqual([[dueRule, 4]]);
    const told = outboxRows(db).map((r) => r.person);
    expect(told).not.toContain(w.person.HHH);
    expect(told).toContain(w.person.SNV);
  });
});
