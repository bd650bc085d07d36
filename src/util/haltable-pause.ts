/**
 * The pause between two tries of work that waits for something to pass (a database lock, a full
 * disk), which a stop can cut short for good: once halted, a pause never ends, so the work in hand
 * is abandoned as it is, for someone else to do again (Telegram delivers its update again).
 */
export class HaltablePause {
  private wake: (() => void) | undefined;
  private halted = false;
  private pausing = false;

  async wait(ms: number): Promise<void> {
    this.pausing = true;
    if (!this.halted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    if (this.halted) return new Promise<never>(() => undefined);
    this.pausing = false;
  }

  /** Halts every pause, now and later; true when work was pausing (and is now abandoned). */
  halt(): boolean {
    this.halted = true;
    this.wake?.();
    return this.pausing;
  }
}
