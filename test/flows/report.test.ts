import { describe, expect, it } from 'vitest';
import { listContentAreas, currentMovement } from '../../src/domain/movements.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const LIAISON = '2001';

/** SNV registered two quantitative targets and a qualitative one, and sent them. */
function registered(h: ChatHarness) {
  h.link(LIAISON, 'SNV', 'liaison', 'Lê Minh');
  const movement = currentMovement(h.db)!;
  const unitId = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'SNV'")[0]!.id;
  const reg = ensureRegistration(h.db, movement.id, unitId, h.clock.now());
  const area = listContentAreas(h.db, movement.id)[5]!.id;
  const actor = { label: 'test' };
  const products = addTarget(h.db, reg.id, { contentAreaId: area, text: 'Sản phẩm OCOP', kind: 'quantitative', measure: 'sản phẩm', plannedValue: 100, direction: 'at_least' }, actor, 0);
  const accidents = addTarget(h.db, reg.id, { contentAreaId: area, text: 'Số vụ tai nạn giao thông', kind: 'quantitative', measure: 'vụ', plannedValue: 40, direction: 'at_most' }, actor, 0);
  const bridge = addTarget(h.db, reg.id, { contentAreaId: area, text: 'Đưa cầu Thịnh Long vào sử dụng', kind: 'qualitative' }, actor, 0);
  submitRegistration(h.db, reg.id, actor, h.clock.now());
  return { reg, products, accidents, bridge };
}

function lines(h: ChatHarness) {
  return h.rows(
    `SELECT r.revision, p.code AS period, t.text, l.value, l.cumulative, l.percent_of_plan, l.assessment, l.evidence_kind, l.evidence_ref, l.note
       FROM progress_lines l JOIN progress_reports r ON r.id = l.report_id JOIN reporting_periods p ON p.id = r.period_id
       JOIN targets t ON t.id = l.target_id ORDER BY r.revision, l.id`,
  );
}

describe('reporting progress in chat', () => {
  it('asks each target in turn, computes % of plan and the assessment, and saves on confirmation', () => {
    const h = chatHarness();
    registered(h);
    h.clock.set(Date.UTC(2020, 3, 5, 3)); // 05/04/2020
    // One step for the period, one per target, one for the summary: 3 targets, 5 steps.
    expect(h.say(LIAISON, '/baocao')).toContain('Bước 1/5. Báo cáo kết quả cho kỳ nào?');
    expect(h.lastQuestion(LIAISON)?.choices?.map((c) => c.label)).toEqual([
      'Quý I/2020 (hạn 10/04/2020)',
      'Quý II/2020 (hạn 10/07/2020)',
      '6 tháng đầu năm 2020 (hạn 10/07/2020)',
      'Quý III/2020 (hạn 10/10/2020)',
      'Quý IV/2020 (hạn 10/01/2021)',
      '6 tháng cuối năm 2020 (hạn 10/01/2021)',
      'Năm 2020 (hạn 10/01/2021)',
    ]);

    const first = h.press(LIAISON, 'Quý I/2020');
    expect(first).toContain('Chỉ tiêu 1/3: Sản phẩm OCOP (kế hoạch: ≥ 100 sản phẩm)');
    // Quý I: this period and the running total are the same figure, so that is not asked.
    expect(first).toContain('Bước 2/5');
    expect(h.say(LIAISON, '35')).toContain('✔ Đã ghi: 35 sản phẩm');

    // No evidence or note asked on the way: one answer per target.
    expect(h.lastText(LIAISON)).toContain('Bước 3/5. Chỉ tiêu 2/3: Số vụ tai nạn giao thông');
    h.say(LIAISON, '12');
    expect(h.lastText(LIAISON)).toContain('Bước 4/5. Chỉ tiêu 3/3: Đưa cầu Thịnh Long vào sử dụng');
    expect(h.press(LIAISON, 'Đang thực hiện')).toContain('Bước 5/5. Tổng hợp báo cáo Quý I/2020:');

    // Evidence and a note go with the targets that have them, from the summary.
    h.press(LIAISON, 'Thêm minh chứng / ghi chú');
    expect(h.press(LIAISON, '1. Sản phẩm OCOP')).toContain('Chỉ tiêu 1: Sản phẩm OCOP\nGửi minh chứng');
    h.send(LIAISON, { file: { kind: 'photo', ref: 'AgACAgIAAxkBAAIB', size: 120_000 } });
    h.say(LIAISON, 'Đã có quyết định công nhận');
    h.press(LIAISON, 'Thêm minh chứng / ghi chú');
    h.press(LIAISON, '2. Số vụ tai nạn giao thông');
    h.say(LIAISON, 'https://congbao.namdinh.gov.vn/bao-cao-atgt-quy-1');
    const summary = h.press(LIAISON, 'Không ghi chú');
    expect(summary).toContain('Tổng hợp báo cáo Quý I/2020:');
    expect(summary).toContain('1. Sản phẩm OCOP: 35 sản phẩm (đạt 35% kế hoạch; đang thực hiện, đã qua 25% thời gian) 📎');
    expect(summary).toContain('2. Số vụ tai nạn giao thông: 12 vụ (bằng 30% mức kế hoạch; đang thực hiện, đã qua 25% thời gian) 📎');
    expect(summary).toContain('3. Đưa cầu Thịnh Long vào sử dụng: Đang thực hiện');

    expect(h.press(LIAISON, 'Gửi báo cáo')).toContain('✔ Đã gửi báo cáo Quý I/2020 tới Ban (3 chỉ tiêu).');
    expect(lines(h)).toEqual([
      { revision: 1, period: 'Q2020-1', text: 'Sản phẩm OCOP', value: 35, cumulative: 1, percent_of_plan: 35, assessment: 'in_progress', evidence_kind: 'photo', evidence_ref: 'AgACAgIAAxkBAAIB', note: 'Đã có quyết định công nhận' },
      { revision: 1, period: 'Q2020-1', text: 'Số vụ tai nạn giao thông', value: 12, cumulative: 1, percent_of_plan: 30, assessment: 'in_progress', evidence_kind: 'link', evidence_ref: 'https://congbao.namdinh.gov.vn/bao-cao-atgt-quy-1', note: null },
      { revision: 1, period: 'Q2020-1', text: 'Đưa cầu Thịnh Long vào sử dụng', value: null, cumulative: 0, percent_of_plan: null, assessment: 'in_progress', evidence_kind: null, evidence_ref: null, note: null },
    ]);
  });

  it('adds a later quarter to the earlier ones unless the figure is a running total', () => {
    const h = chatHarness();
    registered(h);
    const report = (period: string, value: string, kind: 'Riêng kỳ này' | 'Lũy kế' | null) => {
      h.say(LIAISON, '/baocao');
      h.press(LIAISON, period);
      h.say(LIAISON, value);
      if (kind) h.press(LIAISON, kind);
      h.press(LIAISON, 'Bỏ qua'); // accidents
      h.press(LIAISON, 'Bỏ qua'); // bridge
      return h.press(LIAISON, 'Gửi báo cáo');
    };
    report('Quý I/2020', '35', null); // the first quarter: not asked
    report('Quý II/2020', '40', 'Riêng kỳ này');
    report('Quý III/2020', '110', 'Lũy kế');
    report('Quý IV/2020', '5', 'Riêng kỳ này');
    // Due 31/12/2020 (the movement's end): in progress until Quý IV, then judged.
    expect(h.rows('SELECT l.value, l.cumulative, l.percent_of_plan, l.assessment FROM progress_lines l ORDER BY l.id')).toEqual([
      { value: 35, cumulative: 1, percent_of_plan: 35, assessment: 'in_progress' },
      { value: 40, cumulative: 0, percent_of_plan: 75, assessment: 'in_progress' },
      { value: 110, cumulative: 1, percent_of_plan: 110, assessment: 'in_progress' },
      { value: 5, cumulative: 0, percent_of_plan: 115, assessment: 'exceeded' },
    ]);
  });

  it('treats a second report for the same period as a correction and keeps both', () => {
    const h = chatHarness();
    registered(h);
    for (const value of ['35', '38']) {
      h.say(LIAISON, '/baocao');
      const asked = h.press(LIAISON, 'Quý I/2020');
      if (value === '38') expect(asked).toContain('Kỳ này đã có 1 báo cáo');
      h.say(LIAISON, value);
      h.press(LIAISON, 'Bỏ qua');
      h.press(LIAISON, 'Bỏ qua');
      const saved = h.press(LIAISON, 'Gửi báo cáo');
      if (value === '38') expect(saved).toContain('bản điều chỉnh lần 2');
    }
    expect(h.rows('SELECT r.revision, l.value FROM progress_lines l JOIN progress_reports r ON r.id = l.report_id ORDER BY r.revision')).toEqual([
      { revision: 1, value: 35 },
      { revision: 2, value: 38 },
    ]);
    // "My unit" shows the latest figures.
    const mine = h.say(LIAISON, '/donvi');
    expect(mine).toContain('Sở Nội vụ · Khối Nội chính');
    expect(mine).toContain('Đăng ký: Chờ duyệt (lần 1, gửi ngày 15/02/2020)');
    expect(mine).toContain('1. Quý I/2020: 38 sản phẩm (đạt 38% kế hoạch, đang thực hiện)');
  });

  it('refuses evidence that is too large, and a report before the registration was sent', () => {
    const h = chatHarness();
    h.link('3003', 'STC');
    expect(h.say('3003', '/baocao')).toContain('cần gửi bản đăng ký chỉ tiêu trước');
    registered(h);
    h.say(LIAISON, '/baocao');
    h.press(LIAISON, 'Quý I/2020');
    h.say(LIAISON, '35');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Thêm minh chứng / ghi chú');
    const refused = h.send(LIAISON, { file: { kind: 'document', ref: 'BQACAgIA', name: 'bao-cao.pdf', size: 50 * 1024 * 1024 } });
    expect(refused.map((r) => r.text).join()).toContain('Tệp quá lớn (tối đa 20 MB)');
  });
});

describe('a report saved by the earlier version, at its evidence question', () => {
  it('goes on to the next target, the answers so far kept', () => {
    const h = chatHarness();
    registered(h);
    h.clock.set(Date.UTC(2020, 3, 5, 3));
    h.say(LIAISON, '/baocao');
    h.press(LIAISON, 'Quý I/2020');
    h.say(LIAISON, '35');
    // As version 1 left it: at "evidence" for the first target.
    h.db.$client.prepare("UPDATE conversations SET flow_version = 1, step = 'evidence', data = json_set(data, '$.index', 0)").run();
    expect(h.say(LIAISON, '/tieptuc')).toContain('Chỉ tiêu 2/3: Số vụ tai nạn giao thông');
    h.say(LIAISON, '12');
    h.press(LIAISON, 'Hoàn thành');
    expect(h.press(LIAISON, 'Gửi báo cáo')).toContain('(3 chỉ tiêu)');
    expect(lines(h).map((l) => l.value)).toEqual([35, 12, null]);
  });
});

describe('several results in one message', () => {
  it('reads "number: result" lines, shows the summary once, saves on confirmation; a missing line is skipped', () => {
    const h = chatHarness();
    registered(h);
    h.clock.set(Date.UTC(2020, 3, 5, 3)); // 05/04/2020
    h.say(LIAISON, '/baocao');
    expect(h.press(LIAISON, 'Quý I/2020')).toContain('1: 97,5');
    const summary = h.say(LIAISON, '1: 35 lũy kế\n3: hoàn thành');
    expect(summary).toContain('1. Sản phẩm OCOP: 35 sản phẩm');
    expect(summary).toContain('2. Số vụ tai nạn giao thông: Đã bỏ qua chỉ tiêu này.');
    expect(summary).toContain('3. Đưa cầu Thịnh Long vào sử dụng: Hoàn thành');
    expect(lines(h)).toEqual([]);
    // Read at once, not step by step: no step counter on the summary.
    expect(summary).not.toContain('Bước');
    // A line typed at the summary changes only its own target.
    expect(h.say(LIAISON, '1: 36 lũy kế')).toContain('3. Đưa cầu Thịnh Long vào sử dụng: Hoàn thành');
    h.press(LIAISON, 'Gửi báo cáo');
    expect(lines(h).map((l) => [l.text, l.value, l.cumulative, l.assessment])).toEqual([
      ['Sản phẩm OCOP', 36, 1, 'in_progress'],
      ['Đưa cầu Thịnh Long vào sử dụng', null, 0, 'met'],
    ]);
  });

  it('refuses the lines when one cannot be read, and saves nothing', () => {
    const h = chatHarness();
    registered(h);
    h.clock.set(Date.UTC(2020, 3, 5, 3));
    h.say(LIAISON, '/baocao');
    h.press(LIAISON, 'Quý I/2020');
    const answer = h.say(LIAISON, '1: 35\n2: mười hai\n7: 3');
    expect(answer).toContain('Chưa đọc được các dòng này, chưa có gì được lưu');
    expect(answer).toContain('Dòng 2: "mười hai" không phải con số');
    expect(answer).toContain('Dòng 3: cần dạng "số thứ tự: kết quả", số thứ tự từ 1 đến 3');
    expect(lines(h)).toEqual([]);
  });
});

describe('the Board entering a unit’s report in chat', () => {
  it('opens the unit’s report by its code and saves the results as the admin', () => {
    const h = chatHarness();
    registered(h);
    h.link('9001', null, 'admin', 'Trần Văn Ban');
    h.clock.set(Date.UTC(2020, 3, 5, 3));
    expect(h.say('9001', '/baocao')).toContain('Chỉ cán bộ đầu mối');
    h.say('9001', '/baocao SNV');
    h.press('9001', 'Quý I/2020');
    h.say('9001', '1: 35\n2: 12\n3: hoàn thành');
    h.press('9001', 'Gửi báo cáo');
    expect(lines(h).map((l) => [l.text, l.value, l.assessment])).toEqual([
      ['Sản phẩm OCOP', 35, 'in_progress'],
      ['Số vụ tai nạn giao thông', 12, 'in_progress'],
      ['Đưa cầu Thịnh Long vào sử dụng', null, 'met'],
    ]);
    expect(h.rows("SELECT p.role FROM progress_reports r JOIN people p ON p.id = r.reported_by")).toEqual([{ role: 'admin' }]);
  });
});
