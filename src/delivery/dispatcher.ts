/**
 * The dispatcher: the one way out for every message, one lane per channel so a slow Zalo never
 * holds up Telegram. Replies are handed over as they are written (`push`, already claimed) and go
 * first; the rest is read from the outbox (one-off notices before reminders and broadcasts). One
 * send per chat at a time keeps each person's messages in order while many people's go at once.
 * What the bot sends on its own waits for the channel's pacer (replies are counted, not held);
 * a 429 pauses the chat it names. Results are recorded together, a few milliseconds after their answers
 * (outbox.ts). Claims carry the process: a dead one's are taken again at once, others after
 * `leaseMs`, so after a crash at most the rows then in flight can reach their recipient twice.
 */
import { performance } from 'node:perf_hooks';
import type { ChannelSender, Outbound, SendResult } from '../chat/channel.ts';
import type { Db } from '../db/connection.ts';
import { storageAlarm } from '../db/faults.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import { inTransaction } from '../db/prepared.ts';
import { CLAIMANT, claimRow, dueRows, holdReminders, recoverStaleClaims, renewClaims, sendRow, settleRow, type DrainResult, type DueRow, type Settled } from './outbox.ts';
import { DEFAULT_PACES, messageCost, pacerFor, type ChannelPace, type Pacer } from './pace.ts';

type Channel = DueRow['channel'];

export interface DispatcherOptions {
  db: Db;
  /** May grow after construction (a channel started later): lanes are opened as senders appear. */
  senders: ChannelSender[];
  clock: Clock;
  log: Logger;
  /** Per-channel limits; unspecified fields keep the defaults (Telegram 30/s overall, 1/s per chat). */
  pace?: Partial<Record<Channel, Partial<ChannelPace>>>;
  /** How often an idle lane looks for due rows (default 1 s); kick() wakes it at once. */
  pollMs?: number;
  /** A claim not renewed for this long is taken for a dead process's (default 60 s). */
  leaseMs?: number;
  /** Rows read at a time per lane (default 500). */
  batch?: number;
  /** Told of each settled row (tests, benchmarks). */
  onSettled?: (row: DueRow, kind: string) => void;
  /**
   * When reminders may not go out now (quiet hours, a holiday), the time they may: reminders still
   * queued then (a large batch running late, a retry) wait until it. Notices and broadcasts are not held.
   */
  holdUntil?: (now: number) => number | undefined;
}

interface Lane {
  channel: Channel;
  sender: ChannelSender;
  pacer: Pacer;
  /** Rows handed over as they were written (replies, transient answers), in that order: first in line. */
  pushed: DueRow[];
  /** Rows read from the outbox table, in its order (replies, notices, bulk). */
  queue: DueRow[];
  /** Ids pushed, queued or in flight: a row pushed and then read from the table is taken once. */
  known: Set<number>;
  /** The last read filled a batch: more rows wait in the table. */
  more: boolean;
  inFlight: Set<number>;
  /** Chats with a send in flight: one at a time per chat keeps each person's messages in order. */
  busy: Set<string>;
  /** Sends in flight that are not replies (bounded, so answers always find a free slot). */
  bulkInFlight: number;
  /** Chats refused with 429 lately (performance.now), to tell one chat's limit from the whole bot's. */
  refusals: { chat: string; at: number }[];
  refresh: boolean;
  wake: () => void;
  signal: Promise<void>;
  done: Promise<void>;
}

/** A row's chat: its recipient, or the row itself when it has none. */
const chatOf = (row: DueRow) => row.externalId ?? `#${row.id}`;

/** Results recorded together at most. */
const SETTLE_BATCH = 32;
/**
 * How long an answered send waits for others to be recorded with it: one commit for the replies of
 * a busy moment instead of one each. Short beside any messenger's round trip, which a person's next
 * message takes anyway (their chat stays busy until then).
 */
const SETTLE_WAIT_MS = 4;

/** This many different chats refused within a second means the bot as a whole is over the limit. */
const FLOOD_CHATS = 5;

let transientIds = 0;

/** A send answered and not recorded yet (kept until the database takes it, so it is never sent twice). */
interface Unrecorded {
  lane: Lane;
  row: DueRow;
  outcome: SendResult;
}

export class Dispatcher implements Outbound {
  private readonly lanes = new Map<Channel, Lane>();
  private stopping = false;
  private started = false;
  private timers: NodeJS.Timeout[] = [];
  /** Released when stop() gives up waiting for sends in flight. */
  private abandon: () => void = () => undefined;
  private readonly abandoned = new Promise<void>((resolve) => (this.abandon = resolve));
  readonly totals: DrainResult = { sent: 0, retried: 0, unreachable: 0, failed: 0 };
  private unrecorded: Unrecorded[] = [];

  constructor(private readonly options: DispatcherOptions) {}

  get claimant(): string | undefined {
    return this.started && !this.stopping ? CLAIMANT : undefined;
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  start(): this {
    if (this.started) return this;
    this.started = true;
    const { db, clock, log } = this.options;
    const recovered = recoverStaleClaims(db, clock.now(), this.leaseMs);
    if (recovered > 0) log.warn('outbox rows left sending by a stopped process are sent again', { rows: recovered });
    const poll = setInterval(() => this.kick(), this.options.pollMs ?? 1_000);
    const heartbeat = setInterval(() => this.heartbeat(), Math.max(50, Math.floor(this.leaseMs / 3)));
    poll.unref();
    heartbeat.unref();
    this.timers.push(poll, heartbeat);
    this.openLanes();
    return this;
  }

  /** New rows may be due (a unit submitted, a reminder fired, time passed): every lane reads the table again now. */
  kick(): void {
    if (!this.started || this.stopping) return;
    this.openLanes();
    for (const lane of this.lanes.values()) {
      lane.refresh = true;
      lane.wake();
    }
  }

  /** Rows just committed (replies): queued at once, after the replies already waiting, without reading the table again. */
  push(rows: readonly DueRow[]): void {
    if (!this.started || this.stopping || rows.length === 0) return;
    this.openLanes();
    for (const row of rows) {
      const lane = this.lanes.get(row.channel);
      if (!lane || lane.known.has(row.id)) continue;
      lane.known.add(row.id);
      lane.pushed.push(row);
      lane.wake();
    }
  }

  transient(channel: Channel, externalId: string, message: DueRow['payload']): void {
    const id = -++transientIds;
    this.push([{ id, personId: null, identityId: null, channel, payload: message, attempts: 0, externalId, reply: true, bulk: false, reminder: false, transient: true }]);
  }

  /**
   * Stops reading rows and waits for the sends in flight to be recorded, at most `graceMs`: a
   * messenger that does not answer (network down) must not hold up a shutdown. Rows still in flight
   * then stay claimed by this process and are sent again by the next one.
   */
  async stop(graceMs = 3_000): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    for (const lane of this.lanes.values()) lane.wake();
    const timer = setTimeout(() => this.abandon(), graceMs);
    await Promise.all([...this.lanes.values()].map((l) => l.done));
    clearTimeout(timer);
  }

  /**
   * Resolves once nothing is left to send now: no send in flight, nothing due in a lane or in the
   * table (tests and benchmarks wait on it; rows due later do not count), or once stopped.
   */
  async whenIdle(): Promise<void> {
    const { db, clock } = this.options;
    const channels = [...this.lanes.keys()];
    while (!this.stopping) {
      const lanes = [...this.lanes.values()];
      const busy = lanes.some((l) => l.inFlight.size > 0 || l.pushed.length > 0);
      if (!busy && dueRows(db, channels, clock.now(), 1).length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Rows in flight now, by id (for tests). */
  inFlight(): number[] {
    return [...this.lanes.values()].flatMap((l) => [...l.inFlight].filter((id) => id > 0));
  }

  private heartbeat(): void {
    const { db, clock, log } = this.options;
    // Results not recorded yet first: recorded, their rows are not taken for stale claims below.
    if (this.unrecorded.length > 0) this.record(this.unrecorded.splice(0));
    try {
      // Claims held: sends in flight, results not recorded yet, and replies written claimed that wait for their chat.
      const ids = [
        ...this.inFlight(),
        ...this.unrecorded.map((u) => u.row.id),
        ...[...this.lanes.values()].flatMap((l) => l.pushed.filter((r) => r.claimed).map((r) => r.id)),
      ];
      if (ids.length > 0) renewClaims(db, ids, clock.now());
      const recovered = recoverStaleClaims(db, clock.now(), this.leaseMs);
      if (recovered > 0) {
        log.warn('outbox rows left sending by a stopped process are sent again', { rows: recovered });
        this.kick();
      }
    } catch (error) {
      if (!storageAlarm.noted(log, error, 'outbox heartbeat')) log.error('outbox heartbeat failed', { error: String(error) });
    }
  }

  private openLanes(): void {
    for (const sender of this.options.senders) {
      if (this.lanes.has(sender.channel)) continue;
      const pace = { ...DEFAULT_PACES[sender.channel], ...this.options.pace?.[sender.channel] };
      const lane: Lane = {
        channel: sender.channel,
        sender,
        pacer: pacerFor(sender, pace),
        pushed: [],
        queue: [],
        known: new Set(),
        more: false,
        inFlight: new Set(),
        busy: new Set(),
        bulkInFlight: 0,
        refusals: [],
        refresh: true,
        wake: () => undefined,
        signal: Promise.resolve(),
        done: Promise.resolve(),
      };
      this.arm(lane);
      this.lanes.set(sender.channel, lane);
      lane.done = this.run(lane).catch((error: unknown) => this.options.log.error('outbox lane stopped', { channel: lane.channel, error: String(error) }));
    }
  }

  private arm(lane: Lane): void {
    lane.signal = new Promise<void>((resolve) => {
      lane.wake = () => {
        resolve();
      };
    });
  }

  /** Waits `ms` or until woken. */
  private async pause(lane: Lane, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([lane.signal, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
    clearTimeout(timer);
    this.arm(lane);
  }

  /** Reads the due rows again, leaving out those handed over (they wait in their own queue) and those in flight. */
  private reload(lane: Lane, batch: number): void {
    const { db, clock } = this.options;
    lane.refresh = false;
    this.hold(lane);
    const handed = new Set(lane.pushed.map((r) => r.id));
    const rows = dueRows(db, [lane.channel], clock.now(), batch, lane.inFlight);
    lane.more = rows.length === batch;
    lane.queue = rows.filter((r) => !handed.has(r.id));
    lane.known = new Set([...lane.inFlight, ...handed, ...lane.queue.map((r) => r.id)]);
  }

  /** When this row may go (≤ now: now); `Infinity` while its chat has a send in flight. */
  private readyAt(lane: Lane, row: DueRow, now: number): number {
    const chat = chatOf(row);
    if (lane.busy.has(chat)) return Infinity;
    const pacer = lane.pacer;
    // An answer to the person's own message goes at once (counted, so bulk yields); only a refusal for this chat holds it.
    if (row.reply) return pacer.chatPausedUntil(chat);
    if (lane.bulkInFlight >= Math.max(1, pacer.pace.maxInFlight >> 1)) return Infinity;
    const cost = messageCost(lane.channel, row.payload);
    return Math.max(pacer.earliest(now, cost), pacer.chatEarliest(chat, now, cost));
  }

  private async run(lane: Lane): Promise<void> {
    const batch = this.options.batch ?? 500;
    const pollMs = this.options.pollMs ?? 1_000;
    const pace = lane.pacer.pace;
    while (!this.stopping) {
      try {
        // The table is read when told to (kick, the poll timer) or when a full batch ran out; replies
        // come pushed, so a busy chat does not read it per message.
        if (lane.refresh || (lane.queue.length === 0 && lane.more)) this.reload(lane, batch);
        if (lane.pushed.length === 0 && lane.queue.length === 0) {
          await this.pause(lane, pollMs);
          continue;
        }
        if (lane.inFlight.size >= pace.maxInFlight) {
          await this.pause(lane, pollMs);
          continue;
        }
        const now = performance.now();
        let from: DueRow[] = lane.pushed;
        let pick = -1;
        let soonest = Infinity;
        for (const list of [lane.pushed, lane.queue]) {
          for (let i = 0; i < list.length && pick < 0; i++) {
            const at = this.readyAt(lane, list[i]!, now);
            if (at <= now) {
              from = list;
              pick = i;
            } else soonest = Math.min(soonest, at);
          }
          if (pick >= 0) break;
        }
        if (pick < 0) {
          await this.pause(lane, Math.min(soonest - now, pollMs));
          continue;
        }
        const row = from.splice(pick, 1)[0]!;
        if (row.reminder && this.hold(lane)) {
          lane.known.delete(row.id);
          lane.refresh = true;
          continue;
        }
        if (!row.transient && !row.claimed && !this.claim(row)) {
          lane.known.delete(row.id); // taken by another dispatcher
          continue;
        }
        this.launch(lane, row, now);
      } catch (error) {
        // A database busy beyond its timeout, say: log it (a database fault once, not every poll), wait, go on.
        if (!storageAlarm.noted(this.options.log, error, 'outbox'))
          this.options.log.error('outbox lane failed; retrying', { channel: lane.channel, error: String(error) });
        lane.refresh = true;
        await this.pause(lane, pollMs);
      }
    }
    // Stopping: let the sends in flight finish and be recorded, unless stop() gives up on them.
    let given = false;
    void this.abandoned.then(() => (given = true));
    while (lane.inFlight.size > 0 && !given) await Promise.race([this.pause(lane, 50), this.abandoned]);
  }

  private claim(row: DueRow): boolean {
    return claimRow(this.options.db, row.id, this.options.clock.now());
  }

  /** Counts the send against the limits and starts it; the lane is woken when it is recorded. */
  private launch(lane: Lane, row: DueRow, now: number): void {
    const chat = chatOf(row);
    const cost = messageCost(lane.channel, row.payload);
    const counted = lane.pacer.take(chat, now, cost, row.reply);
    lane.inFlight.add(row.id);
    lane.busy.add(chat);
    if (!row.reply) lane.bulkInFlight++;
    const answered = (outcome: SendResult) => {
      lane.pacer.answered(counted, performance.now(), now);
      if (!outcome.ok && (outcome.kind === 'temporary' || outcome.kind === 'deferred' || outcome.kind === 'account')) lane.pacer.refund(counted, cost, row.reply);
    };
    void this.deliver(lane, row, answered).finally(() => {
      lane.inFlight.delete(row.id);
      lane.known.delete(row.id);
      lane.busy.delete(chat);
      if (!row.reply) lane.bulkInFlight--;
      lane.wake();
    });
  }

  /** Holds the lane's reminders back if they may not go out now; true if it did. */
  private hold(lane: Lane): boolean {
    const { db, clock, log, holdUntil } = this.options;
    const now = clock.now();
    const until = holdUntil?.(now);
    if (until === undefined || until <= now) return false;
    const held = holdReminders(db, lane.channel, now, until);
    if (held > 0) log.info('reminders held until the quiet hours end', { channel: lane.channel, rows: held, until: new Date(until).toISOString() });
    return true;
  }

  /** A refusal with retry_after pauses that chat; many chats refused at once pause all but replies. */
  private refused(lane: Lane, row: DueRow, retryAfterMs: number): void {
    const now = performance.now();
    const chat = chatOf(row);
    lane.pacer.pauseChat(chat, now + retryAfterMs);
    if (retryAfterMs <= 0) return;
    lane.refusals = lane.refusals.filter((r) => r.at > now - 1_000 && r.chat !== chat);
    lane.refusals.push({ chat, at: now });
    if (lane.refusals.length >= FLOOD_CHATS) {
      this.options.log.warn('messenger refuses many chats at once: pausing all but replies', { channel: lane.channel, ms: retryAfterMs });
      lane.pacer.pause(now + retryAfterMs);
      lane.refusals = [];
    }
  }

  private async deliver(lane: Lane, row: DueRow, answered: (outcome: SendResult) => void): Promise<void> {
    const outcome = await sendRow(lane.sender, row);
    answered(outcome);
    if (this.stopping && !outcome.ok) return; // left claimed: the next process sends it again
    if (row.transient) {
      if (!outcome.ok) this.options.log.warn('message not delivered', { channel: lane.channel, error: outcome.error });
      return;
    }
    // The chat stays busy until its result is recorded: a retried reply must hold back the next.
    await new Promise<void>((resolve) => {
      this.unsettled.push({ lane, row, outcome, resolve });
      // A moment later, or at once when many wait (a burst must not keep their chats busy).
      if (this.unsettled.length >= SETTLE_BATCH) this.settleAll();
      else if (this.unsettled.length === 1) setTimeout(() => this.settleAll(), SETTLE_WAIT_MS);
    });
  }

  /** Results of sends answered but not yet recorded. */
  private unsettled: (Unrecorded & { resolve: () => void })[] = [];

  /** Records the results of every send answered and not yet recorded, then frees their chats. */
  private settleAll(): void {
    const items = this.unsettled.splice(0);
    if (items.length === 0) return;
    this.record(items);
    for (const item of items) item.resolve();
  }

  /**
   * Records sends' results in one transaction: one commit for many replies instead of one each.
   * When the database cannot take them now (locked, disk full), they are kept and recorded again at
   * each heartbeat, their claims renewed meanwhile: the messages, which went out, are not sent
   * twice. Any other failure is logged; the claims then go stale and the rows are sent again later.
   */
  private record(items: Unrecorded[]): void {
    const { db, clock, log } = this.options;
    const channels = this.options.senders.map((s) => s.channel);
    let results: Settled[];
    try {
      results = inTransaction(db, () => items.map((i) => settleRow(db, i.row, i.outcome, clock.now(), channels, log)), { immediate: true });
    } catch (error) {
      if (storageAlarm.noted(log, error, 'outbox result')) this.unrecorded.push(...items.map(({ lane, row, outcome }) => ({ lane, row, outcome })));
      else log.error('outbox results not recorded', { rows: items.length, error: String(error) });
      return;
    }
    storageAlarm.recovered(log);
    for (const [k, { lane, row, outcome }] of items.entries()) this.afterSettled(lane, row, outcome, results[k]!);
  }

  private afterSettled(lane: Lane, row: DueRow, outcome: SendResult, settled: Settled): void {
    const { clock } = this.options;
    if (settled.kind === 'retried' && row.reply) {
      // Its chat's later replies were given back to the table behind it (settleRow): drop them here.
      const chat = chatOf(row);
      lane.pushed = lane.pushed.filter((r) => {
        const later = r.claimed && r.id > row.id && chatOf(r) === chat;
        if (later) lane.known.delete(r.id);
        return !later;
      });
    }
    if (settled.kind === 'retried') {
      if (!outcome.ok && outcome.kind === 'temporary' && outcome.retryAfterMs !== undefined) this.refused(lane, row, outcome.retryAfterMs);
      else lane.pacer.pauseChat(chatOf(row), performance.now() + (settled.notBefore - clock.now()));
    }
    if (settled.kind === 'sent') this.totals.sent++;
    else if (settled.kind === 'retried' || settled.kind === 'moved' || settled.kind === 'deferred') this.totals.retried++;
    else if (settled.kind === 'unreachable') this.totals.unreachable++;
    else this.totals.failed++;
    if (settled.kind === 'moved') this.lanes.get(settled.channel)?.wake();
    this.options.onSettled?.(row, settled.kind);
  }
}
