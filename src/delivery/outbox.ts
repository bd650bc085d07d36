/**
 * The outbox's life cycle, shared by the paced dispatcher (dispatcher.ts) and the one-shot drain
 * below: a row is claimed ('sending', with the time of the claim) just before its send and settled
 * just after, so a crash in between leaves only the rows then in flight to be sent again once their
 * claim goes stale.
 */
import { randomBytes } from 'node:crypto';
import type { ChannelSender, OutgoingRow, SendResult } from '../chat/channel.ts';
import type { OutboundMessage } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/prepared.ts';
import { statement } from '../db/raw.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';

/**
 * Backoff for temporary failures when the messenger gives no retry_after (a 5xx, the network down):
 * 1 s, 2 s, 4 s … up to 10 min, and MAX_ATTEMPTS tries in all (about two hours), so a reply waits
 * out an ordinary outage and a bounded one never hammers the messenger.
 */
const backoffMs = (attempts: number) => Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 600_000);
const MAX_ATTEMPTS = 20;

export interface DrainResult {
  sent: number;
  retried: number;
  unreachable: number;
  failed: number;
}

/** A due row with what sending it needs (the chat layer writes replies in this shape too). */
export type DueRow = OutgoingRow;

type Channel = DueRow['channel'];

/** Due rows of these channels: replies first, then one-off notices, then bulk; each by due time. */
export function dueRows(db: Db, channels: readonly Channel[], now: number, limit: number, excluding: ReadonlySet<number> = new Set()): DueRow[] {
  if (channels.length === 0) return [];
  const rows = db.$client
    .prepare(
      `SELECT o.id, o.person_id AS personId, o.identity_id AS identityId, o.channel, o.payload, o.attempts, i.external_id AS externalId, o.reply,
              (o.rule_id IS NOT NULL OR o.broadcast_id IS NOT NULL) AS bulk, (o.rule_id IS NOT NULL) AS reminder
         FROM outbox o LEFT JOIN identities i ON i.id = o.identity_id
        WHERE o.status = 'pending' AND o.not_before <= ? AND o.channel IN (${channels.map(() => '?').join(', ')})
        ORDER BY o.reply DESC, bulk, o.not_before, o.id
        LIMIT ?`,
    )
    .all(now, ...channels, limit + excluding.size) as (Omit<DueRow, 'payload' | 'bulk' | 'reminder' | 'reply'> & { payload: string; bulk: number; reminder: number; reply: number })[];
  const out: DueRow[] = [];
  for (const r of rows) {
    if (excluding.has(r.id)) continue;
    if (out.length >= limit) break;
    out.push({ ...r, payload: JSON.parse(r.payload) as OutboundMessage, reply: r.reply === 1, bulk: r.bulk === 1, reminder: r.reminder === 1 });
  }
  return out;
}

const REMINDERS_DUE = "status = 'pending' AND rule_id IS NOT NULL AND channel = ? AND not_before <= ?";

/**
 * Reminders not yet sent when quiet hours begin wait for the next allowed time. Looked for first:
 * a read does not wait for the write lock, and all through the night there is mostly nothing to hold.
 */
export function holdReminders(db: Db, channel: Channel, now: number, until: number): number {
  if (!statement(db, `SELECT 1 FROM outbox WHERE ${REMINDERS_DUE} LIMIT 1`).get(channel, now)) return 0;
  return statement(db, `UPDATE outbox SET not_before = ? WHERE ${REMINDERS_DUE}`).run(until, channel, now).changes;
}

/** Who claims rows from this process: its pid, and a token telling it from an earlier process with the same pid (a container's pid 1). */
export const CLAIMANT = `${process.pid}:${randomBytes(6).toString('hex')}`;

/** Takes the row for sending; false when another dispatcher (or process) has it. */
export function claimRow(db: Db, id: number, now: number): boolean {
  return (
    statement(db, "UPDATE outbox SET status = 'sending', attempts = attempts + 1, claimed_at = ?, claimed_by = ? WHERE id = ? AND status = 'pending'").run(now, CLAIMANT, id)
      .changes === 1
  );
}

/** Renews the claims of rows still in flight, so they are not taken for stale. */
export function renewClaims(db: Db, ids: Iterable<number>, now: number): void {
  const renew = db.$client.prepare("UPDATE outbox SET claimed_at = ? WHERE id = ? AND status = 'sending'");
  db.$client.transaction(() => {
    for (const id of ids) renew.run(now, id);
  })();
}

/** A claimant (`pid:token`) that is certainly gone: an earlier run with our pid, or a pid no process has now (on this machine: WAL needs one). */
function gone(claimant: string): boolean {
  const [pid, token] = claimant.split(':');
  const [ownPid, ownToken] = CLAIMANT.split(':');
  if (pid === ownPid) return token !== ownToken;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Rows left 'sending' by a process that died go back to pending: at once when that process is
 * known to be gone, else once the claim is older than `leaseMs`. At most those rows can reach
 * their recipient twice: they were in flight when the process died.
 */
export function recoverStaleClaims(db: Db, now: number, leaseMs: number): number {
  const sqlite = db.$client;
  const claimants = sqlite.prepare("SELECT DISTINCT claimed_by AS by FROM outbox WHERE status = 'sending' AND claimed_by IS NOT NULL").all() as { by: string }[];
  const dead = claimants.map((c) => c.by).filter(gone);
  const release = "UPDATE outbox SET status = 'pending', not_before = ?, claimed_at = NULL, claimed_by = NULL WHERE status = 'sending'";
  let recovered = sqlite.prepare(`${release} AND (claimed_at IS NULL OR claimed_at < ?)`).run(now, now - leaseMs).changes;
  for (const by of dead) recovered += sqlite.prepare(`${release} AND claimed_by = ?`).run(now, by).changes;
  return recovered;
}

/** The ways a reminder may take to someone its channel cannot reach, as a movement may list them. */
export const REACH_WAYS = ['telegram', 'zalobot', 'zns', 'call'] as const;
export type ReachWay = (typeof REACH_WAYS)[number];

const FALLBACK_ACCOUNT = `SELECT id, channel FROM identities
  WHERE person_id = ? AND channel = ? AND unreachable_at IS NULL AND (last_inbound_at IS NOT NULL OR channel = 'zns')
  ORDER BY last_inbound_at DESC LIMIT 1`;
const REACH_ORDER = 'SELECT m.reach_order AS reachOrder FROM reminder_rules r JOIN movements m ON m.id = r.movement_id WHERE r.id = (SELECT rule_id FROM outbox WHERE id = ?)';

/** The movement's order of ways to reach someone a reminder cannot reach where it was sent. */
function reachOrder(db: Db, rowId: number): ReachWay[] {
  const found = statement(db, REACH_ORDER).get(rowId) as { reachOrder: string } | undefined;
  return (found?.reachOrder ?? 'telegram,zalobot,zns,call').split(',').filter((w): w is ReachWay => (REACH_WAYS as readonly string[]).includes(w));
}

/**
 * Where a message goes when its channel cannot reach the person (Zalo's 7-day window, a blocked
 * Telegram bot, Zalo's budget spent). A reminder follows its movement's order: the person's
 * Telegram or Zalo Bot Platform account, a ZNS template message to the phone they agreed to give,
 * or nothing (`call`: the Board is to call them). Anything else goes to another account the
 * person wrote from and that is not known to be unreachable.
 */
function fallbackIdentity(db: Db, row: DueRow, channels: readonly Channel[]): { id: number; channel: Channel } | undefined {
  if (row.personId === null || channels.length === 0) return undefined;
  if (row.reminder) {
    // Refused elsewhere (a blocked Telegram bot): the person's Zalo OA account first, if they write there.
    const zalo = row.channel !== 'zalo' && channels.includes('zalo') ? (statement(db, FALLBACK_ACCOUNT).get(row.personId, 'zalo') as { id: number; channel: Channel } | undefined) : undefined;
    if (zalo) return zalo;
    for (const way of reachOrder(db, row.id)) {
      if (way === 'call') return undefined;
      if (way === row.channel || !channels.includes(way)) continue;
      const found = statement(db, FALLBACK_ACCOUNT).get(row.personId, way) as { id: number; channel: Channel } | undefined;
      if (found) return found;
    }
    return undefined;
  }
  return db.$client
    .prepare(
      `SELECT id, channel FROM identities
        WHERE person_id = ? AND channel <> ? AND channel IN (${channels.map(() => '?').join(', ')})
          AND unreachable_at IS NULL AND last_inbound_at IS NOT NULL
        ORDER BY last_inbound_at DESC LIMIT 1`,
    )
    .get(row.personId, row.channel, ...channels) as { id: number; channel: Channel } | undefined;
}

/** A reply retried: its chat's later replies wait until then, claims of ours given back. */
const HOLD_LATER_REPLIES = `UPDATE outbox SET status = 'pending', claimed_at = NULL, claimed_by = NULL, not_before = max(not_before, ?)
  WHERE identity_id = ? AND reply = 1 AND id > ? AND (status = 'pending' OR (status = 'sending' AND claimed_by = ?))`;

export type Settled =
  | { kind: 'sent' }
  | { kind: 'retried'; notBefore: number }
  | { kind: 'moved'; channel: Channel }
  | { kind: 'deferred'; notBefore: number }
  | { kind: 'unreachable' }
  | { kind: 'failed' };

/**
 * Records how a claimed row's send went: sent; a temporary failure retried after the messenger's
 * retry_after (else an exponential backoff) until MAX_ATTEMPTS; unreachable: the account is marked
 * and the row moves to the person's other channel if there is one, else stays unreachable; a
 * refused message fails for good; one deferred by a rule of ours waits, no attempt counted; one the
 * sending account could not send (its balance, its template) goes another way or waits, nobody marked.
 */
export function settleRow(db: Db, row: DueRow, outcome: SendResult, now: number, channels: readonly Channel[], log: Logger): Settled {
  const attempts = row.attempts + 1;
  if (outcome.ok) {
    statement(db, "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL, claimed_at = NULL, claimed_by = NULL WHERE id = ?").run(now, row.id);
    return { kind: 'sent' };
  }
  if (outcome.kind === 'temporary' && attempts < MAX_ATTEMPTS) {
    const notBefore = now + (outcome.retryAfterMs ?? backoffMs(attempts));
    statement(db, "UPDATE outbox SET status = 'pending', not_before = ?, last_error = ?, claimed_at = NULL WHERE id = ?").run(notBefore, outcome.error, row.id);
    // The person's later replies wait behind it (claims of ours given back), so none arrives before the one retried.
    if (row.reply && row.identityId !== null)
      statement(db, HOLD_LATER_REPLIES).run(notBefore, row.identityId, row.id, CLAIMANT);
    return { kind: 'retried', notBefore };
  }
  if (outcome.kind === 'deferred') {
    statement(db, "UPDATE outbox SET status = 'pending', not_before = ?, last_error = ?, attempts = attempts - 1, claimed_at = NULL, claimed_by = NULL WHERE id = ?").run(
      outcome.until,
      outcome.error,
      row.id,
    );
    return { kind: 'deferred', notBefore: outcome.until };
  }
  if (outcome.kind === 'account') {
    // Nobody is marked: another way to the person if there is one, else the same way later (attempts counted, so it ends).
    const other = fallbackIdentity(db, row, channels);
    if (other) {
      statement(db, "UPDATE outbox SET status = 'pending', channel = ?, identity_id = ?, not_before = ?, last_error = ?, claimed_at = NULL WHERE id = ?")
        .run(other.channel, other.id, now, outcome.error, row.id);
      return { kind: 'moved', channel: other.channel };
    }
    if (attempts < MAX_ATTEMPTS) {
      const notBefore = now + outcome.retryAfterMs;
      statement(db, "UPDATE outbox SET status = 'pending', not_before = ?, last_error = ?, claimed_at = NULL, claimed_by = NULL WHERE id = ?").run(notBefore, outcome.error, row.id);
      return { kind: 'retried', notBefore };
    }
  }
  if (outcome.kind === 'unreachable') {
    if (row.identityId !== null && outcome.mark !== false)
      statement(db, 'UPDATE identities SET unreachable_at = ?, unreachable_reason = ? WHERE id = ?').run(now, outcome.error, row.identityId);
    const other = fallbackIdentity(db, row, channels);
    if (other) {
      statement(db, "UPDATE outbox SET status = 'pending', channel = ?, identity_id = ?, not_before = ?, last_error = ?, claimed_at = NULL WHERE id = ?")
        .run(other.channel, other.id, now, outcome.error, row.id);
      return { kind: 'moved', channel: other.channel };
    }
    statement(db, "UPDATE outbox SET status = 'unreachable', last_error = ?, claimed_at = NULL WHERE id = ?").run(outcome.error, row.id);
    return { kind: 'unreachable' };
  }
  statement(db, "UPDATE outbox SET status = 'failed', last_error = ?, claimed_at = NULL WHERE id = ?").run(outcome.error, row.id);
  log.warn('outbox message failed', { id: row.id, channel: row.channel, error: outcome.error });
  return { kind: 'failed' };
}

/** Rows delivered by their channel itself (the terminal prints its replies at once). */
export function recordSent(db: Db, ids: readonly number[], now: number): void {
  const sent = statement(db, "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_at = NULL, claimed_by = NULL WHERE id = ?");
  for (const id of ids) sent.run(now, id);
}

/** A due row of a channel that shows its messages itself, with its recipient's name and language. */
interface ShownRow {
  id: number;
  personId: number | null;
  payload: OutboundMessage;
  name: string | null;
  locale: string | null;
}

const DUE_TO_SHOW = `SELECT o.id, o.person_id AS personId, o.payload, p.full_name AS name, p.locale FROM outbox o LEFT JOIN people p ON p.id = o.person_id
  WHERE o.status = 'pending' AND o.channel = ? AND o.not_before <= ? ORDER BY o.not_before, o.id`;
const SHOWN = "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?";

/** The due rows of a channel that shows them itself (the terminal's notices), each recorded as sent as `show` takes it; one transaction. */
export function deliverShown<T>(db: Db, channel: Channel, now: number, show: (row: ShownRow) => T): T[] {
  return inTransaction(db, () =>
    (statement(db, DUE_TO_SHOW).all(channel, now) as (Omit<ShownRow, 'payload'> & { payload: string })[]).map((row) => {
      const shown = show({ ...row, payload: JSON.parse(row.payload) as OutboundMessage });
      statement(db, SHOWN).run(now, row.id);
      return shown;
    }),
  );
}

/** Sends one claimed row; a sender that throws counts as a temporary failure. */
export async function sendRow(sender: ChannelSender, row: DueRow): Promise<SendResult> {
  if (row.externalId === null) return { ok: false, kind: 'unreachable', error: 'no identity' };
  try {
    return await sender.send(row.externalId, row.payload, row.transient ? {} : { outboxId: row.id });
  } catch (error) {
    return { ok: false, kind: 'temporary', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Sends the due rows now, one at a time and unpaced, and records each outcome: for tests and
 * one-off tools. The bot itself runs the paced Dispatcher.
 */
export async function drainOutbox(db: Db, senders: ChannelSender[], clock: Clock, log: Logger, limit = 100): Promise<DrainResult> {
  const byChannel = new Map(senders.map((s) => [s.channel, s]));
  const channels = [...byChannel.keys()];
  const result: DrainResult = { sent: 0, retried: 0, unreachable: 0, failed: 0 };
  for (const row of dueRows(db, channels, clock.now(), limit)) {
    if (!claimRow(db, row.id, clock.now())) continue; // another process took it
    const outcome = await sendRow(byChannel.get(row.channel)!, row);
    const settled = settleRow(db, row, outcome, clock.now(), channels, log);
    if (settled.kind === 'sent') result.sent++;
    else if (settled.kind === 'retried' || settled.kind === 'moved' || settled.kind === 'deferred') result.retried++;
    else if (settled.kind === 'unreachable') result.unreachable++;
    else result.failed++;
  }
  return result;
}
