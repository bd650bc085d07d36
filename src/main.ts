// `npm start`: reads the configuration, opens and migrates the database, reports (on stderr) what is
// set up. With no messenger configured it opens the terminal chat on stdout, loading the sample
// movement first if the database has none.
import type { ChannelSender } from './chat/channel.ts';
import { ChatCore } from './chat/core.ts';
import type { Job } from './chat/engine.ts';
import type { FileFetcher } from './chat/files.ts';
import type { Route } from './http/server.ts';
import { runConsoleChat } from './channels/console/run.ts';
import { ConfigError, describeConfig, exportDir, formsDir, halfSetupProblems, loadConfig, loadDotEnv, MESSENGER_IDS, type Config } from './config.ts';
import { appliedMigrations, closeDatabase, openDatabase, SERVING_BUSY_TIMEOUT_MS } from './db/connection.ts';
import { storageFault } from './db/faults.ts';
import { DatabaseInUseError, holdRunLock, type RunLock } from './db/run-lock.ts';
import { systemActor } from './domain/audit.ts';
import { systemClock } from './util/clock.ts';
import { currentMovement } from './domain/movements.ts';
import { ALL_FLOWS } from './flows/index.ts';
import type { RunningReminders } from './reminders/index.ts';
import type { DispatcherOptions } from './delivery/dispatcher.ts';
import { loadSampleMovement } from './sample/load.ts';
import { DEFAULT_LOCALE, isLocale, t, type Args } from './i18n/index.ts';
import { createLogger } from './util/log.ts';
import { octal, usePrivateUmask } from './util/file-modes.ts';
import { watchProcessFaults } from './util/process-faults.ts';
import { tightenPrivatePaths } from './private-paths.ts';
import type { Channel } from './domain/model.ts';

/** How long a shutdown may take before the process exits all the same. */
const SHUTDOWN_DEADLINE_MS = 8_000;
/** The deferred flows (the year's end) load this long after start, off the first answers' path, unless an event needed one sooner. */
const FLOWS_LOAD_AFTER_MS = 1_000;
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
  // Half a messenger's setup (a token without its secret…) would leave it silently off.
  const half = halfSetupProblems(config, bootLocale);
  if (half.length > 0) throw new ConfigError(half);
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
let runLock: RunLock;
try {
  runLock = holdRunLock(config.DATABASE_PATH);
} catch (error) {
  if (!(error instanceof DatabaseInUseError)) throw error;
  process.stderr.write(`${t(config.DEFAULT_LOCALE, 'start-database-in-use', { path: config.DATABASE_PATH })}\n`);
  process.exit(1);
}
// The bot runs for weeks: WAL checkpoints go to a worker thread, off the messages' path. Another
// process's lock is waited for briefly, never seconds on the only thread: the work is tried again later.
const db = openDatabase(config.DATABASE_PATH, { backgroundCheckpoints: true, busyTimeoutMs: SERVING_BUSY_TIMEOUT_MS });
const channels = describeConfig(config);
log.info('started', { database: config.DATABASE_PATH, migrations: appliedMigrations(db), ...channels });

// The report goes to stderr: stdout belongs to the chat.
const say = (id: string, args?: Args) => process.stderr.write(`${t(locale, id, args)}\n`);
const chatMode = MESSENGER_IDS.every((id) => !channels[id]);

let movement = currentMovement(db);
say('start-database', { path: config.DATABASE_PATH, count: appliedMigrations(db) });
if (!movement && chatMode) {
  loadSampleMovement(db, systemActor, systemClock.now());
  movement = currentMovement(db);
  if (movement) say('console-sample-loaded', { code: movement.code, name: movement.name });
}
say(movement ? 'start-movement' : 'start-no-movement', movement ? { code: movement.code, name: movement.name } : {});
for (const id of MESSENGER_IDS) say(`start-${id}-${channels[id] ? 'on' : 'off'}`);

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
  const core = chatCore();
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

/** The chat core, its deferred flows loaded a moment after start. */
function chatCore(): ChatCore {
  const core = new ChatCore({ db, clock: systemClock, flows: ALL_FLOWS, log });
  setTimeout(() => void core.loadFlows(), FLOWS_LOAD_AFTER_MS).unref();
  return core;
}

/** The bot proper: the configured messengers, their webhooks on the HTTP server, and the outbox. */
async function runMessengers(): Promise<void> {
  // Loaded here, not at the top: the terminal chat starts without the messengers, the HTTP server and the reminders.
  const [{ MESSENGERS }, { MessengerStopped }, { JobRunner }, { pruneJobs }, { pruneInbound }, { startHttpServer }, { createSignedLinks, fileLinkSecret }, { startOperations }, { quietHours, startReminders }, { Dispatcher }] =
    await Promise.all([
      import('./channels/registry.ts'),
      import('./channels/messenger.ts'),
      import('./jobs/runner.ts'),
      import('./jobs/store.ts'),
      import('./inbound/inbound.ts'),
      import('./http/server.ts'),
      import('./http/signed-links.ts'),
      import('./operations.ts'),
      import('./reminders/index.ts'),
      import('./delivery/dispatcher.ts'),
    ]);
  const core = chatCore();
  const senders: ChannelSender[] = [];
  // The paced dispatcher that drains the outbox: the one way out for every message, replies
  // included, at each messenger's pace. Started first; the messengers' senders join it as they start.
  const on = MESSENGERS.filter((m) => channels[m.id]);
  const pace = Object.assign({}, ...on.map((m) => m.pace)) as DispatcherOptions['pace'];
  const outbound = new Dispatcher({ db, senders, clock: systemClock, log, holdUntil: quietHours(db), pace }).start();
  // Reminders: a cron tick that plans what is due into the outbox.
  const reminders: RunningReminders = startReminders({ db, dispatcher: outbound, clock: systemClock, log });
  const kick = () => outbound.kick();
  const routes: Route[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  // Exports and forms asked for in chat run one after another, outside the messages' transactions,
  // from the jobs table (those a stop or a crash left are resumed once the messengers are up);
  // each messenger that takes files adds its fetcher as it starts.
  const fetchers: Partial<Record<Channel, FileFetcher>> = {};
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

  for (const messenger of on) {
    const started = await messenger.start({ config, db, core, clock: systemClock, log, outbound, onJob, links });
    senders.push(...started.senders);
    if (started.fetchFile) fetchers[messenger.id] = started.fetchFile;
    routes.push(...started.routes);
    stoppers.push(started.stop);
    say(started.started.text, started.started.args);
    started.stopped?.catch((error: unknown) => {
      if (error instanceof MessengerStopped) say(error.text);
      else log.error(`${messenger.id} stopped`, { error: String(error) });
      void shutdown(1);
    });
  }
  const operations = startOperations({ config, db, clock: systemClock, log, messengers: on.map((m) => m.id) });
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
