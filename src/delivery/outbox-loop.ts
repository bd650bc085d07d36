import type { ChannelSender } from '../chat/channel.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../util/log.ts';
import { Dispatcher } from './dispatcher.ts';

/**
 * The outbox drained in the background, at each messenger's pace, and at once when kicked (a unit
 * just submitted). Kept for callers of the first version; it is the paced Dispatcher underneath.
 * A process should run one of these or startReminders (which owns a Dispatcher), not both.
 */
export class OutboxLoop {
  private dispatcher: Dispatcher | undefined;

  constructor(
    private readonly db: Db,
    private readonly senders: ChannelSender[],
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(intervalMs = 5_000): void {
    this.dispatcher ??= new Dispatcher({ db: this.db, senders: this.senders, clock: this.clock, log: this.log, pollMs: intervalMs }).start();
  }

  kick(): void {
    this.dispatcher?.kick();
  }

  /** Stops reading rows and waits for the sends in hand. */
  async stop(): Promise<void> {
    await this.dispatcher?.stop();
  }
}
