/**
 * Runs a job after the current HTTP answer has gone out, one run at a time: a kick during a run
 * asks for one more run after it, so nothing stored meanwhile waits for the next delivery.
 */
import type { Logger } from '../../util/log.ts';

export class SerialWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly log: Logger,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.loop())
      .finally(() => {
        this.running = undefined;
        if (this.again) this.kick();
      });
  }

  /** True once stop() was called: a job should stop taking new work. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Resolves when no run is in progress (tests wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No more runs; waits for the one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.job();
      } catch (error) {
        this.log.error('zalo worker failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    } while (this.again && !this.stopped);
  }
}
