/**
 * The inbound side of a channel whose messenger pushes updates without an order to rely on (a
 * webhook, the Zalo Bot Platform's polling): each update is stored in the durable inbound queue
 * under the messenger's own id (a repeat is dropped), then a serial worker has the chat core
 * handle the queue, each update's replies written to the outbox with it and handed to the dispatcher.
 */
import { waitedForFlow, type Job } from '../chat/engine.ts';
import type { HandleResult } from '../chat/core.ts';
import type { ChatCore } from '../chat/core.ts';
import type { Outbound } from '../chat/channel.ts';
import { enqueueInbound, enqueueNumbered, processNextInbound, type Processed } from './inbound.ts';
import { noteNotStored, noteStored, noteWaiting } from './storage-wait.ts';
import type { InboundEvent, OutboundMessage } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import { SerialWorker } from '../util/serial-worker.ts';
import type { Channel } from '../domain/model.ts';

interface InboundWorkerOptions {
  channel: Channel;
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  outbound: Outbound;
  onJob?: ((job: Job) => void) | undefined;
  /** A person's message in their language (the fault and waiting notices); `localeHint`: the messenger's language setting. */
  say(externalId: string, id: string, localeHint?: string): OutboundMessage;
  /** After an update was handled (e.g. to learn the person's name). */
  handled?(result: HandleResult, event: InboundEvent): void;
  /** After an update was handled or failed, before its replies go out (Telegram stops the pressed button's spinner). */
  taken?(processed: Processed): void;
  /** The messenger numbers its updates and reuses the numbers after a while (Telegram's update_id): kept by enqueueNumbered. */
  numbered?: boolean;
  /** The messenger's id of the question whose button the update pressed, if any (Telegram: see Answering). */
  pressed?(key: string): string | undefined;
  /** The notice for an update that failed on our side (default `zalo-internal-error`). */
  faultText?: string;
}

export interface InboundWorker {
  /**
   * Stores a delivered update; throws when the database cannot take it (the webhook answers 503, the
   * messenger delivers it again). Returns the key it is kept under, undefined for a repeat.
   */
  enqueue(key: string, event: InboundEvent): string | undefined;
  /** Handles what waits in the queue (updates left by a stop or a crash). */
  kick(): void;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createInboundWorker(options: InboundWorkerOptions): InboundWorker {
  const { channel, db, core, clock, log, outbound } = options;
  const where = `${channel} worker`;
  const tellWaiting = (event: InboundEvent) => outbound.transient(channel, event.externalId, options.say(event.externalId, 'storage-waiting', event.localeHint));

  // Each update is one short transaction that also writes its replies to the outbox; the
  // dispatcher sends them, many people's at once, so the queue never waits on the messenger.
  // An update the database cannot take for now stays first in the queue: the worker tries again after a backoff.
  const work = async () => {
    while (!worker.stopping) {
      let next: Processed | undefined;
      try {
        next = processNextInbound(db, core, channel, clock, log, (key) => ({ claimant: outbound.claimant, pressed: options.pressed?.(key) }));
      } catch (error) {
        if (await waitedForFlow(error)) continue;
        throw error;
      }
      if (!next) return;
      noteStored(log);
      options.taken?.(next);
      if (next.kind === 'failed') {
        // An answer to the person's message (on Zalo, a free reply to it).
        const replyTo = next.event.messageId ? { replyTo: { id: next.event.messageId, at: clock.now() } } : {};
        outbound.transient(channel, next.event.externalId, { ...options.say(next.event.externalId, options.faultText ?? 'zalo-internal-error'), ...replyTo });
        continue;
      }
      outbound.push(next.replies);
      if (next.notified) outbound.kick();
      for (const job of next.result.jobs) options.onJob?.(job);
      options.handled?.(next.result, next.event);
      // Let the HTTP server take the next webhook call between two updates.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const worker = new SerialWorker(work, (error) => {
    if (!noteWaiting(error, log, where, tellWaiting)) log.error(`${channel} worker failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });

  return {
    enqueue(key, event) {
      let stored: string | undefined;
      try {
        stored = options.numbered ? enqueueNumbered(db, key, event, clock.now()) : enqueueInbound(db, key, event, clock.now()) ? key : undefined;
      } catch (error) {
        noteNotStored(error, event, log, `${channel} inbound`, tellWaiting);
        throw error;
      }
      if (stored !== undefined) worker.kick();
      else log.debug(`${channel} delivery repeated`, { key });
      return stored;
    },
    kick: () => worker.kick(),
    idle: () => worker.idle(),
    stop: () => worker.stop(),
  };
}
