/**
 * The dispatcher: drains the outbox at each messenger's pace, one lane per channel so a slow Zalo
 * never holds up Telegram. A lane reads due rows (one-off notices before reminders and broadcasts),
 * and for each one waits until the channel's pacer allows a send to that chat, claims the row,
 * sends it with up to `maxInFlight` sends awaiting their answer, and records the outcome
 * (outbox.ts). Claims in flight are renewed; claims left by a dead process go stale after
 * `leaseMs` and the rows are sent again, so after a crash at most the rows then in flight can
 * reach their recipient twice.
 */
import { performance } from 'node:perf_hooks';
import type { ChannelSender } from '../chat/channel.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../util/log.ts';
import { claimRow, dueRows, holdReminders, recoverStaleClaims, renewClaims, sendRow, settleRow, type DrainResult, type DueRow } from './outbox.ts';
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
  queue: DueRow[];
  inFlight: Set<number>;
  refresh: boolean;
  wake: () => void;
  signal: Promise<void>;
  done: Promise<void>;
}

export class Dispatcher {
  private readonly lanes = new Map<Channel, Lane>();
  private stopping = false;
  private started = false;
  private timers: NodeJS.Timeout[] = [];
  readonly totals: DrainResult = { sent: 0, retried: 0, unreachable: 0, failed: 0 };

  constructor(private readonly options: DispatcherOptions) {}

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  start(): this {
    if (this.started) return this;
    this.started = true;
    const { db, clock, log } = this.options;
    const recovered = recoverStaleClaims(db, clock.now(), this.leaseMs);
    if (recovered > 0) log.warn('outbox rows left sending by a stopped process are sent again', { rows: recovered });
    const poll = setInterval(() => this.kick(false), this.options.pollMs ?? 1_000);
    const heartbeat = setInterval(() => this.heartbeat(), Math.max(50, Math.floor(this.leaseMs / 3)));
    poll.unref();
    heartbeat.unref();
    this.timers.push(poll, heartbeat);
    this.openLanes();
    return this;
  }

  /** New rows may be due (a unit submitted, a reminder fired): every lane looks again now. */
  kick(refresh = true): void {
    if (!this.started || this.stopping) return;
    this.openLanes();
    for (const lane of this.lanes.values()) {
      if (refresh) lane.refresh = true;
      lane.wake();
    }
  }

  /** Stops reading rows and waits for the sends in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    for (const lane of this.lanes.values()) lane.wake();
    await Promise.all([...this.lanes.values()].map((l) => l.done));
  }

  /** Rows in flight now, by id (for tests). */
  inFlight(): number[] {
    return [...this.lanes.values()].flatMap((l) => [...l.inFlight]);
  }

  private heartbeat(): void {
    const { db, clock, log } = this.options;
    try {
      const ids = this.inFlight();
      if (ids.length > 0) renewClaims(db, ids, clock.now());
      const recovered = recoverStaleClaims(db, clock.now(), this.leaseMs);
      if (recovered > 0) {
        log.warn('outbox rows left sending by a stopped process are sent again', { rows: recovered });
        this.kick();
      }
    } catch (error) {
      log.error('outbox heartbeat failed', { error: String(error) });
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
        queue: [],
        inFlight: new Set(),
        refresh: false,
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

  private async run(lane: Lane): Promise<void> {
    const { db, clock } = this.options;
    const batch = this.options.batch ?? 500;
    const pollMs = this.options.pollMs ?? 1_000;
    const pace = lane.pacer.pace;
    while (!this.stopping) {
      try {
        if (lane.refresh || lane.queue.length === 0) {
          lane.refresh = false;
          this.hold(lane);
          lane.queue = dueRows(db, [lane.channel], clock.now(), batch, lane.inFlight);
          if (lane.queue.length === 0) {
            await this.pause(lane, pollMs);
            continue;
          }
        }
        if (lane.inFlight.size >= pace.maxInFlight) {
          await this.pause(lane, pollMs);
          continue;
        }
        const now = performance.now();
        const globalAt = lane.pacer.earliest(now);
        if (globalAt > now) {
          await this.pause(lane, globalAt - now);
          continue;
        }
        // The first row whose chat may get a message now (one-off notices come first in the queue).
        let pick = -1;
        let soonest = Infinity;
        for (let i = 0; i < lane.queue.length; i++) {
          const row = lane.queue[i]!;
          const at = lane.pacer.chatEarliest(row.externalId ?? `#${row.id}`, now, messageCost(lane.channel, row.payload));
          if (at <= now) {
            pick = i;
            break;
          }
          soonest = Math.min(soonest, at);
        }
        if (pick < 0) {
          await this.pause(lane, Math.min(soonest - now, pollMs));
          continue;
        }
        const [row] = lane.queue.splice(pick, 1);
        if (row!.reminder && this.hold(lane)) {
          lane.refresh = true;
          continue;
        }
        const cost = messageCost(lane.channel, row!.payload);
        if (lane.pacer.earliest(now, cost) > now) {
          lane.queue.unshift(row!);
          await this.pause(lane, lane.pacer.earliest(now, cost) - now);
          continue;
        }
        if (!claimRow(db, row!.id, clock.now())) continue; // taken by another dispatcher
        const counted = lane.pacer.take(row!.externalId ?? `#${row!.id}`, now, cost);
        lane.inFlight.add(row!.id);
        void this.deliver(lane, row!, () => lane.pacer.answered(counted, performance.now())).finally(() => {
          lane.inFlight.delete(row!.id);
          lane.wake();
        });
      } catch (error) {
        // A database busy beyond its timeout, say: log it, wait, go on.
        this.options.log.error('outbox lane failed; retrying', { channel: lane.channel, error: String(error) });
        lane.refresh = true;
        await this.pause(lane, pollMs);
      }
    }
    // Stopping: let the sends in flight finish and be recorded.
    while (lane.inFlight.size > 0) await this.pause(lane, 50);
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

  private async deliver(lane: Lane, row: DueRow, answered: () => void): Promise<void> {
    const { db, clock, log } = this.options;
    const outcome = await sendRow(lane.sender, row);
    answered();
    try {
      const channels = this.options.senders.map((s) => s.channel);
      const settled = settleRow(db, row, outcome, clock.now(), channels, log);
      if (!outcome.ok && outcome.kind === 'temporary' && outcome.retryAfterMs !== undefined) {
        // The messenger asked the whole bot to slow down.
        lane.pacer.pause(performance.now() + outcome.retryAfterMs);
      }
      if (settled.kind === 'sent') this.totals.sent++;
      else if (settled.kind === 'retried' || settled.kind === 'moved') this.totals.retried++;
      else if (settled.kind === 'unreachable') this.totals.unreachable++;
      else this.totals.failed++;
      if (settled.kind === 'moved') this.lanes.get(settled.channel)?.wake();
      this.options.onSettled?.(row, settled.kind);
    } catch (error) {
      // Not recorded: the claim goes stale and the row is sent again later.
      log.error('outbox result not recorded', { id: row.id, error: String(error) });
    }
  }
}
