import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The pause between two tries of work that waits for something to pass (a database lock, a full
 * disk), which a stop can cut short for good: once halted, a pause never ends, so the work in hand
 * is abandoned as it is, for someone else to do again (Telegram delivers its update again).
 */
export class HaltablePause {
  private readonly halted = new AbortController();
  private pausing = false;

  async wait(ms: number): Promise<void> {
    this.pausing = true;
    // Rejects only when halted, which the next line answers.
    await sleep(ms, undefined, { signal: this.halted.signal }).catch(() => undefined);
    if (this.halted.signal.aborted) return new Promise<never>(() => undefined);
    this.pausing = false;
  }

  /** Halts every pause, now and later; true when work was pausing (and is now abandoned). */
  halt(): boolean {
    this.halted.abort();
    return this.pausing;
  }
}
