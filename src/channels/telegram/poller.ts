/**
 * Telegram long polling that asks for the next updates while it handles the ones in hand, and
 * tells Telegram an update is taken only once it is handled.
 *
 * grammY's `bot.start` asks again only after the whole batch is handled, so every update waits a
 * round trip plus the handling of the batch before it; @grammyjs/runner fetches ahead but handles
 * updates out of order and confirms them before they are handled, which the "handled up to
 * update_id" mark (receiveInOrder) cannot follow. Here each call's offset confirms only what is
 * handled already: the batch in hand comes back with the next one and is skipped in memory (the
 * mark catches any repeat after a restart). The new updates of a batch are handled together, in
 * update_id order (one transaction for them all: see receiveInOrder).
 */
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../util/log.ts';

/** Telegram holds a long poll this long when nothing comes. */
const LONG_POLL_SECONDS = 30;
/** Waits after a failed call: 1 s doubling to 30 s (Telegram's retry_after when it names one). */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export interface LongPollerOptions {
  api: Api;
  allowedUpdates: readonly string[];
  /** Handles updates, in order; resolves when they are handled (it may wait for the database meanwhile). */
  handle(updates: Update[]): Promise<void>;
  log: Logger;
}

type Fetched = { updates: Update[] } | { stopped: true } | { fatal: GrammyError };

export class LongPoller {
  private running = false;
  private readonly abort = new AbortController();
  private wakeRetry: (() => void) | undefined;
  /** The highest update_id handled by this process. */
  private handledUpTo = 0;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: LongPollerOptions) {}

  /** Polls until stopped; the promise rejects with the GrammyError when Telegram refuses the bot (401) or another poller holds it (409). */
  start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
    return this.loop;
  }

  /** Stops asking; the update in hand is finished first. */
  stopFetching(): void {
    this.running = false;
    this.abort.abort();
    this.wakeRetry?.();
  }

  /** Waits for the update in hand, then tells Telegram what was handled (a repeat would be recognised anyway). */
  async stop(): Promise<void> {
    this.stopFetching();
    await this.loop.catch(() => undefined);
    if (this.handledUpTo > 0) await this.options.api.getUpdates({ offset: this.handledUpTo + 1, limit: 1, timeout: 0 });
  }

  private async run(): Promise<void> {
    let fetched = await this.fetch();
    while ('updates' in fetched) {
      // Asked before this batch is handled, confirming only what is handled: the batch comes back with it.
      const next = this.fetch();
      const fresh = fetched.updates.filter((update) => update.update_id > this.handledUpTo);
      if (this.running && fresh.length > 0) {
        await this.options.handle(fresh);
        this.handledUpTo = fresh.at(-1)!.update_id;
      }
      fetched = await next;
    }
    if ('fatal' in fetched) throw fetched.fatal;
  }

  /** One getUpdates call, tried again after a pause when it fails for a passing reason. Never rejects. */
  private async fetch(): Promise<Fetched> {
    const { api, allowedUpdates, log } = this.options;
    for (let failures = 0; this.running; failures++) {
      try {
        const updates = await api.getUpdates(
          { offset: this.handledUpTo + 1, timeout: LONG_POLL_SECONDS, allowed_updates: [...allowedUpdates] as never },
          // grammY types its signal with the abort-controller package's type; Node's is the same thing.
          this.abort.signal as Parameters<Api['getUpdates']>[1],
        );
        return { updates };
      } catch (error) {
        if (!this.running) break;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) return { fatal: error };
        const named = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const waitMs = named !== undefined ? named * 1000 : Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(failures, 10));
        log.warn('telegram getUpdates failed, trying again', { error: String(error), waitMs });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeRetry = undefined;
      }
    }
    return { stopped: true };
  }
}
