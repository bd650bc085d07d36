import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { addRule, checkCron, createDefaultRules, DEFAULT_RULES, listRules, setRulePaused } from '../../src/reminders/rules.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { refusal } from '../helpers/errors.ts';
import { loadMovement } from '../helpers/movement.ts';

useTempDatabases();
useCliSandboxes();

const NOW = Date.UTC(2020, 1, 15, 3);


describe('reminder rules as data', () => {
  it('the default set: registration −14…+7, reports −7…+7, escalation on overdue ones, a weekday digest, dossiers and the self-assessment −7…−1; created once', () => {
    const { db } = openTempDatabase();
    const { movement } = loadMovement(db);
    const created = createDefaultRules(db, movement.id, cliActor, NOW);
    expect(created).toHaveLength(DEFAULT_RULES.length);
    expect(created.map((r) => [r.kind, r.offsetDays ?? r.cron, r.escalateAfter, r.subject])).toEqual([
      ['registration_deadline', -14, null, 'registration'],
      ['registration_deadline', -7, null, 'registration'],
      ['registration_deadline', -3, null, 'registration'],
      ['registration_deadline', -1, null, 'registration'],
      ['registration_deadline', 0, null, 'registration'],
      ['registration_deadline', 1, 5, 'registration'],
      ['registration_deadline', 3, 5, 'registration'],
      ['registration_deadline', 7, 5, 'registration'],
      ['period_due', -7, null, 'report'],
      ['period_due', -3, null, 'report'],
      ['period_due', 0, null, 'report'],
      ['period_due', 3, 3, 'report'],
      ['period_due', 7, 3, 'report'],
      ['cron', '30 8 * * 1-5', null, 'digest'],
      ['dossier_deadline', -7, null, 'dossier'],
      ['dossier_deadline', -3, null, 'dossier'],
      ['dossier_deadline', -1, null, 'dossier'],
      ['self_assessment', -7, null, 'score'],
      ['self_assessment', -3, null, 'score'],
      ['self_assessment', -1, null, 'score'],
    ]);
    expect(created.every((r) => r.atTime === '08:00' && !r.paused && r.activeFrom === NOW)).toBe(true);
    expect(createDefaultRules(db, movement.id, cliActor, NOW)).toEqual([]);
    expect(listRules(db, movement.id)).toHaveLength(DEFAULT_RULES.length);
  });

  it('validates what is added', () => {
    const { db } = openTempDatabase();
    const { movement } = loadMovement(db);
    const add = (input: Parameters<typeof addRule>[2]) => () => addRule(db, movement.id, input, cliActor, NOW);
    expect(refusal(add({ kind: 'registration_deadline' }))).toBe('err-reminder-bad-offset');
    expect(refusal(add({ kind: 'registration_deadline', offsetDays: 500 }))).toBe('err-reminder-bad-offset');
    expect(refusal(add({ kind: 'period_due', offsetDays: 1.5 }))).toBe('err-reminder-bad-offset');
    expect(refusal(add({ kind: 'period_due', offsetDays: -2, atTime: '8h' }))).toBe('err-reminder-bad-time');
    expect(refusal(add({ kind: 'period_due', offsetDays: -2, subject: 'registration' }))).toBe('err-reminder-bad-subject');
    expect(refusal(add({ kind: 'period_due', offsetDays: -2, escalateAfter: 0 }))).toBe('err-reminder-bad-escalate');
    expect(refusal(add({ kind: 'cron', cron: '* * * * *' }))).toBe('err-reminder-bad-cron'); // every minute: too often
    expect(refusal(add({ kind: 'cron', cron: '0 0 8 * * 1' }))).toBe('err-reminder-bad-cron'); // seconds field
    expect(refusal(add({ kind: 'cron', cron: '0 8 L * *' }))).toBe('err-reminder-bad-cron');
    expect(refusal(add({ kind: 'cron', cron: '0 8 * *' }))).toBe('err-reminder-bad-cron');
    expect(refusal(add({ kind: 'cron', cron: '0 8 * * 1', subject: 'digest', escalateAfter: 2 }))).toBe('err-reminder-digest-escalate');
    const weekly = addRule(db, movement.id, { kind: 'cron', cron: ' 0  8 * * mon ', label: 'Nhắc thứ Hai' }, cliActor, NOW);
    expect(weekly).toMatchObject({ cron: '0 8 * * mon', subject: 'any', label: 'Nhắc thứ Hai' });
    expect(refusal(add({ kind: 'cron', cron: '0 8 * * mon' }))).toBe('err-reminder-duplicate');
    expect(checkCron('15 7-17/2 1,15 * 1-5')).toMatchObject({ ok: true, minute: 15, hours: [7, 9, 11, 13, 15, 17], daysOfMonth: [1, 15], daysOfWeek: [1, 2, 3, 4, 5] });
    expect(checkCron('0 8 * * 7').daysOfWeek).toEqual([0]);
  });

  it('pause and resume; resuming does not send what fell due while paused', () => {
    const { db } = openTempDatabase();
    const { movement } = loadMovement(db);
    const rule = addRule(db, movement.id, { kind: 'registration_deadline', offsetDays: -7 }, cliActor, NOW);
    expect(setRulePaused(db, rule.id, true, cliActor, NOW + 1000)).toMatchObject({ paused: true, activeFrom: NOW });
    expect(setRulePaused(db, rule.id, false, cliActor, NOW + 2000)).toMatchObject({ paused: false, activeFrom: NOW + 2000 });
    expect(refusal(() => setRulePaused(db, 999, true, cliActor, NOW))).toBe('err-reminder-unknown');
    expect(
      (db.$client.prepare("SELECT action FROM audit_log WHERE entity = 'reminder_rule' ORDER BY id").all() as { action: string }[]).map((r) => r.action),
    ).toEqual(['reminder_rule.create', 'reminder_rule.pause', 'reminder_rule.resume']);
  });
});

describe('thidua reminders', () => {
  it('defaults, list (with the next delivery, in words), add, pause, resume', async () => {
    const cli = cliSandbox();
    expect((await cli.run('load-sample')).stdout).toContain('Đã tạo 20 nhắc việc mặc định');
    // The defaults came with the new movement: asking for them again creates nothing.
    const defaults = await cli.run('reminders', 'defaults');
    expect(defaults.code).toBe(0);
    expect(defaults.stdout).toContain('Đã tạo 0 quy tắc mặc định cho ND-2020');
    const list = await cli.run('reminders', 'list');
    expect(list.stdout).toContain('#1 Đăng ký: 14 ngày trước hạn, lúc 08:00 — lần tới: 17/03/2020 08:00');
    // 28/03/2020 is a Saturday: Monday 07:00.
    expect(list.stdout).toContain('#3 Đăng ký: 3 ngày trước hạn, lúc 08:00 — lần tới: 30/03/2020 07:00');
    expect(list.stdout).toContain('#6 Đăng ký: 1 ngày sau hạn, lúc 08:00; báo Cụm/Khối trưởng khi đơn vị bỏ qua 5 lần nhắc — lần tới: 01/04/2020 08:00');
    expect(list.stdout).toContain('#14 Lịch "30 8 * * 1-5": tổng hợp đơn vị quá hạn chưa nộp, gửi quản trị — lần tới: 17/02/2020 08:30');
    // 03/12/2020, a week before the year-end's dossier deadline (10/12/2020).
    expect(list.stdout).toContain('#15 Hồ sơ khen thưởng: 7 ngày trước hạn nộp hồ sơ, lúc 08:00 — lần tới: 03/12/2020 08:00');
    expect(list.stdout).toContain('#18 Tự chấm điểm: 7 ngày trước hạn tự chấm, lúc 08:00 — lần tới: 23/11/2020 08:00');

    const added = await cli.run('reminders', 'add', '--kind', 'period', '--offset=-10', '--at', '09:15', '--escalate-after', '2', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ id: 21, kind: 'period_due', offsetDays: -10, atTime: '09:15', escalateAfter: 2, nextLocal: '31/03/2020 09:15' });
    const cron = await cli.run('reminders', 'add', '--kind', 'cron', '--cron', '0 9 * * 1', '--subject', 'report', '--lang', 'en');
    expect(cron.stdout).toContain('Rule #22 added: Schedule "0 9 * * 1": report reminder');
    expect(cron.stdout).toContain('Next delivery: 17/02/2020 09:00');
    expect((await cli.run('reminders', 'add', '--kind', 'cron', '--cron', 'nonsense')).stderr).toContain('Lịch "nonsense" không dùng được');
    expect((await cli.run('reminders', 'add', '--kind', 'weekly')).code).toBe(2);
    expect((await cli.run('reminders', 'add', '--kind', 'period', '--offset', 'x')).stderr).toContain('"x" không phải số nguyên');

    expect((await cli.run('reminders', 'pause', '21')).stdout).toContain('Đã tạm dừng quy tắc #21');
    expect((await cli.run('reminders', 'list')).stdout).toContain('#21 Báo cáo: 10 ngày trước hạn của mỗi kỳ, lúc 09:15; báo Cụm/Khối trưởng khi đơn vị bỏ qua 2 lần nhắc — tạm dừng');
    expect((await cli.run('reminders', 'resume', '21')).stdout).toContain('Đã chạy lại quy tắc #21');
    expect((await cli.run('reminders', 'pause')).code).toBe(2);
    const missing = await cli.run('reminders', 'pause', '99');
    expect([missing.code, missing.stderr]).toEqual([1, 'Không có quy tắc nhắc việc #99.\n']);
    const json = JSON.parse((await cli.run('reminders', 'list', '--json')).stdout) as { id: number; paused: boolean; next: string | null }[];
    expect(json).toHaveLength(22);
    expect(json[0]).toMatchObject({ id: 1, paused: false, next: '2020-03-17T01:00:00.000Z' });
    expect((await cli.run('reminders', 'frobnicate')).code).toBe(2);
  });

  it('--help lists the subcommands and options in both languages', async () => {
    const cli = cliSandbox();
    const vi = await cli.run('reminders', '--help');
    expect(vi.stdout).toContain('thidua reminders list|add|pause <id>|resume <id>|defaults');
    expect(vi.stdout).toContain('--escalate-after');
    expect((await cli.run('reminders', '--help', '--lang', 'en')).stdout).toContain('Reminder rules: list, add, pause/resume <id>');
    expect((await cli.run('--help')).stdout).toMatch(/reminders .*Quy tắc nhắc việc/);
  });
});
