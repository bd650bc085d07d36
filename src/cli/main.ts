import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { closeDatabase, openDatabase, type Db } from '../db/connection.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '../i18n/index.ts';
import type { CliContext, CliIo, Command } from './context.ts';
import { backupCommand } from './commands/backup.ts';
import { boardCommand } from './commands/board.ts';
import { signerCommand } from './commands/signer.ts';
import { extendCommand, reopenCommand } from './commands/deadline.ts';
import { broadcastCommand } from './commands/broadcast.ts';
import { chartCommand } from './commands/chart.ts';
import { doctorCommand } from './commands/doctor.ts';
import { documentCommand } from './commands/document.ts';
import { exportCommand } from './commands/export.ts';
import { formCommand, importResultsCommand, importTargetsCommand } from './commands/forms.ts';
import { importScoresCommand } from './commands/score-form.ts';
import { importMovementCommand, loadSampleCommand } from './commands/import-movement.ts';
import { importUnitsCommand } from './commands/import-units.ts';
import { inboundCommand } from './commands/inbound.ts';
import { inviteCommand } from './commands/invite.ts';
import { migrateCommand } from './commands/migrate.ts';
import { remindersCommand } from './commands/reminders.ts';
import { restoreCommand } from './commands/restore.ts';
import { statusCommand } from './commands/status.ts';
import { unreachableCommand } from './commands/unreachable.ts';
import { zaloTokensCommand } from './commands/zalo-tokens.ts';
import { zaloQuotaCommand } from './commands/zalo-quota.ts';
import { callListCommand } from './commands/call-list.ts';
import { awardsCommand, dossiersCommand } from './commands/year-end.ts';

const COMMANDS: Command[] = [
  migrateCommand,
  loadSampleCommand,
  importMovementCommand,
  importUnitsCommand,
  inviteCommand,
  statusCommand,
  extendCommand,
  reopenCommand,
  backupCommand,
  restoreCommand,
  exportCommand,
  formCommand,
  importTargetsCommand,
  importResultsCommand,
  importScoresCommand,
  documentCommand,
  chartCommand,
  boardCommand,
  signerCommand,
  zaloTokensCommand,
  zaloQuotaCommand,
  unreachableCommand,
  callListCommand,
  inboundCommand,
  doctorCommand,
  remindersCommand,
  broadcastCommand,
  dossiersCommand,
  awardsCommand,
];

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  db: { type: 'string' },
} as const;

interface CliEnvironment {
  env?: NodeJS.ProcessEnv;
  io?: CliIo;
  clock?: Clock;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  interactive: process.stderr.isTTY === true,
};

function usage(locale: Locale): string {
  const lines = [t(locale, 'cli-usage')];
  for (const c of COMMANDS) lines.push(`  ${`${c.name} ${c.args ?? ''}`.padEnd(34)} ${t(locale, `cli-help-${c.name}`)}`);
  lines.push('', t(locale, 'cli-global-options'));
  return lines.join('\n');
}

function commandHelp(locale: Locale, command: Command): string {
  const options = Object.keys(command.options).map((o) => `  --${o.padEnd(12)} ${t(locale, `cli-option-${command.name}-${o}`)}`);
  return [
    `thidua ${command.name} ${command.args ?? ''}`.trimEnd(),
    t(locale, `cli-help-${command.name}`),
    ...(options.length > 0 ? ['', ...options] : []),
    '',
    t(locale, 'cli-global-options'),
  ].join('\n');
}

/** Runs one CLI command; returns the exit code (0 done, 1 refused or failed, 2 wrong usage or configuration). */
export async function runCli(argv: string[], environment: CliEnvironment = {}): Promise<number> {
  const env = environment.env ?? process.env;
  const io = environment.io ?? processIo;
  const langHint = argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined;
  let locale: Locale = isLocale(langHint) ? langHint : isLocale(env.DEFAULT_LOCALE) ? env.DEFAULT_LOCALE : DEFAULT_LOCALE;

  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage(locale));
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(t(locale, 'cli-unknown-command', { name }));
    io.stderr(usage(locale));
    return 2;
  }

  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, ...GLOBAL_OPTIONS }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(t(locale, 'cli-bad-option', { detail: (error as Error).message }));
    io.stderr(commandHelp(locale, command));
    return 2;
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  if (options.help) {
    io.stdout(commandHelp(locale, command));
    return 0;
  }

  let config: Config;
  try {
    config = loadConfig(typeof options.db === 'string' ? { ...env, DATABASE_PATH: options.db } : env, locale);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(t(locale, 'config-invalid', { problems: error.problems.map((p) => `  - ${p}`).join('\n') }));
    return 2;
  }
  if (!isLocale(langHint)) locale = config.DEFAULT_LOCALE;

  let db: Db | undefined;
  let lastProgress = 0;
  const json = options.json === true;
  const ctx: CliContext = {
    config,
    locale,
    json,
    clock: environment.clock ?? systemClock,
    io,
    db: () => (db ??= openDatabase(config.DATABASE_PATH)),
    t: (id, args) => t(locale, id, args),
    say: (text) => {
      if (!json) io.stdout(text);
    },
    result: (value) => {
      if (json) io.stdout(JSON.stringify(value, null, 2));
    },
    progress: (done, total) => {
      // Only long jobs on a terminal: at most a line every 500 ms, and the last one.
      if (!io.interactive || total < 500) return;
      const now = Date.now();
      if (done < total && now - lastProgress < 500) return;
      lastProgress = now;
      io.stderr(t(locale, 'cli-progress', { done, total }));
    },
  };
  try {
    return await command.run(ctx, parsed.positionals, options);
  } catch (error) {
    if (error instanceof DomainError) {
      io.stderr(t(locale, error.code, error.args));
      if (json) io.stdout(JSON.stringify({ error: error.code, ...error.args }));
      return 1;
    }
    throw error;
  } finally {
    if (db) closeDatabase(db);
  }
}
