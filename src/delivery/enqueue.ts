/**
 * Putting messages into the outbox, many at a time: one row per (reason, person) under a unique
 * dedupe key, so planning the same thing twice (a double tick, a restart, a second process) adds
 * nothing. Each person is reached on the account they last wrote from, preferring one not known to
 * be unreachable.
 */
import type { OutboundMessage } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import type { Channel } from '../domain/model.ts';

export interface Reach {
  identityId: number;
  channel: Channel;
}

/** The account each of these people is best reached on (none for people who never wrote to the bot). */
export function reachFor(db: Db, personIds: Iterable<number>): Map<number, Reach> {
  const wanted = new Set(personIds);
  const best = new Map<number, Reach & { reachable: boolean; last: number }>();
  if (wanted.size === 0) return new Map();
  const rows = db.$client
    .prepare(
      'SELECT id, person_id AS personId, channel, last_inbound_at AS last, unreachable_at AS unreachable FROM identities WHERE person_id IS NOT NULL AND last_inbound_at IS NOT NULL',
    )
    .all() as { id: number; personId: number; channel: Reach['channel']; last: number; unreachable: number | null }[];
  for (const r of rows) {
    if (!wanted.has(r.personId)) continue;
    const candidate = { identityId: r.id, channel: r.channel, reachable: r.unreachable === null, last: r.last };
    const current = best.get(r.personId);
    const better =
      !current || (candidate.reachable && !current.reachable) || (candidate.reachable === current.reachable && candidate.last > current.last);
    if (better) best.set(r.personId, candidate);
  }
  return new Map([...best].map(([id, r]) => [id, { identityId: r.identityId, channel: r.channel }]));
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
export function enqueueMessages(db: Db, messages: Iterable<QueuedMessage>): number {
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
    'ON CONFLICT (dedupe_key) DO NOTHING',
    rows,
  );
}

/** Many rows in statements of up to 100 rows each (far fewer statements than rows); returns the rows added. */
export function insertMany(db: Db, head: string, tail: string, rows: unknown[][]): number {
  if (rows.length === 0) return 0;
  const width = rows[0]!.length;
  const tuple = `(${Array(width).fill('?').join(', ')})`;
  const CHUNK = 100;
  const full = db.$client.prepare(`${head} VALUES ${Array(CHUNK).fill(tuple).join(', ')} ${tail}`);
  let added = 0;
  let i = 0;
  for (; i + CHUNK <= rows.length; i += CHUNK) added += full.run(...rows.slice(i, i + CHUNK).flat()).changes;
  if (i < rows.length) {
    const rest = rows.slice(i);
    added += db.$client.prepare(`${head} VALUES ${Array(rest.length).fill(tuple).join(', ')} ${tail}`).run(...rest.flat()).changes;
  }
  return added;
}
