// `npm start`: reads the configuration, opens and migrates the database, reports (on stderr) what is
// set up. With no messenger configured it opens the terminal chat on stdout, loading the sample
// movement first if the database has none.
import { ChatCore } from './chat/core.ts';
import { runConsoleChat } from './channels/console/run.ts';
import { ConfigError, describeConfig, loadConfig, loadDotEnv } from './config.ts';
import { appliedMigrations, closeDatabase, openDatabase } from './db/connection.ts';
import { systemActor } from './domain/audit.ts';
import { systemClock } from './domain/clock.ts';
import { currentMovement } from './domain/movements.ts';
import { ALL_FLOWS } from './flows/index.ts';
import { loadSampleMovement } from './sample/load.ts';
import { DEFAULT_LOCALE, isLocale, t, type Args } from './i18n/index.ts';
import { createLogger } from './util/log.ts';

loadDotEnv();
const hint = process.env.DEFAULT_LOCALE;
const bootLocale = isLocale(hint) ? hint : DEFAULT_LOCALE;

let config;
try {
  config = loadConfig(process.env, bootLocale);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${t(bootLocale, 'config-invalid', { problems: error.problems.map((p) => `  - ${p}`).join('\n') })}\n`);
  process.exit(2);
}

const locale = config.DEFAULT_LOCALE;
const log = createLogger(config.LOG_LEVEL);
const db = openDatabase(config.DATABASE_PATH);
const channels = describeConfig(config);
log.info('started', { database: config.DATABASE_PATH, migrations: appliedMigrations(db), ...channels });

// The report goes to stderr: stdout belongs to the chat.
const say = (id: string, args?: Args) => process.stderr.write(`${t(locale, id, args)}\n`);
const chatMode = !channels.telegram && !channels.zalo;

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

if (!chatMode) {
  // The Telegram and Zalo channels are not in this version yet.
  say('start-not-yet');
  closeDatabase(db);
} else {
  const stop = (signal: NodeJS.Signals) => {
    closeDatabase(db);
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
      clock: systemClock,
      log,
    });
  } finally {
    closeDatabase(db);
    // After /quit the rest of a piped input is not read: stop listening so the process can end.
    process.stdin.destroy();
  }
}
