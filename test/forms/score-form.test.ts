/**
 * The self-assessment form in the terminal chat: problems found by row (Vietnamese numbers, out of
 * range, an unknown or repeated criterion, a bad link) save nothing; a sheet sent to the cluster
 * head takes no form; another cluster's liaison cannot put its file on HML's sheet; only a unit's
 * liaison with a registration, in a cluster or block with a scoring table, gets the form.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { groups, units } from '../../src/db/schema.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { yearResultsByUnit } from '../../src/domain/year-end/results.ts';
import { saveSelfScores, sendSheet } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { buildForm, readForm } from '../../src/forms/service.ts';
import { readScoreFormOf } from '../../src/forms/score-service.ts';
import { registrationOf, ScoreForm } from '../helpers/score-form.ts';
import { hmlWithYearResults } from '../helpers/year-end-fixtures.ts';

useTempDatabases();

const NOV_20 = Date.UTC(2020, 10, 20, 2, 0);

function setUp(): TempDatabase {
  const temp = openTempDatabase();
  loadSampleMovement(temp.db, cliActor, NOV_20);
  hmlWithYearResults(temp.db, NOV_20);
  return temp;
}

function chat(temp: TempDatabase): ConsoleChat {
  const clock = fixedClock(NOV_20);
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  return new ConsoleChat({ core, db: temp.db, locale: 'vi', clock, formsDir: join(temp.dir, 'forms') });
}

const formPath = (reply: string) => /📎 [^:]+: (\S+\.xlsx)/.exec(reply)![1]!;

const scoreLines = (temp: TempDatabase) => temp.db.$client.prepare('SELECT * FROM score_lines').all();

describe('the self-assessment form', () => {
  it('lists every problem by row and column, and saves nothing', async () => {
    const temp = setUp();
    const c = chat(temp);
    await c.handleLine('/as HML');
    const form = await ScoreForm.open(formPath(await c.handleLine('/chamdiemexcel')));
    const below = form.sheet.rowCount + 2;
    form
      .set('I.3', { points: 'bảy rưỡi' })
      .set('II.1', { points: '12' })
      .set('II.2', { points: '-1' })
      .set('II.3', { points: '1.500' })
      .set('III.1', { points: 10, evidence: 'www.khong-co-giao-thuc' })
      .set('III.2', { note: 'Đã có nghị quyết' })
      .set('III.3', { code: 'III.1', points: 5 })
      .setRow(below, { code: 'X.9', criterion: 'Tiêu chí tự thêm', points: 3 });
    const answer = await c.handleLine(`/file ${await form.save(join(temp.dir, 'sai.xlsx'))}`);
    const row = (code: string) => form.rowOf(code);
    expect(answer).toContain('✖ Tệp sai.xlsx chưa dùng được, chưa có gì thay đổi.');
    expect(answer).toContain(`Dòng ${row('I.3')}, cột G (Điểm tự chấm): "bảy rưỡi" không phải con số; ghi như 25, 1.234,5 hoặc 98,5.`);
    expect(answer).toContain(`Dòng ${row('II.1')}, cột G (Điểm tự chấm): "12" ngoài khoảng cho phép: từ 0 đến 5 điểm.`);
    expect(answer).toContain(`Dòng ${row('II.2')}, cột G (Điểm tự chấm): "-1" ngoài khoảng cho phép: từ 0 đến 10 điểm.`);
    expect(answer).toContain(`Dòng ${row('II.3')}, cột G (Điểm tự chấm): "1.500" có thể hiểu hai cách`);
    expect(answer).toContain(`Dòng ${row('III.1')}, cột H (Minh chứng (đường link)): minh chứng cần là đường link`);
    expect(answer).toContain(`Dòng ${row('III.2')}, cột G (Điểm tự chấm): ô này không được để trống.`);
    expect(answer).toContain(`Dòng ${row('III.1') + 2}, cột B (Mã tiêu chí): tiêu chí III.1 đã có ở một dòng phía trên`);
    expect(answer).toContain(`Dòng ${below}, cột B (Mã tiêu chí): "X.9" không phải mã tiêu chí nào của bảng điểm`);
    expect(scoreLines(temp)).toEqual([]);

    // The same file put right is then read and saved.
    form
      .set('I.3', { points: '7,5' })
      .set('II.1', { points: 5 })
      .set('II.2', { points: '0' })
      .set('II.3', { points: '1,5' })
      .set('III.1', { evidence: 'https://hml.namdinh.gov.vn/nq-05' })
      .set('III.2', { points: 4 })
      .setRow(row('III.1') + 2, { code: 'III.3', points: 5 })
      .setRow(below, { code: null, criterion: null, points: null });
    const read = await c.handleLine(`/file ${await form.save(join(temp.dir, 'dung.xlsx'))}`);
    expect(read).toContain('Điểm sẽ lưu: 7 tiêu chí; giữ điểm theo kết quả năm: 2; để trống: 4.');
    expect(read).toContain('Tổng điểm sau khi lưu: 68.');
    await c.handleLine('Lưu');
    expect(temp.db.$client.prepare('SELECT criterion_code AS code, self FROM score_lines ORDER BY criterion_code').all()).toEqual([
      { code: 'I.3', self: 7.5 },
      { code: 'II.1', self: 5 },
      { code: 'II.2', self: 0 },
      { code: 'II.3', self: 1.5 },
      { code: 'III.1', self: 10 },
      { code: 'III.2', self: 4 },
      { code: 'III.3', self: 5 },
    ]);
  });

  it('takes no form once the sheet is sent to the cluster head: neither a file downloaded before nor a new form', async () => {
    const temp = setUp();
    const c = chat(temp);
    await c.handleLine('/as HML');
    const form = await ScoreForm.open(formPath(await c.handleLine('/chamdiemexcel')));
    // Meanwhile the sheet is scored in the chat and sent (what /chamdiem does).
    const movement = currentMovement(temp.db)!;
    const cum1 = temp.db.select().from(groups).where(eq(groups.code, 'CUM1')).get()!.id;
    const hml = temp.db.select().from(units).where(eq(units.code, 'HML')).get()!.id;
    const table = scoringTableOfGroup(temp.db, cum1)!;
    const all = Object.fromEntries(table.criteria.filter((x) => x.kind === 'score' && !x.fromResults).map((x) => [x.code, { points: x.max }]));
    saveSelfScores(temp.db, table, { unitId: hml, groupId: cum1 }, all, NOV_20);
    const person = temp.db.$client.prepare("SELECT p.id FROM people p JOIN units u ON u.id = p.unit_id WHERE u.code = 'HML'").get() as { id: number };
    expect(sendSheet(temp.db, table, { unitId: hml, groupId: cum1 }, yearResultsByUnit(temp.db, movement).get(hml), { personId: person.id, now: NOV_20 })).toBe(true);
    const before = scoreLines(temp);

    form.set('I.3', { points: 1 });
    const answer = await c.handleLine(`/file ${await form.save(join(temp.dir, 'muon.xlsx'))}`);
    expect(answer).toContain('Bảng tự chấm đã gửi Cụm trưởng, không sửa được nữa');
    expect(scoreLines(temp)).toEqual(before);
    await c.handleLine('/huy');
    expect(await c.handleLine('/chamdiemexcel')).toContain('Bảng tự chấm đã gửi Cụm trưởng, không sửa được nữa');
  });

  it('refuses HML’s form sent by another cluster’s liaison, and keeps the form from who is not a unit’s liaison or has no registration', async () => {
    const temp = setUp();
    registrationOf(temp.db, 'HTN', NOV_20);
    const c = chat(temp);
    await c.handleLine('/as HML');
    const hmlForm = await ScoreForm.open(formPath(await c.handleLine('/chamdiemexcel')));
    hmlForm.set('I.3', { points: 8 });
    const hmlFile = await hmlForm.save(join(temp.dir, 'tu-cham-HML.xlsx'));

    // HTN (Cụm 2) gets its own cluster's sheet, and HML's file is not taken for it.
    await c.handleLine('/as HTN');
    const htnReply = await c.handleLine('/chamdiemexcel');
    const htnForm = await ScoreForm.open(formPath(htnReply));
    expect(htnForm.sheet.getCell(3, 1).value).toContain('Cụm thi đua số 2');
    const refused = await c.handleLine(`/file ${hmlFile}`);
    expect(refused).toContain('Biểu mẫu này của đơn vị HML, không phải của đơn vị anh/chị.');
    expect(refused).toContain('✖ Tệp tu-cham-HML.xlsx chưa dùng được, chưa có gì thay đổi.');
    expect(scoreLines(temp)).toEqual([]);

    // HVB (Cụm 1) has no registration: scored in the chat instead.
    await c.handleLine('/as HVB');
    expect(await c.handleLine('/chamdiemexcel')).toContain('Đơn vị chưa có bản đăng ký thi đua năm nay nên chưa dùng được biểu mẫu Excel');
    // A unit in no cluster or block with a scoring table.
    upsertUnit(temp.db, { code: 'NGOAICUM', name: 'Trung tâm ngoài cụm', kind: 'khac' }, cliActor, NOV_20);
    registrationOf(temp.db, 'NGOAICUM', NOV_20);
    await c.handleLine('/as NGOAICUM');
    expect(await c.handleLine('/chamdiemexcel')).toContain('Trung tâm ngoài cụm không thuộc cụm, khối nào có bảng chấm điểm trong phong trào này.');
    // The Board has no unit to score.
    await c.handleLine('/as admin');
    expect(await c.handleLine('/chamdiemexcel')).toContain('Chỉ cán bộ đầu mối của đơn vị mới tự chấm điểm cho đơn vị.');
    expect(scoreLines(temp)).toEqual([]);
  });

  it('tells the self-assessment form from the registration form, each way', async () => {
    const temp = setUp();
    const hml = registrationOf(temp.db, 'HML', NOV_20);
    const score = await buildForm(temp.db, 'score', hml, null, 'vi');
    const targets = await buildForm(temp.db, 'targets', hml, null, 'vi');
    expect(score.fileName).toBe('tu-cham-HML-2020.xlsx');
    expect(await readForm(temp.db, 'targets', hml, null, score.bytes, score.fileName, NOV_20)).toEqual({ ok: false, problems: [{ line: null, column: null, message: { key: 'form-file-is-score' } }] });
    expect(await readScoreFormOf(temp.db, hml, targets.bytes, targets.fileName)).toEqual({ ok: false, problems: [{ line: null, column: null, message: { key: 'form-file-not-score' } }] });
  });

  it('reads the sheet saved as CSV (the total a plain number there), and refuses points on a row with neither code nor criterion', async () => {
    const temp = setUp();
    const hml = registrationOf(temp.db, 'HML', NOV_20);
    const csv = (extra: string) =>
      Buffer.from(['STT;Mã tiêu chí;Tiêu chí;Điểm tối đa;Điểm tự chấm;Minh chứng (đường link);Ghi chú', ';;I. Thực hiện nhiệm vụ;;;;', '3;I.3;Tham mưu;10;8,5;;', '4;II.1;Phát động;5;5;;', ';;Tổng điểm (điểm trừ đã trừ);;48,5;;', extra].join('\r\n'), 'utf8');
    const read = await readScoreFormOf(temp.db, hml, csv(''), 'tu-cham.csv');
    expect(read).toMatchObject({ ok: true, plan: { lines: [{ code: 'I.3', points: 8.5 }, { code: 'II.1', points: 5 }], prefilledKept: 0, total: 48.5 } });
    const stray = await readScoreFormOf(temp.db, hml, csv(';;;;3;;'), 'tu-cham.csv');
    expect(stray).toEqual({ ok: false, problems: [{ line: 6, column: 'B (Mã tiêu chí)', message: { key: 'score-form-err-no-code' } }] });
  });
});
