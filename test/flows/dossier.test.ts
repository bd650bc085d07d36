/**
 * Dossiers and the decision in chat, over the fake Telegram as src/main.ts runs the bot (polling,
 * the outbox, the job runner with Telegram's file fetcher). Cụm thi đua số 1 proposes HML for the
 * flag: HML's liaison sends the documents (one refused by its bytes, the last after the deadline:
 * late); TPND (its head) may send too; a liaison of another cluster sees nothing to send; the Board
 * sees the table and records the Chairman's decision, and HML's liaison is told.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { FEB_15 } from '../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { DOCX_BYTES, PDF_BYTES, PNG_BYTES, proposalRow } from '../helpers/dossier-rows.ts';
import { tg } from '../helpers/fake-telegram.ts';
import { startTelegramBot, stopTelegramBots } from '../helpers/telegram-bot.ts';
import { waitFor } from '../helpers/wait.ts';

useTempDatabases();

const HML = 7001;
const TPND = 7002;
const HTN = 7003;
const BOARD = 7004;
const PDF = 'application/pdf';
const DEC_9 = Date.UTC(2020, 11, 9, 3);
const DEC_11 = Date.UTC(2020, 11, 11, 3);
const JAN_20 = Date.UTC(2021, 0, 20, 3);

afterEach(stopTelegramBots);

async function startBot(temp: TempDatabase) {
  const clock = fixedClock(FEB_15);
  const { api } = await startTelegramBot(temp, clock);

  const send = async (who: number, update: Record<string, unknown>, expected: string): Promise<string> => {
    const before = api.sentTexts(who).length;
    api.pushUpdate(update);
    await waitFor(() => api.sentTexts(who).slice(before).some((text) => text.includes(expected)), `a reply to ${who} with "${expected}"`);
    return api.sentTexts(who).slice(before).join('\n---\n');
  };
  const press = (who: number, label: string, expected: string) => {
    const keyboard = api.lastKeyboard(who)!;
    const button = keyboard.buttons.find((b) => b.text.includes(label));
    if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard.buttons.map((b) => b.text))}`);
    return send(who, tg.callback(who, keyboard.messageId, button.callback_data), expected);
  };
  let files = 0;
  const sendFile = (who: number, bytes: Buffer, name: string, expected: string) => {
    const id = `DOSSIER${++files}`;
    api.addFile(id, bytes);
    return send(who, tg.document(who, id, name, PDF, bytes.length), expected);
  };
  return { api, clock, send, press, sendFile };
}

async function linked(bot: Awaited<ReturnType<typeof startBot>>, db: TempDatabase['db'], who: number, unitCode: string | null, role: 'liaison' | 'cluster_head' | 'admin') {
  const code = createInvite(db, { unitCode, role, personName: `Cán bộ ${unitCode ?? 'Ban'}` }, cliActor, FEB_15).code;
  await bot.send(who, tg.command(who, `/start ${code}`), 'Xin chào');
}

describe('a dossier sent in chat and the decision recorded', () => {
  it("keeps each document, refuses what is not PDF/DOC/DOCX by its bytes, flags the late one, and tells the unit the Board's decision", async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const bot = await startBot(temp);
    for (const [who, unit, role] of [[HML, 'HML', 'liaison'], [TPND, 'TPND', 'cluster_head'], [HTN, 'HTN', 'liaison'], [BOARD, null, 'admin']] as const) await linked(bot, temp.db, who, unit, role);
    const flag = proposalRow(temp.db, 'HML', 'co-thi-dua-ubnd-tinh', 'CUM1');
    bot.clock.set(DEC_9);

    const checklist = await bot.send(HML, tg.command(HML, '/hoso'), 'Hồ sơ: Cờ thi đua của UBND tỉnh');
    expect(checklist).toContain('Hạn nộp: 10/12/2020 · Đã có 0/6');
    expect(checklist).toContain('⬜ Xác nhận của Cục Thuế tỉnh về thực hiện nghĩa vụ thuế: chưa nộp');

    await bot.press(HML, 'Tờ trình', 'Gửi tệp Tờ trình');
    const refused = await bot.sendFile(HML, PNG_BYTES, 'to-trinh.pdf', 'Không nhận tệp to-trinh.pdf');
    expect(refused).toContain('nội dung không phải PDF, DOC hay DOCX');
    expect(temp.db.$client.prepare('SELECT COUNT(*) AS n FROM dossier_files').get()).toEqual({ n: 0 });

    await bot.press(HML, 'Tờ trình', 'Gửi tệp Tờ trình');
    // A photo of the page, or a workbook by its name, is refused at once; nothing is fetched.
    expect(await bot.send(HML, tg.photo(HML, 'PHOTO1'), 'Chỉ nhận tệp PDF, DOC hoặc DOCX')).toBeTruthy();
    expect(await bot.send(HML, tg.document(HML, 'XLSX1', 'to-trinh.xlsx', 'application/vnd.ms-excel'), 'Chỉ nhận tệp PDF, DOC hoặc DOCX')).toBeTruthy();
    const saved = await bot.sendFile(HML, PDF_BYTES, 'to-trinh.pdf', 'Đã lưu Tờ trình');
    expect(saved).toContain('Hồ sơ có 1/6 tài liệu');
    const row = temp.db.$client.prepare('SELECT item, file_name, bytes, stored_path FROM dossier_files').get() as { item: string; file_name: string; bytes: number; stored_path: string };
    expect(row).toMatchObject({ item: 'to-trinh', file_name: 'to-trinh.pdf', bytes: PDF_BYTES.length });
    expect(row.stored_path.startsWith(join(temp.dir, 'dossiers', String(flag)))).toBe(true);
    expect(bot.api.downloads).not.toContain('PHOTO1');
    expect(bot.api.downloads).not.toContain('XLSX1');
    expect(readFileSync(row.stored_path)).toEqual(PDF_BYTES);

    // The cluster's head sends the minutes of its bình xét.
    await bot.send(TPND, tg.command(TPND, '/hoso'), 'Đã có 1/6');
    await bot.press(TPND, 'Biên bản họp bình xét', 'Gửi tệp Biên bản');
    await bot.sendFile(TPND, DOCX_BYTES, 'bien-ban.docx', 'Hồ sơ có 2/6');

    // A liaison of the other cluster has nothing to send, and cannot reach HML's dossier.
    expect(await bot.send(HTN, tg.command(HTN, '/hoso'), 'Chưa có đề nghị')).not.toContain('HML');

    for (const item of ['Báo cáo thành tích', 'Công an', 'Cục Thuế']) {
      await bot.send(HML, tg.command(HML, '/hoso'), 'Hồ sơ:');
      await bot.press(HML, item, 'Gửi tệp');
      await bot.sendFile(HML, PDF_BYTES, 'tep.pdf', 'Đã lưu');
    }
    bot.clock.set(DEC_11);
    await bot.send(HML, tg.command(HML, '/hoso'), 'Đã có 5/6');
    await bot.press(HML, 'Bảo hiểm xã hội', 'Gửi tệp');
    const late = await bot.sendFile(HML, PDF_BYTES, 'bhxh.pdf', 'Đã lưu');
    expect(late).toContain('Tệp nộp sau hạn, được ghi nhận là nộp muộn');
    expect(late).toContain('Hồ sơ có 6/6 tài liệu. Còn thiếu: —');

    const table = await bot.send(BOARD, tg.command(BOARD, '/hoso'), 'Hồ sơ đề nghị khen thưởng');
    expect(table).toContain('• Cờ thi đua của UBND tỉnh · CUM1: 0 đủ, 1 muộn, 0 chưa đủ');
    expect(table).toContain('⏰ Đủ hồ sơ, nộp muộn — Cờ thi đua của UBND tỉnh — Thành phố Nam Định'.replace('Thành phố Nam Định', temp.db.$client.prepare("SELECT name FROM units WHERE code = 'HML'").pluck().get() as string));

    // The liaison may not record a decision; the Board does, and HML's liaison is told.
    expect(await bot.send(HML, tg.command(HML, '/quyetdinh'), 'chỉ dành cho cán bộ Ban')).toBeTruthy();
    bot.clock.set(JAN_20);
    await bot.send(BOARD, tg.command(BOARD, '/quyetdinh'), 'Có 1 đề nghị, đã ghi quyết định 0');
    await bot.press(BOARD, 'Cờ thi đua', 'Chủ tịch UBND tỉnh đã quyết định');
    await bot.press(BOARD, 'Được khen thưởng', 'Số quyết định');
    expect(await bot.send(BOARD, tg.text(BOARD, '=CMD()'), 'Số quyết định chưa đúng')).toBeTruthy();
    await bot.send(BOARD, tg.text(BOARD, '125/QĐ-UBND'), 'Ngày ký');
    expect(await bot.send(BOARD, tg.text(BOARD, '25/01/2021'), 'không thể sau hôm nay')).toContain('20/01/2021');
    const recorded = await bot.send(BOARD, tg.text(BOARD, '20/01/2021'), 'Đã ghi');
    expect(recorded).toContain('Cờ thi đua của UBND tỉnh — 🏅 Được khen thưởng, Quyết định số 125/QĐ-UBND ngày 20/01/2021. Đã báo cho đơn vị.');
    await waitFor(() => bot.api.sentTexts(HML).some((t) => t.includes('Quyết định số 125/QĐ-UBND ngày 20/01/2021')), 'the unit told');
    expect(bot.api.sentTexts(HML).find((t) => t.includes('125/QĐ-UBND'))).toContain('đơn vị được tặng Cờ thi đua của UBND tỉnh');
    expect(bot.api.sentTexts(TPND).some((t) => t.includes('125/QĐ-UBND'))).toBe(false);
    expect(temp.db.$client.prepare('SELECT outcome, decision_number, decided_on FROM proposals WHERE id = ?').get(flag)).toEqual({ outcome: 'awarded', decision_number: '125/QĐ-UBND', decided_on: '2021-01-20' });
    expect(existsSync(join(temp.dir, 'dossiers'))).toBe(true);
  });
});
