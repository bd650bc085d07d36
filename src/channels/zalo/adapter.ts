/**
 * The Zalo OA channel: the webhook stores each verified user event in the durable inbound queue
 * and answers at once; a serial worker then has the chat core handle the queue, each update's
 * replies written to the outbox with it (inbound/inbound-worker.ts). Every message goes out through `sender`, from the outbox,
 * at the dispatcher's pace.
 */
import type { ChannelDeps, ChannelSender } from '../../chat/channel.ts';
import type { HandleResult } from '../../chat/core.ts';
import { createInboundWorker } from '../../inbound/inbound-worker.ts';
import { accountLocale, unreadableMessageKey } from '../../chat/store.ts';
import { isNameless, lastMessageAt, linkedPersonId, markAccountUnreachable, setDisplayName } from '../../domain/accounts.ts';
import type { Route } from '../../http/server.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { recordZaloCalls } from './call-health.ts';
import { ZaloClient } from './client.ts';
import { UNFOLLOWED } from './errors.ts';
import { toInboundEvent, type ZaloEvent } from './events.ts';
import { zaloFileFetcher, zaloFilePolicy } from './files.ts';
import type { FileFetcher } from '../../chat/files.ts';
import { noteBudgetDefault, quotaKind, recordQuota } from '../../delivery/zalo-quota.ts';
import { createZaloSender } from './sender.ts';
import { clearAccountMarks, createZnsSender } from './zns.ts';
import { consentToZns, noteZnsTemplate, readMobile } from '../../domain/contacts.ts';
import { ZaloTokens } from './tokens.ts';
import { readTokenPair } from '../../db/zalo-tokens.ts';
import { zaloWebhookRoute } from './webhook.ts';

interface ZaloChannelOptions extends ChannelDeps {
  /** How often to check that the token pair is still fresh while nothing is sent (0: never). */
  keepAliveMs?: number;
  fetch?: typeof fetch;
  /** Signed links for the files Zalo's upload refuses (src/http/signed-links.ts). */
  links?: SignedLinks;
}

export interface ZaloChannel {
  routes: Route[];
  sender: ChannelSender;
  /** ZNS template messages, when ZALO_ZNS_TEMPLATE_ID is set: where reminders go that reach the person nowhere else. */
  zns: ChannelSender | undefined;
  /** Stops taking queued updates and waits for the one in hand. */
  stop(): Promise<void>;
  /** Resolves when the queue has been worked through (for tests and orderly shutdowns). */
  idle(): Promise<void>;
  /** Downloads a file a person sent (a filled form) from its link. */
  fetchFile: FileFetcher;
}

export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { config, db, core, clock, log, outbound } = options;
  const { ZALO_APP_ID: appId, ZALO_APP_SECRET: appSecret, ZALO_OA_SECRET_KEY: secretKey } = config;
  if (!appId || !appSecret || !secretKey) throw new Error('Zalo needs ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY');
  const fetchImpl = recordZaloCalls(options.fetch ?? globalThis.fetch);

  const tokens = new ZaloTokens({ db, clock, log, oauthBase: config.ZALO_OAUTH_BASE, appId, appSecret, fetch: fetchImpl });
  const client = new ZaloClient({
    apiBase: config.ZALO_API_BASE,
    znsBase: config.ZALO_ZNS_API_BASE,
    tokens,
    log,
    fetch: fetchImpl,
    // Every message Zalo took, with the allowance it used: the quota ledger.
    onSent: ({ to, quota }) => recordQuota(db, { at: clock.now(), recipient: to.userId, kind: quotaKind(quota, to.replyTo !== undefined || to.free === true), quota }),
  });
  const allowance = { freeWindowMs: config.ZALO_FREE_WINDOW_HOURS * 3_600_000, freeReplies: config.ZALO_FREE_REPLIES };
  noteBudgetDefault(db, config.ZALO_MONTHLY_BUDGET, clock.now());
  const userInfoForm = config.ZALO_REQUEST_USER_INFO === 'on' && config.ZALO_USER_INFO_IMAGE ? { imageUrl: config.ZALO_USER_INFO_IMAGE } : undefined;
  if (config.ZALO_REQUEST_USER_INFO === 'on' && !userInfoForm) log.warn('zalo request_user_info form not offered: ZALO_USER_INFO_IMAGE is not set (Zalo requires a picture)');
  const sender = createZaloSender({ db, client, clock, log, links: options.links, timezone: config.TZ, allowance, userInfoForm });
  const templateId = config.ZALO_ZNS_TEMPLATE_ID;
  const zns = templateId ? createZnsSender({ db, client, clock, log, templateId, params: config.ZALO_ZNS_PARAMS }) : undefined;
  const forgiven = clearAccountMarks(db);
  if (forgiven > 0) log.info('zns numbers marked unreachable for the account’s fault are reachable again', { numbers: forgiven });
  // People linking on Zalo are asked for their consent to ZNS only when it is set up.
  noteZnsTemplate(db, templateId, clock.now());
  const askedNames = new Set<string>();

  const localeOf = (externalId: string): Locale => accountLocale(db, 'zalo', externalId) ?? config.DEFAULT_LOCALE;

  /** The person's Zalo name, asked once per process for an account that has none yet. */
  const rememberName = async (result: HandleResult, externalId: string) => {
    if (askedNames.has(externalId)) return;
    if (!isNameless(db, result.identityId)) return;
    askedNames.add(externalId);
    try {
      const profile = await client.getProfile(externalId);
      if (profile.display_name) setDisplayName(db, result.identityId, profile.display_name);
    } catch (error) {
      log.info('zalo profile not read', { user: externalId, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const queue = createInboundWorker({
    channel: 'zalo',
    db,
    core,
    clock,
    log,
    outbound,
    onJob: options.onJob,
    say: (externalId, id) => ({ text: t(localeOf(externalId), id) }),
    handled: (result, event) => void rememberName(result, event.externalId),
  });
  const enqueue = queue.enqueue;

  /** The OA's form came back (user_submit_info): the phone the person shared becomes theirs, with their consent to ZNS. */
  const storeSubmittedPhone = (event: Extract<ZaloEvent, { kind: 'submit_info' }>) => {
    const say = (id: string, args: Record<string, string> = {}) => outbound.transient('zalo', event.userId, { text: t(localeOf(event.userId), id, args) });
    const number = event.phone ? readMobile(event.phone) : undefined;
    if (!number) {
      log.info('zalo form without a usable phone', { user: event.userId });
      say('link-phone-bad', { value: event.phone ?? '' });
      return;
    }
    const personId = linkedPersonId(db, 'zalo', event.userId);
    if (personId === undefined) {
      say('zns-form-not-linked');
      return;
    }
    const phone = consentToZns(db, personId, number.international, { personId, label: `zalo:${event.userId}` }, clock.now());
    log.info('zalo form: phone stored with ZNS consent', { user: event.userId });
    say('link-phone-saved', { phone });
  };

  // `id` is the event's own (msg_id, or its body's hash): a redelivery, however late, is a repeat in the queue.
  const accept = (event: ZaloEvent, id: string) => {
    switch (event.kind) {
      case 'message': {
        const inbound = toInboundEvent(event);
        if (!inbound) log.warn('zalo message not understood', { event: event.name });
        // A sticker, voice, location…: nothing to read; the person is told what the bot can read.
        else if (inbound.text === undefined && inbound.file === undefined && inbound.choice === undefined)
          outbound.transient('zalo', inbound.externalId, {
            text: t(localeOf(inbound.externalId), unreadableMessageKey(db, 'zalo', inbound.externalId)),
            ...(inbound.messageId ? { replyTo: { id: inbound.messageId, at: clock.now() } } : {}),
          });
        else enqueue(id, inbound);
        return;
      }
      case 'follow':
        // Greets the new follower as a bare /start would: a code is asked for, or the menu shown.
        enqueue(`follow:${id}`, { channel: 'zalo', externalId: event.userId, text: '/start' });
        return;
      case 'unfollow': {
        // A late redelivery of an unfollow since undone (the person followed again and wrote) changes nothing.
        const lastWrote = lastMessageAt(db, 'zalo', event.userId);
        if (lastWrote !== undefined && lastWrote > Number(event.timestamp)) {
          log.info('zalo unfollow older than the person’s last message; ignored', { user: event.userId });
          return;
        }
        markAccountUnreachable(db, 'zalo', event.userId, UNFOLLOWED, clock.now());
        log.info('zalo unfollow', { user: event.userId });
        return;
      }
      case 'submit_info':
        storeSubmittedPhone(event);
        return;
      case 'echo':
      case 'receipt':
        log.debug('zalo event ignored', { event: event.name });
        return;
      case 'unknown':
        log.warn('zalo event unknown', { event: event.name });
        return;
      case 'invalid':
        log.warn('zalo event not understood', { event: event.name, problems: event.problems });
        return;
    }
  };

  const keepAliveMs = options.keepAliveMs ?? 30 * 60_000;
  const keepAlive =
    keepAliveMs > 0
      ? setInterval(() => {
          tokens.accessToken().catch((error: unknown) => log.warn('zalo token check failed', { error: String(error) }));
        }, keepAliveMs).unref()
      : undefined;

  if (!readTokenPair(db)) log.warn('zalo has no tokens yet: nothing can be sent until `thidua zalo-tokens` is run');
  // Updates left in the queue by a stop or a crash go first.
  queue.kick();

  return {
    routes: [zaloWebhookRoute({ appId, secretKey, clock, log, maxAgeMs: config.ZALO_REDELIVERY_HOURS * 3_600_000, accept })],
    sender,
    fetchFile: zaloFileFetcher(zaloFilePolicy(config)),
    zns,
    idle: () => queue.idle(),
    async stop() {
      if (keepAlive) clearInterval(keepAlive);
      await queue.stop();
    },
  };
}
