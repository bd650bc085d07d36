import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LOCALES } from './util/vocabulary.ts';
import { DEFAULT_LOCALE, t, zodLocale, type Locale } from './i18n/index.ts';

/** An unset variable and one set to the empty string (`FOO=` in .env) mean the same: not set. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? fallback : v), schema);

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

const hostList = z
  .string()
  .transform((text) => text.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''))
  .pipe(z.array(z.string().regex(/^[a-z0-9.:-]{1,253}$/, 'config-bad-host-list')).min(1, 'config-bad-host-list'));
const addressList = z
  .string()
  .transform((text) => text.split(',').map((a) => a.trim()).filter((a) => a !== ''))
  .pipe(z.array(z.string().refine((a) => isIP(a) !== 0, 'config-bad-address-list')));

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'config-bad-timezone');

/**
 * Each messenger's variables, its configuration slice: the messenger is off when none of those
 * that `switches` names is set, on when all its `required` ones are, and anything between is half
 * a setup, refused at start (halfSetupProblems) and shown by `thidua doctor`. The variables with a
 * default (API addresses, allowances) never switch a messenger on or off.
 */
const telegramConfig = z.object({
  TELEGRAM_BOT_TOKEN: optional(
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'config-bad-telegram-token'),
  ),
  TELEGRAM_API_ROOT: withDefault(url, 'https://api.telegram.org'),
  /** When set, Telegram pushes updates to this public HTTPS address instead of long polling. */
  TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https$/ })),
  /** Checked against X-Telegram-Bot-Api-Secret-Token; derived from the token when unset. */
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'config-bad-webhook-secret')),
});

const zaloConfig = z.object({
  ZALO_APP_ID: optional(z.string().regex(/^\d+$/, 'config-bad-zalo-app-id')),
  ZALO_APP_SECRET: optional(z.string()),
  ZALO_OA_SECRET_KEY: optional(z.string()),
  ZALO_API_BASE: withDefault(url, 'https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: withDefault(url, 'https://oauth.zaloapp.com'),
  /**
   * How old a correctly signed webhook call may be: Zalo delivers a call we did not answer again,
   * with its original timestamp and signature (after about 30 s, 5, 15 and 30 min, 1 h). At most a
   * week: the inbound queue remembers what was taken that long, so an older replay is a repeat.
   */
  ZALO_REDELIVERY_HOURS: withDefault(z.coerce.number().min(2).max(168), 24),
  /** ZNS (template messages by phone): the approved template reminders go out with; unset means no ZNS. */
  ZALO_ZNS_TEMPLATE_ID: optional(z.string().regex(/^\d{1,20}$/, 'config-bad-zns-template')),
  /**
   * The template's parameter names for what a reminder says, `field=param` separated by commas
   * (fields: name, unit, what, due, movement), e.g. `name=ten_can_bo,unit=don_vi,what=noi_dung,due=han_chot`.
   */
  ZALO_ZNS_PARAMS: withDefault(
    z
      .string()
      .regex(/^\s*(name|unit|what|due|movement)\s*=\s*[A-Za-z0-9_]{1,64}\s*(,\s*(name|unit|what|due|movement)\s*=\s*[A-Za-z0-9_]{1,64}\s*)*$/, 'config-bad-zns-params')
      .transform((text) => Object.fromEntries(text.split(',').map((pair) => pair.split('=').map((part) => part.trim()) as [string, string])) as ZnsParams),
    'name=name,unit=unit,what=what,due=due',
  ),
  /** ZNS API (template messages). */
  ZALO_ZNS_API_BASE: withDefault(url, 'https://business.openapi.zalo.me'),
  /**
   * Where the files people send to the OA may be downloaded from: host names, each itself or any
   * name under it, separated by commas. Zalo's links point at its CDN (`f21-zpc.zdn.vn`…).
   */
  ZALO_FILE_HOSTS: withDefault(hostList, 'zdn.vn,zadn.vn,zalo.me'),
  /**
   * Addresses a file may be downloaded from though not public (loopback, private networks): none by
   * default. Only for a test's fake server or a mirror on the local network.
   */
  ZALO_FILE_ALLOW_ADDRESSES: withDefault(addressList, ''),
  /**
   * What Zalo gives for free (its documents as rechecked December 2026; what Zalo's answers say wins):
   * the hours after a person's message in which messages to them are free, the free replies to
   * each of their messages, and the proactive messages a month until an admin sets a budget.
   */
  ZALO_FREE_WINDOW_HOURS: withDefault(z.coerce.number().min(0).max(168), 48),
  ZALO_FREE_REPLIES: withDefault(z.coerce.number().int().min(0).max(1000), 8),
  ZALO_MONTHLY_BUDGET: withDefault(z.coerce.number().int().min(0).max(10_000_000), 1000),
  /**
   * `on`: people linking on Zalo get Zalo's own form for their phone number (`request_user_info`,
   * which the OA must have), beside the question in words; the form's picture is ZALO_USER_INFO_IMAGE.
   */
  ZALO_REQUEST_USER_INFO: withDefault(z.enum(['on', 'off']), 'off'),
  ZALO_USER_INFO_IMAGE: optional(url),
});

const zalobotConfig = z.object({
  /** The Zalo Bot Platform: the bot's token from the Zalo Bot Creator; unset means no Bot Platform. */
  ZALO_BOT_TOKEN: optional(z.string().regex(/^[A-Za-z0-9:_-]{10,200}$/, 'config-bad-zalo-bot-token')),
  ZALO_BOT_API_BASE: withDefault(url, 'https://bot-api.zaloplatforms.com'),
  /** Public HTTPS address of POST /zalobot/webhook; unset means long polling. */
  ZALO_BOT_WEBHOOK_URL: optional(z.url({ protocol: /^https$/ })),
  /** Checked against X-Bot-Api-Secret-Token; derived from the token when unset. */
  ZALO_BOT_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'config-bad-webhook-secret')),
});

const configSchema = z.object({
  DATABASE_PATH: withDefault(z.string(), './data/thidua.db'),
  ...telegramConfig.shape,
  ...zaloConfig.shape,
  ...zalobotConfig.shape,
  /** Public address of the bot's HTTP server (behind the HTTPS proxy): signed file links start with it. */
  PUBLIC_BASE_URL: optional(url),
  /** Key of the signed file links; unset: a random one kept in the database. */
  FILE_LINK_SECRET: optional(z.string().min(32, 'config-bad-file-link-secret')),
  /** How long a signed file link works. */
  FILE_LINK_TTL_HOURS: withDefault(z.coerce.number().min(0.25).max(720), 24),
  /** Shows GET /health's details (paths, disk, error texts) to a caller that sends `Authorization: Bearer <token>`; unset: to callers on this machine only. */
  HEALTH_TOKEN: optional(z.string().regex(/^[A-Za-z0-9_.~+/=-]{16,256}$/, 'config-bad-health-token')),
  HTTP_PORT: withDefault(z.coerce.number().int().min(0).max(65535), 8080),
  TZ: withDefault(timeZone, 'Asia/Ho_Chi_Minh'),
  LOG_LEVEL: withDefault(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  DEFAULT_LOCALE: withDefault(z.enum(LOCALES), 'vi'),
  /** Where backups go; unset: a `backups` folder beside the database. */
  BACKUP_DIR: optional(z.string()),
  /** How many backups are kept; older ones are removed after each scheduled backup. */
  BACKUP_KEEP: withDefault(z.coerce.number().int().min(1).max(3650), 14),
  /** Local time of the daily backup (HH:MM, in TZ), or `off`. */
  BACKUP_AT: withDefault(z.union([z.literal('off'), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'config-bad-backup-at')]), '02:30'),
});

export type Config = z.infer<typeof configSchema>;

/** What a reminder says, by field, as the ZNS template's parameter names (ZALO_ZNS_PARAMS). */
export type ZnsParams = Partial<Record<'name' | 'unit' | 'what' | 'due' | 'movement', string>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the configuration from `env`; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, locale: Locale = DEFAULT_LOCALE): Config {
  const parsed = configSchema.safeParse(env, { error: zodLocale(locale) });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value = env[name];
    const shown = value === undefined || /SECRET|TOKEN/.test(name) ? '' : ` ${t(locale, 'config-got', { value })}`;
    const message = issue.message.startsWith('config-') ? t(locale, issue.message) : issue.message;
    return `${name}: ${message}${shown}`;
  });
  throw new ConfigError(problems);
}

/** Loads `./.env` into process.env if present (variables already set win). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** The folder backups go to: BACKUP_DIR, or `backups` beside the database. */
export function backupDir(config: Pick<Config, 'BACKUP_DIR' | 'DATABASE_PATH'>): string {
  return config.BACKUP_DIR ?? join(dirname(config.DATABASE_PATH), 'backups');
}

/** The folder finished exports wait in to be sent: `exports` beside the database. */
export const exportDir = (databasePath: string) => join(dirname(databasePath), 'exports');

/** Where forms written for people and files they sent are kept: `forms` beside the database. */
export const formsDir = (databasePath: string) => join(dirname(databasePath), 'forms');

/** Where the files of proposals' dossiers are kept: `dossiers` beside the database. */
export const dossiersDir = (databasePath: string) => join(dirname(databasePath), 'dossiers');

/** A messenger's configuration slice and the rule that says whether it is on. */
export interface MessengerSettings<S extends z.ZodObject = z.ZodObject> {
  schema: S;
  /** All needed for the messenger to run. */
  required: readonly (keyof z.infer<S> & keyof Config)[];
  /** Meaningless without the messenger: one of these set (or a required one) without all required is half a setup. */
  optional: readonly (keyof z.infer<S> & keyof Config)[];
}

const slice = <S extends z.ZodObject>(settings: MessengerSettings<S>) => settings;

/** The messengers' slices, in the order they are reported at start and by `thidua doctor`. */
export const MESSENGER_SETTINGS = {
  telegram: slice({ schema: telegramConfig, required: ['TELEGRAM_BOT_TOKEN'], optional: ['TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET'] }),
  zalo: slice({ schema: zaloConfig, required: ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY'], optional: [] }),
  zalobot: slice({ schema: zalobotConfig, required: ['ZALO_BOT_TOKEN'], optional: ['ZALO_BOT_WEBHOOK_URL', 'ZALO_BOT_WEBHOOK_SECRET'] }),
} as const;

export type MessengerId = keyof typeof MESSENGER_SETTINGS;
export const MESSENGER_IDS = Object.keys(MESSENGER_SETTINGS) as MessengerId[];

type MessengerSetup = { state: 'off' } | { state: 'on' } | { state: 'half'; set: string[]; missing: string[] };

/** The one "is it on" rule: off when none of the messenger's variables is set, on when its required ones are, else half a setup. */
export function messengerSetup(config: Config, id: MessengerId): MessengerSetup {
  const { required, optional } = MESSENGER_SETTINGS[id];
  const set = [...required, ...optional].filter((name) => config[name] !== undefined);
  const missing = required.filter((name) => config[name] === undefined);
  if (set.length === 0) return { state: 'off' };
  return missing.length === 0 ? { state: 'on' } : { state: 'half', set, missing };
}

/** Half a messenger's setup, one problem each, as loadConfig words its problems (for `config-invalid`). */
export function halfSetupProblems(config: Config, locale: Locale = DEFAULT_LOCALE): string[] {
  return MESSENGER_IDS.flatMap((id) => {
    const setup = messengerSetup(config, id);
    if (setup.state !== 'half') return [];
    return [`${setup.missing.join(', ')}: ${t(locale, 'config-half-setup', { messenger: t(locale, `messenger-${id}`), set: setup.set.join(', '), missing: setup.missing.join(', ') })}`];
  });
}

/** Which messengers are on (half a setup is not). */
export function describeConfig(config: Config): Record<MessengerId, boolean> {
  return Object.fromEntries(MESSENGER_IDS.map((id) => [id, messengerSetup(config, id).state === 'on'])) as Record<MessengerId, boolean>;
}
