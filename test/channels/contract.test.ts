/**
 * One contract for every channel: each messenger of the registry (src/channels/registry.ts) runs
 * as main.ts starts it (its adapter, the chat core, the outbox's dispatcher, a SQLite file) with
 * its messenger's own fake behind it — the fake Bot API (long polling and webhook), the fake Zalo
 * OA API, the fake Zalo Bot Platform (long polling and webhook) — and so does the terminal itself.
 * Every channel keeps each person's answers in order while several people write at once, handles
 * an update once however often it is delivered, writes every reply to the outbox before it is sent
 * (so one saved but not yet sent survives a restart), and stops promptly even when its messenger
 * no longer answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { consoleUnitId, ConsoleChat } from '../../src/channels/console/adapter.ts';
import type { Messenger } from '../../src/channels/messenger.ts';
import { MESSENGERS } from '../../src/channels/registry.ts';
import { TELEGRAM_WEBHOOK_PATH, webhookSecret } from '../../src/channels/telegram/run.ts';
import { ZALO_BOT_WEBHOOK_PATH, zaloBotWebhookSecret } from '../../src/channels/zalobot/adapter.ts';
import { storeTokenPair } from '../../src/db/zalo-tokens.ts';
import type { ChannelSender } from '../../src/chat/channel.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { describeConfig, loadConfig, type Config, type MessengerId } from '../../src/config.ts';
import type { Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { runningClock } from '../../src/util/clock.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { startHttpServer, type RunningServer } from '../../src/http/server.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { FEB_15 } from '../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { liaisons } from '../helpers/liaisons.ts';
import { waitFor } from '../helpers/wait.ts';
import { sign } from './zalo/harness.ts';
import { APP_ID, fixtureJson, OA_SECRET_KEY, startFakeZalo, type FakeZalo } from './zalo/fake-zalo.ts';
import { BOT_TOKEN, startFakeZaloBot, textUpdate } from './zalobot/fake-zalobot.ts';

useTempDatabases();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const PEOPLE = 4;
/** The first steps of adding a target: each answered by one message saying its step. */
const STEPS = ['/dangky', '6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1', '%'];
const stepOf = (text: string) => /Bước (\d+)[./]/.exec(text)?.[1] ?? text.slice(0, 30);

/** A channel as the bot runs it, with its messenger's fake; people 0…PEOPLE-1 are linked liaisons. */
interface Running {
  db: Db;
  /** Person `i` writes (the messenger hands the update over; nobody waits for the answer). */
  write(i: number, text: string, id?: string): Promise<void>;
  /** Texts the messenger delivered to person `i`, in order. */
  texts(i: number): string[];
  /** Waits until what was written is handled and answered. */
  settled(): Promise<void>;
  /** The messenger refuses every send for now (a server error), or takes them again. */
  refuse(on: boolean): void;
  /** The messenger stops answering at all. */
  hang(): void;
  /** Stops as npm start stops on SIGTERM. */
  stop(): Promise<void>;
  /** Stops and starts again on the same database file (the messenger is the same). */
  restart(): Promise<Running>;
}

interface Channel {
  name: string;
  /** How many people write at once: one, in a terminal (/as switches who is typing and starts afresh). */
  people: number;
  /** Delivers an update again when told to (a messenger's retry); the terminal has no such thing. */
  redelivers: boolean;
  /** Has a network messenger to refuse, hang or restart against. */
  networked: boolean;
  start(temp: TempDatabase): Promise<Running>;
}

/** Sample movement and linked liaisons of units BENCH0…; their ids on the channel. */
function seed(db: Db, channel: 'telegram' | 'zalo' | 'zalobot' | 'console'): string[] {
  loadSampleMovement(db, cliActor, FEB_15);
  const chats = liaisons(db, PEOPLE).map(String);
  if (channel === 'telegram') return chats;
  const ids = chats.map((_, i) => (channel === 'console' ? consoleUnitId(`BENCH${i}`) : `${channel}-user-${i}`));
  for (let i = 0; i < PEOPLE; i++) db.$client.prepare('UPDATE identities SET channel = ?, external_id = ? WHERE external_id = ?').run(channel, ids[i], chats[i]);
  return ids;
}

function dispatcherFor(db: Db, clock: { now(): number }): { outbox: Dispatcher; senders: ChannelSender[] } {
  const senders: ChannelSender[] = [];
  return { outbox: new Dispatcher({ db, senders, clock, log: silentLogger, pollMs: 20 }), senders };
}

/** A messenger's fake, up for the whole test (a restart finds the same messenger). */
interface Fake {
  /** The messenger's variables, pointing at the fake. */
  env: NodeJS.ProcessEnv;
  /** Person `i` writes: the fake hands the update over (a poll's answer, or a call to the bot's webhook at `webhook`). */
  write(i: number, text: string, id: string | undefined, webhook: string | undefined, config: Config): Promise<void>;
  texts(i: number): string[];
  /** Waits until the bot has taken what the fake holds for it. */
  taken(): Promise<void>;
  refuse(on: boolean): void;
  hang(): void;
}

/** Each messenger of the registry: its modes, and its fake for people whose ids on it are `ids`. */
const FAKES: Record<MessengerId, { modes: readonly ('polling' | 'webhook')[]; fake(mode: 'polling' | 'webhook', ids: string[], clock: { now(): number }, db: Db): Promise<Fake> }> = {
  telegram: {
    modes: ['polling', 'webhook'],
    async fake(mode, chats) {
      const api = await new FakeBotApi().start();
      api.roundTripMs = 20;
      cleanups.push(() => api.close());
      let nextUpdate = 1;
      return {
        env: { TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, ...(mode === 'webhook' ? { TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook' } : {}) },
        async write(i, text, id, webhook, config) {
          const update = { update_id: id === undefined ? nextUpdate++ : Number(id), ...tg.text(Number(chats[i]), text) };
          if (!webhook) {
            api.pushUpdate(update);
            return;
          }
          const response = await fetch(`${webhook}${TELEGRAM_WEBHOOK_PATH}`, {
            method: 'POST',
            body: JSON.stringify(update),
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(config) },
          });
          expect(response.status).toBe(200);
        },
        texts: (i) => api.deliveries.filter((d) => d.chatId === Number(chats[i])).map((d) => d.text),
        async taken() {
          if (mode === 'polling') await waitFor(() => api.pendingUpdates() === 0, 'the updates taken');
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
        refuse(on) {
          if (on) api.fail('sendMessage', 502, 'Bad Gateway', { times: 1_000 });
          else api.clearFailures();
        },
        hang: () => (api.hang = true),
      };
    },
  },
  zalo: {
    modes: ['webhook'],
    async fake(_mode, users, clock, db) {
      const fake: FakeZalo = await startFakeZalo();
      cleanups.push(() => fake.close());
      storeTokenPair(db, { accessToken: fake.valid.access, refreshToken: fake.valid.refresh, expiresAt: clock.now() + 86_400_000 }, clock.now());
      let nextMessage = 1;
      return {
        env: { ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: 'test-app-secret', ZALO_OA_SECRET_KEY: OA_SECRET_KEY, ZALO_API_BASE: fake.base, ZALO_OAUTH_BASE: fake.base },
        async write(i, text, id, webhook) {
          const timestamp = String(clock.now());
          const sample = fixtureJson('user_send_text.official-example.json');
          const msgId = id ?? `m${nextMessage++}`;
          fake.inbound(users[i]!, msgId, clock.now());
          const raw = JSON.stringify({ ...sample, sender: { id: users[i] }, message: { text, msg_id: msgId }, timestamp });
          const response = await fetch(`${webhook}/zalo/webhook`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-zevent-signature': sign(raw, timestamp) } });
          expect(response.status).toBe(200);
        },
        texts: (i) => fake.messages(users[i]!).map((m) => m.text ?? ''),
        taken: async () => undefined,
        refuse(on) {
          fake.apiStatus = on ? 502 : undefined;
        },
        hang: () => (fake.apiDelayMs = 30_000),
      };
    },
  },
  // The Zalo Bot Platform's webhook body as documented: wrapped in {ok, result}.
  zalobot: {
    modes: ['polling', 'webhook'],
    async fake(mode, chats) {
      const api = await startFakeZaloBot();
      cleanups.push(() => api.close());
      let nextMessage = 1;
      return {
        env: { ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_API_BASE: api.base, ...(mode === 'webhook' ? { ZALO_BOT_WEBHOOK_URL: 'https://bot.example.gov.vn/zalobot/webhook' } : {}) },
        async write(i, text, id, webhook, config) {
          const update = textUpdate(chats[i]!, text, id ?? `zb${nextMessage++}`);
          if (!webhook) {
            api.push(update);
            return;
          }
          const response = await fetch(`${webhook}${ZALO_BOT_WEBHOOK_PATH}`, {
            method: 'POST',
            body: JSON.stringify({ ok: true, result: update }),
            headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': zaloBotWebhookSecret(config) },
          });
          expect(response.status).toBe(200);
        },
        texts: (i) => api.sent(chats[i]!),
        async taken() {
          if (mode === 'polling') await waitFor(() => api.pending() === 0, 'the updates taken');
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
        refuse(on) {
          api.sendStatus = on ? 502 : undefined;
        },
        hang: () => (api.hang = true),
      };
    },
  },
};

const NAMES: Record<MessengerId, string> = { telegram: 'Telegram', zalo: 'Zalo OA', zalobot: 'Zalo Bot Platform' };

/** A messenger of the registry started as main.ts starts it, in one of its modes, with its fake behind it. */
function messengerChannel(messenger: Messenger, mode: 'polling' | 'webhook'): Channel {
  const modes = FAKES[messenger.id].modes;
  return {
    name: modes.length > 1 ? `${NAMES[messenger.id]} (${mode})` : NAMES[messenger.id],
    people: PEOPLE,
    redelivers: true,
    networked: true,
    async start(temp) {
      const ids = seed(temp.db, messenger.id);
      const clock = runningClock(FEB_15);
      const fake = await FAKES[messenger.id].fake(mode, ids, clock, temp.db);
      const launch = async (db: Db): Promise<Running> => {
        const config = loadConfig({ DATABASE_PATH: temp.path, ...fake.env });
        expect(describeConfig(config)[messenger.id]).toBe(true);
        const { outbox, senders } = dispatcherFor(db, clock);
        const started = await messenger.start({ config, db, core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound: outbox });
        senders.push(...started.senders);
        outbox.start();
        const server: RunningServer | undefined = started.routes.length > 0 ? await startHttpServer(0, started.routes, silentLogger, '127.0.0.1') : undefined;
        const webhook = server ? `http://127.0.0.1:${server.port}` : undefined;
        let stopped = false;
        const stop = async () => {
          if (stopped) return;
          stopped = true;
          await started.stop();
          await server?.close();
          await outbox.stop();
        };
        cleanups.push(stop);
        return {
          db,
          write: (i, text, id) => fake.write(i, text, id, webhook, config),
          texts: (i) => fake.texts(i),
          async settled() {
            await fake.taken();
            await started.idle();
            await outbox.whenIdle();
          },
          refuse: (on) => fake.refuse(on),
          hang: () => fake.hang(),
          stop,
          async restart() {
            await stop();
            return launch(temp.reopen());
          },
        };
      };
      return launch(temp.db);
    },
  };
}

const terminal: Channel = {
  name: 'terminal',
  people: 1,
  redelivers: false,
  networked: false,
  async start(temp) {
    const ids = seed(temp.db, 'console');
    const clock = runningClock(FEB_15);
    const chat = new ConsoleChat({ core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }), db: temp.db, locale: 'vi', clock });
    const printed: string[][] = ids.map(() => []);
    let current = -1;
    return {
      db: temp.db,
      async write(i, text) {
        if (current !== i) {
          await chat.handleLine(`/as BENCH${i}`);
          current = i;
        }
        printed[i]!.push(await chat.handleLine(text));
      },
      texts: (i) => printed[i]!,
      settled: async () => undefined,
      refuse: () => undefined,
      hang: () => undefined,
      async stop() {
        await chat.handleLine('/quit');
      },
      restart: async () => {
        throw new Error('the terminal has no restart of its own');
      },
    };
  },
};

for (const channel of [...MESSENGERS.flatMap((m) => FAKES[m.id].modes.map((mode) => messengerChannel(m, mode))), terminal]) {
  describe(`the channel contract: ${channel.name}`, () => {
    it(`${channel.people} ${channel.people > 1 ? 'people at once: each person’s' : 'person: the'} answers come in the order written`, async () => {
      const bot = await channel.start(openTempDatabase());
      for (const text of STEPS) for (let i = 0; i < channel.people; i++) await bot.write(i, text);
      await bot.settled();
      for (let i = 0; i < channel.people; i++) expect(bot.texts(i).map(stepOf)).toEqual(['1', '2', '3', '4', '5']);
    });

    it('every reply is written to the outbox and recorded as sent', async () => {
      const bot = await channel.start(openTempDatabase());
      for (const text of STEPS.slice(0, 2)) await bot.write(0, text);
      await bot.settled();
      expect(bot.db.$client.prepare('SELECT DISTINCT status FROM outbox WHERE reply = 1').all()).toEqual([{ status: 'sent' }]);
      const rows = (bot.db.$client.prepare('SELECT count(*) AS n FROM outbox WHERE reply = 1').get() as { n: number }).n;
      expect(rows).toBeGreaterThanOrEqual(2);
    });

    if (channel.redelivers) {
      it('an update the messenger delivers twice is handled once', async () => {
        const bot = await channel.start(openTempDatabase());
        await bot.write(0, '/dangky', '9001');
        await bot.write(0, '/dangky', '9001');
        await bot.write(0, '6', '9002');
        await bot.settled();
        expect(bot.texts(0).map(stepOf)).toEqual(['1', '2']);
      });
    }

    if (channel.networked) {
      it('a reply saved while the messenger refuses it goes out after a restart, once', async () => {
        let bot = await channel.start(openTempDatabase());
        bot.refuse(true);
        await bot.write(0, '/dangky');
        await waitFor(() => (bot.db.$client.prepare("SELECT last_error FROM outbox WHERE reply = 1").get() as { last_error: string | null } | undefined)?.last_error != null, 'the refused send');
        expect(bot.texts(0)).toEqual([]);
        bot = await bot.restart();
        bot.refuse(false);
        await waitFor(() => bot.texts(0).length > 0, 'the reply after the restart', 10_000);
        await bot.settled();
        expect(bot.texts(0).map(stepOf)).toEqual(['1']);
      }, 20_000);

      it('stops within seconds when the messenger no longer answers', async () => {
        const bot = await channel.start(openTempDatabase());
        await bot.write(0, '/dangky');
        await bot.settled();
        bot.hang();
        await bot.write(1, '/dangky');
        await new Promise((resolve) => setTimeout(resolve, 200));
        const started = performance.now();
        await bot.stop();
        expect(performance.now() - started).toBeLessThan(5_000);
      }, 20_000);
    }
  });
}
