/**
 * A whole year of the 2020 movement typed into the terminal chat, as a Board officer and Sở Tư
 * pháp's liaison would: register four targets (a rate, a count, money, a qualitative one), return,
 * resubmit with a note, approve, reopen, approve again, extend a deadline, then every report of the
 * year. The figures saved are checked against a table worked out by hand below.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { runConsoleChat } from '../../src/channels/console/run.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { eq } from 'drizzle-orm';
import { units } from '../../src/db/schema.ts';
import { currentMovement, listContentAreas } from '../../src/domain/movements.ts';
import { addTarget, approveRegistration, ensureRegistration, submitRegistration, type TargetInput } from '../../src/domain/registrations.ts';
import { writeDocument } from '../../src/documents/index.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { FilledForm, RESULT_COLUMNS } from '../helpers/forms.ts';
import { liaisons } from '../helpers/liaisons.ts';
import { readDocx, tableStartingWith } from '../helpers/docx.ts';

useTempDatabases();

/** 10:00 in Hà Nội on the day given. */
const on = (day: string) => Date.parse(`${day}T03:00:00Z`);

const RATE = 'Tỷ lệ hồ sơ hành chính giải quyết đúng hạn';
const COUNT = 'Số hồ sơ giải quyết trực tuyến';
const MONEY = 'Giải ngân vốn đầu tư công';
const QUALITATIVE = 'Tổ chức hội nghị sơ kết ngành tư pháp';

/**
 * Worked out by hand. Plans: rate ≥ 98,5%, count ≥ 1.200 hồ sơ, money ≥ 1,5 tỷ đồng (due
 * 31/01/2021), qualitative (due 31/12/2020). A rate stands as reported; a count or amount "riêng kỳ
 * này" is added to the earlier quarters, a "lũy kế" one is the total; the year's figure is itself.
 * Before its due date a target is in progress; judged from it.
 *
 *   period   target  typed                 value  running  total  % plan  assessment
 *   Q1       rate    97,3                  97,3   –        97,3    98,8   in progress
 *            count   300, riêng kỳ này     300    no       300     25     in progress
 *            money   300 triệu, riêng      0,3    no       0,3     20     in progress
 *            qual.   Chưa thực hiện
 *   Q2       rate    98                    98     –        98      99,5   in progress
 *            count   350, riêng kỳ này     350    no       650     54,2   in progress
 *            money   0,45, riêng           0,45   no       0,75    50     in progress
 *            qual.   Đang thực hiện
 *   6 tháng  rate    98                    98     –        98      99,5   in progress
 *            count   650, lũy kế           650    yes      650     54,2   in progress
 *            money   750.000.000 đồng, lũy 0,75   yes      0,75    50     in progress
 *            qual.   Đang thực hiện
 *   Q3       rate    98,7                  98,7   –        98,7    100,2  in progress
 *            count   1.000, lũy kế         1000   yes      1000    83,3   in progress
 *            money   0,35, riêng           0,35   no       1,1     73,3   in progress
 *            qual.   Hoàn thành
 *   Q4       rate    99,1                  99,1   –        99,1    100,6  vượt (due 31/12)
 *            count   280, riêng kỳ này     280    no       1280    106,7  vượt
 *            money   300 (questioned), 0,3 0,3    no       1,4     93,3   in progress (due 31/01/2021)
 *   Năm      rate    99,1                  99,1   –        99,1    100,6  vượt
 *            count   1.280 (no question)   1280   –        1280    106,7  vượt
 *            money   1,62 tỷ               1,62   –        1,62    108    in progress (judged from 31/01/2021)
 *            qual.   Hoàn thành
 *
 * On 15/07/2020 (6-month review): 4 in progress. On 01/02/2021: 3 vượt, 1 đạt.
 */
const HAND_WORKED = [
  ['Q2020-1', RATE, 97.3, 1, 98.8, 'in_progress'],
  ['Q2020-1', COUNT, 300, 1, 25, 'in_progress'],
  ['Q2020-1', MONEY, 0.3, 1, 20, 'in_progress'],
  ['Q2020-1', QUALITATIVE, null, 0, null, 'not_started'],
  ['Q2020-2', RATE, 98, 1, 99.5, 'in_progress'],
  ['Q2020-2', COUNT, 350, 0, 54.2, 'in_progress'],
  ['Q2020-2', MONEY, 0.45, 0, 50, 'in_progress'],
  ['Q2020-2', QUALITATIVE, null, 0, null, 'in_progress'],
  ['H2020-1', RATE, 98, 1, 99.5, 'in_progress'],
  ['H2020-1', COUNT, 650, 1, 54.2, 'in_progress'],
  ['H2020-1', MONEY, 0.75, 1, 50, 'in_progress'],
  ['H2020-1', QUALITATIVE, null, 0, null, 'in_progress'],
  ['Q2020-3', RATE, 98.7, 1, 100.2, 'in_progress'],
  ['Q2020-3', COUNT, 1000, 1, 83.3, 'in_progress'],
  ['Q2020-3', MONEY, 0.35, 0, 73.3, 'in_progress'],
  ['Q2020-3', QUALITATIVE, null, 0, null, 'met'],
  ['Q2020-4', RATE, 99.1, 1, 100.6, 'exceeded'],
  ['Q2020-4', COUNT, 280, 0, 106.7, 'exceeded'],
  ['Q2020-4', MONEY, 0.3, 0, 93.3, 'in_progress'],
  ['Y2020', RATE, 99.1, 1, 100.6, 'exceeded'],
  ['Y2020', COUNT, 1280, 1, 106.7, 'exceeded'],
  ['Y2020', MONEY, 1.62, 1, 108, 'in_progress'],
  ['Y2020', QUALITATIVE, null, 0, null, 'met'],
];

describe('a scripted year in the terminal chat', () => {
  it('register, return, resubmit, approve, reopen, extend, and every report of the year, with figures as worked out by hand', async () => {
    const { db } = openTempDatabase();
    const clock = fixedClock(on('2020-02-15'));
    loadSampleMovement(db, { label: 'test' }, clock.now());
    const chat = new ConsoleChat({ core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), db, locale: 'vi', clock, log: silentLogger });
    const type = async (...lines: string[]) => {
      let last = '';
      for (const line of lines) last = await chat.handleLine(line);
      return last;
    };

    // ---- Registration, 15/02/2020
    await type('/as STP', '/dangky');
    await type('6', RATE, 'Định lượng', '%', '98,5', 'Không thấp hơn', 'Cuối phong trào', 'Bỏ qua', 'Lưu');
    await type('Thêm chỉ tiêu', '6', COUNT, 'Định lượng', 'hồ sơ');
    expect(await type('1.200')).toContain('✔ Đã ghi: 1.200 hồ sơ'); // a count: no "1.200 or 1,2?" question
    await type('Không thấp hơn', 'Cuối phong trào', 'Bỏ qua', 'Lưu');
    await type('Thêm chỉ tiêu', '6', MONEY, 'Định lượng', 'tỷ đồng');
    expect(await type('1,5 tỷ')).toContain('✔ Đã ghi: 1,5 tỷ đồng');
    await type('Không thấp hơn');
    expect(await type('31/01/2021')).toContain('⚠ Thời hạn này sau khi phong trào kết thúc (31/12/2020)');
    await type('Bỏ qua', 'Lưu');
    await type('Thêm chỉ tiêu', '6', QUALITATIVE, 'Định tính', 'Cuối phong trào', 'Bỏ qua', 'Lưu');
    // No title chosen yet: "Gửi" asks once, and the title chosen there is kept for later sends.
    expect(await type('Gửi bản đăng ký', 'Gửi')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    expect(await type('Tập thể lao động xuất sắc')).toContain('☑ Tập thể lao động xuất sắc');
    expect(await type('Xong')).toContain('✔ Đã gửi bản đăng ký (lần 1)');

    // ---- The Board returns it; the unit sends it again with a note; the Board sees what changed and approves.
    await type('/as admin', '/duyet', 'STP', 'Trả lại');
    expect(await type('Đề nghị ghi rõ căn cứ của chỉ tiêu giải ngân')).toContain('Đã trả lại');
    await type('/as STP', '/dangky', 'Gửi bản đăng ký', 'Gửi kèm ghi chú cho Ban');
    expect(await type('Căn cứ Kế hoạch 12/KH-UBND')).toContain('✔ Đã gửi bản đăng ký (lần 2)');
    await type('/as admin', '/duyet');
    const second = await type('STP');
    expect(second).toContain('Thay đổi so với lần 1:');
    expect(second).toContain('Ghi chú của đơn vị: Căn cứ Kế hoạch 12/KH-UBND');
    expect(await type('Duyệt')).toContain('Đã duyệt');

    // ---- The Board reopens it; sent again and approved (version 3). Another unit's deadline is extended.
    await type('/tinhhinh STP', 'Mở lại bản đăng ký');
    expect(await type('Điều chỉnh theo Kế hoạch 45/KH-UBND')).toContain('✔ Đã mở lại bản đăng ký');
    await type('/as STP', '/dangky');
    expect(await type('Gửi bản đăng ký', 'Gửi')).toContain('✔ Đã gửi bản đăng ký (lần 3)');
    await type('/as admin', '/duyet', 'STP', 'Duyệt');
    await type('/tinhhinh HHH', 'Gia hạn đăng ký cho đơn vị này');
    expect(await type('15/4')).toContain('✔ Đã gia hạn đăng ký cho đơn vị đến 15/04/2020.');
    expect(db.$client.prepare("SELECT r.status, r.version, r.late FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'STP'").get()).toEqual({ status: 'approved', version: 3, late: 0 });

    // ---- Reports. Period choices: 1 Quý I, 2 Quý II, 3 6 tháng đầu năm, 4 Quý III, 5 Quý IV, 6 6 tháng cuối năm, 7 Năm.
    await type('/as STP');
    clock.set(on('2020-04-05'));
    // Quý I: "this period" and "running total" are the same figure, so the question is not asked.
    await type('/baocao', '1', '97,3');
    expect(await type('300')).not.toContain('Con số vừa nhập là');
    expect(await type('300 triệu')).toContain('✔ Đã ghi: 0,3 tỷ đồng (quy đổi từ triệu)');
    await type('Chưa thực hiện');
    expect(await type('Gửi báo cáo')).toContain('✔ Đã gửi báo cáo Quý I/2020 tới Ban (4 chỉ tiêu).');

    clock.set(on('2020-07-05'));
    const q2 = await type('/baocao', '2', '98', '350', 'Riêng kỳ này', '0,45', 'Riêng kỳ này', 'Đang thực hiện');
    // A figure for the quarter alone is read back as the sum it makes, with its parts.
    expect(q2).toContain(`2. ${COUNT}: 650 hồ sơ = 350 trong kỳ + 300 các kỳ trước (đạt 54,2% kế hoạch; đang thực hiện`);
    await type('Gửi báo cáo');
    // "My unit" shows the running total a figure for the quarter alone adds up to.
    expect(await type('/donvi')).toContain('2. Quý II/2020: 650 hồ sơ = 350 trong kỳ + 300 các kỳ trước (đạt 54,2% kế hoạch, đang thực hiện)');
    clock.set(on('2020-07-08'));
    // The first 6-month report: nothing before it of its kind, so its figure is the running total.
    await type('/baocao', '3', '98', '650');
    expect(await type('750.000.000 đồng')).toContain('✔ Đã ghi: 0,75 tỷ đồng (quy đổi từ đồng)');
    const half = await type('Đang thực hiện');
    // At the 6-month review a year-long target is in progress, not "chưa đạt"; a rate is not added up.
    expect(half).toContain(`1. ${RATE}: 98% (đạt 99,5% kế hoạch; đang thực hiện, đã qua 50% thời gian)`);
    expect(half).toContain(`2. ${COUNT}: 650 hồ sơ (đạt 54,2% kế hoạch; đang thực hiện, đã qua 50% thời gian)`);
    await type('Gửi báo cáo');

    clock.set(on('2020-07-15'));
    await type('/as admin');
    expect(await type('/tinhhinh')).toMatch(/Tổng số: 34 đơn vị — .*\n {3}Chỉ tiêu: 0 vượt, 0 đạt, 4 đang thực hiện, 0 không đạt, 0 chưa báo cáo/);
    await type('/huy', '/as STP');

    clock.set(on('2020-10-05'));
    await type('/baocao', '4', '98,7');
    expect(await type('1.000')).toContain('✔ Đã ghi: 1.000 hồ sơ');
    await type('Lũy kế', '0,35', 'Riêng kỳ này', 'Hoàn thành', 'Gửi báo cáo');

    clock.set(on('2021-01-05'));
    await type('/baocao', '5', '99,1', '280', 'Riêng kỳ này');
    // 300 typed for 300 triệu: 200 times the plan of 1,5 tỷ đồng.
    expect(await type('300')).toContain('⚠ 300 tỷ đồng gấp khoảng 200 lần kế hoạch (≥ 1,5 tỷ đồng)');
    await type('Nhập lại', '0,3', 'Riêng kỳ này', 'Bỏ qua', 'Gửi báo cáo');

    clock.set(on('2021-01-08'));
    await type('/baocao', '7', '99,1');
    // The year's figure is the year's figure: no "this period or running total?" question.
    expect(await type('1.280')).not.toContain('Con số vừa nhập là');
    await type('1,62 tỷ', 'Hoàn thành', 'Gửi báo cáo');

    // ---- The figures saved, against the table worked out by hand.
    const saved = db.$client
      .prepare(
        `SELECT p.code, t.text, l.value, l.cumulative, l.percent_of_plan, l.assessment
           FROM progress_lines l JOIN progress_reports r ON r.id = l.report_id JOIN reporting_periods p ON p.id = r.period_id JOIN targets t ON t.id = l.target_id
          ORDER BY p.ends_on, p.kind = 'half', p.kind = 'year', t.position`,
      )
      .raw(true)
      .all();
    expect(saved).toEqual(HAND_WORKED);

    clock.set(on('2021-02-01'));
    await type('/as admin');
    expect(await type('/tinhhinh')).toMatch(/Tổng số: 34 đơn vị — .*\n {3}Chỉ tiêu: 3 vượt, 1 đạt, 0 đang thực hiện, 0 không đạt, 0 chưa báo cáo/);
  }, 60_000);
});

/** Issue 22: what a walk through the whole year still found, each case as an officer met it. */
describe('a year walked through again: figures and words an officer can sign', () => {
  const start = (day = '2020-02-15') => {
    const temp = openTempDatabase();
    const clock = fixedClock(on(day));
    loadSampleMovement(temp.db, { label: 'test' }, clock.now());
    const chat = new ConsoleChat({
      core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }),
      db: temp.db,
      locale: 'vi',
      clock,
      log: silentLogger,
      formsDir: join(temp.dir, 'forms'),
      exportDir: join(temp.dir, 'exports'),
    });
    const type = async (...lines: string[]) => {
      let last = '';
      for (const line of lines) last = await chat.handleLine(line);
      return last;
    };
    return { ...temp, clock, chat, type };
  };
  const formIn = (output: string) => {
    const m = /📎 [^:]+: (\S+\.xlsx)/.exec(output);
    if (!m) throw new Error(`no form in: ${output}`);
    return m[1]!;
  };

  it('reads a percentage typed in Excel (0,985 shown as 98,5%) as 98,5 in the plan and in the results form', async () => {
    const s = start();
    await s.type('/as SNV', '/dangky');
    const plan = await FilledForm.open(formIn(await s.type('Nhận biểu mẫu Excel')));
    plan.set(1, { area: '6', text: RATE, kind: 'Định lượng', measure: '%', plan: 0.985, due: '31/12/2020' });
    plan.cell(1, 'plan').numFmt = '0.0%';
    const read = await s.type(`/file ${await plan.save(join(s.dir, 'dang-ky.xlsx'))}`);
    expect(read).toContain(`${RATE} — ≥ 98,5%`);
    await s.type('Lưu và gửi Ban', '1', 'Không đăng ký danh hiệu');
    expect(s.db.$client.prepare(`SELECT planned_value FROM targets WHERE text = ?`).pluck().all(RATE)).toEqual([98.5]);
    await s.type('/as admin', '/duyet', 'SNV', 'Duyệt');

    s.clock.set(on('2020-04-05'));
    await s.type('/as SNV', '/baocao', '1');
    const results = await FilledForm.open(formIn(await s.type('Báo cáo bằng biểu mẫu Excel')), RESULT_COLUMNS);
    results.set(1, { result: 0.978 });
    results.cell(1, 'result').numFmt = '0.0%';
    const summary = await s.type(`/file ${await results.save(join(s.dir, 'bao-cao.xlsx'))}`);
    expect(summary).toContain(`1. ${RATE}: 97,8%`);
    expect(summary).toContain('99,3% kế hoạch');
    await s.type('Gửi báo cáo');
    expect(s.db.$client.prepare('SELECT l.value FROM progress_lines l JOIN targets t ON t.id = l.target_id WHERE t.text = ?').pluck().all(RATE)).toEqual([97.8]);
  });

  /** A unit's registration sent and approved, as the Board keeps it; its targets in entry order. */
  const registered = (s: ReturnType<typeof start>, code: string, list: (Omit<TargetInput, 'contentAreaId'> & { area: number })[]) => {
    const movement = currentMovement(s.db)!;
    const unitId = s.db.select().from(units).where(eq(units.code, code)).get()!.id;
    const reg = ensureRegistration(s.db, movement.id, unitId, s.clock.now());
    const areas = listContentAreas(s.db, movement.id);
    const actor = { label: 'test' };
    const ids = list.map(({ area, ...t }) => addTarget(s.db, reg.id, { contentAreaId: areas.find((a) => a.number === area)!.id, ...t }, actor, s.clock.now()).id);
    submitRegistration(s.db, reg.id, actor, s.clock.now());
    approveRegistration(s.db, reg.id, actor, s.clock.now());
    return { registrationId: reg.id, ids };
  };
  const reportedLines = (s: ReturnType<typeof start>) => s.db.$client.prepare('SELECT t.text, l.value FROM progress_lines l JOIN targets t ON t.id = l.target_id ORDER BY l.id').raw(true).all();

  it('an amount in đồng typed bare for a tỷ đồng target is an open question, its real factor said, and nothing can be sent', async () => {
    const s = start('2020-04-05');
    registered(s, 'STP', [
      { area: 6, text: RATE, kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31' },
      { area: 6, text: COUNT, kind: 'quantitative', measure: 'hồ sơ', plannedValue: 1200, direction: 'at_least', dueOn: '2020-12-31' },
      { area: 6, text: MONEY, kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1.5, direction: 'at_least', dueOn: '2020-12-31' },
    ]);
    await s.type('/as STP', '/baocao', '1');
    const refused = await s.type('1: 97,5\n2: 300\n3: 350000000');
    expect(refused).toContain('"350000000" gấp khoảng 230.000.000 lần kế hoạch (1,5 tỷ đồng): có lẽ nhầm đơn vị tính. Nếu là số đồng, xin ghi "350000000 đồng" (tức 0,35 tỷ đồng).');
    expect(refused).not.toContain('• •');
    expect(refused).not.toContain('Gửi báo cáo');
    // Written with its unit, it is read as 0,35 tỷ đồng.
    const read = await s.type('1: 97,5\n2: 300\n3: 350000000 đồng');
    expect(read).toContain(`3. ${MONEY}: 0,35 tỷ đồng`);
    expect(await s.type('Gửi báo cáo')).toContain('✔ Đã gửi báo cáo Quý I/2020');
    expect(reportedLines(s)).toEqual([[RATE, 97.5], [COUNT, 300], [MONEY, 0.35]]);
  });

  it('an option offered after a finished action does what it says when typed; urging twice a day sends nothing more and says so; "Năm 2020" is a period', async () => {
    const s = start();
    const movement = currentMovement(s.db)!;
    const reg = ensureRegistration(s.db, movement.id, s.db.select().from(units).where(eq(units.code, 'SNV')).get()!.id, s.clock.now());
    addTarget(s.db, reg.id, { contentAreaId: listContentAreas(s.db, movement.id)[5]!.id, text: RATE, kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least' }, { label: 'test' }, s.clock.now());
    await s.type('/as SNV', '/dangky', 'Gửi bản đăng ký');
    // No title chosen: asked once; an explicit "không" sends it, and the options after it still do what they say.
    expect(await s.type('Gửi')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    const sent = await s.type('Không đăng ký danh hiệu');
    expect(sent).toContain('✔ Đã gửi bản đăng ký (lần 1)');
    expect(sent).toContain('1. Tải bản đăng ký để trình ký');
    // Typed, the first option brings the document, as its button would (the signer asked first, once).
    expect(await s.type('1')).toContain('Trước khi soạn bản đăng ký để trình ký');
    expect(await s.type('GIÁM ĐỐC', 'Nguyễn Văn An')).toMatch(/📎 .*\.docx/);

    liaisons(s.db, 3);
    await s.type('/as admin');
    const outboxRows = () => s.db.$client.prepare("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'urge:%'").pluck().get() as number;
    await s.type('/dondoc');
    const first = await s.type('1');
    const urged = Number(/✔ Đã gửi tin đôn đốc đến (\d+) đơn vị/.exec(first)?.[1]);
    expect(urged).toBeGreaterThan(0);
    const queued = outboxRows();
    await s.type('/dondoc');
    const again = await s.type('1');
    expect(again).toContain(`Không gửi thêm tin nào: ${urged} đơn vị đã được đôn đốc hôm nay`);
    expect(again).not.toContain('✔ Đã gửi');
    expect(outboxRows()).toBe(queued);

    // The year period typed by its name.
    await s.type('/duyet', 'SNV', 'Duyệt', '/as SNV');
    s.clock.set(on('2021-01-08'));
    await s.type('/baocao');
    expect(await s.type('Năm 2020')).toContain(`Chỉ tiêu 1/1: ${RATE}`);
  });

  it('a table pasted into the terminal is one message, as a messenger sends it; lines typed one by one stay apart', async () => {
    const s = start('2020-04-05');
    registered(s, 'STP', [
      { area: 6, text: RATE, kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31' },
      { area: 6, text: COUNT, kind: 'quantitative', measure: 'hồ sơ', plannedValue: 1200, direction: 'at_least', dueOn: '2020-12-31' },
      { area: 9, text: QUALITATIVE, kind: 'qualitative', dueOn: '2020-12-31' },
    ]);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const running = runConsoleChat({ db: s.db, core: new ChatCore({ db: s.db, clock: s.clock, flows: ALL_FLOWS, log: silentLogger }), input, output, locale: 'vi', interactive: true, clock: s.clock });
    const typed = async (text: string) => {
      input.write(text);
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    await typed('/as STP\n');
    await typed('/baocao\n');
    await typed('1\n');
    // Pasted: three lines in one go.
    await typed('1: 97,5\n2: 300\n3: đang thực hiện\n');
    expect(printed).not.toContain('Mời chọn');
    expect(printed).toContain(`2. ${COUNT}: 300 hồ sơ`);
    await typed('Gửi báo cáo\n');
    input.end();
    await running;
    expect(reportedLines(s)).toEqual([[RATE, 97.5], [COUNT, 300], [QUALITATIVE, null]]);
  });

  it('one numbering of targets, the printed one (by content area): the registration on paper, the chat, the form and the "1: …" lines agree', async () => {
    const s = start('2020-04-05');
    // Entered first: a target of area 9; then one of area 6, printed first.
    registered(s, 'STP', [
      { area: 9, text: QUALITATIVE, kind: 'qualitative', dueOn: '2020-12-31' },
      { area: 6, text: COUNT, kind: 'quantitative', measure: 'hồ sơ', plannedValue: 1200, direction: 'at_least', dueOn: '2020-12-31' },
    ]);
    const doc = readDocx((await writeDocument(s.db, { kind: 'registration', unit: 'STP', dir: join(s.dir, 'docs'), now: s.clock.now() })).path);
    const printed = tableStartingWith(doc, 'STT').filter((r) => r.length > 1).slice(1).map((r) => [r[0], r[1]]);
    expect(printed).toEqual([['1', COUNT], ['2', QUALITATIVE]]);

    await s.type('/as STP', '/baocao');
    expect(await s.type('1')).toContain(`Chỉ tiêu 1/2: ${COUNT}`);
    const form = await FilledForm.open(formIn(await s.type('Báo cáo bằng biểu mẫu Excel')), RESULT_COLUMNS);
    expect([form.cell(1, 'no').value, form.cell(1, 'text').value, form.cell(2, 'text').value]).toEqual([1, COUNT, QUALITATIVE]);
    await s.type('Báo cáo từng chỉ tiêu');
    const read = await s.type('1: 300\n2: đang thực hiện');
    expect(read).toContain(`1. ${COUNT}: 300 hồ sơ`);
    expect(read).toContain(`2. ${QUALITATIVE}: Đang thực hiện`);
    await s.type('Gửi báo cáo');
    expect(reportedLines(s)).toEqual([[COUNT, 300], [QUALITATIVE, null]]);
  });

  it('a form of another period is answered in words, with nothing to fix; the file is said to be read once', async () => {
    const s = start('2020-07-05');
    registered(s, 'STP', [{ area: 6, text: COUNT, kind: 'quantitative', measure: 'hồ sơ', plannedValue: 1200, direction: 'at_least', dueOn: '2020-12-31' }]);
    await s.type('/as STP', '/baocao', '1');
    const q1 = await FilledForm.open(formIn(await s.type('Báo cáo bằng biểu mẫu Excel')), RESULT_COLUMNS);
    const path = await q1.set(1, { result: 300 }).save(join(s.dir, 'quy-1.xlsx'));
    await s.type('/huy', '/baocao', '2');
    const received = await s.type(`/file ${path}`);
    expect(received.match(/đang đọc/gi) ?? []).toHaveLength(1);
    expect(received).toContain('Tệp quy-1.xlsx là biểu mẫu báo cáo Quý I/2020, không phải của kỳ đang báo cáo');
    expect(received).not.toContain('Q2020-1');
    expect(received).not.toContain('Xin sửa');
    expect(reportedLines(s)).toEqual([]);
  });

  it('the step counter counts only the questions asked: a 6-target registration, one field edited, the report with one answer per target and no "Bỏ qua"', async () => {
    const s = start();
    const counter = (reply: string) => /Bước \d+(?:\/\d+)?(?=\.)/.exec(reply)?.[0] ?? null;
    const walk = async (answers: string[]) => {
      const seen: (string | null)[] = [];
      for (const answer of answers) seen.push(counter(await s.type(answer)));
      return seen;
    };
    const QUANTITATIVE = ['Bước 1', 'Bước 2', 'Bước 3', 'Bước 4/9', 'Bước 5/9', 'Bước 6/9', 'Bước 7/9', 'Bước 8/9', 'Bước 9/9', null];
    const QUALITATIVE_STEPS = ['Bước 1', 'Bước 2', 'Bước 3', 'Bước 4/6', 'Bước 5/6', 'Bước 6/6', null];
    const quantitative = (first: string, text: string, measure: string, plan: string) => walk([first, '6', text, 'Định lượng', measure, plan, 'Không thấp hơn', 'Cuối phong trào', 'Bỏ qua', 'Lưu']);
    const qualitative = (text: string) => walk(['Thêm chỉ tiêu', '6', text, 'Định tính', 'Cuối phong trào', 'Bỏ qua', 'Lưu']);
    await s.type('/as SNV');
    // Each target is one pass: its total known once its kind is, never jumping, the save closing it.
    expect(await quantitative('/dangky', 'Hồ sơ giải quyết đúng hạn', 'hồ sơ', '1.200')).toEqual(QUANTITATIVE);
    expect(await quantitative('Thêm chỉ tiêu', 'Thủ tục hành chính cấp độ 4', 'thủ tục', '25')).toEqual(QUANTITATIVE);
    expect(await quantitative('Thêm chỉ tiêu', 'Lớp tập huấn nghiệp vụ', 'lớp', '4')).toEqual(QUANTITATIVE);
    expect(await quantitative('Thêm chỉ tiêu', 'Tỷ lệ văn bản ký số', '%', '90')).toEqual(QUANTITATIVE);
    expect(await qualitative('Không để xảy ra sự cố mất an toàn thông tin')).toEqual(QUALITATIVE_STEPS);
    expect(await qualitative('Tổ chức hội nghị điển hình tiên tiến')).toEqual(QUALITATIVE_STEPS);

    // One field edited: no pass to count; the question says what is being changed.
    await s.type('Sửa chỉ tiêu', 'Lớp tập huấn nghiệp vụ');
    const editing = await s.type('Kế hoạch (con số)');
    expect(editing).toContain('✎ Sửa "Kế hoạch (con số)" của chỉ tiêu: Lớp tập huấn nghiệp vụ');
    expect(counter(editing)).toBeNull();
    expect(await s.type('6')).toContain('✔ Đã lưu thay đổi.');

    // Sent with no title chosen: asked once, "không" said explicitly.
    expect(await s.type('Gửi bản đăng ký', 'Gửi')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    expect(await s.type('Không đăng ký danh hiệu')).toContain('✔ Đã gửi bản đăng ký (lần 1)');

    // The report: the period, one step per target, the summary — 8 steps, one answer each.
    s.clock.set(on('2020-04-05'));
    let reply = await s.type('/baocao');
    const counters = [counter(reply)];
    const typed: string[] = [];
    for (let question = 0; question < 7; question++) {
      const answer = question === 0 ? 'Quý I/2020' : reply.includes('đã thực hiện đến đâu') ? 'Đang thực hiện' : '3';
      typed.push(answer);
      reply = await s.type(answer);
      counters.push(counter(reply));
    }
    expect(counters).toEqual(['Bước 1/8', 'Bước 2/8', 'Bước 3/8', 'Bước 4/8', 'Bước 5/8', 'Bước 6/8', 'Bước 7/8', 'Bước 8/8']);
    expect(reply).toContain('Tổng hợp báo cáo Quý I/2020:');
    expect(typed).not.toContain('Bỏ qua');
    expect(await s.type('Gửi báo cáo')).toContain('✔ Đã gửi báo cáo Quý I/2020 tới Ban (6 chỉ tiêu).');
    expect(s.db.$client.prepare('SELECT count(*) FROM progress_lines WHERE evidence_ref IS NULL AND note IS NULL').pluck().get()).toBe(6);
  });
});
