import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { ChannelSender } from '../chat/channel.ts';
import type { OutboundMessage } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import { identities, outbox } from '../db/schema.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../util/log.ts';

type OutboxRow = typeof outbox.$inferSelect;

/** Backoff for temporary failures when the messenger gives no retry_after: 5 s, 10 s, 20 s … up to 10 min. */
export const backoffMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
export const MAX_ATTEMPTS = 8;

export interface DrainResult {
  sent: number;
  retried: number;
  unreachable: number;
  failed: number;
}

/**
 * Another channel the person wrote from and that is not known to be unreachable: where a message
 * goes when its channel cannot reach them (Zalo's 7-day window, a blocked Telegram bot).
 */
function fallbackIdentity(db: Db, row: OutboxRow, channels: string[]) {
  if (row.personId === null) return undefined;
  return db
    .select()
    .from(identities)
    .where(
      and(
        eq(identities.personId, row.personId),
        ne(identities.channel, row.channel),
        inArray(identities.channel, channels as ('telegram' | 'zalo' | 'console')[]),
        isNull(identities.unreachableAt),
        isNotNull(identities.lastInboundAt),
      ),
    )
    .orderBy(desc(identities.lastInboundAt))
    .get();
}

/**
 * Sends the outbox rows that are due, one at a time, through the sender of their channel, and
 * records each outcome. A row is claimed ('sending') before the send and settled after, so a crash
 * in between leaves at most that one row to look at again.
 */
export async function drainOutbox(db: Db, senders: ChannelSender[], clock: Clock, log: Logger, limit = 100): Promise<DrainResult> {
  const byChannel = new Map(senders.map((s) => [s.channel, s]));
  const channels = [...byChannel.keys()];
  const result: DrainResult = { sent: 0, retried: 0, unreachable: 0, failed: 0 };
  if (channels.length === 0) return result;
  const due = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.notBefore, clock.now()), inArray(outbox.channel, channels)))
    .orderBy(asc(outbox.notBefore), asc(outbox.id))
    .limit(limit)
    .all();
  for (const row of due) {
    const claimed = db
      .update(outbox)
      .set({ status: 'sending', attempts: row.attempts + 1 })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')))
      .run();
    if (claimed.changes === 0) continue; // another process took it
    const identity = row.identityId === null ? undefined : db.select().from(identities).where(eq(identities.id, row.identityId)).get();
    const sender = byChannel.get(row.channel)!;
    const outcome = identity
      ? await sender.send(identity.externalId, row.payload as OutboundMessage)
      : ({ ok: false, kind: 'unreachable', error: 'no identity' } as const);
    const now = clock.now();
    if (outcome.ok) {
      db.update(outbox).set({ status: 'sent', sentAt: now, lastError: null }).where(eq(outbox.id, row.id)).run();
      result.sent++;
    } else if (outcome.kind === 'temporary' && row.attempts + 1 < MAX_ATTEMPTS) {
      const wait = outcome.retryAfterMs ?? backoffMs(row.attempts + 1);
      db.update(outbox).set({ status: 'pending', notBefore: now + wait, lastError: outcome.error }).where(eq(outbox.id, row.id)).run();
      result.retried++;
    } else if (outcome.kind === 'unreachable') {
      if (identity) db.update(identities).set({ unreachableAt: now, unreachableReason: outcome.error }).where(eq(identities.id, identity.id)).run();
      const other = fallbackIdentity(db, row, channels);
      if (other) {
        db.update(outbox)
          .set({ status: 'pending', channel: other.channel, identityId: other.id, notBefore: now, lastError: outcome.error })
          .where(eq(outbox.id, row.id))
          .run();
        result.retried++;
      } else {
        db.update(outbox).set({ status: 'unreachable', lastError: outcome.error }).where(eq(outbox.id, row.id)).run();
        result.unreachable++;
      }
    } else {
      db.update(outbox).set({ status: 'failed', lastError: outcome.error }).where(eq(outbox.id, row.id)).run();
      log.warn('outbox message failed', { id: row.id, channel: row.channel, error: outcome.error });
      result.failed++;
    }
  }
  return result;
}
