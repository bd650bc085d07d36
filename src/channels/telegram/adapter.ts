/**
 * Telegram as a channel: updates in (validated, stored in the inbound queue, handled by the core),
 * replies out as messages with inline keyboards. Only private chats hold conversations.
 */
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { ChannelSender, Outbound, SendResult } from '../../chat/channel.ts';
import type { ChatCore } from '../../chat/core.ts';
import { accountLocale, unreadableMessageKey } from '../../chat/store.ts';
import { waitedForFlow, type Job } from '../../chat/engine.ts';
import { receiveInOrder, type Processed } from '../../inbound/inbound.ts';
import { createInboundWorker, type InboundWorker } from '../../inbound/inbound-worker.ts';
import { noteStored, noteWaiting } from '../../inbound/storage-wait.ts';
import type { InboundEvent } from '../../chat/types.ts';
import { backoffMs } from '../../util/backoff.ts';
import { HaltablePause } from '../../util/haltable-pause.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { Db } from '../../db/connection.ts';
import { addSettingOnce } from '../../db/settings.ts';
import type { Clock } from '../../util/clock.ts';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '../../i18n/index.ts';
import type { Logger } from '../../util/log.ts';
import { keyboard, render, splitCaption } from './render.ts';
import { readUpdate, telegramUpdate, type ReadUpdate } from './update.ts';
import type { CommandMenus } from './commands.ts';

/**
 * A long poll's batch is handled this many updates to a transaction: one commit for a few updates
 * (not one each), and the first answers go out while the rest of a large batch is handled.
 */
const UPDATES_PER_TRANSACTION = 4;

interface TelegramChannelOptions {
  api: Api;
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  menus?: CommandMenus;
  defaultLocale?: Locale;
  /** The bot's @username, for the "write to me privately" link in groups. */
  username?: string;
  /** The paced way out for replies and notices (absent: they wait in the outbox for a dispatcher). */
  outbound?: Outbound;
  /** Given the work a message asked for (an export), to run after it. */
  onJob?: (job: Job) => void;
}

type Callback = NonNullable<Extract<ReadUpdate, { kind: 'event' }>['callback']>;
/** An update that goes to the conversation: its update_id as the key. */
interface ReadEvent {
  key: string;
  read: Extract<ReadUpdate, { kind: 'event' }>;
}

/** No dispatcher (a test's channel): replies wait in the outbox, notices not stored are dropped. */
const NO_OUTBOUND: Outbound = { claimant: undefined, push: () => undefined, kick: () => undefined, transient: () => undefined };

/** Telegram's 400 to an edit that would change nothing. */
const NOT_MODIFIED = /message is not modified/i;

/** What a failed Bot API call means for the outbox. */
function sendResultOf(error: unknown): SendResult {
  if (error instanceof GrammyError) {
    if (error.error_code === 403) return { ok: false, kind: 'unreachable', error: error.description };
    if (error.error_code === 429) {
      const retryAfter = error.parameters.retry_after;
      return { ok: false, kind: 'temporary', error: error.description, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}) };
    }
    if (error.error_code >= 500) return { ok: false, kind: 'temporary', error: error.description };
    return { ok: false, kind: 'permanent', error: error.description };
  }
  if (error instanceof HttpError) return { ok: false, kind: 'temporary', error: error.message };
  return { ok: false, kind: 'permanent', error: error instanceof Error ? error.message : String(error) };
}

/** The pressed question's message id: the replies update it or take its buttons away (see Answering). */
const pressedOf = (callback: Callback | undefined) => (callback?.messageId !== undefined ? String(callback.messageId) : undefined);

export class TelegramChannel implements ChannelSender {
  readonly channel = 'telegram' as const;
  private readonly callbacks = new Map<string, Callback>();

  /** Webhook: the shared inbound worker works through the stored updates (made on first use). */
  private queueWorker: InboundWorker | undefined;
  /** Long polling: the pause while an update waits for the database (locked, full); `halt()` leaves it for Telegram to deliver again. */
  private readonly retryPause = new HaltablePause();

  constructor(private readonly options: TelegramChannelOptions) {}

  /** The inbound queue's worker (inbound/inbound-worker.ts), with Telegram's ways: numbered updates, pressed buttons, menus. */
  private get queue(): InboundWorker {
    const { db, core, clock, log, onJob } = this.options;
    this.queueWorker ??= createInboundWorker({
      channel: 'telegram',
      db,
      core,
      clock,
      log,
      outbound: this.options.outbound ?? NO_OUTBOUND,
      onJob,
      numbered: true,
      pressed: (key) => pressedOf(this.callbacks.get(key)),
      say: (externalId, id, hint) => ({ text: t(this.localeFor(externalId, hint), id) }),
      faultText: 'tg-internal-error',
      taken: (processed) => {
        const callback = this.callbacks.get(processed.key);
        this.callbacks.delete(processed.key);
        if (callback) this.ack(callback.id, processed.kind === 'handled' && processed.result.stale ? this.staleNotice(processed.event) : undefined);
      },
      handled: (result, event) => void this.options.menus?.refreshFor(Number(event.externalId), result.identityId),
    });
    return this.queueWorker;
  }

  /**
   * Long polling: handles a batch of updates in update_id order, marks them handled and writes their
   * replies to the outbox, a few updates to a transaction (UPDATES_PER_TRANSACTION), handing each
   * transaction's replies to the dispatcher as it commits. Nothing here
   * waits for the network, and each person's answers go out in order. Telegram delivers an update
   * again if we stop before the end, and a repeat is recognised by its update_id. While the
   * database cannot take the batch (another process holds the lock, the disk is full), it is tried
   * again after a backoff: no other update is taken meanwhile. `renumbered`: Telegram restarted
   * its numbering below the stored mark (see poller.ts), which then starts again from these updates.
   */
  async receive(raws: readonly unknown[], { renumbered = false }: { renumbered?: boolean } = {}): Promise<void> {
    let events: ReadEvent[] = [];
    let restartMark = renumbered;
    const handleGathered = async () => {
      if (events.length === 0) return;
      await this.handleInOrder(events, restartMark);
      restartMark = false;
      events = [];
    };
    for (const raw of raws) {
      const read = this.read(raw);
      if (typeof read === 'function') {
        // An answer that needs no conversation follows the replies to the updates before it.
        await handleGathered();
        read();
      } else if (read) {
        events.push(read);
        if (events.length >= UPDATES_PER_TRANSACTION) {
          await handleGathered();
          // The replies just written go out now, not after the rest of the batch.
          await setImmediatePromise();
        }
      }
    }
    await handleGathered();
  }

  private async handleInOrder(events: readonly ReadEvent[], restartMark: boolean): Promise<void> {
    const { db, core, clock, log } = this.options;
    const claimant = this.options.outbound?.claimant;
    const updates = events.map(({ key, read }) => ({ sequence: Number(key), event: read.event, answering: { pressed: pressedOf(read.callback), claimant } }));
    let processed: (Processed | 'duplicate')[];
    for (let attempt = 0; ; attempt++) {
      try {
        processed = receiveInOrder(db, core, updates, clock, log, { restartMark });
        break;
      } catch (error) {
        if (await waitedForFlow(error)) continue;
        if (!noteWaiting(error, log, 'telegram polling', (event) => this.tellWaiting(event))) throw error;
        await this.retryPause.wait(backoffMs(attempt));
      }
    }
    noteStored(log);
    processed.forEach((done, i) => {
      const { callback, event } = events[i]!.read;
      if (callback) this.ack(callback.id, done !== 'duplicate' && done.kind === 'handled' && done.result.stale ? this.staleNotice(event) : undefined);
      if (done !== 'duplicate') this.answer(done);
    });
  }

  /**
   * Stops long polling's wait for the database: the update in hand is neither handled nor marked,
   * and the stop must not tell Telegram it was taken (true: it waits), so it is delivered again
   * after the restart. Its receive() then never finishes; the process is ending anyway.
   */
  halt(): boolean {
    return this.retryPause.halt();
  }

  /**
   * Webhook: stores the update now, before Telegram gets its answer; the queue is worked through
   * right after. Nothing is lost if the process stops in between. Throws when the database cannot
   * take it now: the webhook then answers 503 and Telegram delivers it again.
   */
  accept(raw: unknown): boolean {
    const read = this.read(raw);
    if (typeof read === 'function') read();
    return read !== undefined && typeof read !== 'function' && this.store(read);
  }

  /** Works through the queue (updates left by a stop or a crash first), again after a backoff while the database cannot take them. */
  startQueue(): void {
    this.queue.kick();
  }

  /** Stops working through the queue, after the update in hand. */
  stopQueue(): Promise<void> {
    return this.queueWorker?.stop() ?? Promise.resolve();
  }

  /** Resolves when the stored updates taken so far are handled. */
  idle(): Promise<void> {
    return this.queueWorker?.idle() ?? Promise.resolve();
  }

  /**
   * Validates an update: a conversation's event to handle, or the answer to one that needs no
   * conversation (a group, a refused file), to give in its turn, or nothing (ignored, not understood).
   */
  private read(raw: unknown): ReadEvent | (() => void) | undefined {
    const parsed = telegramUpdate.safeParse(raw);
    if (!parsed.success) {
      this.options.log.warn('telegram update not understood', { issues: parsed.error.issues.length });
      return undefined;
    }
    const read = readUpdate(parsed.data);
    switch (read.kind) {
      case 'ignore':
        return undefined;
      case 'group':
        return () => this.answerGroupOnce(read.chatId);
      case 'file-refused':
        return () => this.options.outbound?.transient('telegram', String(read.chatId), { text: t(this.localeFor(String(read.chatId), read.localeHint), `tg-file-refused-${read.reason}`) });
      case 'unreadable':
        return () => this.options.outbound?.transient('telegram', String(read.chatId), { text: t(this.localeFor(String(read.chatId), read.localeHint), unreadableMessageKey(this.options.db, 'telegram', String(read.chatId))) });
      case 'event':
        return { key: String(parsed.data.update_id), read };
    }
  }

  /** Puts a read update in the inbound queue (a number Telegram reused: see enqueueNumbered); false (and the button acknowledged) when it came before. */
  private store({ key: number, read }: ReadEvent): boolean {
    const key = this.queue.enqueue(number, read.event);
    if (read.callback) {
      if (key !== undefined) this.callbacks.set(key, read.callback);
      else this.ack(read.callback.id);
    }
    return key !== undefined;
  }

  /** Tells a person, once while the disk stays full, that their message waits (sent by the dispatcher from memory). */
  private tellWaiting(event: InboundEvent): void {
    this.options.outbound?.transient('telegram', event.externalId, { text: t(this.localeFor(event.externalId, event.localeHint), 'storage-waiting') });
  }

  /** The toast on a button of an earlier question. */
  private staleNotice(event: InboundEvent): string {
    return t(this.localeFor(event.externalId, event.localeHint), 'tg-stale-button');
  }

  /** Hands the replies to the dispatcher, and runs what the message asked for. */
  private answer(processed: Processed): void {
    const { outbound } = this.options;
    if (processed.kind === 'failed') {
      outbound?.transient('telegram', processed.event.externalId, { text: t(this.localeFor(processed.event.externalId), 'tg-internal-error') });
      return;
    }
    outbound?.push(processed.replies);
    if (processed.notified) outbound?.kick();
    for (const job of processed.result.jobs) this.options.onJob?.(job);
    void this.options.menus?.refreshFor(Number(processed.event.externalId), processed.result.identityId);
  }

  /** ChannelSender: one outbox row (a reply, a notice, a reminder), in as many calls as it takes. */
  async send(externalId: string, message: OutboundMessage): Promise<SendResult> {
    try {
      await this.sendOne(Number(externalId), message);
      return { ok: true };
    } catch (error) {
      // An unreachable person is marked by the outbox as it settles the row (settleRow), not here.
      return sendResultOf(error);
    }
  }

  private async sendOne(chatId: number, message: OutboundMessage): Promise<void> {
    const { api } = this.options;
    if (message.replaces !== undefined) {
      // Rendered now, at send time: a question that no longer fits one message is not edited into the pressed one, whose buttons go instead.
      if (render(message).length === 1) {
        if (await this.edit(chatId, Number(message.replaces), message)) return;
      } else if (message.retire === undefined) message = { ...message, retire: message.replaces };
    }
    // Taking the dead buttons away is not a message: it goes alongside the answer, not a round trip before it.
    const retiring = message.retire !== undefined ? this.clearKeyboard(chatId, Number(message.retire)) : undefined;
    const sending = async () => {
      const attached = message.image ?? message.file;
      if (attached) {
        // A caption over Telegram's limit: the file with its first part, the rest as messages after it.
        const { caption, rest } = splitCaption(message.text);
        // The buttons go on the last message: the file's own when its caption holds the whole text.
        const markup = rest === '' ? keyboard(message) : undefined;
        const extra = { ...(caption ? { caption } : {}), ...(markup ? { reply_markup: markup } : {}) };
        const input = new InputFile(attached.path, attached.name);
        if (message.image) await api.sendPhoto(chatId, input, extra);
        else await api.sendDocument(chatId, input, extra);
        if (rest === '') return;
        for (const part of render({ ...message, text: rest })) await api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
        return;
      }
      if (message.text === '') return;
      for (const part of render(message)) await api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
    };
    await Promise.all([retiring, sending()]);
  }

  /**
   * Edits a question in place; false when Telegram will not (too old, deleted): it is sent anew then.
   * "Message is not modified" (the same text and buttons) means the question shows already: done.
   */
  private async edit(chatId: number, messageId: number, message: OutboundMessage): Promise<boolean> {
    const [part] = render(message);
    try {
      await this.options.api.editMessageText(chatId, messageId, part!.text, part!.reply_markup ? { reply_markup: part!.reply_markup } : {});
      return true;
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500)) throw error;
      if (error instanceof HttpError) throw error;
      if (error instanceof GrammyError && NOT_MODIFIED.test(error.description)) return true;
      this.options.log.debug('telegram edit failed, sending instead', { error: String(error) });
      return false;
    }
  }

  private async clearKeyboard(chatId: number, messageId: number): Promise<void> {
    await this.options.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }).catch((error: unknown) => {
      if (error instanceof GrammyError && error.error_code === 429) throw error;
    });
  }

  /** Stops the button's spinner: not a message (no flood limit), so not paced; never waited for. */
  private ack(callbackId: string, text?: string): void {
    this.options.api.answerCallbackQuery(callbackId, text ? { text } : {}).catch((error: unknown) => {
      this.options.log.debug('telegram callback answer failed', { error: String(error) });
    });
  }

  /** In a group the bot says once how to reach it privately, then keeps quiet there. */
  private answerGroupOnce(chatId: number): void {
    const { db, clock, username, outbound } = this.options;
    const key = `telegram.group-told.${chatId}`;
    if (!addSettingOnce(db, key, '1', clock.now())) return;
    const locale = this.options.defaultLocale ?? DEFAULT_LOCALE;
    outbound?.transient('telegram', String(chatId), { text: t(locale, 'tg-group-only-private', { link: username ? `https://t.me/${username}` : '@bot' }) });
  }

  private localeFor(externalId: string, hint?: string): Locale {
    const fromHint = hint?.slice(0, 2);
    return accountLocale(this.options.db, 'telegram', externalId) ?? (isLocale(fromHint) ? fromHint : (this.options.defaultLocale ?? DEFAULT_LOCALE));
  }
}
