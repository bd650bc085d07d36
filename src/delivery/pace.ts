/**
 * Sending at a messenger's pace. Two checks per send: a sliding window that never lets more than
 * `limit` sends into any window (the hard guarantee: Telegram counts 30 a second overall and 1 a
 * second per chat), and a smooth cadence (GCRA: a theoretical arrival time advancing by one
 * interval per send, with a small tolerance for timer jitter) so the sends are spread evenly rather
 * than in bursts. Times are monotonic milliseconds (performance.now), not the injected clock: rate
 * limits are about real time.
 */

export interface ChannelPace {
  /** Sends allowed per window over the whole channel (Telegram: 30 a second). */
  limit: number;
  /** Sends allowed per window to one chat (Telegram: 1 a second). */
  perChat: number;
  windowMs: number;
  /** Headroom on each window, as a fraction (0.01: count a second as 1,010 ms); the average pace keeps 3% under the limit. */
  margin: number;
  /** Sends awaiting their answer at the same time. */
  maxInFlight: number;
}

/** Sends in flight are mostly replies (one per person at a time); what the bot sends on its own is held to `limit` by the windows anyway. */
export const TELEGRAM_PACE: ChannelPace = { limit: 30, perChat: 1, windowMs: 1_000, margin: 0.01, maxInFlight: 64 };
/** Zalo publishes no per-second figure for OA messages; a cautious default, configurable. */
export const ZALO_PACE: ChannelPace = { limit: 10, perChat: 1, windowMs: 1_000, margin: 0.01, maxInFlight: 32 };
const CONSOLE_PACE: ChannelPace = { limit: 10_000, perChat: 10_000, windowMs: 1_000, margin: 0, maxInFlight: 1 };
/** The Zalo Bot Platform publishes no limits either; Telegram-like, a little more cautious. */
export const ZALO_BOT_PACE: ChannelPace = { limit: 20, perChat: 1, windowMs: 1_000, margin: 0.01, maxInFlight: 32 };
/** ZNS is paid per message and sent only for reminders that reach nobody otherwise: a few a second. */
export const ZNS_PACE: ChannelPace = { limit: 5, perChat: 1, windowMs: 1_000, margin: 0.01, maxInFlight: 8 };

export const DEFAULT_PACES = { telegram: TELEGRAM_PACE, zalo: ZALO_PACE, console: CONSOLE_PACE, zalobot: ZALO_BOT_PACE, zns: ZNS_PACE } as const;

/** One send counted in a window: from its start, then from its answer once known. */
interface WindowEntry {
  at: number;
  /** The window that counts it (a refund goes back there). */
  owner?: SlidingWindow;
  /** Refunded: the messenger refused the send, so it did not count there. */
  void?: boolean;
  /** Out of the window already. */
  gone?: boolean;
}

/**
 * A sliding window over the last `limit` sends. A send counts from when it started until its
 * answer comes back, then from the answer: the messenger saw it somewhere in between, and a request
 * held up on our side (a busy event loop, a slow socket) must not let the next one arrive too soon.
 */
export class SlidingWindow {
  private entries: WindowEntry[] = [];
  private head = 0;
  /** Refunded entries still between head and the end. */
  private voided = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private prune(now: number): void {
    while (this.head < this.entries.length && this.entries[this.head]!.at <= now - this.windowMs) {
      const entry = this.entries[this.head++]!;
      entry.gone = true;
      if (entry.void) this.voided--;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  get size(): number {
    return this.entries.length - this.head - this.voided;
  }

  /** The messenger refused this send (a 429 or a 5xx answer): it no longer counts. */
  refund(entry: WindowEntry): void {
    if (entry.void || entry.gone) return;
    entry.void = true;
    this.voided++;
  }

  /** The earliest time `cost` more sends fit in the window. */
  earliest(now: number, cost = 1): number {
    this.prune(now);
    const over = this.size + cost - this.limit;
    if (over <= 0) return now;
    // Once the oldest `over` sends still counted have all left the window.
    let latest = -Infinity;
    for (let i = this.head, seen = 0; i < this.entries.length && seen < over; i++) {
      const entry = this.entries[i]!;
      if (entry.void) continue;
      latest = Math.max(latest, entry.at);
      seen++;
    }
    return Math.max(now, latest + this.windowMs);
  }

  take(now: number, cost = 1): WindowEntry[] {
    const taken: WindowEntry[] = [];
    for (let i = 0; i < cost; i++) {
      const entry: WindowEntry = { at: now, owner: this };
      this.entries.push(entry);
      taken.push(entry);
    }
    return taken;
  }

  /** Idle: nothing sent within the window (its entry can be dropped). */
  idle(now: number): boolean {
    this.prune(now);
    return this.size === 0;
  }
}

/**
 * Generic cell rate algorithm: one send per `intervalMs` on average, up to `toleranceMs` early. The
 * theoretical arrival time may lag the clock by the tolerance too, so time lost to a late wake-up is
 * made up rather than forfeited.
 */
class Cadence {
  private tat = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly toleranceMs: number,
  ) {}

  earliest(now: number): number {
    return Math.max(now, this.tat - this.toleranceMs);
  }

  take(now: number, cost = 1): void {
    this.tat = Math.max(this.tat, now - this.toleranceMs) + this.intervalMs * cost;
  }

  /** A send the messenger refused gives its interval back. */
  refund(cost = 1): void {
    this.tat -= this.intervalMs * cost;
  }
}

/** How many recent round trips the shortest is taken from (it follows a network that slows down). */
const ROUND_TRIPS_KEPT = 64;
/** Round trips seen before the shortest is trusted. */
const ROUND_TRIPS_TRUSTED = 16;

/** A channel's limits as one object: may this chat get a send now, and if not, when. */
export class Pacer {
  private readonly window: SlidingWindow;
  private readonly cadence: Cadence;
  private readonly chats = new Map<string, SlidingWindow>();
  private readonly chatWindowMs: number;
  private pausedUntil = 0;
  private lastSweep = 0;

  constructor(readonly pace: ChannelPace) {
    const windowMs = pace.windowMs * (1 + pace.margin);
    this.window = new SlidingWindow(pace.limit, windowMs);
    // The cadence 2% under the limit (twice the window's headroom), so the window is a safety net
    // that rarely holds a send back.
    const interval = (pace.windowMs * (1 + Math.max(0.02, pace.margin * 2))) / pace.limit;
    // Tolerance: a late wake-up (timers, a busy event loop) is made up by sending a little early
    // afterwards instead of being lost; the window above still caps any second.
    this.cadence = new Cadence(interval, Math.max(2 * interval, 10));
    this.chatWindowMs = windowMs;
  }

  /** Earliest time a send of `cost` messages may start overall (ignoring chats). */
  earliest(now: number, cost = 1): number {
    return Math.max(this.pausedUntil, this.window.earliest(now, cost), this.cadence.earliest(now));
  }

  /** Earliest time `chat` may get `cost` more messages the bot sends on its own. */
  chatEarliest(chat: string, now: number, cost = 1): number {
    return Math.max(this.chatPausedUntil(chat), this.chats.get(chat)?.earliest(now, cost) ?? now);
  }

  /**
   * Counts a send starting now; call `answered` on what it returns when the answer comes. A reply
   * counts in the windows (what the bot sends on its own waits for it) but not in the cadence: a
   * burst of answers must not push the next announcement seconds away.
   */
  take(chat: string, now: number, cost = 1, reply = false): WindowEntry[] {
    const taken = this.window.take(now, cost);
    if (!reply) this.cadence.take(now, cost);
    let w = this.chats.get(chat);
    if (!w) {
      w = new SlidingWindow(this.pace.perChat, this.chatWindowMs);
      this.chats.set(chat, w);
    }
    taken.push(...w.take(now, cost));
    if (now - this.lastSweep > 10_000) {
      this.lastSweep = now;
      for (const [key, win] of this.chats) if (win.idle(now)) this.chats.delete(key);
      for (const [key, until] of this.chatPauses) if (until <= now) this.chatPauses.delete(key);
    }
    return taken;
  }

  private readonly chatPauses = new Map<string, number>();

  /** The messenger refused a send to this chat for now (429 retry_after, a retry's backoff): its messages wait until then. */
  pauseChat(chat: string, until: number): void {
    this.chatPauses.set(chat, Math.max(this.chatPauses.get(chat) ?? 0, until));
  }

  /** Until when this chat waits (0: it does not). Replies heed only this: they answer the person's own message. */
  chatPausedUntil(chat: string): number {
    return this.chatPauses.get(chat) ?? 0;
  }

  /** Recent round trips (answer − start), for the shortest of them. */
  private readonly roundTrips: number[] = [];
  private roundTripAt = 0;

  /**
   * The send that started at `startedAt` was answered at `at`. The messenger saw it no later than
   * the answer less the shortest round trip seen lately (the way back takes at least that much of
   * it): it counts from then on. A send held up on our side (a busy event loop, a slow socket)
   * thus counts late, and one that took the usual time counts from about when it left.
   */
  answered(entries: WindowEntry[], at: number, startedAt = at): void {
    const trip = at - startedAt;
    if (this.roundTrips.length < ROUND_TRIPS_KEPT) this.roundTrips.push(trip);
    else this.roundTrips[this.roundTripAt++ % ROUND_TRIPS_KEPT] = trip;
    // The first calls set up connections (a long way out): until the round trip is known, from the answer.
    const seen = this.roundTrips.length < ROUND_TRIPS_TRUSTED ? at : at - Math.min(...this.roundTrips);
    for (const e of entries) e.at = Math.max(e.at, seen);
  }

  /** The messenger refused the send (it counts only what it accepts): its place in the windows is free again. */
  refund(entries: WindowEntry[], cost: number, reply: boolean): void {
    for (const e of entries) e.owner?.refund(e);
    if (!reply) this.cadence.refund(cost);
  }

  /** The whole channel is over its limit (many chats refused at once): nothing but replies goes out until then. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

/** Pacers belong to a sender (one bot token): every dispatcher of the process sending through it shares its limits. */
const pacers = new WeakMap<object, Pacer>();

export function pacerFor(sender: object, pace: ChannelPace): Pacer {
  let pacer = pacers.get(sender);
  const same = (a: ChannelPace, b: ChannelPace) => (Object.keys(a) as (keyof ChannelPace)[]).every((k) => a[k] === b[k]);
  if (!pacer || !same(pacer.pace, pace)) {
    pacer = new Pacer(pace);
    pacers.set(sender, pacer);
  }
  return pacer;
}

/** Characters a message may have, where a channel splits longer texts. */
const SPLIT_AT: Partial<Record<string, number>> = { telegram: 4096, zalobot: 2000 };

/** How many messages a neutral message becomes on a channel (Telegram splits at 4,096 characters, the Zalo Bot Platform at 2,000; a file or a picture is one more). */
export function messageCost(channel: string, message: { text: string; file?: unknown; image?: unknown }): number {
  const at = SPLIT_AT[channel];
  const parts = at ? Math.max(1, Math.ceil(message.text.length / at)) : 1;
  return parts + (message.file ? 1 : 0) + (message.image ? 1 : 0);
}
