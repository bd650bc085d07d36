/**
 * Telegram as a channel: updates in (validated, stored in the inbound queue, handled by the core),
 * replies out as messages with inline keyboards. Only private chats hold conversations.
 */
import { and, eq } from 'drizzle-orm';
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { ChannelSender, SendResult } from '../../chat/channel.ts';
import type { ChatCore } from '../../chat/core.ts';
import type { Job } from '../../chat/engine.ts';
import { enqueueInbound, processPendingInbound, receiveInOrder, type Processed } from '../../chat/inbound.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { Db } from '../../db/connection.ts';
import { identities, people, settings } from '../../db/schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '../../i18n/index.ts';
import type { Logger } from '../../util/log.ts';
import { render } from './render.ts';
import { readUpdate, telegramUpdate, type ReadUpdate } from './update.ts';
import type { CommandMenus } from './commands.ts';

export interface TelegramChannelOptions {
  api: Api;
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  menus?: CommandMenus;
  defaultLocale?: Locale;
  /** The bot's @username, for the "write to me privately" link in groups. */
  username?: string;
  /** Told when the core queued notifications for other people. */
  onNotified?: () => void;
  /** Given the work a message asked for (an export), to run after it. */
  onJob?: (job: Job) => void;
}

type Callback = NonNullable<Extract<ReadUpdate, { kind: 'event' }>['callback']>;

/** What a failed Bot API call means for the outbox. */
export function sendResultOf(error: unknown): SendResult {
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

export class TelegramChannel implements ChannelSender {
  readonly channel = 'telegram' as const;
  private readonly callbacks = new Map<string, Callback>();

  constructor(private readonly options: TelegramChannelOptions) {}

  /**
   * Long polling: handles the update and marks it handled in one transaction. Telegram delivers it
   * again if we stop before the end, and a repeated delivery is recognised by its update_id.
   */
  async receive(raw: unknown): Promise<void> {
    const key = await this.read(raw);
    if (key === undefined) return;
    const { db, core, clock, log } = this.options;
    const read = this.pending.get(key)!;
    this.pending.delete(key);
    const processed = receiveInOrder(db, core, Number(key), read.event, clock, log);
    if (processed === 'duplicate') {
      if (read.callback) await this.ack(read.callback.id);
      return;
    }
    if (read.callback) this.callbacks.set(key, read.callback);
    await this.answer(processed);
  }

  /**
   * Webhook: stores the update now, before Telegram gets its answer; `processQueue` handles it
   * right after. Nothing is lost if the process stops in between.
   */
  async accept(raw: unknown): Promise<boolean> {
    const key = await this.read(raw);
    return key !== undefined && this.store(key);
  }

  /** Handles whatever waits in the queue for Telegram (new updates, and any left by a crash). */
  async processQueue(): Promise<void> {
    const { db, core, clock, log } = this.options;
    for (const processed of processPendingInbound(db, core, 'telegram', clock, log)) await this.answer(processed);
  }

  private readonly pending = new Map<string, Extract<ReadUpdate, { kind: 'event' }>>();

  /** Validates an update and answers what needs no conversation; the key of an update to store, if any. */
  private async read(raw: unknown): Promise<string | undefined> {
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
        await this.answerGroupOnce(read.chatId);
        return undefined;
      case 'file-refused':
        await this.deliver(read.chatId, [{ text: t(this.localeFor(String(read.chatId), read.localeHint), `tg-file-refused-${read.reason}`) }]);
        return undefined;
      case 'event': {
        const key = String(parsed.data.update_id);
        this.pending.set(key, read);
        return key;
      }
    }
  }

  /** Puts a read update in the inbound queue; false (and the button acknowledged) when it came before. */
  private store(key: string): boolean {
    const read = this.pending.get(key)!;
    this.pending.delete(key);
    const fresh = enqueueInbound(this.options.db, key, read.event, this.options.clock.now());
    if (read.callback) {
      if (fresh) this.callbacks.set(key, read.callback);
      else void this.ack(read.callback.id);
    }
    return fresh;
  }

  private async answer(processed: Processed): Promise<void> {
    const chatId = Number(processed.event.externalId);
    const callback = this.callbacks.get(processed.key);
    this.callbacks.delete(processed.key);
    if (processed.kind === 'failed') {
      if (callback) await this.ack(callback.id);
      await this.deliver(chatId, [{ text: t(this.localeFor(processed.event.externalId), 'tg-internal-error') }]);
      return;
    }
    const { result } = processed;
    if (result.notified) this.options.onNotified?.();
    for (const job of result.jobs) this.options.onJob?.(job);
    await this.options.menus?.refreshFor(chatId, result.identityId);
    if (!callback) {
      await this.deliver(chatId, result.replies);
      return;
    }
    if (result.stale) {
      // A double tap or an old message: say so briefly and take the dead buttons away.
      await this.ack(callback.id, t(this.localeFor(processed.event.externalId), 'tg-stale-button'));
      if (callback.messageId !== undefined) await this.clearKeyboard(chatId, callback.messageId);
      return;
    }
    await this.ack(callback.id);
    const [first, ...rest] = result.replies;
    if (callback.messageId !== undefined && first && result.sameQuestion && render(first).length === 1) {
      // The same question, updated (a ticked title): edit it in place instead of piling up messages.
      await this.edit(chatId, callback.messageId, first);
      await this.deliver(chatId, rest);
      return;
    }
    if (callback.messageId !== undefined) await this.clearKeyboard(chatId, callback.messageId);
    await this.deliver(chatId, result.replies);
  }

  /** ChannelSender: a message that is not a reply (a notification, a reminder). */
  async send(externalId: string, message: OutboundMessage): Promise<SendResult> {
    try {
      await this.sendOne(Number(externalId), message);
      return { ok: true };
    } catch (error) {
      return sendResultOf(error);
    }
  }

  private async sendOne(chatId: number, message: OutboundMessage): Promise<void> {
    const { api } = this.options;
    if (message.file) {
      await api.sendDocument(chatId, new InputFile(message.file.path, message.file.name), message.text ? { caption: message.text.slice(0, 1024) } : {});
      return;
    }
    for (const part of render(message)) await api.sendMessage(chatId, part.text, part.reply_markup ? { reply_markup: part.reply_markup } : {});
  }

  /** Sends replies in order; a person who blocked the bot is marked unreachable, nothing is retried here. */
  private async deliver(chatId: number, replies: OutboundMessage[]): Promise<void> {
    for (const reply of replies) {
      try {
        await this.sendOne(chatId, reply);
      } catch (error) {
        const outcome = sendResultOf(error);
        if (!outcome.ok && outcome.kind === 'unreachable') this.markUnreachable(String(chatId), outcome.error);
        this.options.log.warn('telegram reply not delivered', { chatId, error: outcome.ok ? '' : outcome.error });
        return;
      }
    }
  }

  private async edit(chatId: number, messageId: number, message: OutboundMessage): Promise<void> {
    const [part] = render(message);
    try {
      await this.options.api.editMessageText(chatId, messageId, part!.text, part!.reply_markup ? { reply_markup: part!.reply_markup } : {});
    } catch (error) {
      // The message may be too old to edit: send the question anew instead.
      this.options.log.debug('telegram edit failed, sending instead', { error: String(error) });
      await this.deliver(chatId, [message]);
    }
  }

  private async clearKeyboard(chatId: number, messageId: number): Promise<void> {
    await this.options.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
  }

  private async ack(callbackId: string, text?: string): Promise<void> {
    await this.options.api.answerCallbackQuery(callbackId, text ? { text } : {}).catch((error: unknown) => {
      this.options.log.debug('telegram callback answer failed', { error: String(error) });
    });
  }

  /** In a group the bot says once how to reach it privately, then keeps quiet there. */
  private async answerGroupOnce(chatId: number): Promise<void> {
    const { db, clock, api, username } = this.options;
    const key = `telegram.group-told.${chatId}`;
    const fresh = db.insert(settings).values({ key, value: '1', updatedAt: clock.now() }).onConflictDoNothing().run();
    if (fresh.changes === 0) return;
    const locale = this.options.defaultLocale ?? DEFAULT_LOCALE;
    await api.sendMessage(chatId, t(locale, 'tg-group-only-private', { link: username ? `https://t.me/${username}` : '@bot' })).catch(() => undefined);
  }

  private markUnreachable(externalId: string, reason: string): void {
    this.options.db
      .update(identities)
      .set({ unreachableAt: this.options.clock.now(), unreachableReason: reason })
      .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, externalId)))
      .run();
  }

  private localeFor(externalId: string, hint?: string): Locale {
    const row = this.options.db
      .select({ identity: identities.locale, person: people.locale })
      .from(identities)
      .leftJoin(people, eq(people.id, identities.personId))
      .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, externalId)))
      .get();
    const fromHint = hint?.slice(0, 2);
    return row?.person ?? row?.identity ?? (isLocale(fromHint) ? fromHint : (this.options.defaultLocale ?? DEFAULT_LOCALE));
  }
}
