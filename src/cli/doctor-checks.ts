/**
 * What `thidua doctor` looks at: the checks of GET /health that a process other than the bot can
 * make (database, disk, outbox, failed updates), plus the configuration: the time zone, each
 * messenger's token asked of the messenger itself, Telegram's webhook, and the backups. Each finding
 * names a `doctor-<id>` (or `health-<code>`) text that says what is the matter and what to do.
 */
import { z } from 'zod';
import { readTokenPair } from '../db/zalo-tokens.ts';
import { ZaloBotApiError, ZaloBotClient } from '../channels/zalobot/client.ts';
import { silentLogger } from '../util/log.ts';
import type { Config } from '../config.ts';
import { backupDir, messengerSetup, type MessengerId } from '../config.ts';
import { listBackups } from '../db/backup.ts';
import { appliedMigrations, type Db } from '../db/connection.ts';
import { botRunning } from '../db/run-lock.ts';
import { checkHealth, isPassing } from '../health/check.ts';
import { openPrivatePaths } from '../private-paths.ts';
import { octal } from '../util/file-modes.ts';

type Severity = 'ok' | 'warn' | 'fail';

export interface Finding {
  severity: Severity;
  /** The text: `doctor-…` or `health-…`. */
  text: string;
  args: Record<string, string | number>;
  times?: Record<string, number>;
}

const HOME_ZONE = 'Asia/Ho_Chi_Minh';
/** The newest backup older than this means the daily backups are not being made. */
const BACKUP_TOO_OLD_MS = 2 * 24 * 3_600_000;
const CALL_TIMEOUT_MS = 10_000;

const telegramAnswer = z.object({ ok: z.boolean(), result: z.unknown().optional(), error_code: z.number().optional(), description: z.string().optional() });
const botInfo = z.object({ username: z.string() }).loose();
const webhookInfo = z.object({ url: z.string(), last_error_message: z.string().optional(), pending_update_count: z.number().optional() }).loose();
const zaloAnswer = z.object({ error: z.number(), message: z.string().optional(), data: z.object({ name: z.string().optional() }).loose().optional() }).loose();

interface DoctorInputs {
  config: Config;
  db: Db;
  now: number;
  fetch?: typeof fetch;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every check, in the order they are shown. */
export async function runDoctorChecks({ config, db, now, fetch: fetchImpl = globalThis.fetch }: DoctorInputs): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (severity: Severity, text: string, args: Record<string, string | number> = {}, times?: Record<string, number>) =>
    findings.push({ severity, text, args, ...(times ? { times } : {}) });

  add(config.TZ === HOME_ZONE ? 'ok' : 'warn', config.TZ === HOME_ZONE ? 'doctor-timezone-ok' : 'doctor-timezone-other', { tz: config.TZ }, { now });

  // The database, and what GET /health would say of it (messengers aside: this process made no calls).
  const quick = db.$client.pragma('quick_check', { simple: true });
  if (quick === 'ok') add('ok', 'doctor-database-ok', { path: config.DATABASE_PATH, migrations: appliedMigrations(db) });
  else add('fail', 'doctor-database-damaged', { path: config.DATABASE_PATH, detail: String(quick) });
  const health = checkHealth({ db, databasePath: config.DATABASE_PATH, messengers: [], backupDir: backupDir(config), now });
  for (const p of health.problems) findings.push({ severity: isPassing(p) ? 'warn' : 'fail', text: `health-${p.code}`, args: p.args, ...(p.times ? { times: p.times } : {}) });
  if (health.database.freeBytes !== undefined && !health.problems.some((p) => p.code === 'disk-low')) {
    add('ok', 'doctor-disk-ok', { free: Math.floor(health.database.freeBytes / 1024 / 1024) });
  }
  // Failures of the last hour are a problem above; older ones still wait for a retry.
  if (health.inbound.failed > 0 && !health.problems.some((p) => p.code === 'inbound-failing')) add('warn', 'doctor-inbound-failed', { failed: health.inbound.failed });
  add('ok', botRunning(config.DATABASE_PATH) ? 'doctor-bot-running' : 'doctor-bot-stopped');
  // Tokens, phone numbers and every unit's figures: for the bot's user alone.
  const open = openPrivatePaths(config);
  if (open.length === 0) add('ok', 'doctor-files-private');
  else add('warn', 'doctor-files-open', { count: open.length, paths: open.slice(0, 5).map((p) => `${p.path} (${octal(p.mode)})`).join(', ') });

  // Each messenger on, off, or half set up (which stops the bot at start): the rule of config.ts.
  const setup = (id: MessengerId) => {
    const found = messengerSetup(config, id);
    if (found.state === 'half') add('fail', `doctor-${id}-half`, { set: found.set.join(', '), missing: found.missing.join(', ') });
    return found.state;
  };
  const telegram = setup('telegram');
  if (telegram === 'on') await checkTelegram(config, fetchImpl, add);
  else if (telegram === 'off') add('ok', 'doctor-telegram-off');
  const zalo = setup('zalo');
  if (zalo === 'on') {
    await checkZalo(config, db, now, fetchImpl, add);
    // Workbooks, CSV and documents over 5 MB reach Zalo users only as signed links.
    if (config.PUBLIC_BASE_URL) add('ok', 'doctor-file-links-ok', { url: config.PUBLIC_BASE_URL });
    else add('warn', 'doctor-file-links-off');
    add('ok', config.ZALO_ZNS_TEMPLATE_ID ? 'doctor-zns-on' : 'doctor-zns-off', { template: config.ZALO_ZNS_TEMPLATE_ID ?? '' });
  } else if (zalo === 'off') add('ok', 'doctor-zalo-off');
  const zalobot = setup('zalobot');
  if (zalobot === 'on') await checkZaloBot(config, fetchImpl, add);
  else if (zalobot === 'off') add('ok', 'doctor-zalobot-off');

  const newest = listBackups(backupDir(config))[0];
  if (config.BACKUP_AT === 'off') add('warn', 'doctor-backup-off');
  if (!newest) add('warn', 'doctor-backup-none', { dir: backupDir(config) });
  else if (now - newest.at > BACKUP_TOO_OLD_MS) add('warn', 'doctor-backup-old', { path: newest.path }, { at: newest.at });
  else add('ok', 'doctor-backup-ok', { path: newest.path, keep: config.BACKUP_KEEP }, { at: newest.at });
  return findings;
}

type Add = (severity: Severity, text: string, args?: Record<string, string | number>, times?: Record<string, number>) => void;

async function checkZaloBot(config: Config, fetchImpl: typeof fetch, add: Add): Promise<void> {
  const client = new ZaloBotClient({ apiBase: config.ZALO_BOT_API_BASE, token: config.ZALO_BOT_TOKEN!, log: silentLogger, fetch: fetchImpl });
  try {
    const me = await client.getMe();
    add('ok', 'doctor-zalobot-ok', { name: me.account_name ?? me.id, mode: config.ZALO_BOT_WEBHOOK_URL ? 'webhook' : 'polling' });
  } catch (error) {
    if (error instanceof ZaloBotApiError && error.code === 401) add('fail', 'doctor-zalobot-token-refused', { error: describe(error) });
    else add('fail', 'doctor-zalobot-unreachable', { base: config.ZALO_BOT_API_BASE, error: describe(error) });
  }
}

async function telegramCall(config: Config, fetchImpl: typeof fetch, method: string): Promise<z.infer<typeof telegramAnswer>> {
  const response = await fetchImpl(`${config.TELEGRAM_API_ROOT}/bot${config.TELEGRAM_BOT_TOKEN}/${method}`, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  return telegramAnswer.parse(await response.json());
}

async function checkTelegram(config: Config, fetchImpl: typeof fetch, add: Add): Promise<void> {
  let me;
  try {
    me = await telegramCall(config, fetchImpl, 'getMe');
  } catch (error) {
    add('fail', 'doctor-telegram-unreachable', { root: config.TELEGRAM_API_ROOT, error: describe(error) });
    return;
  }
  if (!me.ok) {
    const refused = me.error_code === 401 || me.error_code === 404;
    add('fail', refused ? 'doctor-telegram-token-refused' : 'doctor-telegram-unreachable', { root: config.TELEGRAM_API_ROOT, error: `${me.error_code} ${me.description ?? ''}`.trim() });
    return;
  }
  add('ok', 'doctor-telegram-ok', { username: botInfo.parse(me.result).username });

  let hook;
  try {
    const answer = await telegramCall(config, fetchImpl, 'getWebhookInfo');
    hook = webhookInfo.parse(answer.result);
  } catch (error) {
    add('fail', 'doctor-telegram-unreachable', { root: config.TELEGRAM_API_ROOT, error: describe(error) });
    return;
  }
  const wanted = config.TELEGRAM_WEBHOOK_URL;
  if (wanted === undefined) add('ok', 'doctor-telegram-polling');
  else if (hook.url !== wanted) add('fail', 'doctor-telegram-webhook-missing', { url: wanted, actual: hook.url || '—' });
  else if (hook.last_error_message) add('warn', 'doctor-telegram-webhook-error', { url: wanted, error: hook.last_error_message, pending: hook.pending_update_count ?? 0 });
  else add('ok', 'doctor-telegram-webhook-ok', { url: wanted });
}

async function checkZalo(config: Config, db: Db, now: number, fetchImpl: typeof fetch, add: Add): Promise<void> {
  const pair = readTokenPair(db);
  if (!pair) {
    add('fail', 'doctor-zalo-no-tokens');
    return;
  }
  if (pair.expiresAt <= now) {
    // Asking Zalo would mean refreshing, which uses up the single-use refresh token: the bot does that.
    add('warn', 'doctor-zalo-token-expired', {}, { at: pair.expiresAt });
    return;
  }
  let answer;
  try {
    const response = await fetchImpl(`${config.ZALO_API_BASE}/v2.0/oa/getoa`, { headers: { access_token: pair.accessToken }, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    answer = zaloAnswer.parse(await response.json());
  } catch (error) {
    add('fail', 'doctor-zalo-unreachable', { base: config.ZALO_API_BASE, error: describe(error) });
    return;
  }
  if (answer.error === -216 || answer.error === -220) add('fail', 'doctor-zalo-token-refused', { error: `${answer.error} ${answer.message ?? ''}`.trim() });
  else if (answer.error !== 0) add('fail', 'doctor-zalo-unreachable', { base: config.ZALO_API_BASE, error: `${answer.error} ${answer.message ?? ''}`.trim() });
  else add('ok', 'doctor-zalo-ok', { name: answer.data?.name ?? '—' }, { at: pair.expiresAt });
}
