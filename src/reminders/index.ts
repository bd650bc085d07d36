/**
 * The reminders in a running bot: a node-cron tick (every minute by default) asks the database what
 * is due and plans it into the outbox (planner.ts); the paced Dispatcher drains the outbox. The
 * tick holds no state: a restart, a double tick or a second process plan nothing twice, and slots
 * missed while the bot was down are caught up within `catchUpMs`.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { ChannelSender } from '../chat/channel.ts';
import type { Db } from '../db/connection.ts';
import { storageAlarm } from '../db/faults.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import { Dispatcher, type DispatcherOptions } from '../delivery/dispatcher.ts';
import { currentMovement } from '../domain/movements.ts';
import { movementZone } from '../domain/time-zone.ts';
import { isAllowed, nextAllowed, policy } from './calendar.ts';
import { runDueReminders, type FiringResult, type PlannerOptions } from './planner.ts';

export interface RemindersConfig extends PlannerOptions {
  /** When the planner looks (cron, default every minute); the database decides what is due. */
  tick?: string;
  /** Messenger limits (default Telegram 30/s overall and 1/s per chat, Zalo 10/s and 1/s per user). */
  pace?: DispatcherOptions['pace'];
  /** A claim not renewed for this long is taken for a dead process's (default 60 s). */
  leaseMs?: number;
  /** How often an idle dispatcher looks for due rows (default 1 s). */
  pollMs?: number;
}

export interface StartRemindersOptions {
  db: Db;
  /** The channels' senders; may be filled after the call (a channel started later). */
  senders: ChannelSender[];
  clock: Clock;
  log: Logger;
  config?: RemindersConfig;
}

export interface RunningReminders {
  /** Stops the tick, then waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
  /** Something was queued (a notification for the admins): send it now. */
  kick(): void;
  /** Plans what is due now (the cron task calls it every minute). */
  tick(): FiringResult[];
  readonly dispatcher: Dispatcher;
}

export function startReminders({ db, senders, clock, log, config = {} }: StartRemindersOptions): RunningReminders {
  // Reminders running late (a large batch, retries) do not go out in quiet hours either, reckoned
  // in the open movement's zone (the one rule of domain/time-zone.ts), as the planner does.
  const calendarNow = () => policy({ ...config.calendar, timeZone: movementZone(currentMovement(db)) });
  const dispatcher = new Dispatcher({
    db,
    senders,
    clock,
    log,
    holdUntil: (now) => {
      const calendar = calendarNow();
      return isAllowed(now, calendar) ? undefined : nextAllowed(now, calendar);
    },
    ...(config.pace ? { pace: config.pace } : {}),
    ...(config.leaseMs !== undefined ? { leaseMs: config.leaseMs } : {}),
    ...(config.pollMs !== undefined ? { pollMs: config.pollMs } : {}),
  }).start();
  let stopped = false;
  const tick = (): FiringResult[] => {
    if (stopped) return [];
    try {
      const fired = runDueReminders(db, clock.now(), config);
      for (const f of fired) log.info('reminder fired', { rule: f.ruleId, slot: new Date(f.slotAt).toISOString(), queued: f.queued, units: f.units, escalated: f.escalated.length });
      if (fired.some((f) => f.queued > 0)) dispatcher.kick();
      return fired;
    } catch (error) {
      // A locked or full database is said once for the whole bot; the next tick tries again.
      if (!storageAlarm.noted(log, error, 'reminders')) log.error('reminder tick failed', { error: String(error) });
      return [];
    }
  };
  const task: ScheduledTask = cron.schedule(config.tick ?? '* * * * *', () => void tick(), {
    name: 'thidua-reminders',
    noOverlap: true,
    logger: {
      info: () => undefined,
      debug: () => undefined,
      warn: (message) => log.debug('node-cron', { message }),
      error: (message) => log.error('node-cron', { message: String(message) }),
    },
  });
  // Catch up at once on what fell due while the bot was down.
  const first = setImmediate(() => void tick());
  return {
    tick,
    kick: () => dispatcher.kick(),
    dispatcher,
    async stop() {
      stopped = true;
      clearImmediate(first);
      await task.stop();
      await task.destroy();
      await dispatcher.stop();
    },
  };
}

export { runDueReminders, fireSlot, DEFAULT_CATCH_UP_MS, type FiringResult, type PlannerOptions } from './planner.ts';
export { addRule, createDefaultRules, listRules, setRulePaused, DEFAULT_RULES, type RuleInput } from './rules.ts';
export {
  broadcastReport,
  cancelBroadcast,
  confirmBroadcast,
  draftBroadcast,
  listBroadcasts,
  parseAudience,
  previewBroadcast,
  type Audience,
  type BroadcastPreview,
  type DeliveryReport,
} from './broadcast.ts';
