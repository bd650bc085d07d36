import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { isAllowed } from '../../src/reminders/calendar.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { createDefaultRules, listRules } from '../../src/reminders/rules.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { HOUR, outboxRows, vn, vnText, world, type OutRow } from './helpers.ts';

useTempDatabases();

/**
 * The test movement (deadline Tuesday 31/03/2020; quarterly, half-yearly and yearly reports due 10
 * days after each period) with the default rules, ticked every half hour from 02/01/2020 to
 * 31/01/2021 while the units go about their business:
 *   SNV submits on 20/03 and reports Q1 on 08/04, nothing after;
 *   STC drafts on 21/03, submits late on 02/04, never reports;
 *   HHH submits 25/03, is returned 27/03, sends again 06/04, never reports;
 *   HGT and MTTQ never register (HGT is in Cụm 1 under HHH; MTTQ in no group).
 */
describe('a whole movement year with the default rules', () => {
  it('reminds exactly who owes what, at allowed times, once; escalates to cluster heads; digests for the admins', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    createDefaultRules(db, w.movement.id, cliActor, vn('2020-01-02T09:00'));
    const rules = listRules(db, w.movement.id);
    const ruleName = new Map(
      rules.map((r) => [r.id, r.kind === 'cron' ? 'digest' : `${r.kind === 'registration_deadline' ? 'reg' : 'rep'}${r.offsetDays! >= 0 ? '+' : ''}${r.offsetDays}`]),
    );
    const events: [string, () => void][] = [
      ['2020-03-20T10:00', () => w.submit('SNV', vn('2020-03-20T10:00'))],
      ['2020-03-21T10:00', () => w.draft('STC', vn('2020-03-21T10:00'))],
      ['2020-03-25T10:00', () => w.submit('HHH', vn('2020-03-25T10:00'))],
      ['2020-03-27T10:00', () => w.giveBack('HHH', 'Thiếu chỉ tiêu định lượng', vn('2020-03-27T10:00'))],
      ['2020-04-02T15:00', () => w.submit('STC', vn('2020-04-02T15:00'))],
      ['2020-04-06T15:00', () => w.submit('HHH', vn('2020-04-06T15:00'))],
      ['2020-04-08T15:00', () => w.report('SNV', 'Q2020-1', vn('2020-04-08T15:00'))],
    ];
    const lines: string[] = [];
    const digests: string[] = [];
    const rows: OutRow[] = [];
    let last = 0;
    const name = (id: number) => Object.entries(w.person).find(([, p]) => p === id)![0];
    for (let now = vn('2020-01-02T09:30'); now <= vn('2021-01-31T23:30'); now += HOUR / 2) {
      while (events.length > 0 && vn(events[0]![0]) <= now) events.shift()![1]();
      for (const f of runDueReminders(db, now)) {
        expect(f.deliverAt).toBeLessThanOrEqual(now);
        expect(now - f.deliverAt).toBeLessThan(HOUR / 2);
        expect(isAllowed(f.deliverAt)).toBe(true);
      }
      const fresh = outboxRows(db, last);
      if (fresh.length > 0) last = fresh.at(-1)!.id;
      rows.push(...fresh);
      for (const r of fresh) {
        const kind = r.key.split(':')[0];
        if (kind === 'dg') digests.push(`${vnText(now)} ${name(r.person)}`);
        else lines.push(`${vnText(now)} ${ruleName.get(r.ruleId!)} ${kind === 'es' ? 'escalation' : 'reminder'} → ${name(r.person)} [${r.choices.join(',')}]`);
      }
    }
    const sorted = (l: string[]) => [...l].sort();
    expect(sorted(lines)).toEqual(
      sorted([
        // Registration: everyone who has not sent, two weeks and one week before.
        ...['HGT', 'HHH', 'MTTQ', 'STC'].map((u) => `2020-03-17 08:00 reg-14 reminder → ${u} [go:register,go:register:form]`),
        '2020-03-17 08:00 reg-14 reminder → SNV [go:register,go:register:form]',
        ...['HGT', 'HHH', 'MTTQ', 'STC'].map((u) => `2020-03-24 08:00 reg-7 reminder → ${u} [go:register,go:register:form]`),
        // 3 days before is Saturday 28/03: Monday 07:00; the 1-day-before one at 08:00 the same
        // morning finds everyone just reminded, and says nothing. HHH is now returned.
        ...['HGT', 'HHH', 'MTTQ', 'STC'].map((u) => `2020-03-30 07:00 reg-3 reminder → ${u} [go:register,go:register:form]`),
        ...['HGT', 'HHH', 'MTTQ', 'STC'].map((u) => `2020-03-31 08:00 reg+0 reminder → ${u} [go:register,go:register:form]`),
        ...['HGT', 'HHH', 'MTTQ', 'STC'].map((u) => `2020-04-01 08:00 reg+1 reminder → ${u} [go:register,go:register:form]`),
        // STC sent on 02/04 (Giỗ Tổ). HGT ignored 5 reminders: Cụm 1's head (HHH) is told. MTTQ
        // is in no group: only the admins' digest has it. The Q1 reports (due Friday 10/04) start.
        ...['HGT', 'HHH', 'MTTQ'].map((u) => `2020-04-03 08:00 reg+3 reminder → ${u} [go:register,go:register:form]`),
        '2020-04-03 08:00 reg+3 escalation → HHH []',
        ...['HHH', 'SNV', 'STC'].map((u) => `2020-04-03 08:00 rep-7 reminder → ${u} [go:report]`),
        ...['HGT', 'MTTQ'].map((u) => `2020-04-07 08:00 reg+7 reminder → ${u} [go:register,go:register:form]`),
        ...['HHH', 'SNV', 'STC'].map((u) => `2020-04-07 08:00 rep-3 reminder → ${u} [go:report]`),
        // SNV reported Q1 on 08/04.
        ...['HHH', 'STC'].map((u) => `2020-04-10 08:00 rep+0 reminder → ${u} [go:report]`),
        ...['HHH', 'STC'].map((u) => `2020-04-13 08:00 rep+3 reminder → ${u} [go:report]`),
        // STC ignored 3 report reminders: Khối A's head (SNV) is told. HHH heads its own cluster.
        '2020-04-13 08:00 rep+3 escalation → SNV []',
        ...['HHH', 'STC'].map((u) => `2020-04-17 08:00 rep+7 reminder → ${u} [go:report]`),
        // Q2 and the first half, both due Friday 10/07, in one message each time.
        ...['2020-07-03 08:00 rep-7', '2020-07-07 08:00 rep-3', '2020-07-10 08:00 rep+0', '2020-07-13 08:00 rep+3', '2020-07-17 08:00 rep+7'].flatMap((at) =>
          ['HHH', 'SNV', 'STC'].map((u) => `${at} reminder → ${u} [go:report]`),
        ),
        '2020-07-13 08:00 rep+3 escalation → SNV []',
        // Q3 due Saturday 10/10: 7 days before is a Saturday too, on the day goes to Monday, 7 days after is a Saturday.
        ...['2020-10-05 07:00 rep-7', '2020-10-07 08:00 rep-3', '2020-10-12 07:00 rep+0', '2020-10-13 08:00 rep+3', '2020-10-19 07:00 rep+7'].flatMap((at) =>
          ['HHH', 'SNV', 'STC'].map((u) => `${at} reminder → ${u} [go:report]`),
        ),
        '2020-10-13 08:00 rep+3 escalation → SNV []',
        // Q4, the second half and the year, due Sunday 10/01/2021.
        ...['2021-01-04 07:00 rep-7', '2021-01-07 08:00 rep-3', '2021-01-11 07:00 rep+0', '2021-01-13 08:00 rep+3', '2021-01-18 07:00 rep+7'].flatMap((at) =>
          ['HHH', 'SNV', 'STC'].map((u) => `${at} reminder → ${u} [go:report]`),
        ),
        '2021-01-13 08:00 rep+3 escalation → SNV []',
      ]),
    );
    // One row per (rule, slot, person).
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);

    // The digest: every working day at 08:30 from the first day anything is late (01/04/2020), to the admin only.
    expect(digests[0]).toBe('2020-04-01 08:30 admin');
    expect(digests.every((d) => d.endsWith('08:30 admin'))).toBe(true);
    const days = digests.map((d) => d.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    for (const holiday of ['2020-04-02', '2020-04-30', '2020-05-01', '2020-09-02', '2020-09-03', '2021-01-01']) expect(days).not.toContain(holiday);
    expect(days).toContain('2020-04-03');
    expect(days).toContain('2020-05-04');
    expect(days.filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() % 6 === 0)).toEqual([]);
    // 01/04/2020 to 29/01/2021: 218 weekdays, less the 6 holidays on weekdays.
    expect(days).toHaveLength(212);

    // What the messages say.
    const text = (key: (r: OutRow) => boolean) => rows.find(key)!.text;
    const hhh = text((r) => r.person === w.person.HHH && vnText(r.notBefore) === '2020-03-31 08:00');
    expect(hhh).toBe(
      [
        '⏰ Nhắc việc — Phong trào thi đua thử nghiệm 2020',
        '• Bản đăng ký của Huyện Hải Hậu bị trả lại ngày 27/03/2020, cần sửa và gửi lại.',
        '  Lý do trả lại: Thiếu chỉ tiêu định lượng',
        '  Hạn đăng ký: thứ Ba, 31/03/2020 (hôm nay là hạn cuối).',
        'Bấm "Đăng ký chỉ tiêu" bên dưới để làm ngay.',
      ].join('\n'),
    );
    expect(text((r) => r.person === w.person.STC && vnText(r.notBefore) === '2020-03-30 07:00')).toContain(
      '• Sở Tài chính có bản đăng ký (1 chỉ tiêu) đang soạn nhưng chưa gửi.\n  Hạn đăng ký: thứ Ba, 31/03/2020 (còn 1 ngày).',
    );
    expect(text((r) => r.person === w.person.MTTQ && vnText(r.notBefore) === '2020-04-07 08:00')).toContain(
      '• Ủy ban MTTQ tỉnh chưa đăng ký chỉ tiêu thi đua.\n  Hạn đăng ký: thứ Ba, 31/03/2020 (đã quá hạn 7 ngày).',
    );
    expect(text((r) => r.key.startsWith('es:') && r.person === w.person.HHH)).toBe(
      [
        '📋 Cụm 1 — Phong trào thi đua thử nghiệm 2020: 1 đơn vị đã được nhắc nhiều lần nhưng vẫn chưa hoàn thành. Đề nghị Cụm trưởng đôn đốc:',
        '• Huyện Giao Thủy: chưa đăng ký chỉ tiêu (đã nhắc 5 lần)',
      ].join('\n'),
    );
    expect(text((r) => r.person === w.person.SNV && vnText(r.notBefore) === '2021-01-04 07:00')).toBe(
      [
        '⏰ Nhắc việc — Phong trào thi đua thử nghiệm 2020',
        '• Sở Nội vụ chưa báo cáo kết quả Quý IV/2020 (1 chỉ tiêu); hạn Chủ nhật, 10/01/2021 (còn 6 ngày).',
        '• Sở Nội vụ chưa báo cáo kết quả 6 tháng cuối năm 2020 (1 chỉ tiêu); hạn Chủ nhật, 10/01/2021 (còn 6 ngày).',
        '• Sở Nội vụ chưa báo cáo kết quả năm 2020 (1 chỉ tiêu); hạn Chủ nhật, 10/01/2021 (còn 6 ngày).',
        'Bấm "Báo cáo kết quả" bên dưới để làm ngay.',
      ].join('\n'),
    );
    expect(text((r) => r.key.startsWith('dg:') && vnText(r.notBefore) === '2020-04-13 08:30')).toBe(
      [
        '📊 Tình hình gửi bản đăng ký và báo cáo — Phong trào thi đua thử nghiệm 2020 — thứ Hai, 13/04/2020',
        '',
        '📝 Bản đăng ký (hạn 31/03/2020): 2 đơn vị quá hạn chưa gửi.',
        'Cụm 1 (1):',
        '• Huyện Giao Thủy: chưa đăng ký chỉ tiêu',
        'Chưa thuộc cụm/khối (1):',
        '• Ủy ban MTTQ tỉnh: chưa đăng ký chỉ tiêu',
        '',
        // The period in course: SNV sent it on 08/04, HHH (sent again on 06/04) and STC have not.
        '📊 Báo cáo Quý I/2020 (hạn 10/04/2020, đã quá hạn 3 ngày): 1/3 đơn vị đã gửi; 2 đơn vị chưa gửi.',
        'Cụm 1 (1):',
        '• Huyện Hải Hậu',
        'Khối A (1):',
        '• Sở Tài chính',
      ].join('\n'),
    );
  }, 120_000);
});
