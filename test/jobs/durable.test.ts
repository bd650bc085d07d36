/**
 * Work a message asked for survives a restart: the bot as src/main.ts runs it on Telegram (fake
 * Bot API over HTTP, real SQLite file), stopped and started again on the same database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/chat/channel.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { startTelegram } from '../../src/channels/telegram/run.ts';
import { loadConfig } from '../../src/config.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import type { FileFetcher } from '../../src/chat/files.ts';
import { JobRunner, MAX_JOB_ATTEMPTS } from '../../src/jobs/runner.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { FEB_15 } from '../helpers/chat.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { FilledForm } from '../helpers/forms.ts';
import { waitFor } from '../helpers/wait.ts';

useTempDatabases();
useCliSandboxes();

const LIAISON = 6101;
const ADMIN = 6102;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_ID = 'BQACAgUAAxkBAAIC';
const apis: FakeBotApi[] = [];
const running = new Set<(whileJobsStop?: () => void) => Promise<void>>();

afterEach(async () => {
  for (const stop of [...running]) await stop();
  for (const api of apis.splice(0)) await api.close();
});

interface BotOptions {
  /** false: the process dies right after the messages are handled, before its job runner takes their work. */
  runJobs?: boolean;
  /** Wraps the Telegram file fetcher (to hold a download in flight). */
  wrapFetch?: (fetch: FileFetcher) => FileFetcher;
}

/** The bot as src/main.ts runs it on Telegram: polling, the outbox's dispatcher, and the job runner with Telegram's file fetcher. */
async function startBot(temp: TempDatabase, api: FakeBotApi, options: BotOptions = {}) {
  const clock = fixedClock(FEB_15);
  const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, LOG_LEVEL: 'silent' });
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  const senders: ChannelSender[] = [];
  const outbox = new Dispatcher({ db: temp.db, senders, clock, log: silentLogger, pollMs: 20 });
  const fetchers: { telegram?: FileFetcher } = {};
  const jobs = new JobRunner({ db: temp.db, core, clock, log: silentLogger, exportDir: join(temp.dir, 'exports'), dir: join(temp.dir, 'forms'), fetchers }, () => outbox.kick());
  const runJobs = options.runJobs !== false;
  const telegram = await startTelegram({ config, db: temp.db, core, clock, log: silentLogger, outbound: outbox, ...(runJobs ? { onJob: jobs.run } : {}) });
  fetchers.telegram = options.wrapFetch ? options.wrapFetch(telegram.fetchFile) : telegram.fetchFile;
  senders.push(telegram.channel);
  outbox.start();
  if (runJobs) jobs.start();
  // As src/main.ts stops: no new message, then the job in hand, then the outbox. `whileJobsStop`: called once the runner is told to stop.
  const stop = async (whileJobsStop?: () => void) => {
    running.delete(stop);
    await telegram.stop();
    const jobsStopped = jobs.stop();
    whileJobsStop?.();
    await jobsStopped;
    await outbox.stop();
  };
  running.add(stop);
  return { stop, jobs, outbox };
}

async function fakeApi(): Promise<FakeBotApi> {
  const api = await new FakeBotApi().start();
  apis.push(api);
  return api;
}

async function send(api: FakeBotApi, chatId: number, update: Record<string, unknown>, expected: string): Promise<string> {
  const before = api.sentTexts(chatId).length;
  api.pushUpdate(update);
  await waitFor(() => api.sentTexts(chatId).slice(before).some((text) => text.includes(expected)), `a reply with "${expected}"`);
  return api.sentTexts(chatId).slice(before).join('\n---\n');
}

async function press(api: FakeBotApi, chatId: number, label: string, expected: string): Promise<string> {
  const keyboard = api.lastKeyboard(chatId)!;
  const button = keyboard.buttons.find((b) => b.text.includes(label));
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard.buttons.map((b) => b.text))}`);
  return send(api, chatId, tg.callback(chatId, keyboard.messageId, button.callback_data), expected);
}

const jobRows = (temp: TempDatabase) =>
  temp.db.$client.prepare("SELECT json_extract(job, '$.kind') AS kind, stored_path AS storedPath, done_at AS doneAt, error, attempts FROM jobs ORDER BY id").all() as {
    kind: string;
    storedPath: string | null;
    doneAt: number | null;
    error: string | null;
    attempts: number;
  }[];

/** The liaison asks for the registration form, fills it and has it ready to send (the file Telegram will serve). */
async function filledFormReady(temp: TempDatabase, api: FakeBotApi): Promise<Buffer> {
  const code = createInvite(temp.db, { unitCode: 'SNV', role: 'liaison', personName: 'Nguyễn Thị Hoa' }, cliActor, FEB_15).code;
  await send(api, LIAISON, tg.command(LIAISON, `/start ${code}`), 'Xin chào');
  await send(api, LIAISON, tg.command(LIAISON, '/dangky'), 'Nhận biểu mẫu Excel');
  await press(api, LIAISON, 'Nhận biểu mẫu Excel', 'gửi lại tệp');
  await waitFor(() => temp.db.$client.prepare("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL AND status = 'sent'").pluck().get() === 1, 'the form sent');
  const row = temp.db.$client.prepare("SELECT payload FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL").pluck().get() as string;
  const form = await FilledForm.open((JSON.parse(row) as { file: { path: string } }).file.path);
  form
    .set(1, { area: '6. Công tác văn hóa công vụ, chính quyền điện tử và cải cách hành chính', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'Định lượng', measure: '%', plan: '98,5' })
    .set(2, { area: '8', text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'Định tính' });
  const bytes = Buffer.from(await form.workbook.xlsx.writeBuffer());
  api.addFile(FILE_ID, bytes);
  return bytes;
}

/**
 * The liaison sends the filled form; the bot is stopped while the file is downloading: the file is
 * kept, the reading is left for the next start. Telegram then forgets the file.
 */
async function formLeftUnread(temp: TempDatabase, api: FakeBotApi): Promise<Buffer> {
  let downloaded!: () => void;
  const inFlight = new Promise<void>((resolve) => (downloaded = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const first = await startBot(temp, api, {
    wrapFetch: (fetch) => async (file, maxBytes) => {
      const bytes = await fetch(file, maxBytes);
      downloaded();
      await held;
      return bytes;
    },
  });
  const bytes = await filledFormReady(temp, api);
  api.pushUpdate(tg.document(LIAISON, FILE_ID, 'dang-ky-SNV-2020.xlsx', XLSX, bytes.length));
  await inFlight;
  await first.stop(release);
  api.files.delete(FILE_ID);
  return bytes;
}


/** An admin asks for an export, and the bot stops before making it: the job row is left. */
async function exportAskedThenStopped() {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await fakeApi();
    const first = await startBot(temp, api, { runJobs: false });
    const code = createInvite(temp.db, { role: 'admin', personName: 'Trần Văn Ban' }, cliActor, FEB_15).code;
    await send(api, ADMIN, tg.command(ADMIN, `/start ${code}`), 'Xin chào');
    await send(api, ADMIN, tg.command(ADMIN, '/xuat xlsx'), 'Đang chuẩn bị tệp XLSX');
    await first.stop();
  return { temp, api };
}

describe('jobs across a restart', () => {
  it('a form received just before a restart is read after it from the kept file: the person gets the reading without sending it again', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await fakeApi();
    const bytes = await formLeftUnread(temp, api);

    // Stopped after the file was kept and before it was read: nothing read, nothing asked yet.
    const [left] = jobRows(temp).filter((j) => j.kind === 'form-in');
    expect(left).toMatchObject({ doneAt: null, attempts: 0 });
    expect(readFileSync(left!.storedPath!).equals(bytes)).toBe(true);
    expect(temp.db.$client.prepare('SELECT count(*) FROM form_uploads').pluck().get()).toBe(0);
    expect(api.sentTexts(LIAISON).some((text) => text.includes('Lưu các thay đổi này?'))).toBe(false);

    await startBot(temp, api);
    await waitFor(() => api.sentTexts(LIAISON).some((text) => text.includes('Lưu các thay đổi này?')), 'the reading after the restart');
    expect(api.sentTexts(LIAISON).join('\n')).toContain('Thêm 2, sửa 0, xóa 0');
    // Downloaded once, before the restart; read from the kept file after it.
    expect(api.downloads).toEqual([FILE_ID]);
    expect(temp.db.$client.prepare('SELECT stored_path FROM form_uploads').pluck().all()).toEqual([left!.storedPath]);
    expect(jobRows(temp).every((j) => j.doneAt !== null && j.error === null)).toBe(true);

    await press(api, LIAISON, 'Lưu', 'Đã lưu');
    expect(
      temp.db.$client
        .prepare("SELECT t.text FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.id")
        .pluck()
        .all(),
    ).toEqual(['Tỷ lệ hồ sơ giải quyết đúng hạn', 'Không để xảy ra sự cố mất an toàn thông tin']);
  });

  it('`thidua inbound --retry` reads a form a stopped bot left from its kept file, with no messenger at all', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await fakeApi();
    await formLeftUnread(temp, api);
    await api.close();

    const cli = cliSandbox({ DATABASE_PATH: temp.path });
    const retried = await cli.run('inbound', '--retry', '--lang', 'en');
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain('Done 1 pending job');
    expect(retried.stdout).toContain('the bot sends them when it starts');
    // The reading and the question after it wait in the outbox for the liaison; nothing was downloaded again.
    const queued = temp.db.$client
      .prepare("SELECT json_extract(o.payload, '$.text') FROM outbox o JOIN identities i ON i.id = o.identity_id WHERE i.external_id = ? AND o.status = 'pending'")
      .pluck()
      .all(String(LIAISON)) as string[];
    expect(queued.join('\n')).toContain('Lưu các thay đổi này?');
    expect(api.downloads).toEqual([FILE_ID]);
    expect(jobRows(temp).every((j) => j.doneAt !== null)).toBe(true);
    // Exactly once: a second retry has nothing to do.
    expect((await cli.run('inbound', '--retry', '--lang', 'en')).stdout).not.toContain('pending job');
  });

  it('an export asked for just before the process died is made after the restart and delivered once', async () => {
    const { temp, api } = await exportAskedThenStopped();
    expect(jobRows(temp)).toMatchObject([{ kind: 'export', doneAt: null }]);
    expect(api.callsOf('sendDocument')).toHaveLength(0);

    const second = await startBot(temp, api);
    await waitFor(() => api.callsOf('sendDocument').length === 1, 'the export delivered');
    await second.jobs.idle();
    await second.outbox.whenIdle();
    await second.stop();
    // A third start finds nothing left to do.
    const third = await startBot(temp, api);
    await third.jobs.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await third.outbox.whenIdle();

    expect(api.callsOf('sendDocument')).toHaveLength(1);
    expect(api.callsOf('sendDocument')[0]!.payload).toMatchObject({ chat_id: String(ADMIN), caption: '📊 Số liệu Phong trào thi đua năm 2020 (1 tệp).' });
    expect(jobRows(temp)).toMatchObject([{ kind: 'export', error: null, attempts: 1 }]);
    expect(jobRows(temp)[0]!.doneAt).not.toBeNull();
  });

  it(`a job that stopped the process ${MAX_JOB_ATTEMPTS} times is given up: the person is told once, and the bot goes on`, async () => {
    const { temp, api } = await exportAskedThenStopped();
    // As three starts that each died while making it would have left it.
    temp.db.$client.prepare('UPDATE jobs SET attempts = ?').run(MAX_JOB_ATTEMPTS);

    const second = await startBot(temp, api);
    await waitFor(() => api.sentTexts(ADMIN).some((text) => text.includes('Chưa xuất được số liệu do lỗi phía trợ lý')), 'the failure told');
    await second.jobs.idle();
    expect(api.callsOf('sendDocument')).toHaveLength(0);
    expect(jobRows(temp)).toMatchObject([{ kind: 'export', error: 'given up', attempts: MAX_JOB_ATTEMPTS }]);
    // The bot goes on: the next export asked for is made.
    await send(api, ADMIN, tg.command(ADMIN, '/xuat xlsx'), 'Đang chuẩn bị tệp XLSX');
    await waitFor(() => api.callsOf('sendDocument').length === 1, 'the next export');
  });
});
