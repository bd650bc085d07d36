import { afterEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import type { ChannelSender } from '../../src/chat/channel.ts';
import type { Db } from '../../src/db/connection.ts';
import type { Clock } from '../../src/util/clock.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { quietHours, startReminders, type RemindersConfig, type RunningReminders } from '../../src/reminders/index.ts';
import { addRule } from '../../src/reminders/rules.ts';
import { confirmBroadcast, draftBroadcast } from '../../src/reminders/broadcast.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { FakeBotApi } from '../helpers/fake-telegram.ts';
import { waitFor } from '../helpers/wait.ts';
import { telegramSender } from '../delivery/helpers.ts';
import { vn, world } from './helpers.ts';

useTempDatabases();

/** The reminders as main.ts runs them: the paced dispatcher (held back in quiet hours) and the tick; stopped together. */
function startWithDispatcher(options: { db: Db; senders: ChannelSender[]; clock: Clock; config: RemindersConfig & { pollMs: number } }): RunningReminders {
  const { pollMs, ...config } = options.config;
  const dispatcher = new Dispatcher({ db: options.db, senders: options.senders, clock: options.clock, log: silentLogger, holdUntil: quietHours(options.db), pollMs }).start();
  const reminders = startReminders({ db: options.db, dispatcher, clock: options.clock, log: silentLogger, config });
  return {
    ...reminders,
    async stop() {
      await reminders.stop();
      await dispatcher.stop();
    },
  };
}

let running: RunningReminders | undefined;
let api: FakeBotApi | undefined;
afterEach(async () => {
  await running?.stop();
  await api?.close();
  running = undefined;
});

describe('startReminders', () => {
  it('catches up at start, ticks on its schedule, and delivers through the channel with a button that opens the flow', async () => {
    const temp = openTempDatabase();
    const w = world(temp.db);
    addRule(temp.db, w.movement.id, { kind: 'registration_deadline', offsetDays: -14 }, cliActor, vn('2020-01-02T09:00'));
    addRule(temp.db, w.movement.id, { kind: 'registration_deadline', offsetDays: -7 }, cliActor, vn('2020-01-02T09:00'));
    api = await new FakeBotApi().start();
    api.limitRate({ perWindow: 30, perChat: 1 });
    // The bot was down at 08:00; it starts at 09:10.
    const clock = fixedClock(vn('2020-03-17T09:10'));
    const senders = [telegramSender(temp.db, api.root, clock)];
    running = startWithDispatcher({ db: temp.db, senders, clock, config: { tick: '* * * * * *', pollMs: 50 } });
    await waitFor(() => api!.deliveries.length === 5, 'the caught-up reminders', 5_000);
    const keyboard = api.lastKeyboard(w.chat.SNV!);
    expect(keyboard?.text).toContain('Sở Nội vụ chưa đăng ký chỉ tiêu thi đua.');
    expect(keyboard?.buttons).toEqual([
      { text: '1. Đăng ký chỉ tiêu', callback_data: '0:go:register' },
      { text: '2. 📄 Biểu mẫu Excel', callback_data: '0:go:register:form' },
    ]);

    // A week later, at 08:00, the next tick (every second here) plans the next slot.
    clock.set(vn('2020-03-24T08:00'));
    await waitFor(() => api!.deliveries.length === 10, 'the next slot', 5_000);
    expect(running.tick()).toEqual([]);
    await running.stop();
    const stoppedAt = api.deliveries.length;
    clock.set(vn('2020-03-31T08:00'));
    addRule(temp.db, w.movement.id, { kind: 'registration_deadline', offsetDays: 0 }, cliActor, vn('2020-03-20T09:00'));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(api.deliveries.length).toBe(stoppedAt);
    running = undefined;
  });

  it('reminders still queued when quiet hours begin wait until 07:00; a broadcast does not', async () => {
    const temp = openTempDatabase();
    const w = world(temp.db);
    addRule(temp.db, w.movement.id, { kind: 'registration_deadline', offsetDays: -14, atTime: '20:59' }, cliActor, vn('2020-01-02T09:00'));
    const clock = fixedClock(vn('2020-03-17T20:59'));
    expect(runDueReminders(temp.db, clock.now()).map((f) => f.queued)).toEqual([5]);
    const { broadcast } = draftBroadcast(temp.db, w.movement, { text: 'Khẩn', audience: { kind: 'all' } }, cliActor, clock.now());
    confirmBroadcast(temp.db, broadcast.id, cliActor, clock.now());
    // The bot was busy: it gets to them at 21:01.
    clock.set(vn('2020-03-17T21:01'));
    api = await new FakeBotApi().start();
    running = startWithDispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock)], clock, config: { pollMs: 50 } });
    await waitFor(() => api!.deliveries.length === 5, 'the broadcast', 5_000);
    expect(api.deliveries.every((d) => d.text.startsWith('📢'))).toBe(true);
    expect(temp.db.$client.prepare("SELECT DISTINCT status, not_before AS nb FROM outbox WHERE rule_id IS NOT NULL").all()).toEqual([
      { status: 'pending', nb: vn('2020-03-18T07:00') },
    ]);
    clock.set(vn('2020-03-18T07:00'));
    running.kick();
    await waitFor(() => api!.deliveries.length === 10, 'the reminders at 07:00', 5_000);
  });
});
