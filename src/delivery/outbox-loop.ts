import type { ChannelSender } from '../chat/channel.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../util/log.ts';
import { drainOutbox } from './outbox.ts';

/**
 * Drains the outbox now and then, and at once when kicked (a unit just submitted): one drain at a
 * time, and a kick during a drain runs one more right after it.
 */
export class OutboxLoop {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly senders: ChannelSender[],
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await drainOutbox(this.db, this.senders, this.clock, this.log);
        } catch (error) {
          this.log.error('outbox drain failed', { error: String(error) });
        }
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Stops the timer and waits for the drain in hand. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
