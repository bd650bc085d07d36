/**
 * The one writer of outbox rows: answers to a person's message, notices to others, reminders and
 * broadcasts, and the files a job made. Each row goes in under a unique dedupe key, so writing the
 * same thing twice (a retried update, a double tick, a restart, a second process) adds nothing, and
 * always in the caller's transaction: once what caused a message is saved, so is the message. The
 * messages are stored as the core wrote them (messenger-neutral); each channel renders them when it
 * sends them. One rule says on which account a person is reached (accountFor).
 */
import type { OutgoingRow } from '../chat/channel.ts';
import type { Notification, OutboundMessage } from '../chat/types.ts';
import type { DbOrTx } from '../db/connection.ts';
import { statement } from '../db/raw.ts';
import type { Channel } from '../domain/model.ts';

interface Reach {
  identityId: number;
  channel: Channel;
}

/** Among the accounts a person wrote from: one not known to be unreachable first, then the one they wrote from last. */
const ACCOUNT_OF = `SELECT id AS identityId, channel FROM identities WHERE person_id = ? AND last_inbound_at IS NOT NULL
  ORDER BY unreachable_at IS NULL DESC, last_inbound_at DESC, id LIMIT 1`;

/** The account a person is best reached on; undefined for someone who never wrote to the bot. */
export function accountFor(db: DbOrTx, personId: number): Reach | undefined {
  return statement(db, ACCOUNT_OF).get(personId) as Reach | undefined;
}

/** The account each of these people is best reached on (none for people who never wrote to the bot). */
export function reachFor(db: DbOrTx, personIds: Iterable<number>): Map<number, Reach> {
  const reach = new Map<number, Reach>();
  for (const personId of new Set(personIds)) {
    const found = accountFor(db, personId);
    if (found) reach.set(personId, found);
  }
  return reach;
}

export interface QueuedMessage {
  dedupeKey: string;
  personId: number;
  reach: Reach | undefined;
  payload: OutboundMessage;
  notBefore: number;
  ruleId?: number | null;
  broadcastId?: number | null;
}

export const NO_ACCOUNT = 'no messenger account linked';

/**
 * Inserts the rows (in the caller's transaction, if any); a key already there is left alone.
 * Someone with no account is recorded as unreachable straight away. Returns how many were added.
 */
export function enqueueMessages(db: DbOrTx, messages: Iterable<QueuedMessage>): number {
  const rows: unknown[][] = [];
  for (const m of messages)
    rows.push([
      m.dedupeKey,
      m.personId,
      m.reach?.identityId ?? null,
      m.reach?.channel ?? 'console',
      JSON.stringify(m.payload),
      m.reach ? 'pending' : 'unreachable',
      m.notBefore,
      m.reach ? null : NO_ACCOUNT,
      m.ruleId ?? null,
      m.broadcastId ?? null,
    ]);
  return insertMany(
    db,
    'INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, status, not_before, last_error, rule_id, broadcast_id)',
    'ON CONFLICT (dedupe_key) WHERE reply = 0 DO NOTHING',
    rows,
  );
}

/** Notices for people other than the sender (see FlowContext.notify), each on the account accountFor picks; returns how many were added. */
export function writeNotifications(db: DbOrTx, notifications: readonly Notification[], now: number): number {
  if (notifications.length === 0) return 0;
  return enqueueMessages(
    db,
    notifications.map((n) => ({ dedupeKey: n.key, personId: n.personId, reach: accountFor(db, n.personId), payload: n.message, notBefore: now })),
  );
}

const QUEUE_REPLY = (claimed: boolean) =>
  `INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before, reply, status, attempts, claimed_at, claimed_by)
   VALUES (?, (SELECT person_id FROM identities WHERE id = ?), ?, ?, ?, ?, 1, ${claimed ? "'sending', 1, ?, ?" : "'pending', 0, NULL, NULL"})
   ON CONFLICT DO NOTHING RETURNING id, person_id`;
const QUEUE_REPLY_CLAIMED = QUEUE_REPLY(true);
const QUEUE_REPLY_PENDING = QUEUE_REPLY(false);

/** The answers to one update of a person: where they go, and who sends them. */
interface Replies {
  channel: Channel;
  identityId: number;
  externalId: string;
  /** The update's key: with `now`, it makes the rows' keys. */
  update: string;
  messages: readonly OutboundMessage[];
  now: number;
  /** The dispatcher that sends them, claiming them as they are written (see Outbound.claimant). */
  claimant: string | undefined;
}

/** Writes the answers to an update, first in line for their account; returns the rows added, to hand to the dispatcher. */
export function writeReplies(db: DbOrTx, { channel, identityId, externalId, update, messages, now, claimant }: Replies): OutgoingRow[] {
  const rows: OutgoingRow[] = [];
  for (const [i, payload] of messages.entries()) {
    const key = `reply:${channel}:${update}:${now}:${i}`;
    const values = [key, identityId, identityId, channel, JSON.stringify(payload), now];
    const added = (claimant ? statement(db, QUEUE_REPLY_CLAIMED).get(...values, now, claimant) : statement(db, QUEUE_REPLY_PENDING).get(...values)) as
      | { id: number; person_id: number | null }
      | undefined;
    if (!added) continue;
    rows.push({
      id: added.id,
      personId: added.person_id,
      identityId,
      channel,
      payload,
      attempts: 0,
      externalId,
      reply: true,
      bulk: false,
      reminder: false,
      ...(claimant ? { claimed: true } : {}),
    });
  }
  return rows;
}

const QUEUE_JOB_FILE = `INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before)
  SELECT ?, ?, id, channel, ?, ? FROM identities WHERE id = ? ON CONFLICT DO NOTHING`;

/** What a job made (files, or why there are none), to the account that asked for it, under keys named by the job; nothing if that account is gone. */
export function writeJobMessages(db: DbOrTx, jobId: number, to: { personId: number; identityId: number }, payloads: readonly object[], now: number): void {
  payloads.forEach((payload, i) => statement(db, QUEUE_JOB_FILE).run(`job:${jobId}:${i}`, to.personId, JSON.stringify(payload), now, to.identityId));
}

/** Many rows in statements of up to 100 rows each (far fewer statements than rows); returns the rows added. */
export function insertMany(db: DbOrTx, head: string, tail: string, rows: unknown[][]): number {
  if (rows.length === 0) return 0;
  const width = rows[0]!.length;
  const tuple = `(${Array(width).fill('?').join(', ')})`;
  const CHUNK = 100;
  const full = statement(db, `${head} VALUES ${Array(CHUNK).fill(tuple).join(', ')} ${tail}`);
  let added = 0;
  let i = 0;
  for (; i + CHUNK <= rows.length; i += CHUNK) added += full.run(...rows.slice(i, i + CHUNK).flat()).changes;
  if (i < rows.length) {
    const rest = rows.slice(i);
    added += statement(db, `${head} VALUES ${Array(rest.length).fill(tuple).join(', ')} ${tail}`).run(...rest.flat()).changes;
  }
  return added;
}
