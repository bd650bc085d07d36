/**
 * The reminders in a running bot: a node-cron tick (every minute by default) asks the database what
 * is due and plans it into the outbox (planner.ts); the paced Dispatcher drains the outbox. The
 * tick holds no state: a restart, a double tick or a second process plan nothing twice, and slots
 * missed while the bot was down are caught up within `catchUpMs`. The dispatcher is built in main.ts,
 * held back in quiet hours by `quietHours`.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db/connection.ts';
import { storageAlarm } from '../db/faults.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import { currentMovement } from '../domain/movements.ts';
import { movementZone } from '../domain/time-zone.ts';
import { isAllowed, nextAllowed, policy } from './calendar.ts';
import { runDueReminders, type FiringResult, type PlannerOptions } from './planner.ts';

export interface RemindersConfig extends PlannerOptions {
  /** When the planner looks (cron, default every minute); the database decides what is due. */
  tick?: string;
}

/** What the reminders need of the dispatcher that sends what they plan. */
interface Kickable {
  kick(): void;
}

interface StartRemindersOptions {
  db: Db;
  /** The paced dispatcher that drains the outbox (built in main.ts), kicked when something is planned. */
  dispatcher: Kickable;
  clock: Clock;
  log: Logger;
  config?: RemindersConfig;
}

export interface RunningReminders {
  /** Stops the tick (the dispatcher is its builder's to stop). */
  stop(): Promise<void>;
  /** Something was queued (a notification for the admins): send it now. */
  kick(): void;
  /** Plans what is due now (the cron task calls it every minute). */
  tick(): FiringResult[];
}

/**
 * The dispatcher's `holdUntil`: reminders running late (a large batch, retries) do not go out in
 * quiet hours either, reckoned in the open movement's zone (the one rule of domain/time-zone.ts),
 * as the planner does.
 */
export function quietHours(db: Db, calendar?: PlannerOptions['calendar']): (now: number) => number | undefined {
  return (now) => {
    const current = policy({ ...calendar, timeZone: movementZone(currentMovement(db)) });
    return isAllowed(now, current) ? undefined : nextAllowed(now, current);
  };
}

export function startReminders({ db, dispatcher, clock, log, config = {} }: StartRemindersOptions): RunningReminders {
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
    async stop() {
      stopped = true;
      clearImmediate(first);
      await task.stop();
      await task.destroy();
    },
  };
}
