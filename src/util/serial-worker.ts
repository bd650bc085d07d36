/**
 * Runs a job after the current HTTP answer has gone out, one run at a time: a kick during a run
 * asks for one more run after it, so nothing stored meanwhile waits for the next delivery. A run
 * that throws (the database locked by another process, a full disk) left its work in the queue:
 * it is run again after a bounded backoff, without waiting for the next delivery.
 */
import { backoffMs } from './backoff.ts';

export class SerialWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly job: () => Promise<void>,
    /** Told each failed run (to log it); the run is tried again after a backoff. */
    private readonly onFailure: (error: unknown) => void,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.retry) {
      clearTimeout(this.retry);
      this.retry = undefined;
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
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.job();
        this.failures = 0;
      } catch (error) {
        this.onFailure(error);
        // Not `again`: a kick meanwhile would only fail the same way; the timer (or a new kick) tries again.
        this.again = false;
        if (!this.stopped) this.retry = setTimeout(() => this.kick(), backoffMs(this.failures++));
        return;
      }
    } while (this.again && !this.stopped);
  }
}
