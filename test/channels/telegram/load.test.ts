/**
 * The bot as `npm start` runs it (its own process, long polling), against a fake Bot API on
 * 127.0.0.1 that takes a round trip's time to answer every call: many people at once, a crash under
 * that load, and a messenger that stops answering.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/connection.ts';
import { openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../../helpers/fake-telegram.ts';
import { liaisons, loadThisYearsMovement } from '../../helpers/liaisons.ts';
import { waitFor } from '../../helpers/wait.ts';

useTempDatabases();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ROUND_TRIP_MS = 80;
/** Adding one target ("1. Thêm chỉ tiêu" after the first): each step answered by one message, "Bước k/9" then "Đã lưu". */
const CYCLE = (n: number) => [n === 0 ? '/dangky' : '1', '6', `Chỉ tiêu thử số ${n}`, '1', '%', '98,5', '1', '31/12', 'Bỏ qua', 'Lưu'];
const EXPECTED = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'saved'];
/** What a reply says of the conversation: its step, or that the target was saved. */
const stepOf = (text: string) => /Bước (\d+)[./]/.exec(text)?.[1] ?? (text.includes('Đã lưu chỉ tiêu') ? 'saved' : text.slice(0, 40));

async function fakeApi(): Promise<FakeBotApi> {
  const api = await new FakeBotApi().start();
  api.roundTripMs = ROUND_TRIP_MS;
  cleanups.push(() => api.close());
  return api;
}

/** A database with the sample movement and `count` linked liaisons; their chat ids. */
function world(count: number): { path: string; chats: number[] } {
  const temp = openTempDatabase();
  temp.db.$client.close();
  const db = openDatabase(temp.path);
  loadThisYearsMovement(db);
  const chats = liaisons(db, count);
  closeDatabase(db);
  return { path: temp.path, chats };
}

/** `npm start` with a token: resolves once it polls. */
async function startBot(path: string, api: FakeBotApi): Promise<ChildProcess & { stderr: NodeJS.ReadableStream }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATABASE_PATH: path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, HTTP_PORT: '0', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await waitFor(() => err.includes(`@${api.username}`) || child.exitCode !== null, 'the bot to start', 20_000);
  if (child.exitCode !== null) throw new Error(err);
  return child as ChildProcess & { stderr: NodeJS.ReadableStream };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/** What each chat was sent, as steps of the conversation, identical resends of one message counted once. */
function transcript(api: FakeBotApi, chatId: number): string[] {
  const texts = api.sentTexts(chatId);
  return texts.filter((text, i) => i === 0 || text !== texts[i - 1]).map(stepOf);
}

describe('many people at once, over HTTP with a round trip of 80 ms', () => {
  it('everyone is answered at the same time, and each person in the order they wrote', async () => {
    const api = await fakeApi();
    const { path, chats } = world(20);
    await startBot(path, api);
    const started = performance.now();
    // Everyone sends six messages at once, without waiting for the answers.
    const steps = CYCLE(0).slice(0, 6);
    for (const text of steps) for (const chat of chats) api.pushUpdate(tg.text(chat, text));
    await waitFor(() => chats.every((chat) => api.sentTexts(chat).length >= steps.length), 'every answer', 20_000);
    const seconds = (performance.now() - started) / 1000;

    for (const chat of chats) expect(transcript(api, chat)).toEqual(EXPECTED.slice(0, 6));
    // 120 answers one after another would take 120 round trips (9.6 s); they went side by side.
    expect(api.maxSendsInFlight).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThan(4);
  }, 40_000);

  it('killed (kill -9) under that load and started again: no update handled twice, no reply lost', async () => {
    const api = await fakeApi();
    const { path, chats } = world(15);
    let bot = await startBot(path, api);
    // A closed loop: each person writes again when answered, two targets each.
    const script = [...CYCLE(0), ...CYCLE(1)];
    const next = new Map(chats.map((c) => [c, 0]));
    const waiting = new Set<number>();
    const write = (chat: number) => {
      const n = next.get(chat)!;
      if (n >= script.length) return;
      next.set(chat, n + 1);
      waiting.add(chat);
      api.pushUpdate(tg.text(chat, script[n]!));
    };
    api.onSend = (chat) => {
      if (!waiting.delete(chat)) return; // a message sent again after the crash
      setImmediate(() => write(chat));
    };
    for (const chat of chats) write(chat);
    await waitFor(() => [...next.values()].reduce((a, b) => a + b, 0) >= (chats.length * script.length) / 3, 'a third of the way', 20_000);
    bot.kill('SIGKILL');
    await exited(bot);
    bot = await startBot(path, api);
    // A message sent again after the crash may make someone write on before the answer they wait for: done when every answer is in.
    const expected = [...EXPECTED, ...EXPECTED];
    await waitFor(() => chats.every((c) => next.get(c) === script.length && transcript(api, c).length >= expected.length), 'everyone to finish', 40_000);

    // Each person saw each step once, in order (an update handled twice would show a step again or skip one).
    for (const chat of chats) expect(transcript(api, chat)).toEqual(expected);
    const db = openDatabase(path);
    cleanups.push(() => closeDatabase(db));
    const targets = db.$client
      .prepare("SELECT u.code, group_concat(t.text, ' | ') AS texts FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE t.deleted_at IS NULL AND u.code LIKE 'BENCH%' GROUP BY u.code")
      .all() as { code: string; texts: string }[];
    expect(targets).toHaveLength(chats.length);
    for (const t of targets) expect(t.texts).toBe('Chỉ tiêu thử số 0 | Chỉ tiêu thử số 1');
    // Every reply went out and was recorded as sent (the last records follow the last answers).
    await waitFor(() => (db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'").get() as { n: number }).n === 0, 'every reply recorded');
  }, 90_000);

  it('Telegram out of reach: SIGTERM still stops the bot within seconds, and what it had to send goes out after the restart', async () => {
    const api = await fakeApi();
    const { path, chats } = world(2);
    const bot = await startBot(path, api);
    api.hang = true; // from now on no call is answered
    api.pushUpdate(tg.text(chats[0]!, '/donvi'));
    // A notice queued meanwhile (as the CLI or a second process would).
    const db = openDatabase(path);
    db.$client
      .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) SELECT 'notice', person_id, id, 'telegram', ?, 0 FROM identities WHERE external_id = ?")
      .run(JSON.stringify({ text: 'Thông báo của Ban' }), String(chats[1]));
    await waitFor(() => (db.$client.prepare("SELECT status FROM outbox WHERE dedupe_key = 'notice'").get() as { status: string }).status === 'sending', 'the send to hang', 10_000);
    closeDatabase(db);

    const stopping = performance.now();
    bot.kill('SIGTERM');
    await exited(bot);
    expect(performance.now() - stopping).toBeLessThan(6_000);

    api.hang = false;
    await startBot(path, api);
    await waitFor(() => api.sentTexts(chats[1]!).includes('Thông báo của Ban'), 'the notice after the restart', 10_000);
  }, 60_000);
});
