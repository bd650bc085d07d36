import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { inTransaction, prepared } from '../db/prepared.ts';
import { statement } from '../db/raw.ts';
import { inboundQueue } from '../db/schema.ts';
import type { Clock } from '../domain/clock.ts';
import type { Channel } from '../domain/invites.ts';
import type { Logger } from '../util/log.ts';
import type { ChatCore, HandleResult } from './core.ts';
import { inboundEvent, type InboundEvent } from './types.ts';

const p = sql.placeholder;

export type Processed =
  | { kind: 'handled'; key: string; event: InboundEvent; result: HandleResult }
  /** A fault of ours: nothing of it was saved, the update stays in the queue with its error. */
  | { kind: 'failed'; key: string; event: InboundEvent };

/** Stores an update before anything else happens to it; false when the messenger delivered it before. */
export function enqueueInbound(db: Db, key: string, event: InboundEvent, now: number): boolean {
  const insert = prepared(db, 'inbound.enqueue', (d) =>
    d
      .insert(inboundQueue)
      .values({ channel: p('channel'), key: p('key'), event: p('event'), receivedAt: p('now') })
      .onConflictDoNothing()
      .prepare(),
  );
  return insert.run({ channel: event.channel, key, event, now }).changes > 0;
}

const nextPending = (db: DbOrTx) =>
  prepared(db, 'inbound.next', (d) =>
    d
      .select()
      .from(inboundQueue)
      .where(and(eq(inboundQueue.channel, p('channel')), isNull(inboundQueue.processedAt)))
      .orderBy(asc(inboundQueue.id))
      .limit(1)
      .prepare(),
  );

const markProcessed = (db: DbOrTx) =>
  prepared(db, 'inbound.processed', (d) => d.update(inboundQueue).set({ processedAt: sql`${p('now')}` }).where(eq(inboundQueue.id, p('id'))).prepare());

/**
 * Processes the oldest update of `channel` not processed yet: the core's work and the "processed" mark are one
 * transaction, taken with an immediate lock so two processes never handle the same update.
 */
export function processNextInbound(db: Db, core: ChatCore, channel: Channel, clock: Clock, log: Logger): Processed | undefined {
  let claimed: { id: number; key: string; event: InboundEvent } | undefined;
  try {
    return inTransaction(
      db,
      (): Processed | undefined => {
        const row = nextPending(db).get({ channel });
        if (!row) return undefined;
        claimed = { id: row.id, key: row.key, event: inboundEvent.parse(row.event) };
        const result = core.handle(claimed.event);
        markProcessed(db).run({ now: clock.now(), id: row.id });
        return { kind: 'handled', key: row.key, event: claimed.event, result };
      },
      { immediate: true, savepoint: true },
    );
  } catch (error) {
    if (!claimed) throw error;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error('inbound update failed', { channel: claimed.event.channel, id: claimed.id, error: message });
    db.update(inboundQueue).set({ processedAt: clock.now(), error: message }).where(eq(inboundQueue.id, claimed.id)).run();
    return { kind: 'failed', key: claimed.key, event: claimed.event };
  }
}

/** Telegram numbers updates anew (not in order) after a week without any: an older mark is not trusted. */
const ORDER_RESETS_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** Moves the mark up to the update's number; changes nothing (a repeat) when it is there already, unless the mark is too old to trust. */
const ADVANCE_MARK = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
  WHERE CAST(settings.value AS INTEGER) < CAST(excluded.value AS INTEGER) OR excluded.updated_at - settings.updated_at >= ?`;
const RECORD_FAILED = `INSERT INTO inbound_queue (channel, key, event, received_at, processed_at, error) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT DO NOTHING`;

/**
 * Long polling: the messenger hands over a channel's updates one after another, numbered in order
 * (Telegram's update_id), and delivers again whatever it was not told we received (after a
 * restart). The core's work and a mark "handled up to N" are one transaction, so an update
 * numbered N or below is a repeat: dropped. Nothing else is written per update; one that failed
 * because of a fault of ours is kept in the inbound queue with its error, so nothing is lost.
 */
export function receiveInOrder(db: Db, core: ChatCore, sequence: number, event: InboundEvent, clock: Clock, log: Logger): Processed | 'duplicate' {
  const key = String(sequence);
  const markKey = `inbound.${event.channel}.handled`;
  const now = clock.now();
  const advance = () => statement(db, ADVANCE_MARK).run(markKey, key, now, ORDER_RESETS_AFTER_MS).changes > 0;
  try {
    return inTransaction(
      db,
      (): Processed | 'duplicate' => {
        if (!advance()) return 'duplicate';
        return { kind: 'handled', key, event, result: core.handle(event) };
      },
      { immediate: true },
    );
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error('inbound update failed', { channel: event.channel, key, error: message });
    inTransaction(
      db,
      () => {
        statement(db, RECORD_FAILED).run(event.channel, key, JSON.stringify(event), now, now, message);
        advance();
      },
      { immediate: true },
    );
    return { kind: 'failed', key, event };
  }
}

/**
 * Processes every waiting update of a channel, oldest first (so each person's messages keep their
 * order, and updates left by a crash go before new ones). The adapter then sends the replies.
 */
export function processPendingInbound(db: Db, core: ChatCore, channel: Channel, clock: Clock, log: Logger): Processed[] {
  const done: Processed[] = [];
  for (let next = processNextInbound(db, core, channel, clock, log); next; next = processNextInbound(db, core, channel, clock, log)) done.push(next);
  return done;
}

/** Forgets processed updates older than `olderThan` (messengers redeliver within hours, not weeks); failed ones stay. */
export function pruneInbound(db: Db, olderThan: number): number {
  return db
    .delete(inboundQueue)
    .where(and(isNotNull(inboundQueue.processedAt), isNull(inboundQueue.error), lt(inboundQueue.receivedAt, olderThan)))
    .run().changes;
}
