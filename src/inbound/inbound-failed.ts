/**
 * Updates that failed through a fault of ours stay in the inbound queue with their error (see
 * inbound.ts). Once the fault is fixed, an operator lists them and has them handled again: each in
 * one transaction that handles it, clears its error and puts the replies in the outbox (which the
 * running bot sends, or the bot sends when it starts), so an update is handled exactly once even
 * if two retries run at once. They go oldest first; when one fails again, that person's later
 * ones wait, so nobody's messages are taken out of order.
 */
import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/prepared.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import type { ChatCore, HandleResult } from '../chat/core.ts';
import { handleAndQueue } from './inbound.ts';
import { inboundEvent, type InboundEvent } from '../chat/types.ts';

export interface FailedUpdate {
  id: number;
  channel: string;
  key: string;
  receivedAt: number;
  failedAt: number;
  error: string;
  /** Undefined when the stored update no longer reads as an event. */
  event: InboundEvent | undefined;
  /** Who sent it, when that account is known: the person's name, else the messenger's display name. */
  sender: string | undefined;
}

interface Row {
  id: number;
  channel: string;
  key: string;
  event: string;
  receivedAt: number;
  processedAt: number;
  error: string;
}

const SELECT_FAILED = `SELECT id, channel, key, event, received_at AS receivedAt, processed_at AS processedAt, error
  FROM inbound_queue WHERE error IS NOT NULL ORDER BY id`;

function readEvent(raw: string): InboundEvent | undefined {
  try {
    const parsed = inboundEvent.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The failed updates, oldest first. */
export function listFailedInbound(db: Db): FailedUpdate[] {
  const rows = db.$client.prepare(SELECT_FAILED).all() as Row[];
  const senderOf = db.$client.prepare(
    'SELECT coalesce(p.full_name, i.display_name) AS name FROM identities i LEFT JOIN people p ON p.id = i.person_id WHERE i.channel = ? AND i.external_id = ?',
  );
  return rows.map((r) => {
    const event = readEvent(r.event);
    const sender = event ? (senderOf.get(event.channel, event.externalId) as { name: string | null } | undefined)?.name ?? event.displayName : undefined;
    return { id: r.id, channel: r.channel, key: r.key, receivedAt: r.receivedAt, failedAt: r.processedAt, error: r.error, event, sender: sender ?? undefined };
  });
}

type RetryOutcome =
  | { id: number; kind: 'handled'; result: HandleResult }
  | { id: number; kind: 'failed'; error: string }
  /** An earlier update of the same person failed again: this one waits for the next retry. */
  | { id: number; kind: 'waiting' }
  /** Already handled (by another retry), or no longer readable. */
  | { id: number; kind: 'skipped' };

/** Handles every failed update again, oldest first; see the top of this file. */
export function retryFailedInbound(db: Db, core: ChatCore, clock: Clock, log: Logger): RetryOutcome[] {
  const outcomes: RetryOutcome[] = [];
  const blocked = new Set<string>();
  const current = db.$client.prepare('SELECT key, event, error FROM inbound_queue WHERE id = ?');
  const clear = db.$client.prepare('UPDATE inbound_queue SET error = NULL, processed_at = ? WHERE id = ?');
  const recordError = db.$client.prepare('UPDATE inbound_queue SET error = ?, processed_at = ? WHERE id = ?');
  for (const { id } of db.$client.prepare('SELECT id FROM inbound_queue WHERE error IS NOT NULL ORDER BY id').all() as { id: number }[]) {
    let person: string | undefined;
    try {
      const outcome = inTransaction(
        db,
        (): RetryOutcome => {
          const row = current.get(id) as { key: string; event: string; error: string | null } | undefined;
          if (!row || row.error === null) return { id, kind: 'skipped' };
          const event = readEvent(row.event);
          if (!event) return { id, kind: 'skipped' };
          person = `${event.channel}:${event.externalId}`;
          if (blocked.has(person)) return { id, kind: 'waiting' };
          const { result } = handleAndQueue(db, core, row.key, event, clock.now());
          clear.run(clock.now(), id);
          return { id, kind: 'handled', result };
        },
        { immediate: true },
      );
      outcomes.push(outcome);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log.error('inbound update failed again', { id, error: message });
      recordError.run(message, clock.now(), id);
      if (person) blocked.add(person);
      outcomes.push({ id, kind: 'failed', error: message });
    }
  }
  return outcomes;
}
