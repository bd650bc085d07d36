import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../domain/clock.ts';
import type { Channel } from '../domain/invites.ts';
import type { Logger } from '../util/log.ts';
import type { ChatCore } from './core.ts';
import type { Job } from './engine.ts';
import type { OutboundMessage } from './types.ts';

/** How a send went, in the terms the outbox needs to decide what to do next. */
export type SendResult =
  | { ok: true }
  /** Try again later (rate limit, server error, network): after `retryAfterMs` when the messenger says. */
  | { ok: false; kind: 'temporary'; error: string; retryAfterMs?: number }
  /** This person cannot be reached on this channel (blocked the bot, outside Zalo's 7-day window…). */
  | { ok: false; kind: 'unreachable'; error: string }
  /** The message itself was refused; sending it again would fail again. */
  | { ok: false; kind: 'permanent'; error: string };

/** What every messenger adapter offers for messages that are not replies (notifications, reminders). */
export interface ChannelSender {
  readonly channel: Channel;
  send(externalId: string, message: OutboundMessage): Promise<SendResult>;
}

/** What starting a messenger channel needs from the running bot. */
export interface ChannelDeps {
  config: Config;
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  /** Told when handling a message queued notifications for others: drain the outbox then. */
  onNotified?: () => void;
  /** Given the work a message asked for (an export), to run after it. */
  onJob?: (job: Job) => void;
}
