// `npm start`: reads the configuration, opens and migrates the database, reports what is set up.
import { ConfigError, describeConfig, loadConfig, loadDotEnv } from './config.ts';
import { appliedMigrations, closeDatabase, openDatabase } from './db/connection.ts';
import { currentMovement } from './domain/movements.ts';
import { DEFAULT_LOCALE, isLocale, t } from './i18n/index.ts';
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
const movement = currentMovement(db);
log.info('started', { database: config.DATABASE_PATH, migrations: appliedMigrations(db), ...channels });

const say = (id: string, args?: Record<string, string | number>) => process.stdout.write(`${t(locale, id, args)}\n`);
say('start-database', { path: config.DATABASE_PATH, count: appliedMigrations(db) });
say(movement ? 'start-movement' : 'start-no-movement', movement ? { code: movement.code, name: movement.name } : {});
say(channels.telegram ? 'start-telegram-on' : 'start-telegram-off');
say(channels.zalo ? 'start-zalo-on' : 'start-zalo-off');
say('start-not-yet');
closeDatabase(db);
