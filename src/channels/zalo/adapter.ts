/**
 * The Zalo OA channel: the webhook stores each verified user event in the durable inbound queue
 * and answers at once; a serial worker then has the chat core handle the queue and sends the
 * replies through the OA API. Other messages (notifications) go out through `sender`, from the outbox.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ChannelDeps, ChannelSender } from '../../chat/channel.ts';
import type { HandleResult } from '../../chat/core.ts';
import { enqueueInbound, processNextInbound } from '../../chat/inbound.ts';
import type { InboundEvent, OutboundMessage } from '../../chat/types.ts';
import { identities, outbox, people } from '../../db/schema.ts';
import { backoffMs } from '../../delivery/outbox.ts';
import type { Route } from '../../http/server.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { recordZaloCalls } from './call-health.ts';
import { ZaloClient } from './client.ts';
import { UNFOLLOWED } from './errors.ts';
import { queueKey, toInboundEvent, type ZaloEvent } from './events.ts';
import { createZaloSender, markUnreachable } from './sender.ts';
import { readTokenPair, ZaloTokens } from './tokens.ts';
import { zaloWebhookRoute } from './webhook.ts';
import { SerialWorker } from './worker.ts';

export interface ZaloChannelOptions extends ChannelDeps {
  /** How often to check that the token pair is still fresh while nothing is sent (0: never). */
  keepAliveMs?: number;
  fetch?: typeof fetch;
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
  const { config, db, core, clock, log } = options;
  const { ZALO_APP_ID: appId, ZALO_APP_SECRET: appSecret, ZALO_OA_SECRET_KEY: secretKey } = config;
  if (!appId || !appSecret || !secretKey) throw new Error('Zalo needs ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY');
  const fetchImpl = recordZaloCalls(options.fetch ?? globalThis.fetch);

  const tokens = new ZaloTokens({ db, clock, log, oauthBase: config.ZALO_OAUTH_BASE, appId, appSecret, fetch: fetchImpl });
  const client = new ZaloClient({ apiBase: config.ZALO_API_BASE, tokens, log, fetch: fetchImpl });
  const sender = createZaloSender({ db, client, clock, log });
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

  /** Replies that could not go out for now wait in the outbox, where the delivery retries them. */
  const postpone = (result: HandleResult, replies: OutboundMessage[], error: string, waitMs: number) => {
    const identity = db.select().from(identities).where(eq(identities.id, result.identityId)).get();
    if (!identity) return;
    const notBefore = clock.now() + waitMs;
    db.transaction((tx) => {
      for (const payload of replies) {
        tx.insert(outbox)
          .values({ dedupeKey: `zalo-reply:${randomUUID()}`, personId: identity.personId, identityId: identity.id, channel: 'zalo', payload, notBefore, lastError: error })
          .run();
      }
    });
    options.onNotified?.();
  };

  const sendReplies = async (event: InboundEvent, result: HandleResult) => {
    for (const [i, reply] of result.replies.entries()) {
      const outcome = await sender.send(event.externalId, reply);
      if (outcome.ok || outcome.kind === 'permanent') continue;
      if (outcome.kind === 'temporary') postpone(result, result.replies.slice(i), outcome.error, outcome.retryAfterMs ?? backoffMs(1));
      return; // unreachable: already recorded by the sender
    }
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

  const work = async () => {
    while (!worker.stopping) {
      const next = processNextInbound(db, core, 'zalo', clock, log);
      if (!next) return;
      if (next.kind === 'failed') {
        await sender.send(next.event.externalId, { text: t(localeOf(next.event.externalId), 'zalo-internal-error') });
        continue;
      }
      await sendReplies(next.event, next.result);
      if (next.result.notified) options.onNotified?.();
      for (const job of next.result.jobs) options.onJob?.(job);
      await rememberName(next.result, next.event.externalId);
    }
  };
  const worker = new SerialWorker(work, log);

  const enqueue = (key: string, event: InboundEvent) => {
    if (enqueueInbound(db, key, event, clock.now())) worker.kick();
    else log.debug('zalo delivery repeated', { key });
  };

  const accept = (event: ZaloEvent) => {
    switch (event.kind) {
      case 'message': {
        const inbound = toInboundEvent(event);
        if (inbound) enqueue(queueKey(event), inbound);
        else log.warn('zalo message not understood', { event: event.name });
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
