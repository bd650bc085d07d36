/**
 * The bot as src/main.ts runs it on Telegram, for tests that send files: long polling against the
 * fake Bot API on 127.0.0.1, the outbox's dispatcher, and the job runner with Telegram's file
 * fetcher, over a temp database. Stop every bot started with stopTelegramBots (in afterEach).
 */
import { join } from 'node:path';
import type { ChannelSender } from '../../src/chat/channel.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { startTelegram, type StartedTelegram } from '../../src/channels/telegram/run.ts';
import { loadConfig } from '../../src/config.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import type { Clock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import type { TempDatabase } from './db.ts';
import { FAKE_TOKEN, FakeBotApi } from './fake-telegram.ts';

export interface TelegramBot {
  api: FakeBotApi;
  core: ChatCore;
  telegram: StartedTelegram;
  outbox: Dispatcher;
  jobs: JobRunner;
}

const running: TelegramBot[] = [];

/** Starts the bot on `temp` with `clock`; `pace` as the dispatcher takes it (a test may lift Telegram's per-chat pace). */
export async function startTelegramBot(temp: TempDatabase, clock: Clock, pace?: ConstructorParameters<typeof Dispatcher>[0]['pace']): Promise<TelegramBot> {
  const api = await new FakeBotApi().start();
  const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, LOG_LEVEL: 'silent' });
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  const senders: ChannelSender[] = [];
  const outbox = new Dispatcher({ db: temp.db, senders, clock, log: silentLogger, ...(pace ? { pace } : {}) });
  const fetchers: { telegram?: StartedTelegram['fetchFile'] } = {};
  const jobs = new JobRunner({ db: temp.db, core, clock, log: silentLogger, exportDir: join(temp.dir, 'exports'), dir: join(temp.dir, 'forms'), fetchers }, () => outbox.kick());
  const telegram = await startTelegram({ config, db: temp.db, core, clock, log: silentLogger, outbound: outbox, onJob: jobs.run });
  fetchers.telegram = telegram.fetchFile;
  senders.push(telegram.channel);
  outbox.start();
  const bot = { api, core, telegram, outbox, jobs };
  running.push(bot);
  return bot;
}

/** Stops a bot: polling first, then the jobs it started, the outbox, and the fake API. */
export async function stopTelegramBot(bot: TelegramBot): Promise<void> {
  const at = running.indexOf(bot);
  if (at >= 0) running.splice(at, 1);
  await bot.telegram.stop();
  await bot.jobs.idle();
  await bot.outbox.stop();
  await bot.api.close();
}

/** Stops every bot still running. */
export async function stopTelegramBots(): Promise<void> {
  for (const bot of [...running]) await stopTelegramBot(bot);
}
