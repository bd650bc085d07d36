/**
 * What `GET /health` and `thidua doctor` check of a running bot: the database takes a write (and
 * has room for more), the messengers accept our tokens, the outbox is moving, updates are not
 * failing, the backups are made. Each problem has a code and the values to say it in words
 * (`health-<code>` in locales/).
 */
import { statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from '../db/connection.ts';
import { listBackups } from '../db/backup.ts';
import type { BackupAttempt } from '../db/backup-schedule.ts';
import { storageFault } from '../db/faults.ts';
import { formatVnDateTime } from '../domain/format-time.ts';
import { accountProblems } from '../delivery/zalo-account.ts';
import { t, type Locale } from '../i18n/index.ts';
import { messengerCalls, type Messenger, type MessengerCallState } from './messenger-calls.ts';

/** Below this much free space on the database's disk the bot is about to stop storing messages. */
const LOW_DISK_BYTES = 100 * 1024 * 1024;
/** A due message still unsent after this long means the delivery is stuck. */
export const OUTBOX_STUCK_MS = 30 * 60_000;
/** Updates that failed this recently mean something is failing now (older ones wait for `thidua inbound --retry`). */
const RECENT_FAILURE_MS = 60 * 60_000;
/** A messenger failing to answer for this long is a problem (a short outage is not). */
const UNREACHABLE_FOR_MS = 10 * 60_000;
/** The probe needs a few fresh pages, so a database that cannot grow fails it. */
const PROBE_BYTES = 16 * 1024;

export interface Problem {
  code: string;
  args: Record<string, string | number>;
  /** Instants the text names, said in the operator's time zone. */
  times?: Record<string, number>;
}

/**
 * Problems that pass by themselves and lose nothing meanwhile: the bot is degraded, not failing.
 * `database-busy`: another process holds the write lock; updates wait (webhooks answer 503, and
 * are delivered again) and go through once it is released.
 */
const PASSING = new Set(['database-busy']);
export const isPassing = (problem: Problem): boolean => PASSING.has(problem.code);

/** What the health check found; `ok` when there is no problem, `degraded` when every problem passes by itself. */
export interface HealthReport {
  ok: boolean;
  degraded: boolean;
  problems: Problem[];
  checkedAt: number;
  database: { path: string; writable: boolean; busy: boolean; error: string | undefined; freeBytes: number | undefined };
  messengers: Partial<Record<Messenger, MessengerCallState>>;
  outbox: { waiting: number; oldestWaitingSince: number | undefined };
  inbound: { failed: number; lastFailedAt: number | undefined };
  backup: { last: { path: string; at: number } | undefined; lastAttempt: BackupAttempt | undefined };
}

export interface HealthInputs {
  db: Db;
  databasePath: string;
  /** The messengers this bot runs. */
  messengers: Messenger[];
  backupDir: string;
  /** How the latest scheduled backup went (undefined: none tried since the start, or no schedule). */
  lastBackupAttempt?: BackupAttempt | undefined;
  now: number;
}

/** At most this long the probe waits for another process's write lock (the bot's own wait is shorter): the event loop waits with it. */
const PROBE_BUSY_TIMEOUT_MS = 500;

/** Tries (and takes back) a write that needs new pages, then writes one small row for real; the error when either fails. */
function probeWrite(db: Db, now: number): unknown {
  const client = db.$client;
  const busyTimeout = client.pragma('busy_timeout', { simple: true }) as number;
  client.pragma(`busy_timeout = ${Math.min(busyTimeout, PROBE_BUSY_TIMEOUT_MS)}`);
  const attempt = (work: () => void, keep: boolean) => {
    client.exec('BEGIN IMMEDIATE');
    try {
      work();
    } finally {
      // SQLite may have rolled back already (it does on SQLITE_FULL).
      if (client.inTransaction) client.exec(keep ? 'COMMIT' : 'ROLLBACK');
    }
  };
  try {
    attempt(() => client.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('health.space-probe', zeroblob(?), 0)").run(PROBE_BYTES), false);
    attempt(
      () =>
        client
          .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('health.checked', '', ?) ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at")
          .run(now),
      true,
    );
    return undefined;
  } catch (error) {
    return error;
  } finally {
    client.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

const errorText = (error: unknown) => (error instanceof Error ? `${'code' in error ? `${String(error.code)}: ` : ''}${error.message}` : String(error));

function freeBytes(databasePath: string): number | undefined {
  if (databasePath === ':memory:') return undefined;
  try {
    const stats = statfsSync(dirname(resolve(databasePath)));
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

function messengerProblem(messenger: Messenger, state: MessengerCallState, now: number): Problem | undefined {
  const failure = state.lastFailure;
  if (!state.failing || !failure) return undefined;
  if (failure.kind === 'token') return { code: 'messenger-token-refused', args: { messenger, error: failure.error }, times: { since: failure.at } };
  if (now - (state.failingSince ?? failure.at) < UNREACHABLE_FOR_MS) return undefined;
  if (state.lastSuccessAt === undefined) return { code: 'messenger-never-reached', args: { messenger, error: failure.error } };
  return { code: 'messenger-unreachable', args: { messenger, error: failure.error }, times: { since: state.lastSuccessAt } };
}

/** Runs every check once (the database probe writes one row). */
export function checkHealth(inputs: HealthInputs): HealthReport {
  const { db, databasePath, now } = inputs;
  const problems: Problem[] = [];

  const failed = probeWrite(db, now);
  const writeError = failed === undefined ? undefined : errorText(failed);
  const busy = failed !== undefined && storageFault(failed) === 'busy';
  if (writeError) problems.push(busy ? { code: 'database-busy', args: { error: writeError } } : { code: 'database-unwritable', args: { error: writeError } });
  const free = freeBytes(databasePath);
  if (free !== undefined && free < LOW_DISK_BYTES) problems.push({ code: 'disk-low', args: { free: Math.floor(free / 1024 / 1024) } });

  const messengers: HealthReport['messengers'] = {};
  for (const messenger of inputs.messengers) {
    const state = messengerCalls.state(messenger);
    messengers[messenger] = state;
    const problem = messengerProblem(messenger, state, now);
    if (problem) problems.push(problem);
  }

  const channels = inputs.messengers.map((m) => `'${m}'`).join(', ');
  const outbox =
    channels === ''
      ? { waiting: 0, oldest: null }
      : (db.$client
          .prepare(`SELECT count(*) AS waiting, min(not_before) AS oldest FROM outbox WHERE status = 'pending' AND not_before <= ? AND channel IN (${channels})`)
          .get(now) as { waiting: number; oldest: number | null });
  if (outbox.oldest !== null && now - outbox.oldest > OUTBOX_STUCK_MS) problems.push({ code: 'outbox-stuck', args: { waiting: outbox.waiting }, times: { since: outbox.oldest } });

  const inbound = db.$client.prepare('SELECT count(*) AS failed, max(processed_at) AS last FROM inbound_queue WHERE error IS NOT NULL').get() as { failed: number; last: number | null };
  if (inbound.last !== null && now - inbound.last < RECENT_FAILURE_MS) problems.push({ code: 'inbound-failing', args: { failed: inbound.failed }, times: { last: inbound.last } });

  // The Zalo account's own problem (balance, template, token…), told to the admins once, shown here until it clears.
  for (const p of accountProblems(db)) problems.push({ code: 'zalo-account-problem', args: { channel: p.channel, code: p.code, error: p.error }, times: { since: p.since } });

  const attempt = inputs.lastBackupAttempt;
  if (attempt && !attempt.ok) problems.push({ code: 'backup-failed', args: { error: attempt.error }, times: { at: attempt.at } });
  const last = listBackups(inputs.backupDir)[0];

  return {
    ok: problems.length === 0,
    degraded: problems.length > 0 && problems.every(isPassing),
    problems,
    checkedAt: now,
    database: { path: databasePath, writable: writeError === undefined, busy, error: writeError, freeBytes: free },
    messengers,
    outbox: { waiting: outbox.waiting, oldestWaitingSince: outbox.oldest ?? undefined },
    inbound: { failed: inbound.failed, lastFailedAt: inbound.last ?? undefined },
    backup: { last, lastAttempt: attempt },
  };
}

/** A problem in words, its times in `timeZone` (dd/mm/yyyy hh:mm). */
export function problemText(problem: Problem, locale: Locale, timeZone: string): string {
  const times = Object.fromEntries(Object.entries(problem.times ?? {}).map(([k, ms]) => [k, formatVnDateTime(ms, timeZone)]));
  return t(locale, `health-${problem.code}`, { ...problem.args, ...times });
}
