/**
 * A scripted year of the 2020 Nam Định movement in which some units miss the 6-month report:
 * /tinhhinh for that period names who sent on time, who sent late (with the day) and who has not
 * sent, by cluster/block and kind, down to a unit's targets; a cluster head sees only their cluster.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement, listContentAreas, listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { encodeChoice } from '../../src/chat/types.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const ADMIN = '9100';
const HEAD = '9200';
/** 09:00 in Hà Nội on the day given. */
const on = (day: string) => Date.parse(`${day}T02:00:00Z`);

/** Who registered (two targets each: a count in area 1, a qualitative one in area 2) and when each sent the 6-month report. */
const SIX_MONTHS: Record<string, string | null> = {
  SNV: '2020-07-06', // on time
  STP: '2020-07-10', // on the due day: on time
  SKHDT: '2020-07-13', // late
  HGT: '2020-07-08', // on time
  HHH: null, // Hải Hậu: never sent
  HNH: '2020-07-15', // late
  MTTQ: null, // never sent
};

describe('/tinhhinh for a reporting period', () => {
  let h: ChatHarness;

  beforeEach(() => {
    h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    h.link(HEAD, 'HHH', 'cluster_head', 'Cụm trưởng Hải Hậu');
    const movement = currentMovement(h.db)!;
    const [area1, area2] = listContentAreas(h.db, movement.id);
    const period = (code: string) => listPeriods(h.db, movement.id).find((p) => p.code === code)!.id;
    for (const [code, sentOn] of Object.entries(SIX_MONTHS)) {
      const unitId = h.rows<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id;
      const reg = ensureRegistration(h.db, movement.id, unitId, on('2020-03-02'));
      const count = addTarget(h.db, reg.id, { contentAreaId: area1!.id, text: `Số hồ sơ trực tuyến của ${code}`, kind: 'quantitative', measure: 'hồ sơ', plannedValue: 100, direction: 'at_least', dueOn: '2020-06-30' }, cliActor, on('2020-03-02')).id;
      const done = addTarget(h.db, reg.id, { contentAreaId: area2!.id, text: `Hội nghị sơ kết của ${code}`, kind: 'qualitative', dueOn: '2020-12-31' }, cliActor, on('2020-03-02')).id;
      submitRegistration(h.db, reg.id, cliActor, on('2020-03-20'));
      // Every one of them sent the first quarter's report.
      recordProgressReport(h.db, { registrationId: reg.id, periodId: period('Q2020-1'), lines: [{ targetId: count, value: 40, cumulative: true }] }, cliActor, on('2020-04-08'));
      if (sentOn) recordProgressReport(h.db, { registrationId: reg.id, periodId: period('H2020-1'), lines: [{ targetId: count, value: code === 'HNH' ? 90 : 120, cumulative: true }, { targetId: done, assessment: 'in_progress' }] }, cliActor, on(sentOn));
    }
    // A unit that registered nothing is not in the period at all.
    h.clock.set(on('2020-07-16'));
  });

  it('offers the 6-month report first on 16/07, beside registration and the other periods', () => {
    h.say(ADMIN, '/tinhhinh');
    const labels = h.lastQuestion(ADMIN)!.choices!.map((c) => c.label);
    const views = labels.filter((l) => l.startsWith('📅'));
    expect(views[0]).toBe('📅 6 tháng đầu năm 2020');
    expect(views).toEqual(['📅 6 tháng đầu năm 2020', '📅 Quý I/2020', '📅 Quý II/2020', '📅 Quý III/2020', '📅 Quý IV/2020', '📅 6 tháng cuối năm 2020', '📅 Năm 2020']);
  });

  it('names the units on time, late with the day, and overdue; by cluster/block, kind and content area', () => {
    h.say(ADMIN, '/tinhhinh');
    const text = h.press(ADMIN, '6 tháng đầu năm 2020');
    expect(text).toContain('📅 Báo cáo 6 tháng đầu năm 2020 · hạn 10/07/2020 (đã qua) · tình hình ngày 16/07/2020');
    expect(text).toContain('Tổng số: 7 đơn vị — ✅ 3 đúng hạn, ⏰ 2 nộp muộn, ⛔ 2 quá hạn chưa nộp, ⏳ 0 chưa đến hạn');
    expect(text).toContain('⏰ Nộp muộn (2): UBND huyện Nghĩa Hưng (15/07/2020), Sở Kế hoạch và Đầu tư (13/07/2020)');
    expect(text).toMatch(/⛔ Quá hạn chưa nộp \(2\): UBND huyện Hải Hậu, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n/);
    expect(text).toContain('Cụm thi đua số 2: 3 đơn vị — ✅ 1 đúng hạn, ⏰ 1 nộp muộn, ⛔ 1 quá hạn chưa nộp, ⏳ 0 chưa đến hạn');
    expect(text).toContain('Khối Nội chính: 2 đơn vị — ✅ 2 đúng hạn, ⏰ 0 nộp muộn, ⛔ 0 quá hạn chưa nộp');
    expect(text).toContain('Sở: 3 đơn vị — ✅ 2 đúng hạn, ⏰ 1 nộp muộn, ⛔ 0 quá hạn chưa nộp');
    // Clusters/blocks with nobody in the period are left out.
    expect(text).not.toContain('Cụm thi đua số 1');
    // Targets judged for the 6-month report: four of 120 (of 100) vượt, HNH's 90 không đạt; Hải Hậu's
    // three (one from the sample) and MTTQ's two not reported.
    expect(text).toContain('Chỉ tiêu: 4 vượt, 0 đạt, 5 đang thực hiện, 1 không đạt, 5 chưa báo cáo');
    expect(text).toMatch(/ 1\. [^\n]+: 4 vượt, 0 đạt, 0 đang thực hiện, 1 không đạt, 2 chưa báo cáo/);
    expect(text).toMatch(/ 2\. [^\n]+: 0 vượt, 0 đạt, 5 đang thực hiện, 0 không đạt, 3 chưa báo cáo/);
    // Nobody who never registered is counted: 7 of the 34 units.
    expect(text).not.toContain('34 đơn vị');
  });

  it('drills down to a cluster/block and to a unit, its targets judged for the period', () => {
    h.say(ADMIN, '/tinhhinh');
    h.press(ADMIN, '6 tháng đầu năm 2020');
    const cluster = h.press(ADMIN, 'Cụm thi đua số 2');
    expect(cluster).toContain('⛔ Quá hạn chưa nộp (1): UBND huyện Hải Hậu');
    expect(h.lastQuestion(ADMIN)!.choices!.map((c) => c.label)).toEqual([
      '✅ HGT — UBND huyện Giao Thủy: đã gửi đúng hạn ngày 08/07/2020',
      '⛔ HHH — UBND huyện Hải Hậu: quá hạn chưa nộp',
      '⏰ HNH — UBND huyện Nghĩa Hưng: nộp muộn ngày 15/07/2020',
      '📊 Biểu đồ',
      '⬅ Quay lại',
    ]);
    const unit = h.press(ADMIN, 'HNH');
    expect(unit).toContain('UBND huyện Nghĩa Hưng — báo cáo 6 tháng đầu năm 2020 (hạn 10/07/2020)');
    expect(unit).toContain('⏰ nộp muộn ngày 15/07/2020');
    expect(unit).toContain('1. Số hồ sơ trực tuyến của HNH: không đạt');
    expect(unit).toContain('2. Hội nghị sơ kết của HNH: đang thực hiện');
    h.press(ADMIN, 'Quay lại');
    expect(h.lastText(ADMIN)).toContain('⛔ Quá hạn chưa nộp (1): UBND huyện Hải Hậu');
    h.press(ADMIN, 'Quay lại');
    expect(h.lastText(ADMIN)).toContain('Tổng số: 7 đơn vị — ✅ 3 đúng hạn');
    // Back to registration.
    expect(h.press(ADMIN, 'Đăng ký')).toContain('Hạn đăng ký 31/03/2020 (đã qua)');
  });

  it('a cluster head sees only their cluster, and a forged period or unit changes nothing', () => {
    h.say(HEAD, '/tinhhinh');
    const text = h.press(HEAD, '6 tháng đầu năm 2020');
    expect(text).toContain('Tổng số: 3 đơn vị — ✅ 1 đúng hạn, ⏰ 1 nộp muộn, ⛔ 1 quá hạn chưa nộp');
    expect(text).not.toContain('Ủy ban Mặt trận');
    expect(text).not.toContain('Sở Kế hoạch');
    expect(h.lastQuestion(HEAD)!.choices!.map((c) => c.label).slice(0, 2)).toEqual(['Cụm thi đua số 2', 'Tìm đơn vị']);
    // A button for another movement's period, or forged, is refused and the screen stays.
    const forged = h.send(HEAD, { choice: encodeChoice(h.lastQuestion(HEAD)!.seq ?? 0, 'v:99999') }).map((r) => r.text).join('\n');
    expect(forged).toContain('📅 Báo cáo 6 tháng đầu năm 2020');
    expect(forged).not.toContain('Hạn đăng ký');
    expect(h.say(HEAD, 'SNV')).toContain('Anh/chị không có quyền xem đơn vị này.');
    expect(h.say(HEAD, 'hai hau')).toContain('⛔ quá hạn chưa nộp');
  });

  it('the admin gives a unit that owes the report more time; it is then not yet due, and its liaison is told', () => {
    h.link('9300', 'HHH', 'liaison', 'Cán bộ Hải Hậu');
    h.say(ADMIN, '/tinhhinh');
    h.press(ADMIN, '6 tháng đầu năm 2020');
    h.press(ADMIN, 'Cụm thi đua số 2');
    h.press(ADMIN, 'HHH');
    expect(h.press(ADMIN, 'Gia hạn báo cáo')).toContain('Hạn hiện tại: 10/07/2020');
    expect(h.say(ADMIN, '31/02')).toContain('Chưa đọc được ngày này.');
    // Not later than the day it has: refused, nothing changed.
    expect(h.say(ADMIN, '5/7')).not.toContain('✔');
    expect(h.say(ADMIN, '20/7')).toContain('✔ Đã gia hạn nộp báo cáo 6 tháng đầu năm 2020 cho đơn vị đến 20/07/2020');
    expect(h.rows("SELECT count(*) AS n FROM outbox o JOIN people p ON p.id = o.person_id WHERE p.full_name = 'Cán bộ Hải Hậu' AND o.payload LIKE '%gia hạn nộp báo cáo 6 tháng đầu năm 2020%'")).toEqual([{ n: 1 }]);
    h.say(ADMIN, '/tinhhinh');
    const text = h.press(ADMIN, '6 tháng đầu năm 2020');
    expect(text).toContain('Tổng số: 7 đơn vị — ✅ 3 đúng hạn, ⏰ 2 nộp muộn, ⛔ 1 quá hạn chưa nộp, ⏳ 1 chưa đến hạn');
    // A unit that sent is offered no extension; nor is anyone but the admin.
    h.press(ADMIN, 'Cụm thi đua số 2');
    h.press(ADMIN, 'HGT');
    expect(h.lastQuestion(ADMIN)!.choices!.map((c) => c.label)).toEqual(['⬅ Quay lại']);
    h.say(HEAD, '/tinhhinh');
    h.press(HEAD, '6 tháng đầu năm 2020');
    h.press(HEAD, 'Cụm thi đua số 2');
    h.press(HEAD, 'HHH');
    expect(h.lastQuestion(HEAD)!.choices!.map((c) => c.label)).toEqual(['⬅ Quay lại']);
  });

  it('a period not yet due shows every unit as not yet due, and nothing overdue', () => {
    h.say(ADMIN, '/tinhhinh');
    const text = h.press(ADMIN, 'Quý III/2020');
    expect(text).toContain('📅 Báo cáo Quý III/2020 · hạn 10/10/2020 · tình hình ngày 16/07/2020');
    expect(text).toContain('Tổng số: 7 đơn vị — ✅ 0 đúng hạn, ⏰ 0 nộp muộn, ⛔ 0 quá hạn chưa nộp, ⏳ 7 chưa đến hạn');
    expect(text).not.toContain('Quá hạn chưa nộp (');
  });
});
