/**
 * The Zalo OA channel: the webhook stores each verified user event in the durable inbound queue
 * and answers at once; a serial worker then has the chat core handle the queue, each update's
 * replies written to the outbox with it. Every message goes out through `sender`, from the outbox,
 * at the dispatcher's pace.
 */
import { and, eq } from 'drizzle-orm';
import type { ChannelDeps, ChannelSender } from '../../chat/channel.ts';
import type { HandleResult } from '../../chat/core.ts';
import { enqueueInbound, processNextInbound } from '../../chat/inbound.ts';
import { noteNotStored, noteStored, noteWaiting } from '../../chat/storage-wait.ts';
import type { InboundEvent } from '../../chat/types.ts';
import { identities, people } from '../../db/schema.ts';
import type { Route } from '../../http/server.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { recordZaloCalls } from './call-health.ts';
import { ZaloClient } from './client.ts';
import { UNFOLLOWED } from './errors.ts';
import { queueKey, toInboundEvent, type ZaloEvent } from './events.ts';
import { createZaloSender, markUnreachable } from './sender.ts';
import { readTokenPair, ZaloTokens } from './tokens.ts';
import { zaloWebhookRoute } from './webhook.ts';
import { SerialWorker } from '../../util/serial-worker.ts';

export interface ZaloChannelOptions extends ChannelDeps {
  /** How often to check that the token pair is still fresh while nothing is sent (0: never). */
  keepAliveMs?: number;
  fetch?: typeof fetch;
  /** Signed links for the files Zalo's upload refuses (src/http/signed-links.ts). */
  links?: SignedLinks;
}

export interface ZaloChannel {
  routes: Route[];
  sender: ChannelSender;
  /** Stops taking queued updates and waits for the one in hand. */
  stop(): Promise<void>;
  /** Resolves when the queue has been worked through (for tests and orderly shutdowns). */
  idle(): Promise<void>;
}

export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { config, db, core, clock, log, outbound } = options;
  const { ZALO_APP_ID: appId, ZALO_APP_SECRET: appSecret, ZALO_OA_SECRET_KEY: secretKey } = config;
  if (!appId || !appSecret || !secretKey) throw new Error('Zalo needs ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY');
  const fetchImpl = recordZaloCalls(options.fetch ?? globalThis.fetch);

  const tokens = new ZaloTokens({ db, clock, log, oauthBase: config.ZALO_OAUTH_BASE, appId, appSecret, fetch: fetchImpl });
  const client = new ZaloClient({ apiBase: config.ZALO_API_BASE, tokens, log, fetch: fetchImpl });
  const sender = createZaloSender({ db, client, clock, log, links: options.links, timezone: config.TZ });
  const askedNames = new Set<string>();

  const localeOf = (externalId: string): Locale => {
    const row = db
      .select({ identityLocale: identities.locale, personLocale: people.locale })
      .from(identities)
      .leftJoin(people, eq(people.id, identities.personId))
      .where(and(eq(identities.channel, 'zalo'), eq(identities.externalId, externalId)))
      .get();
    return row?.personLocale ?? row?.identityLocale ?? config.DEFAULT_LOCALE;
  };

  /** The person's Zalo name, asked once per process for an account that has none yet. */
  const rememberName = async (result: HandleResult, externalId: string) => {
    if (askedNames.has(externalId)) return;
    const identity = db.select().from(identities).where(eq(identities.id, result.identityId)).get();
    if (!identity || identity.displayName) return;
    askedNames.add(externalId);
    try {
      const profile = await client.getProfile(externalId);
      if (profile.display_name) db.update(identities).set({ displayName: profile.display_name }).where(eq(identities.id, identity.id)).run();
    } catch (error) {
      log.info('zalo profile not read', { user: externalId, error: error instanceof Error ? error.message : String(error) });
    }
  };

  /** Tells a person, once while the disk stays full, that their message waits (a notice the dispatcher sends from memory). */
  const tellWaiting = (event: InboundEvent) => outbound.transient('zalo', event.externalId, { text: t(localeOf(event.externalId), 'storage-waiting') });

  // Each update is one short transaction that also writes its replies to the outbox; the
  // dispatcher sends them, many people's at once, so the queue never waits on Zalo's answers.
  // An update the database cannot take for now stays first in the queue: the worker tries again after a backoff.
  const work = async () => {
    while (!worker.stopping) {
      const next = processNextInbound(db, core, 'zalo', clock, log, { claimant: outbound.claimant });
      if (!next) return;
      noteStored(log);
      if (next.kind === 'failed') {
        outbound.transient('zalo', next.event.externalId, { text: t(localeOf(next.event.externalId), 'zalo-internal-error') });
        continue;
      }
      outbound.push(next.replies);
      if (next.result.notified) outbound.kick();
      for (const job of next.result.jobs) options.onJob?.(job);
      void rememberName(next.result, next.event.externalId);
      // Let the HTTP server take the next webhook call between two updates.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const worker = new SerialWorker(work, (error) => {
    if (!noteWaiting(error, log, 'zalo worker', tellWaiting)) log.error('zalo worker failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });

  /** Stores a delivered update; when the database cannot take it, throws, so the webhook answers 503 and Zalo delivers it again. */
  const enqueue = (key: string, event: InboundEvent) => {
    let fresh: boolean;
    try {
      fresh = enqueueInbound(db, key, event, clock.now());
    } catch (error) {
      noteNotStored(error, event, log, 'zalo webhook', tellWaiting);
      throw error;
    }
    if (fresh) worker.kick();
    else log.debug('zalo delivery repeated', { key });
  };

  const accept = (event: ZaloEvent) => {
    switch (event.kind) {
      case 'message': {
        const inbound = toInboundEvent(event);
        if (!inbound) log.warn('zalo message not understood', { event: event.name });
        // A sticker, voice, location…: nothing to read; the person is told what the bot can read.
        else if (inbound.text === undefined && inbound.file === undefined && inbound.choice === undefined)
          outbound.transient('zalo', inbound.externalId, { text: t(localeOf(inbound.externalId), 'conv-unreadable-message') });
        else enqueue(queueKey(event), inbound);
        return;
      }
      case 'follow':
        // Greets the new follower as a bare /start would: a code is asked for, or the menu shown.
        enqueue(`follow:${event.userId}:${event.timestamp}`, { channel: 'zalo', externalId: event.userId, text: '/start' });
        return;
      case 'unfollow':
        markUnreachable(db, event.userId, UNFOLLOWED, clock.now());
        log.info('zalo unfollow', { user: event.userId });
        return;
      case 'submit_info':
        log.info('zalo event ignored', { event: event.name });
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
  worker.kick();

  return {
    routes: [zaloWebhookRoute({ appId, secretKey, clock, log, accept })],
    sender,
    idle: () => worker.idle(),
    async stop() {
      if (keepAlive) clearInterval(keepAlive);
      await worker.stop();
    },
  };
}
