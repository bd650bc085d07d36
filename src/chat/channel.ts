import type { Channel } from '../domain/invites.ts';
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
