import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import type { Db } from '../../src/db/connection.ts';
import { auditLog, formUploads, registrations, targets, units } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FilledForm } from '../helpers/forms.ts';

useTempDatabases();

/** 2020-02-15 10:00 in Hà Nội: inside the sample movement, before its registration deadline. */
const NOW = Date.UTC(2020, 1, 15, 3, 0);

function chat(temp: TempDatabase): ConsoleChat {
  loadSampleMovement(temp.db, { label: 'test' }, NOW);
  const clock = fixedClock(NOW);
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  return new ConsoleChat({ core, db: temp.db, locale: 'vi', clock, exportDir: join(temp.dir, 'exports'), formsDir: join(temp.dir, 'forms') });
}

const snvTargets = (db: Db) => {
  const unit = db.select().from(units).where(eq(units.code, 'SNV')).get()!;
  const reg = db.select().from(registrations).where(eq(registrations.unitId, unit.id)).get();
  return reg ? db.select().from(targets).where(and(eq(targets.registrationId, reg.id), isNull(targets.deletedAt))).all() : [];
};

/** The path of the file the chat printed ("📎 Tệp x.xlsx: /path"). */
function printedFile(output: string): string {
  const m = /📎 [^:]+: (\S+\.xlsx)/.exec(output);
  if (!m) throw new Error(`no file in: ${output}`);
  return m[1]!;
}

/** Five targets as a liaison fills them in: three quantitative, two qualitative. */
function fillFive(form: FilledForm): FilledForm {
  return form
    .set(1, { area: '6. Công tác văn hóa công vụ, chính quyền điện tử và cải cách hành chính', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'Định lượng', measure: '%', plan: '98,5', due: '31/12/2020' })
    .set(2, { area: '9. Công tác thi đua, khen thưởng', text: 'Số lớp tập huấn nghiệp vụ thi đua', kind: 'Định lượng', measure: 'lớp', plan: 4, direction: 'Không thấp hơn' })
    .set(3, { area: '6', text: 'Số thủ tục hành chính cấp độ 4', measure: 'thủ tục', plan: 25, due: new Date(Date.UTC(2020, 10, 30)) })
    .set(4, { area: '8. Công tác tuyên truyền, bảo đảm an toàn thông tin', text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'Định tính' })
    .set(5, { area: '9', text: 'Tổ chức hội nghị điển hình tiên tiến', kind: 'Định tính', due: '30/11', note: 'Phối hợp Ban TĐKT' });
}

describe('the registration form in the terminal chat', () => {
  it('sends the form, reads it back filled, asks once, and saves and submits on confirmation', async () => {
    const temp = openTempDatabase();
    const c = chat(temp);
    await c.handleLine('/as SNV');
    const asked = await c.handleLine('/dangky');
    expect(asked).toContain('Nhận biểu mẫu Excel');
    const sent = await c.handleLine('Nhận biểu mẫu Excel');
    const path = printedFile(sent);
    expect(existsSync(path)).toBe(true);

    const form = await FilledForm.open(path);
    expect(form.workbook.worksheets.map((w) => w.name)).toEqual(['Đăng ký chỉ tiêu', 'DanhMuc', '_meta', 'Hướng dẫn']);
    expect(form.workbook.getWorksheet('_meta')!.state).toBe('veryHidden');
    expect(form.sheet.getColumn(10).hidden).toBe(true);
    expect(form.listOptions('kind')).toEqual(['Định lượng', 'Định tính']);
    expect(form.listOptions('area')).toHaveLength(9);
    const filled = await fillFive(form).save(join(temp.dir, 'filled.xlsx'));

    const summary = await c.handleLine(`/file ${filled}`);
    // Nothing is saved until the person confirms.
    expect(snvTargets(temp.db)).toHaveLength(0);
    expect(summary).toContain('Thêm 5, sửa 0, xóa 0');
    expect(summary).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn — ≥ 98,5%');
    expect(summary).toContain('Lưu và gửi Ban');

    const submitPrompt = await c.handleLine('Lưu và gửi Ban');
    expect(submitPrompt).toContain('✔ Đã lưu.');
    expect(await c.handleLine('1')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    expect(await c.handleLine('Không đăng ký danh hiệu')).toContain('Đã gửi bản đăng ký');

    const saved = snvTargets(temp.db);
    expect(saved.map((x) => [x.text, x.kind, x.measure, x.plannedValue, x.direction, x.dueOn])).toEqual([
      ['Tỷ lệ hồ sơ giải quyết đúng hạn', 'quantitative', '%', 98.5, 'at_least', '2020-12-31'],
      ['Số lớp tập huấn nghiệp vụ thi đua', 'quantitative', 'lớp', 4, 'at_least', '2020-12-31'],
      ['Số thủ tục hành chính cấp độ 4', 'quantitative', 'thủ tục', 25, 'at_least', '2020-11-30'],
      ['Không để xảy ra sự cố mất an toàn thông tin', 'qualitative', null, null, null, '2020-12-31'],
      ['Tổ chức hội nghị điển hình tiên tiến', 'qualitative', null, null, null, '2020-11-30'],
    ]);
    expect(temp.db.select().from(registrations).where(eq(registrations.id, saved[0]!.registrationId)).get()!.status).toBe('submitted');
    expect(temp.db.select().from(formUploads).all().map((u) => u.appliedAt)).toEqual([NOW]);
    expect(temp.db.select().from(auditLog).where(eq(auditLog.action, 'target.create')).all()).toHaveLength(5);
  });

  it('recognises edited, deleted and added rows by the hidden id', async () => {
    const temp = openTempDatabase();
    const c = chat(temp);
    await c.handleLine('/as SNV');
    await c.handleLine('/dangky');
    const first = await FilledForm.open(printedFile(await c.handleLine('Nhận biểu mẫu Excel')));
    await c.handleLine(`/file ${await fillFive(first).save(join(temp.dir, 'one.xlsx'))}`);
    await c.handleLine('Lưu');
    const before = snvTargets(temp.db);

    const again = await FilledForm.open(printedFile(await c.handleLine('Nhận biểu mẫu Excel')));
    expect(again.filledRows()).toBe(5);
    // Rows in the printed order, by content area: area 6's two targets first.
    expect(again.cell(2, 'text').value).toBe('Số thủ tục hành chính cấp độ 4');
    again.set(1, { plan: '99' }).deleteRow(2);
    again.add({ area: '1', text: 'Giải ngân vốn đầu tư công', measure: 'tỷ đồng', plan: '1,2 tỷ', kind: 'Định lượng' });
    const summary = await c.handleLine(`/file ${await again.save(join(temp.dir, 'two.xlsx'))}`);
    expect(summary).toContain('Thêm 1, sửa 1, xóa 1, giữ nguyên 3');
    expect(summary).toContain('− Số thủ tục hành chính cấp độ 4');
    await c.handleLine('Lưu');

    const after = snvTargets(temp.db);
    expect(after.find((x) => x.id === before[0]!.id)!.plannedValue).toBe(99);
    expect(after.some((x) => x.id === before.find((b) => b.text === 'Số thủ tục hành chính cấp độ 4')!.id)).toBe(false);
    expect(after.find((x) => x.text === 'Giải ngân vốn đầu tư công')!.plannedValue).toBe(1.2);
    expect(after).toHaveLength(5);
  });

  it('refuses a file with errors whole, row by row, and saves nothing', async () => {
    const temp = openTempDatabase();
    const c = chat(temp);
    await c.handleLine('/as SNV');
    await c.handleLine('/dangky');
    const form = await FilledForm.open(printedFile(await c.handleLine('Nhận biểu mẫu Excel')));
    fillFive(form)
      .set(1, { area: '12' })
      .set(2, { plan: 'mười hai' })
      .set(3, { due: '31/02/2020' })
      .set(4, { text: '' })
      .set(5, { note: { formula: 'A1&B1', result: 'x' } });
    const answer = await c.handleLine(`/file ${await form.save(join(temp.dir, 'bad.xlsx'))}`);
    expect(answer).toContain('chưa dùng được, chưa có gì thay đổi');
    expect(answer).toContain('Dòng 6, cột B (Nội dung thi đua): "12" không phải nội dung thi đua nào');
    expect(answer).toContain('Dòng 7, cột F (Kế hoạch): "mười hai" không phải con số');
    expect(answer).toContain('Dòng 8, cột H (Thời hạn): "31/02/2020" không phải ngày có thật');
    expect(answer).toContain('Dòng 9, cột C (Nội dung chỉ tiêu): ô này không được để trống');
    expect(answer).toContain('Dòng 10, cột I (Ghi chú): ô có công thức');
    expect(snvTargets(temp.db)).toHaveLength(0);
    // The person is asked for the file again, and a corrected one goes through.
    await c.handleLine('/dangky');
    const fixed = await FilledForm.open(printedFile(await c.handleLine('Nhận biểu mẫu Excel')));
    expect(await c.handleLine(`/file ${await fillFive(fixed).save(join(temp.dir, 'fixed.xlsx'))}`)).toContain('Thêm 5');
  });

  it('answers /file without a file with its usage', async () => {
    const temp = openTempDatabase();
    const c = chat(temp);
    await c.handleLine('/as SNV');
    expect(await c.handleLine('/file /no/such/file.xlsx')).toContain('Cách dùng: /file');
  });
});
