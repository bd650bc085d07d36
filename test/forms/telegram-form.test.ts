import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { FEB_15 } from '../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { startTelegramBot, stopTelegramBots } from '../helpers/telegram-bot.ts';
import { FilledForm } from '../helpers/forms.ts';
import { waitFor } from '../helpers/wait.ts';

useTempDatabases();

const LIAISON = 6001;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
afterEach(stopTelegramBots);

/** The bot as src/main.ts runs it on Telegram (helpers/telegram-bot.ts). */
async function startBot(temp: TempDatabase) {
  return (await startTelegramBot(temp, fixedClock(FEB_15))).api;
}

const sentCount = (api: FakeBotApi) => api.callsOf('sendMessage').length + api.callsOf('sendDocument').length;

async function send(api: FakeBotApi, update: Record<string, unknown>, expect: string): Promise<string> {
  const before = api.sentTexts(LIAISON).length;
  api.pushUpdate(update);
  await waitFor(() => api.sentTexts(LIAISON).slice(before).some((text) => text.includes(expect)), `a reply with "${expect}"`);
  return api.sentTexts(LIAISON).slice(before).join('\n---\n');
}

async function press(api: FakeBotApi, label: string, expect: string): Promise<string> {
  const keyboard = api.lastKeyboard(LIAISON)!;
  const button = keyboard.buttons.find((b) => b.text.includes(label));
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard.buttons.map((b) => b.text))}`);
  return send(api, tg.callback(LIAISON, keyboard.messageId, button.callback_data), expect);
}

/** The form the bot sent as a document: its file, from the outbox row that carried it. */
function sentForm(temp: TempDatabase): string {
  const rows = temp.db.$client.prepare("SELECT payload FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL ORDER BY id DESC").all() as { payload: string }[];
  return (JSON.parse(rows[0]!.payload) as { file: { path: string } }).file.path;
}

describe('the registration form over Telegram', () => {
  it('sends the form as a document, downloads the filled one through getFile, and saves it on confirmation', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await startBot(temp);
    const code = createInvite(temp.db, { unitCode: 'SNV', role: 'liaison', personName: 'Nguyễn Thị Hoa' }, cliActor, FEB_15).code;
    await send(api, tg.command(LIAISON, `/start ${code}`), 'Xin chào');
    await send(api, tg.command(LIAISON, '/dangky'), 'Nhận biểu mẫu Excel');

    const before = sentCount(api);
    await press(api, 'Nhận biểu mẫu Excel', 'gửi lại tệp');
    await waitFor(() => api.callsOf('sendDocument').length === 1, 'the form sent as a document');
    expect(sentCount(api)).toBeGreaterThan(before);
    expect(api.callsOf('sendDocument')[0]!.files).toEqual({ document: 'dang-ky-SNV-2020.xlsx' });

    const form = await FilledForm.open(sentForm(temp));
    form
      .set(1, { area: '6. Công tác văn hóa công vụ, chính quyền điện tử và cải cách hành chính', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'Định lượng', measure: '%', plan: '98,5' })
      .set(2, { area: '8', text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'Định tính' });
    api.addFile('BQACAgUAAxkBAAIB', Buffer.from(await form.workbook.xlsx.writeBuffer()));
    const summary = await send(api, tg.document(LIAISON, 'BQACAgUAAxkBAAIB', 'dang-ky-SNV-2020.xlsx', XLSX, 9_000), 'Lưu các thay đổi này?');
    expect(summary).toContain('📥 Đã nhận tệp dang-ky-SNV-2020.xlsx, đang đọc…');
    expect(summary).toContain('Thêm 2, sửa 0, xóa 0');
    expect(api.downloads).toEqual(['BQACAgUAAxkBAAIB']);
    const snvTargets = () =>
      temp.db.$client
        .prepare("SELECT t.text, t.planned_value FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.id")
        .all();
    expect(snvTargets()).toEqual([]);

    await press(api, 'Lưu', 'Đã lưu');
    expect(snvTargets()).toEqual([
      { text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', planned_value: 98.5 },
      { text: 'Không để xảy ra sự cố mất an toàn thông tin', planned_value: null },
    ]);
    // The received file is kept beside the database.
    const stored = temp.db.$client.prepare('SELECT stored_path FROM form_uploads').get() as { stored_path: string };
    expect(readFileSync(stored.stored_path).equals(api.files.get('BQACAgUAAxkBAAIB')!)).toBe(true);
  });
});
