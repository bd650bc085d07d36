// `npm start`: reads the configuration, opens and migrates the database, reports (on stderr) what is
// set up. With no messenger configured it opens the terminal chat on stdout, loading the sample
// movement first if the database has none.
import type { ChannelSender } from './chat/channel.ts';
import { ChatCore } from './chat/core.ts';
import type { Job } from './chat/engine.ts';
import { exportDir } from './jobs/export-job.ts';
import type { FileFetcher } from './chat/files.ts';
import { formsDir } from './jobs/form-job.ts';
import { JobRunner } from './jobs/runner.ts';
import { pruneJobs } from './jobs/store.ts';
import { pruneInbound } from './chat/inbound.ts';
import { startTelegram, TelegramConflictError } from './channels/telegram/run.ts';
import { createZaloChannel } from './channels/zalo/adapter.ts';
import { startZaloBot, ZALO_BOT_WEBHOOK_PATH } from './channels/zalobot/adapter.ts';
import { startHttpServer, type Route } from './http/server.ts';
import { createSignedLinks, fileLinkSecret } from './http/signed-links.ts';
import { holdRunLockOrExit, startOperations } from './operations.ts';
import { runConsoleChat } from './channels/console/run.ts';
import { ConfigError, describeConfig, loadConfig, loadDotEnv, type Config } from './config.ts';
import { appliedMigrations, closeDatabase, openDatabase, SERVING_BUSY_TIMEOUT_MS } from './db/connection.ts';
import { storageFault } from './db/faults.ts';
import { systemActor } from './domain/audit.ts';
import { systemClock } from './domain/clock.ts';
import { currentMovement } from './domain/movements.ts';
import { ALL_FLOWS } from './flows/index.ts';
import { quietHours, startReminders, type RunningReminders } from './reminders/index.ts';
import { Dispatcher } from './delivery/dispatcher.ts';
import { loadSampleMovement } from './sample/load.ts';
import { DEFAULT_LOCALE, isLocale, t, type Args } from './i18n/index.ts';
import { createLogger } from './util/log.ts';
import { octal, usePrivateUmask } from './util/file-modes.ts';
import { watchProcessFaults } from './util/process-faults.ts';
import { tightenPrivatePaths } from './private-paths.ts';

/** How long a shutdown may take before the process exits all the same. */
const SHUTDOWN_DEADLINE_MS = 8_000;
/** Processed updates are kept this long, to recognise a late repeated delivery (at least ZALO_REDELIVERY_HOURS, at most a week). */
const INBOUND_KEEP_MS = 7 * 24 * 3_600_000;

// The database, backups, uploads and exports are for the bot's user alone: created 0600 in 0700 folders.
usePrivateUmask();
loadDotEnv();
const hint = process.env.DEFAULT_LOCALE;
const bootLocale = isLocale(hint) ? hint : DEFAULT_LOCALE;

let config: Config;
try {
  config = loadConfig(process.env, bootLocale);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${t(bootLocale, 'config-invalid', { problems: error.problems.map((p) => `  - ${p}`).join('\n') })}\n`);
  process.exit(2);
}

const locale = config.DEFAULT_LOCALE;
const log = createLogger(config.LOG_LEVEL);
// Until the messengers' orderly shutdown exists (and in the terminal chat), a fatal fault exits at once.
let stopForFault = (code: number): void => process.exit(code);
watchProcessFaults({ log, passing: (error) => storageFault(error) !== undefined, stop: (code) => stopForFault(code) });
// Files made before (by an earlier version, a copy by hand) are tightened too.
const tightened = tightenPrivatePaths(config);
if (tightened.length > 0) log.warn('private files were readable by others; tightened', { paths: tightened.slice(0, 20).map((p) => `${p.path} (${octal(p.mode)})`), count: tightened.length });
// Held while the bot runs, so that `thidua restore` refuses to replace the database under it.
const runLock = holdRunLockOrExit(config);
// The bot runs for weeks: WAL checkpoints go to a worker thread, off the messages' path. Another
// process's lock is waited for briefly, never seconds on the only thread: the work is tried again later.
const db = openDatabase(config.DATABASE_PATH, { backgroundCheckpoints: true, busyTimeoutMs: SERVING_BUSY_TIMEOUT_MS });
const channels = describeConfig(config);
log.info('started', { database: config.DATABASE_PATH, migrations: appliedMigrations(db), ...channels });

// The report goes to stderr: stdout belongs to the chat.
const say = (id: string, args?: Args) => process.stderr.write(`${t(locale, id, args)}\n`);
const chatMode = !channels.telegram && !channels.zalo && !channels.zalobot;

let movement = currentMovement(db);
say('start-database', { path: config.DATABASE_PATH, count: appliedMigrations(db) });
if (!movement && chatMode) {
  loadSampleMovement(db, systemActor, systemClock.now());
  movement = currentMovement(db);
  if (movement) say('console-sample-loaded', { code: movement.code, name: movement.name });
}
say(movement ? 'start-movement' : 'start-no-movement', movement ? { code: movement.code, name: movement.name } : {});
say(channels.telegram ? 'start-telegram-on' : 'start-telegram-off');
say(channels.zalo ? 'start-zalo-on' : 'start-zalo-off');
say(channels.zalobot ? 'start-zalobot-on' : 'start-zalobot-off');

if (!chatMode) {
  await runMessengers();
} else {
  const stop = (signal: NodeJS.Signals) => {
    closeDatabase(db);
    runLock.release();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const core = new ChatCore({ db, clock: systemClock, flows: ALL_FLOWS, log });
  try {
    await runConsoleChat({
      db,
      core,
      input: process.stdin,
      output: process.stdout,
      locale,
      interactive: process.stdin.isTTY === true,
      databasePath: config.DATABASE_PATH,
      exportDir: exportDir(config.DATABASE_PATH),
      formsDir: formsDir(config.DATABASE_PATH),
      clock: systemClock,
      log,
    });
  } finally {
    closeDatabase(db);
    runLock.release();
    // After /quit the rest of a piped input is not read: stop listening so the process can end.
    process.stdin.destroy();
  }
}

/** The bot proper: the configured messengers, their webhooks on the HTTP server, and the outbox. */
async function runMessengers(): Promise<void> {
  const core = new ChatCore({ db, clock: systemClock, flows: ALL_FLOWS, log });
  const senders: ChannelSender[] = [];
  // Reminders (cron tick → outbox) and the paced dispatcher that drains the outbox: the one way
  // out for every message, replies included. Started first; the channels' senders join it as they start.
  const outbound = new Dispatcher({ db, senders, clock: systemClock, log, holdUntil: quietHours(db) }).start();
  const reminders: RunningReminders = startReminders({ db, dispatcher: outbound, clock: systemClock, log });
  const kick = () => outbound.kick();
  const routes: Route[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  // Exports and forms asked for in chat run one after another, outside the messages' transactions,
  // from the jobs table (those a stop or a crash left are resumed once the messengers are up);
  // each messenger that takes files adds its fetcher as it starts.
  const fetchers: Partial<Record<'telegram' | 'zalo', FileFetcher>> = {};
  const jobs = new JobRunner(
    { db, core, clock: systemClock, log, exportDir: exportDir(config.DATABASE_PATH), dir: formsDir(config.DATABASE_PATH), fetchers },
    () => kick(),
  );
  const onJob = (job: Job) => jobs.run(job);

  // Files too big for a messenger go as signed links to this server, when it has a public address.
  const links = config.PUBLIC_BASE_URL
    ? createSignedLinks({
        db,
        baseUrl: config.PUBLIC_BASE_URL,
        secret: fileLinkSecret(db, config.FILE_LINK_SECRET, systemClock.now()),
        clock: systemClock,
        log,
        defaultTtlMs: config.FILE_LINK_TTL_HOURS * 3_600_000,
      })
    : undefined;
  if (links) routes.push(links.route);

  if (channels.telegram) {
    const telegram = await startTelegram({ config, db, core, clock: systemClock, log, outbound, onJob });
    senders.push(telegram.channel);
    fetchers.telegram = telegram.fetchFile;
    routes.push(...telegram.routes);
    stoppers.push(telegram.stop);
    say(config.TELEGRAM_WEBHOOK_URL ? 'start-telegram-webhook' : 'start-telegram-polling', { username: telegram.username, url: config.TELEGRAM_WEBHOOK_URL ?? '' });
    telegram.stopped.catch((error: unknown) => {
      if (error instanceof TelegramConflictError) say('start-telegram-conflict');
      else log.error('telegram stopped', { error: String(error) });
      void shutdown(1);
    });
  }
  if (channels.zalo) {
    const zalo = createZaloChannel({ config, db, core, clock: systemClock, log, outbound, onJob, links });
    senders.push(zalo.sender);
    fetchers.zalo = zalo.fetchFile;
    if (zalo.zns) senders.push(zalo.zns);
    routes.push(...zalo.routes);
    stoppers.push(zalo.stop);
    say('start-zalo-webhook', { port: config.HTTP_PORT });
  }
  if (channels.zalobot) {
    const bot = await startZaloBot({ config, db, core, clock: systemClock, log, outbound, onJob, links });
    senders.push(bot.sender);
    routes.push(...bot.routes);
    stoppers.push(bot.stop);
    say(config.ZALO_BOT_WEBHOOK_URL ? 'start-zalobot-webhook' : 'start-zalobot-polling', { name: bot.name, path: ZALO_BOT_WEBHOOK_PATH, port: config.HTTP_PORT });
  }
  const operations = startOperations({ config, db, clock: systemClock, log, messengers: (['telegram', 'zalo', 'zalobot'] as const).filter((m) => channels[m]) });
  stoppers.push(operations.stop);
  // Webhooks need the HTTP server; with long polling alone, a port in use only costs the health check.
  const server = await startHttpServer(config.HTTP_PORT, [...routes, operations.health], log).catch((error: unknown) => {
    if (routes.length > 0) throw error;
    log.warn('health check not served', { port: config.HTTP_PORT, error: String(error) });
  });
  if (server) stoppers.push(server.close);
  // Once no new message can ask for one, the export or form in hand is finished.
  stoppers.push(() => jobs.stop());
  jobs.start();
  kick();
  const pruner = setInterval(() => {
    try {
      pruneInbound(db, Date.now() - INBOUND_KEEP_MS);
      pruneJobs(db, Date.now() - INBOUND_KEEP_MS);
    } catch (error) {
      log.warn('inbound queue or jobs not pruned; tried again in an hour', { error: String(error) });
    }
  }, 3_600_000);
  pruner.unref();

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    // A messenger that does not answer must not keep the process up: whatever is unfinished then
    // is still in the outbox or the inbound queue for the next start.
    setTimeout(() => {
      log.error('shutdown took too long; exiting anyway');
      process.exit(code === 0 ? 1 : code);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Stop taking updates, finish the one in hand, then close the database.
    for (const stop of stoppers) await stop().catch((error: unknown) => log.error('stop failed', { error: String(error) }));
    clearInterval(pruner);
    await reminders.stop();
    await outbound.stop();
    closeDatabase(db);
    runLock.release();
    process.exit(code);
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  stopForFault = (code) => void shutdown(code);
}
