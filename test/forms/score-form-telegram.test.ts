/**
 * The year-end self-assessment by Excel form over Telegram, as src/main.ts runs the bot: HML of
 * Cụm thi đua số 1 downloads its sheet (the year's results filled in, marked so), fills it with
 * exceljs, sends it back (fetched through getFile from the fake Bot API), and saves it.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { groups } from '../../src/db/schema.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { yearResultsByUnit } from '../../src/domain/year-end/results.ts';
import { groupSheets } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { startTelegramBot, stopTelegramBots } from '../helpers/telegram-bot.ts';
import { ScoreForm } from '../helpers/score-form.ts';
import { hmlWithYearResults } from '../helpers/year-end-fixtures.ts';
import { waitFor } from '../helpers/wait.ts';

useTempDatabases();

/** 20/11/2020 09:00 in Hà Nội: the year reported, the self-assessment due on 30/11. */
const NOV_20 = Date.UTC(2020, 10, 20, 2, 0);
const LIAISON = 6101;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
afterEach(stopTelegramBots);

/** The bot as src/main.ts runs it on Telegram (helpers/telegram-bot.ts). */
async function startBot(temp: TempDatabase) {
  return (await startTelegramBot(temp, fixedClock(NOV_20))).api;
}

async function send(api: FakeBotApi, update: Record<string, unknown>, expected: string): Promise<string> {
  const before = api.sentTexts(LIAISON).length;
  api.pushUpdate(update);
  await waitFor(() => api.sentTexts(LIAISON).slice(before).some((text) => text.includes(expected)), `a reply with "${expected}"`);
  return api.sentTexts(LIAISON).slice(before).join('\n---\n');
}

async function press(api: FakeBotApi, label: string, expected: string): Promise<string> {
  const keyboard = api.lastKeyboard(LIAISON)!;
  const button = keyboard.buttons.find((b) => b.text.includes(label));
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard.buttons.map((b) => b.text))}`);
  return send(api, tg.callback(LIAISON, keyboard.messageId, button.callback_data), expected);
}

function sentForm(temp: TempDatabase): string {
  const rows = temp.db.$client.prepare("SELECT payload FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL ORDER BY id DESC").all() as { payload: string }[];
  return (JSON.parse(rows[0]!.payload) as { file: { path: string } }).file.path;
}

const hmlLines = (temp: TempDatabase) =>
  temp.db.$client
    .prepare(
      "SELECT l.criterion_code AS code, l.self, l.prefilled, l.evidence_kind AS evidenceKind, l.evidence_ref AS evidenceRef, l.note FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'HML' ORDER BY l.criterion_code",
    )
    .all();

describe('the self-assessment form over Telegram', () => {
  it('sends HML its sheet with the year’s results filled in, reads the filled file fetched through getFile, and saves the points on confirmation', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, NOV_20);
    hmlWithYearResults(temp.db, NOV_20);
    const api = await startBot(temp);
    const code = createInvite(temp.db, { unitCode: 'HML', role: 'liaison', personName: 'Trần Văn Minh' }, cliActor, NOV_20).code;
    await send(api, tg.command(LIAISON, `/start ${code}`), 'Xin chào');

    await send(api, tg.command(LIAISON, '/chamdiemexcel'), 'Biểu mẫu tự chấm điểm đang được chuẩn bị');
    await waitFor(() => api.callsOf('sendDocument').length === 1, 'the form sent as a document');
    expect(api.callsOf('sendDocument')[0]!.files).toEqual({ document: 'tu-cham-HML-2020.xlsx' });

    const form = await ScoreForm.open(sentForm(temp));
    // The sheet by section, each criterion with its maximum; the year's results filled in and marked.
    expect(form.sheet.getCell(form.rowOf('I.1') - 1, 3).value).toBe('I. Thực hiện nhiệm vụ chính trị, chỉ tiêu thi đua');
    expect([form.cell('I.1', 'max').value, form.cell('I.1', 'points').value, form.cell('I.1', 'source').value]).toEqual([40, 30, 'Theo kết quả năm']);
    expect([form.cell('I.2', 'max').value, form.cell('I.2', 'points').value, form.cell('I.2', 'source').value]).toEqual([10, 5, 'Theo kết quả năm']);
    expect([form.cell('I.3', 'points').value, form.cell('I.3', 'source').value]).toEqual([null, null]);
    expect(form.cell('D.1', 'kind').value).toBe('Điểm trừ');
    expect(form.cell('B.1', 'kind').value).toBe('Điểm thưởng');
    // The total is a formula: scores and bonuses added, deductions taken off.
    const total = form.totalCell().value as { formula: string; result: number };
    const at = (c: string) => `G${form.rowOf(c)}`;
    expect(total.formula).toBe(`SUM(${at('I.1')}:${at('I.3')},${at('II.1')}:${at('II.3')},${at('III.1')}:${at('III.3')},${at('B.1')}:${at('B.2')})-SUM(${at('D.1')}:${at('D.2')})`);
    expect(total.result).toBe(35);

    form
      .set('I.2', { points: 4 })
      .set('I.3', { points: '7,5' })
      .set('II.1', { points: 5 })
      .set('II.2', { points: 9, evidence: 'https://hml.namdinh.gov.vn/tdkt/2020' })
      .set('II.3', { points: 5 })
      .set('III.1', { points: 10 })
      .set('III.2', { points: '4,5' })
      .set('III.3', { points: 5 })
      .set('D.1', { points: 1, note: 'Chậm nộp báo cáo quý II' });
    api.addFile('BQACAgUAAxkBAAIC', await form.bytes());
    const summary = await send(api, tg.document(LIAISON, 'BQACAgUAAxkBAAIC', 'tu-cham-HML-2020.xlsx', XLSX, 12_000), 'Lưu điểm tự chấm này?');
    expect(summary).toContain('📥 Đã nhận tệp tu-cham-HML-2020.xlsx, đang đọc…');
    expect(summary).toContain('Điểm sẽ lưu: 9 tiêu chí; giữ điểm theo kết quả năm: 1; để trống: 3.');
    expect(summary).toContain('• I.3 ');
    expect(summary).toContain(': 7,5/10');
    expect(summary).toContain('(có minh chứng)');
    expect(summary).toContain('Tổng điểm sau khi lưu: 79.');
    expect(api.downloads).toEqual(['BQACAgUAAxkBAAIC']);
    expect(hmlLines(temp)).toEqual([]);

    const saved = await press(api, 'Lưu', 'Đã lưu điểm');
    expect(saved).toContain('✔ Đã lưu điểm 9 tiêu chí. Tổng điểm: 79. Bảng điểm đã đủ; gửi Cụm trưởng trong /chamdiem.');
    // I.1 kept as the year's results gave it: no line of the unit's own; it is kept as filled in when the sheet is sent.
    expect(hmlLines(temp)).toEqual([
      { code: 'D.1', self: 1, prefilled: 0, evidenceKind: null, evidenceRef: null, note: 'Chậm nộp báo cáo quý II' },
      { code: 'I.2', self: 4, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
      { code: 'I.3', self: 7.5, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
      { code: 'II.1', self: 5, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
      { code: 'II.2', self: 9, prefilled: 0, evidenceKind: 'link', evidenceRef: 'https://hml.namdinh.gov.vn/tdkt/2020', note: null },
      { code: 'II.3', self: 5, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
      { code: 'III.1', self: 10, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
      { code: 'III.2', self: 4.5, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
      { code: 'III.3', self: 5, prefilled: 0, evidenceKind: null, evidenceRef: null, note: null },
    ]);
    // The cluster head sees the same total beside the other members' (none scored yet).
    const movement = currentMovement(temp.db)!;
    const cum1 = temp.db.select().from(groups).where(eq(groups.code, 'CUM1')).get()!.id;
    const sheets = groupSheets(temp.db, scoringTableOfGroup(temp.db, cum1)!, cum1, yearResultsByUnit(temp.db, movement));
    const hml = temp.db.$client.prepare("SELECT id FROM units WHERE code = 'HML'").get() as { id: number };
    expect(sheets.find((s) => s.unitId === hml.id)).toMatchObject({ total: 79, complete: true, sentAt: null });
    expect(temp.db.$client.prepare("SELECT actor_person_id IS NOT NULL AS byPerson, action FROM audit_log WHERE action = 'score.self-form'").all()).toEqual([{ byPerson: 1, action: 'score.self-form' }]);
  });
});
