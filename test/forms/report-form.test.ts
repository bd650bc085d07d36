import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { units } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { currentMovement, listContentAreas } from '../../src/domain/movements.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FilledForm, RESULT_COLUMNS } from '../helpers/forms.ts';

useTempDatabases();

/** 05/04/2020 10:00 in Hà Nội: the first quarter is over and due on 10/04. */
const NOW = Date.UTC(2020, 3, 5, 3, 0);

/** SNV sent two quantitative targets and a qualitative one. */
function registered(temp: TempDatabase): void {
  loadSampleMovement(temp.db, { label: 'test' }, NOW);
  const movement = currentMovement(temp.db)!;
  const unitId = temp.db.select().from(units).where(eq(units.code, 'SNV')).get()!.id;
  const reg = ensureRegistration(temp.db, movement.id, unitId, NOW);
  const area = listContentAreas(temp.db, movement.id)[5]!.id;
  const actor = { label: 'test' };
  addTarget(temp.db, reg.id, { contentAreaId: area, text: 'Sản phẩm OCOP', kind: 'quantitative', measure: 'sản phẩm', plannedValue: 100, direction: 'at_least' }, actor, NOW);
  addTarget(temp.db, reg.id, { contentAreaId: area, text: 'Tỷ lệ hồ sơ đúng hạn', kind: 'quantitative', measure: '%', plannedValue: 98, direction: 'at_least' }, actor, NOW);
  addTarget(temp.db, reg.id, { contentAreaId: area, text: 'Đưa cầu Thịnh Long vào sử dụng', kind: 'qualitative' }, actor, NOW);
  submitRegistration(temp.db, reg.id, actor, NOW);
}

function chat(temp: TempDatabase): ConsoleChat {
  const clock = fixedClock(NOW);
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  return new ConsoleChat({ core, db: temp.db, locale: 'vi', clock, formsDir: join(temp.dir, 'forms') });
}

const reported = (temp: TempDatabase) =>
  temp.db.$client
    .prepare('SELECT t.text, l.value, l.cumulative, l.assessment, l.evidence_kind, l.evidence_ref, l.note FROM progress_lines l JOIN targets t ON t.id = l.target_id ORDER BY l.id')
    .all();

describe('the progress report form', () => {
  it('is sent for the chosen period with the targets, read back with the report rules, and saved on confirmation', async () => {
    const temp = openTempDatabase();
    registered(temp);
    const c = chat(temp);
    await c.handleLine('/as SNV');
    await c.handleLine('/baocao');
    expect(await c.handleLine('1')).toContain('Báo cáo bằng biểu mẫu Excel');
    const sent = await c.handleLine('Báo cáo bằng biểu mẫu Excel');
    const form = await FilledForm.open(/📎 [^:]+: (\S+\.xlsx)/.exec(sent)![1]!, RESULT_COLUMNS);
    expect(form.filledRows()).toBe(3);
    expect(form.cell(3, 'plan').value).toBe('Hoàn thành');
    form.set(1, { result: '35', basis: 'Lũy kế', evidence: { text: 'Quyết định', hyperlink: 'https://snv.namdinh.gov.vn/qd-12' } });
    form.set(3, { result: 'Đang thực hiện', note: 'Đã thông xe kỹ thuật' });
    const path = await form.save(join(temp.dir, 'bao-cao.xlsx'));

    const summary = await c.handleLine(`/file ${path}`);
    expect(summary).toContain('Đã đọc tệp bao-cao.xlsx');
    expect(summary).toContain('1. Sản phẩm OCOP: 35 sản phẩm');
    expect(summary).toContain('2. Tỷ lệ hồ sơ đúng hạn: Đã bỏ qua chỉ tiêu này.');
    expect(reported(temp)).toEqual([]);
    await c.handleLine('Gửi báo cáo');
    expect(reported(temp)).toEqual([
      { text: 'Sản phẩm OCOP', value: 35, cumulative: 1, assessment: 'in_progress', evidence_kind: 'link', evidence_ref: 'https://snv.namdinh.gov.vn/qd-12', note: null },
      { text: 'Đưa cầu Thịnh Long vào sử dụng', value: null, cumulative: 0, assessment: 'in_progress', evidence_kind: null, evidence_ref: null, note: 'Đã thông xe kỹ thuật' },
    ]);
  });

  it('refuses a report form with a wrong result, an unknown state or a bad link, and saves nothing', async () => {
    const temp = openTempDatabase();
    registered(temp);
    const c = chat(temp);
    await c.handleLine('/as SNV');
    await c.handleLine('/baocao');
    await c.handleLine('1');
    const form = await FilledForm.open(/📎 [^:]+: (\S+\.xlsx)/.exec(await c.handleLine('Báo cáo bằng biểu mẫu Excel'))![1]!, RESULT_COLUMNS);
    form.set(1, { result: '-5' }).set(2, { result: '97', evidence: 'www.khong-co-giao-thuc' }).set(3, { result: 'Xong rồi' });
    const answer = await c.handleLine(`/file ${await form.save(join(temp.dir, 'sai.xlsx'))}`);
    expect(answer).toContain('Dòng 6, cột F (Kết quả): Con số không được âm.');
    expect(answer).toContain('Dòng 7, cột H (Minh chứng (đường link)): minh chứng cần là đường link');
    expect(answer).toContain('Dòng 8, cột F (Kết quả): "Xong rồi" không phải tình trạng');
    expect(reported(temp)).toEqual([]);
  });
});
