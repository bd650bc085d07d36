/**
 * A problem of the Zalo account itself (the OA's or ZNS's balance, package, template, token…), as
 * opposed to a person Zalo cannot reach: kept in `settings` while it lasts, one per way of sending,
 * so `/health` shows it, and the admins are told once when it starts. The next message that goes
 * through clears it.
 */
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/connection.ts';
import { statement } from '../db/raw.ts';
import { t, isLocale } from '../i18n/index.ts';
import { enqueueMessages, reachFor } from './outbox-writer.ts';

type AccountChannel = 'zalo' | 'zns';

interface AccountProblem {
  channel: AccountChannel;
  code: number;
  error: string;
  since: number;
}

const KEY = 'zalo.account-problem.';
const stored = z.object({ code: z.number().int(), error: z.string(), since: z.number() });

export function accountProblems(db: DbOrTx): AccountProblem[] {
  const rows = statement(db, `SELECT key, value FROM settings WHERE key LIKE '${KEY}%' ORDER BY key`).all() as { key: string; value: string }[];
  return rows.flatMap((r) => {
    const channel = r.key.slice(KEY.length);
    if (channel !== 'zalo' && channel !== 'zns') return [];
    try {
      const parsed = stored.safeParse(JSON.parse(r.value));
      return parsed.success ? [{ channel, ...parsed.data }] : [];
    } catch {
      return [];
    }
  });
}

function hasAccountProblem(db: DbOrTx, channel: AccountChannel): boolean {
  return statement(db, 'SELECT 1 AS x FROM settings WHERE key = ?').get(KEY + channel) !== undefined;
}

/**
 * Records the problem; the first time (none recorded for this channel), every admin is sent a
 * notice. Returns whether it was new.
 */
function noteAccountProblem(db: Db, problem: Omit<AccountProblem, 'since'>, now: number): boolean {
  return db.$client.transaction(() => {
    const value = JSON.stringify({ code: problem.code, error: problem.error, since: now });
    const added = statement(db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(KEY + problem.channel, value, now).changes;
    if (added === 0) return false;
    const admins = statement(db, "SELECT id, locale FROM people WHERE role = 'admin' AND active = 1 ORDER BY id").all() as { id: number; locale: string }[];
    const reach = reachFor(db, admins.map((a) => a.id));
    enqueueMessages(
      db,
      admins.map((a) => ({
        dedupeKey: `acct:${problem.channel}:${now}:${a.id}`,
        personId: a.id,
        reach: reach.get(a.id),
        payload: { text: t(isLocale(a.locale) ? a.locale : 'vi', 'zalo-account-problem', { channel: problem.channel, code: problem.code, error: problem.error }) },
        notBefore: now,
      })),
    );
    return true;
  })();
}

/** The channel sent again: its problem is over. */
function clearAccountProblem(db: DbOrTx, channel: AccountChannel): void {
  statement(db, 'DELETE FROM settings WHERE key = ?').run(KEY + channel);
}

interface AccountWatch {
  /** A send failed by the account's fault: recorded and the admins told, once until it clears. */
  failed(code: number, error: string, now: number): void;
  /** A send went through: any problem recorded is over. */
  sent(): void;
}

/** Follows one channel's account problem for its sender (the table is read once, then only written when the state changes). */
export function accountWatch(db: Db, channel: AccountChannel, log: { warn(msg: string, data?: Record<string, unknown>): void }): AccountWatch {
  let open = hasAccountProblem(db, channel);
  return {
    failed(code, error, now) {
      if (open) return;
      try {
        if (noteAccountProblem(db, { channel, code, error }, now)) log.warn('zalo account problem: admins told', { channel, code, error });
        open = true;
      } catch (failure) {
        log.warn('zalo account problem not recorded', { channel, code, error: String(failure) });
      }
    },
    sent() {
      if (!open) return;
      try {
        clearAccountProblem(db, channel);
        open = false;
      } catch {
        // Cleared at the next message that goes through.
      }
    },
  };
}
