/**
 * Starting and stopping the Telegram channel: long polling by default, or a webhook on the bot's
 * HTTP server when TELEGRAM_WEBHOOK_URL is set.
 */
import { createHash } from 'node:crypto';
import { Bot, GrammyError } from 'grammy';
import type { ChannelDeps } from '../../chat/channel.ts';
import type { Config } from '../../config.ts';
import { rememberTelegramUsername } from '../../domain/invites.ts';
import { secretWebhookRoute, type Route } from '../../http/server.ts';
import { TelegramChannel } from './adapter.ts';
import { recordTelegramCalls } from './call-health.ts';
import { CommandMenus } from './commands.ts';
import { telegramFileFetcher } from './files.ts';
import { LongPoller } from './poller.ts';
import type { FileFetcher } from '../../chat/files.ts';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Another process is already polling this token (Telegram answers 409): we must not fight it. */
export class TelegramConflictError extends Error {
  constructor() {
    super('another instance is already polling this Telegram bot token');
  }
}

export interface StartedTelegram {
  channel: TelegramChannel;
  username: string;
  routes: Route[];
  /** Resolves when polling ends; rejects with TelegramConflictError on a 409. */
  stopped: Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the stored updates taken so far are handled (webhook mode). */
  idle(): Promise<void>;
  /** Downloads a file a person sent (a filled form). */
  fetchFile: FileFetcher;
}

type TelegramDeps = ChannelDeps;

/** A stable secret for the webhook header when none is configured: derived from the token, never sent elsewhere. */
export const webhookSecret = (config: Config) =>
  config.TELEGRAM_WEBHOOK_SECRET ?? createHash('sha256').update(`webhook:${config.TELEGRAM_BOT_TOKEN}`).digest('hex').slice(0, 48);

/** How long a stop waits for the poller to tell Telegram the last update handled. */
const STOP_WAIT_MS = 1_500;
/** Longer than a long poll (30 s), so only a call that hangs is cut. */
const API_TIMEOUT_SECONDS = 45;

export async function startTelegram({ config, db, core, clock, log, outbound, onJob }: TelegramDeps): Promise<StartedTelegram> {
  // No retry in the client: a refused or failed send goes back to the outbox, whose pacer counts
  // every attempt and waits as long as Telegram asks, for that chat only.
  const bot = new Bot(config.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: API_TIMEOUT_SECONDS } });
  bot.api.config.use(recordTelegramCalls);
  await bot.init();
  // Remembered for invite links made in chat or with the CLI.
  rememberTelegramUsername(db, bot.botInfo.username, clock.now());
  const menus = new CommandMenus(bot.api, db, clock, log, core.commands);
  const channel = new TelegramChannel({ api: bot.api, db, core, clock, log, menus, username: bot.botInfo.username, defaultLocale: config.DEFAULT_LOCALE, outbound, ...(onJob ? { onJob } : {}) });
  await menus.setDefaults().catch((error: unknown) => log.warn('telegram default menu not set', { error: String(error) }));
  // Updates left in the queue by a crash are answered first.
  channel.startQueue();
  const fetchFile = telegramFileFetcher(bot.api, config.TELEGRAM_BOT_TOKEN!, config.TELEGRAM_API_ROOT);

  if (config.TELEGRAM_WEBHOOK_URL) {
    const secret = webhookSecret(config);
    await bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    // Stored before Telegram gets its answer; handled right after by the shared inbound worker (a
    // short transaction, the replies left to the dispatcher), so the next call is never held up by this one's sends.
    // When the database cannot take it now, accept() throws and the server answers 503: Telegram delivers it again.
    const route = secretWebhookRoute({
      path: TELEGRAM_WEBHOOK_PATH,
      header: 'x-telegram-bot-api-secret-token',
      secret,
      onRefused: () => log.warn('telegram webhook call with a wrong secret'),
      accept: (update) => channel.accept(update),
    });
    log.info('telegram webhook set', { url: config.TELEGRAM_WEBHOOK_URL, username: bot.botInfo.username });
    return {
      channel,
      username: bot.botInfo.username,
      routes: [route],
      stopped: new Promise<void>(() => undefined),
      stop: () => channel.stopQueue(),
      idle: () => channel.idle(),
      fetchFile,
    };
  }

  await bot.api.deleteWebhook();
  // Our own loop over grammY's client (see poller.ts for why neither bot.start nor @grammyjs/runner).
  const poller = new LongPoller({
    api: bot.api,
    allowedUpdates: ALLOWED_UPDATES,
    handle: (updates, renumbered) => channel.receive(updates, { renumbered }).catch((error: unknown) => log.error('telegram update failed', { error: String(error) })),
    log,
  });
  log.info('telegram polling', { username: bot.botInfo.username });
  const stopped = poller.start().catch((error: unknown) => {
    if (error instanceof GrammyError && error.error_code === 409) throw new TelegramConflictError();
    throw error;
  });
  return {
    channel,
    username: bot.botInfo.username,
    routes: [],
    stopped,
    fetchFile,
    idle: () => channel.idle(),
    // The poller stops fetching and lets the update in hand finish, then tells Telegram the last
    // update handled; with Telegram out of reach that call would hang, and is not needed (a repeat
    // is recognised by its update_id), so the stop waits for it a moment only.
    // An update waiting for the database is not to be told taken: then the stop does not wait for it
    // (the process ends), and Telegram delivers the update again after the restart.
    stop: async () => {
      await channel.stopQueue();
      if (channel.halt()) return poller.stopFetching();
      await Promise.race([poller.stop().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    },
  };
}
