import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite, redeemInvite } from '../../src/domain/invites.ts';
import { currentMovement, listContentAreas, listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';

useCliSandboxes();

/** 09:00 in Hà Nội on the day given. */
const on = (day: string) => Date.parse(`${day}T02:00:00Z`);

describe('thidua status --period', () => {
  it('gives the 6-month report’s standing: on time, late with the day, overdue; as text and as JSON', async () => {
    const cli = cliSandbox({}, on('2020-07-16'));
    await cli.run('load-sample');
    const db = openDatabase(cli.dbPath);
    const movement = currentMovement(db)!;
    const area = listContentAreas(db, movement.id)[0]!.id;
    const h1 = listPeriods(db, movement.id).find((p) => p.code === 'H2020-1')!.id;
    for (const [code, sentOn] of [['SNV', '2020-07-09'], ['HGT', '2020-07-13'], ['HNH', null]] as const) {
      const unitId = db.$client.prepare('SELECT id FROM units WHERE code = ?').get(code) as { id: number };
      const reg = ensureRegistration(db, movement.id, unitId.id, on('2020-03-02'));
      const target = addTarget(db, reg.id, { contentAreaId: area, text: `Chỉ tiêu của ${code}`, kind: 'qualitative', dueOn: '2020-12-31' }, cliActor, on('2020-03-02')).id;
      submitRegistration(db, reg.id, cliActor, on('2020-03-20'));
      if (sentOn) recordProgressReport(db, { registrationId: reg.id, periodId: h1, lines: [{ targetId: target, assessment: 'in_progress' }] }, cliActor, on(sentOn));
    }
    closeDatabase(db);

    const text = await cli.run('status', '--period', 'H2020-1');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ND-2020 — báo cáo 6 tháng đầu năm 2020 (hạn 10/07/2020), tình hình ngày 16/07/2020');
    expect(text.stdout).toContain('Toàn tỉnh: 3 đơn vị — đúng hạn 1, nộp muộn 1, quá hạn chưa nộp 1, chưa đến hạn 0');
    expect(text.stdout).toContain('Nộp muộn (1): HGT (13/07/2020)');
    expect(text.stdout).toContain('Quá hạn chưa nộp (1): HNH');
    expect(text.stdout).toMatch(/1\. [^\n]+: 0 vượt, 0 đạt, 2 đang thực hiện, 0 không đạt, 1 chưa báo cáo/);

    const json = await cli.run('status', '--period', 'H2020-1', '--json');
    const standing = JSON.parse(json.stdout) as { totals: Record<string, number>; units: { code: string; state: string; sentOn: string | null; dueOn: string }[] };
    expect(standing.totals).toEqual({ units: 3, onTime: 1, late: 1, overdue: 1, notDue: 0 });
    expect(standing.units.map((u) => [u.code, u.state, u.sentOn, u.dueOn])).toEqual([
      ['HGT', 'late', '2020-07-13', '2020-07-10'],
      ['HNH', 'overdue', null, '2020-07-10'],
      ['SNV', 'on_time', '2020-07-09', '2020-07-10'],
    ]);
  });

  it('extends one unit’s due day for a period’s report; the standing holds it to that day, and its liaisons are told', async () => {
    const cli = cliSandbox({}, on('2020-07-16'));
    await cli.run('load-sample');
    const db = openDatabase(cli.dbPath);
    const movement = currentMovement(db)!;
    const unitId = (db.$client.prepare("SELECT id FROM units WHERE code = 'HHH'").get() as { id: number }).id;
    const reg = ensureRegistration(db, movement.id, unitId, on('2020-03-02'));
    addTarget(db, reg.id, { contentAreaId: listContentAreas(db, movement.id)[0]!.id, text: 'Chỉ tiêu của Hải Hậu', kind: 'qualitative' }, cliActor, on('2020-03-02'));
    submitRegistration(db, reg.id, cliActor, on('2020-03-20'));
    const invite = createInvite(db, { unitCode: 'HHH', role: 'liaison', personName: 'Cán bộ Hải Hậu' }, cliActor, on('2020-03-02'));
    redeemInvite(db, invite.code, { channel: 'telegram', externalId: '42' }, on('2020-03-02'));
    closeDatabase(db);

    const out = await cli.run('extend', '--period', 'H2020-1', '--unit', 'HHH', '--until', '20/07/2020', '--reason', 'Lũ lụt');
    expect(out.stdout).toContain('Đã gia hạn nộp báo cáo 6 tháng đầu năm 2020 cho UBND huyện Hải Hậu từ 10/07/2020 đến 20/07/2020.');
    const standing = JSON.parse((await cli.run('status', '--period', 'H2020-1', '--json')).stdout) as { units: { code: string; state: string; dueOn: string }[] };
    expect(standing.units.filter((u) => u.code === 'HHH').map((u) => [u.state, u.dueOn])).toEqual([['not_due', '2020-07-20']]);
    const check = openDatabase(cli.dbPath);
    expect(check.$client.prepare("SELECT action FROM audit_log WHERE action = 'period.extend'").all()).toEqual([{ action: 'period.extend' }]);
    const told = (check.$client.prepare('SELECT payload FROM outbox').all() as { payload: string }[]).map((r) => JSON.parse(r.payload) as { text: string; choices: { id: string }[] });
    expect(told.filter((m) => m.text.includes('gia hạn nộp báo cáo 6 tháng đầu năm 2020 của đơn vị đến 20/07/2020'))).toHaveLength(1);
    expect(told.find((m) => m.text.includes('6 tháng đầu năm'))!.choices.map((c) => c.id)).toEqual(['go:report']);
    closeDatabase(check);
    // Without a unit, or to an earlier day, nothing changes.
    expect((await cli.run('extend', '--period', 'H2020-1', '--until', '25/07/2020')).code).toBe(2);
    expect((await cli.run('extend', '--period', 'H2020-1', '--unit', 'HHH', '--until', '15/07/2020')).code).not.toBe(0);
  });

  it('refuses a period that is not the movement’s, changing nothing', async () => {
    const cli = cliSandbox({}, on('2020-07-16'));
    await cli.run('load-sample');
    const out = await cli.run('status', '--period', 'H2019-1');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('Kỳ báo cáo này không thuộc phong trào.');
  });
});
