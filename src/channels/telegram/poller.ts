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
 *
 * After a week without updates Telegram numbers the next ones from a random value, which may be
 * lower than the last handled. Telegram never returns an update below the offset asked for
 * otherwise, so one that comes back lower means the numbering restarted: it is taken (the handler
 * is told, to reset its stored mark too) and the mark starts again from it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../util/log.ts';

/** Telegram holds a long poll this long when nothing comes. */
const LONG_POLL_SECONDS = 30;
/** Waits after a failed call: 1 s doubling to 30 s (Telegram's retry_after when it names one). */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

interface LongPollerOptions {
  api: Api;
  allowedUpdates: readonly string[];
  /**
   * Handles updates, in order; resolves when they are handled (it may wait for the database meanwhile).
   * `renumbered`: Telegram restarted its numbering below the last update handled (see the top of this file).
   */
  handle(updates: Update[], renumbered: boolean): Promise<void>;
  log: Logger;
}

type Fetched = { updates: Update[]; offset: number } | { stopped: true } | { fatal: GrammyError };

export class LongPoller {
  private running = false;
  private readonly abort = new AbortController();
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
      const { updates, offset } = fetched;
      const renumbered = updates.some((update) => update.update_id < offset);
      if (renumbered) this.options.log.warn('telegram restarted its update numbering; taking the lower ones', { offset, first: updates[0]!.update_id });
      // Asked before this batch is handled, confirming only what is handled: the batch comes back with it.
      // Not after a renumbering: the old offset would confirm the new updates before they are handled.
      const next = renumbered ? undefined : this.fetch();
      const fresh = updates.filter((update) => update.update_id > this.handledUpTo || update.update_id < offset);
      if (this.running && fresh.length > 0) {
        await this.options.handle(fresh, renumbered);
        this.handledUpTo = fresh.at(-1)!.update_id;
      }
      fetched = await (next ?? this.fetch());
    }
    if ('fatal' in fetched) throw fetched.fatal;
  }

  /** One getUpdates call, tried again after a pause when it fails for a passing reason. Never rejects. */
  private async fetch(): Promise<Fetched> {
    const { api, allowedUpdates, log } = this.options;
    for (let failures = 0; this.running; failures++) {
      const offset = this.handledUpTo + 1;
      try {
        const updates = await api.getUpdates(
          { offset, timeout: LONG_POLL_SECONDS, allowed_updates: [...allowedUpdates] as never },
          // grammY types its signal with the abort-controller package's type; Node's is the same thing.
          this.abort.signal as Parameters<Api['getUpdates']>[1],
        );
        return { updates, offset };
      } catch (error) {
        if (!this.running) break;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) return { fatal: error };
        const named = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const waitMs = named !== undefined ? named * 1000 : Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(failures, 10));
        log.warn('telegram getUpdates failed, trying again', { error: String(error), waitMs });
        // Cut short by stopFetching (the abort), after which the loop ends.
        await sleep(waitMs, undefined, { signal: this.abort.signal }).catch(() => undefined);
      }
    }
    return { stopped: true };
  }
}
