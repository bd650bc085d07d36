/**
 * The Zalo Bot Platform channel: a Telegram-like bot any Zalo user can create in minutes, without a
 * verified Official Account. Updates come by long polling (getUpdates) or, with
 * ZALO_BOT_WEBHOOK_URL, by webhook (checked against the X-Bot-Api-Secret-Token header); each is
 * stored in the inbound queue under its message_id and handled there (inbound/inbound-worker.ts).
 * Replies go out through the paced dispatcher as text, options as a numbered list (no buttons); a
 * picture as sendPhoto, the platform fetching it from a signed link to the bot's server.
 */
import { createHash } from 'node:crypto';
import type { ChannelDeps, ChannelSender, SendResult } from '../../chat/channel.ts';
import { createInboundWorker } from '../../inbound/inbound-worker.ts';
import { accountLocale, unreadableMessageKey } from '../../chat/store.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { Config } from '../../config.ts';
import { secretWebhookRoute, type Route } from '../../http/server.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import { fileLinkText } from '../file-link-text.ts';
import { linkedPersonId } from '../../domain/accounts.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { backoffMs } from '../../util/backoff.ts';
import { recordZaloBotCalls } from './call-health.ts';
import { ZaloBotApiError, ZaloBotClient, ZaloBotTransportError } from './client.ts';
import { readZaloBotUpdate } from './events.ts';
import { renderTexts } from './render.ts';

export const ZALO_BOT_WEBHOOK_PATH = '/zalobot/webhook';
/** The longest caption a photo is sent with (as Telegram's; the platform's own limit is not documented). */
const MAX_CAPTION = 1024;
/** Seconds a long poll waits for an update. */
const POLL_SECONDS = 30;

/** A stable secret for the webhook header when none is configured: derived from the token, never sent elsewhere. */
export const zaloBotWebhookSecret = (config: Config) =>
  config.ZALO_BOT_WEBHOOK_SECRET ?? createHash('sha256').update(`zalobot-webhook:${config.ZALO_BOT_TOKEN}`).digest('hex').slice(0, 48);

export interface ZaloBotChannel {
  routes: Route[];
  sender: ChannelSender;
  /** The bot's name on Zalo (getMe). */
  name: string;
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface ZaloBotChannelOptions extends ChannelDeps {
  fetch?: typeof fetch;
  /** Signed links for files (the platform takes none). */
  links?: SignedLinks | undefined;
}

/** The platform's refusals that mean this person cannot be written to (blocked the bot, no such chat). */
const UNREACHABLE_CODES = new Set([403, 404]);

function sendFailure(error: unknown): Exclude<SendResult, { ok: true }> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ZaloBotTransportError) return { ok: false, kind: 'temporary', error: message };
  if (error instanceof ZaloBotApiError) {
    if (error.code === 429 || error.code >= 500) return { ok: false, kind: 'temporary', error: message };
    if (UNREACHABLE_CODES.has(error.code)) return { ok: false, kind: 'unreachable', error: message };
  }
  return { ok: false, kind: 'permanent', error: message };
}

/** A photo's caption: the last text, taken off the list, when it is short enough for one (else the texts all go as messages). */
function captionFrom(texts: string[]): string {
  const last = texts.at(-1);
  return last !== undefined && last.length <= MAX_CAPTION ? texts.pop()! : '';
}

export async function startZaloBot(options: ZaloBotChannelOptions): Promise<ZaloBotChannel> {
  const { config, db, core, clock, log, outbound } = options;
  if (!config.ZALO_BOT_TOKEN) throw new Error('the Zalo Bot Platform needs ZALO_BOT_TOKEN');
  const client = new ZaloBotClient({ apiBase: config.ZALO_BOT_API_BASE, token: config.ZALO_BOT_TOKEN, log, fetch: recordZaloBotCalls(options.fetch ?? globalThis.fetch) });
  const me = await client.getMe();

  const localeOf = (externalId: string): Locale => accountLocale(db, 'zalobot', externalId) ?? config.DEFAULT_LOCALE;
  const say = (externalId: string, id: string): OutboundMessage => ({ text: t(localeOf(externalId), id) });
  const queue = createInboundWorker({ channel: 'zalobot', db, core, clock, log, outbound, onJob: options.onJob, say });

  /** Takes one update, from a poll or the webhook; throws when the database cannot store it now. */
  const accept = (raw: unknown) => {
    const update = readZaloBotUpdate(raw);
    switch (update.kind) {
      case 'message':
        return queue.enqueue(update.key, update.event);
      case 'unreadable':
        return outbound.transient('zalobot', update.chatId, say(update.chatId, unreadableMessageKey(db, 'zalobot', update.chatId)));
      case 'ignore':
        return log.debug('zalo bot update ignored', { reason: update.reason });
      case 'invalid':
        return log.warn('zalo bot update not understood', { problems: update.problems });
    }
  };

  const sender: ChannelSender = {
    channel: 'zalobot',
    async send(chatId, message) {
      const texts = renderTexts(message);
      // The platform takes no documents: a file goes as the person's signed link, or they are told where to get it.
      if (message.file) texts.push(fileLinkText(db, options.links, { channel: 'zalobot', externalId: chatId, noLink: 'zalobot-file-not-sent' }, message.file, config.TZ).text);
      // A picture the platform fetches itself, from the person's signed link; its caption the text's last part.
      const photo = message.image && options.links ? { url: options.links.issue({ ...message.image, personId: linkedPersonId(db, 'zalobot', chatId) ?? null }), caption: captionFrom(texts) } : undefined;
      if (message.image && !options.links) {
        log.warn('zalo bot picture not sent: PUBLIC_BASE_URL is not set, so no link can be made', { chat: chatId, name: message.image.name });
        texts.push(fileLinkText(db, undefined, { channel: 'zalobot', externalId: chatId, noLink: 'zalobot-image-not-sent' }, message.image, config.TZ).text);
      }
      try {
        for (const text of texts) await client.sendMessage(chatId, text);
        if (photo) await client.sendPhoto(chatId, photo.url, photo.caption);
        return { ok: true };
      } catch (error) {
        const failure = sendFailure(error);
        log.warn('zalo bot send failed', { chat: chatId, kind: failure.kind, error: failure.error });
        return failure;
      }
    },
  };

  let stopped = false;
  const polling = new AbortController();
  let loop: Promise<void> = Promise.resolve();
  const routes: Route[] = [];
  if (config.ZALO_BOT_WEBHOOK_URL) {
    const secret = zaloBotWebhookSecret(config);
    await client.setWebhook(config.ZALO_BOT_WEBHOOK_URL, secret);
    routes.push(
      secretWebhookRoute({
        path: ZALO_BOT_WEBHOOK_PATH,
        header: 'x-bot-api-secret-token',
        secret,
        onRefused: () => log.warn('zalo bot webhook call with a wrong secret'),
        accept,
      }),
    );
    log.info('zalo bot webhook set', { url: config.ZALO_BOT_WEBHOOK_URL, bot: me.account_name ?? me.id });
  } else {
    // getUpdates does not work while a webhook is set.
    await client.deleteWebhook();
    loop = (async () => {
      let failures = 0;
      while (!stopped) {
        try {
          for (const update of await client.getUpdates(POLL_SECONDS, polling.signal)) {
            // Not stored yet, and the platform will not deliver it again: wait for the database
            // (a lock, a full disk) rather than lose it.
            for (;;) {
              try {
                accept(update);
                break;
              } catch (error) {
                if (stopped) return;
                log.debug('zalo bot update waits for the database', { error: String(error) });
                await new Promise((resolve) => setTimeout(resolve, 1_000));
              }
            }
          }
          failures = 0;
        } catch (error) {
          if (stopped) return;
          log.warn('zalo bot poll failed; trying again', { error: error instanceof Error ? error.message : String(error) });
          await new Promise((resolve) => setTimeout(resolve, backoffMs(failures++)));
        }
      }
    })();
    log.info('zalo bot polling', { bot: me.account_name ?? me.id });
  }
  queue.kick();

  return {
    routes,
    sender,
    name: me.account_name ?? me.display_name ?? me.id,
    idle: () => queue.idle(),
    async stop() {
      stopped = true;
      polling.abort();
      await loop;
      await queue.stop();
    },
  };
}
