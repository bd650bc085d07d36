import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import type { ChatCore } from './core.ts';
import type { Job } from './engine.ts';
import type { OutboundMessage } from './types.ts';
import type { Channel } from '../domain/model.ts';

/** How a send went, in the terms the outbox needs to decide what to do next. */
export type SendResult =
  | { ok: true }
  /** Try again later (rate limit, server error, network): after `retryAfterMs` when the messenger says. */
  | { ok: false; kind: 'temporary'; error: string; retryAfterMs?: number }
  /**
   * This person cannot be reached on this channel (blocked the bot, outside Zalo's 7-day window…).
   * `mark: false`: not now, though the account itself is fine (Zalo's monthly budget is spent).
   */
  | { ok: false; kind: 'unreachable'; error: string; mark?: false }
  /** Not sent, by a rule of ours rather than the messenger's (Zalo's monthly budget spent): tried again at `until`, no attempt counted. */
  | { ok: false; kind: 'deferred'; error: string; until: number }
  /**
   * The sending account's problem, not the person's (balance, package, template, token): the person
   * is not marked; the message goes by their other channel if there is one, else is tried again
   * after `retryAfterMs`. `code` is the messenger's, for the admins.
   */
  | { ok: false; kind: 'account'; error: string; code: number; retryAfterMs: number }
  /** The message itself was refused; sending it again would fail again. */
  | { ok: false; kind: 'permanent'; error: string };

/** What the outbox knows of a send: its row, so a retry can be told from a new message (Zalo's tracking_id). */
export interface SendContext {
  outboxId?: number;
}

/** What every messenger adapter offers the outbox: one message to one person. */
export interface ChannelSender {
  readonly channel: Channel;
  send(externalId: string, message: OutboundMessage, context?: SendContext): Promise<SendResult>;
}

/** An outbox row with what sending it needs. */
export interface OutgoingRow {
  id: number;
  personId: number | null;
  identityId: number | null;
  channel: Channel;
  payload: OutboundMessage;
  /** Attempts before this one. */
  attempts: number;
  /** The recipient's id on the channel; null when the row has no account. */
  externalId: string | null;
  /** An answer to the person's own message: first in line, in the order written. */
  reply: boolean;
  /** Reminders and broadcasts: bulk mail, sent after one-off notices. */
  bulk: boolean;
  /** A reminder (held back during quiet hours, unlike notices and an admin's broadcast). */
  reminder: boolean;
  /** Not in the database (an answer to an update that saved nothing): sent once, paced, never retried. */
  transient?: boolean;
  /** Written already claimed by the dispatcher it is pushed to (see Outbound.claimant). */
  claimed?: boolean;
}

/**
 * The one way out: every message goes through the paced dispatcher. Channels hand it the replies
 * they just wrote to the outbox (so no one waits for the next look at the table).
 */
export interface Outbound {
  /**
   * Who claims rows in this process while the dispatcher runs (undefined otherwise): replies are
   * written already claimed by it, saving a write each, and must then be pushed to it.
   */
  readonly claimant: string | undefined;
  /** Rows just committed to the outbox: sent as soon as the pace allows, replies first. */
  push(rows: readonly OutgoingRow[]): void;
  /** Something was queued in the outbox by other means (notifications, reminders): look now. */
  kick(): void;
  /** A message that answers an update which saved nothing (a group, a refused file, a fault): paced, not stored. */
  transient(channel: Channel, externalId: string, message: OutboundMessage): void;
}

/** What starting a messenger channel needs from the running bot. */
export interface ChannelDeps {
  config: Config;
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  /** Where every message out goes (replies, notices), paced. */
  outbound: Outbound;
  /** Given the work a message asked for (an export), to run after it. */
  onJob?: (job: Job) => void;
}
