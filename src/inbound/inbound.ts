import { createHash } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { inTransaction, prepared } from '../db/prepared.ts';
import { storageFault, type StorageFault } from '../db/faults.ts';
import { statement } from '../db/raw.ts';
import { inboundQueue } from '../db/schema.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import type { OutgoingRow } from '../chat/channel.ts';
import { writeNotifications, writeReplies } from '../delivery/outbox-writer.ts';
import type { ChatCore, HandleResult } from '../chat/core.ts';
import { FlowNotLoaded } from '../chat/engine.ts';
import { inboundEvent, type InboundEvent, type OutboundMessage } from '../chat/types.ts';
import type { Channel } from '../domain/model.ts';

const p = sql.placeholder;

export type Processed =
  /**
   * `replies`: the answers, written to the outbox in the update's own transaction, to hand to the
   * dispatcher; `notified`: notices for others were written too (the dispatcher should look now).
   */
  | { kind: 'handled'; key: string; event: InboundEvent; result: HandleResult; notified: boolean; replies: OutgoingRow[] }
  /** A fault of ours: nothing of it was saved, the update stays in the queue with its error. */
  | { kind: 'failed'; key: string; event: InboundEvent };

/**
 * The database could not take an update's work for now (locked by another process beyond the busy
 * timeout, disk full or read-only): nothing of it was saved and it is not marked failed, so the
 * same update is handled when tried again. `events`: the updates that wait, those read before the fault.
 */
export class InboundWaiting extends Error {
  constructor(
    readonly fault: StorageFault,
    readonly events: readonly InboundEvent[],
    cause: unknown,
  ) {
    super(`inbound update waits: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * How an update's replies are written. `pressed`: the messenger's id of the question whose button
 * was pressed: the first reply updates it in place when it is the same question again (the channel
 * decides at send time whether it can), else its dead buttons are taken away. `claimant`: the
 * dispatcher that will send the replies, claiming them as they are written.
 */
interface Answering {
  pressed?: string | undefined;
  claimant?: string | undefined;
}

/** The core's replies as they are to be sent: after a pressed button, see Answering; each names the message it answers (Zalo then counts it as a free reply). */
function answers(result: HandleResult, event: InboundEvent, now: number, pressed: string | undefined): OutboundMessage[] {
  let planned = result.replies;
  if (pressed !== undefined) {
    const [first, ...rest] = planned;
    planned = first ? [{ ...first, ...(result.sameQuestion ? { replaces: pressed } : { retire: pressed }) }, ...rest] : [{ text: '', retire: pressed }];
  }
  const replyTo = event.messageId ? { id: event.messageId, at: now } : undefined;
  return replyTo ? planned.map((m) => ({ ...m, replyTo })) : planned;
}

const QUEUE_JOB = 'INSERT INTO jobs (channel, job, created_at) VALUES (?, ?, ?)';

/** The core's work on one update, its replies and the work it asked for (jobs, run after it: src/jobs/) queued, in the caller's transaction. */
export function handleAndQueue(db: DbOrTx, core: ChatCore, key: string, event: InboundEvent, now: number, answering: Answering = {}): Extract<Processed, { kind: 'handled' }> {
  const { result, notified } = handleAndNotify(db, core, event, now);
  for (const job of result.jobs) statement(db, QUEUE_JOB).run(event.channel, JSON.stringify(job), now);
  const messages = answers(result, event, now, answering.pressed);
  const replies = writeReplies(db, { channel: event.channel, identityId: result.identityId, externalId: event.externalId, update: key, messages, now, claimant: answering.claimant });
  return { kind: 'handled', key, event, result, notified, replies };
}

/**
 * The core's work on one event and the notices it asked for written to the outbox, in one
 * transaction (the caller's, if any); `notified`: some were new (the dispatcher should look now).
 */
export function handleAndNotify(db: DbOrTx, core: ChatCore, event: InboundEvent, now: number): { result: HandleResult; notified: boolean } {
  return inTransaction(db, () => {
    const result = core.handle(event);
    return { result, notified: writeNotifications(db, result.notifications, now) > 0 };
  });
}

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

/**
 * Stores an update the messenger numbers (Telegram's update_id), as enqueueInbound. Numbers are
 * reused after a renumbering (see ORDER_RESETS_AFTER_MS): a number held by an update received that
 * long before is another update, kept under its number and a digest of its content (the same for
 * a delivery again of it). Returns the key it is kept under, or undefined when it came before.
 */
export function enqueueNumbered(db: Db, key: string, event: InboundEvent, now: number): string | undefined {
  if (enqueueInbound(db, key, event, now)) return key;
  const held = statement(db, 'SELECT received_at AS receivedAt FROM inbound_queue WHERE channel = ? AND key = ?').get(event.channel, key) as { receivedAt: number } | undefined;
  if (!held || now - held.receivedAt < ORDER_RESETS_AFTER_MS) return undefined;
  const renumbered = `${key}#${createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 16)}`;
  return enqueueInbound(db, renumbered, event, now) ? renumbered : undefined;
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
 * transaction, taken with an immediate lock so two processes never handle the same update. Throws
 * FlowNotLoaded (nothing saved, the update still first) when it needs a flow still loading.
 */
export function processNextInbound(
  db: Db,
  core: ChatCore,
  channel: Channel,
  clock: Clock,
  log: Logger,
  answering: Answering | ((key: string) => Answering) = {},
): Processed | undefined {
  let claimed: { id: number; key: string; event: InboundEvent } | undefined;
  try {
    return inTransaction(
      db,
      (): Processed | undefined => {
        const row = nextPending(db).get({ channel });
        if (!row) return undefined;
        claimed = { id: row.id, key: row.key, event: inboundEvent.parse(row.event) };
        const processed = handleAndQueue(db, core, row.key, claimed.event, clock.now(), typeof answering === 'function' ? answering(row.key) : answering);
        markProcessed(db).run({ now: clock.now(), id: row.id });
        return processed;
      },
      { immediate: true, savepoint: true },
    );
  } catch (error) {
    // Not a failure: the update is handled again once its flow has loaded.
    if (error instanceof FlowNotLoaded) throw error;
    const fault = storageFault(error);
    if (fault) throw new InboundWaiting(fault, claimed ? [claimed.event] : [], error);
    if (!claimed) throw error;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error('inbound update failed', { channel: claimed.event.channel, id: claimed.id, error: message });
    db.update(inboundQueue).set({ processedAt: clock.now(), error: message }).where(eq(inboundQueue.id, claimed.id)).run();
    return { kind: 'failed', key: claimed.key, event: claimed.event };
  }
}

/** Telegram numbers updates anew (not in order) after a week without any: an older mark is not trusted. */
const ORDER_RESETS_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
const READ_MARK = 'SELECT value, updated_at AS at FROM settings WHERE key = ?';
/** Sets the mark: once a batch, at its end (and where the messenger restarted its numbering, at its start). */
const WRITE_MARK = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;
const RECORD_FAILED = `INSERT INTO inbound_queue (channel, key, event, received_at, processed_at, error) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT DO NOTHING`;

/** One update taken by long polling: its number in the channel's order, and how its replies are written. */
export interface InOrder {
  sequence: number;
  event: InboundEvent;
  answering?: Answering;
}

/**
 * Long polling: the messenger hands over a channel's updates one after another, numbered in order
 * (Telegram's update_id), and delivers again whatever it was not told we received (after a
 * restart). The core's work on a batch of updates and a mark "handled up to N" are one
 * transaction, so an update numbered N or below is a repeat: dropped. (One commit for a batch: the
 * pages many updates touch, the outbox's and the mark's, are written once.) Nothing else is written
 * per update; one that fails because of a fault of ours is undone alone (a savepoint), kept in the
 * inbound queue with its error, and the others stand, so nothing is lost. A database that cannot be
 * written for now throws InboundWaiting, and an update that needs a flow still loading FlowNotLoaded:
 * nothing of the batch was saved, and it is to be tried again.
 * `restartMark`: the messenger restarted its numbering below the mark (Telegram after a quiet
 * week, as its long polling saw): the mark starts again just below the first update.
 */
export function receiveInOrder(
  db: Db,
  core: ChatCore,
  updates: readonly InOrder[],
  clock: Clock,
  log: Logger,
  { restartMark = false }: { restartMark?: boolean } = {},
): (Processed | 'duplicate')[] {
  const now = clock.now();
  const first = updates[0];
  // The marks are read once and written once for the batch, in its transaction (taken immediate: no other process moves them meanwhile).
  const marks = new Map<string, { value: number; at: number } | undefined>();
  const markKey = (channel: Channel) => `inbound.${channel}.handled`;
  const restart = () => {
    if (restartMark && first) marks.set(markKey(first.event.channel), { value: first.sequence - 1, at: now });
  };
  /** Moves the mark up to the update's number; false (a repeat) when it is there already, unless the mark is too old to trust. */
  const advance = (event: InboundEvent, sequence: number) => {
    const key = markKey(event.channel);
    if (!marks.has(key)) {
      const row = statement(db, READ_MARK).get(key) as { value: string; at: number } | undefined;
      marks.set(key, row ? { value: Number.parseInt(row.value, 10) || 0, at: row.at } : undefined);
    }
    const mark = marks.get(key);
    if (mark && mark.value >= sequence && now - mark.at < ORDER_RESETS_AFTER_MS) return false;
    marks.set(key, { value: sequence, at: now });
    return true;
  };
  const writeMarks = () => {
    for (const [key, mark] of marks) if (mark?.at === now) statement(db, WRITE_MARK).run(key, String(mark.value), now);
  };
  const one = ({ sequence, event, answering }: InOrder): Processed | 'duplicate' => {
    const key = String(sequence);
    if (!advance(event, sequence)) return 'duplicate';
    try {
      return inTransaction(db, () => handleAndQueue(db, core, key, event, now, answering), { savepoint: true });
    } catch (error) {
      if (storageFault(error) || error instanceof FlowNotLoaded) throw error;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log.error('inbound update failed', { channel: event.channel, key, error: message });
      statement(db, RECORD_FAILED).run(event.channel, key, JSON.stringify(event), now, now, message);
      return { kind: 'failed', key, event };
    }
  };
  try {
    return inTransaction(
      db,
      () => {
        restart();
        const processed = updates.map(one);
        writeMarks();
        return processed;
      },
      { immediate: true },
    );
  } catch (error) {
    // Nothing was saved and the mark did not move: the caller tries the same updates again.
    const fault = storageFault(error);
    if (fault) throw new InboundWaiting(fault, updates.map((u) => u.event), error);
    throw error;
  }
}

/** Forgets processed updates older than `olderThan` (messengers redeliver within hours, not weeks); failed ones stay. */
export function pruneInbound(db: Db, olderThan: number): number {
  return db
    .delete(inboundQueue)
    .where(and(isNotNull(inboundQueue.processedAt), isNull(inboundQueue.error), lt(inboundQueue.receivedAt, olderThan)))
    .run().changes;
}
