// A second (and third…) bot process for the race test: opens the database file, says it is ready,
// waits for the go (a line on stdin, sent once every process is ready), then at each given instant (in the order given) fires every due slot directly —
// as if it had just checked that nobody had — then ticks the planner normally; prints what it fired.
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { listRules } from '../../src/reminders/rules.ts';
import { calendarFor, DEFAULT_CATCH_UP_MS, fireSlot, runDueReminders } from '../../src/reminders/planner.ts';
import { dueSlots } from '../../src/reminders/slots.ts';
import { currentMovement } from '../../src/domain/movements.ts';

const [path, ...instants] = process.argv.slice(2);
const db = openDatabase(path!);
const movement = currentMovement(db)!;
const p = calendarFor(movement);
process.stderr.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
const fired: { ruleId: number; slotAt: number; queued: number }[] = [];
for (const now of instants.map(Number)) {
  for (const rule of listRules(db, movement.id)) {
    for (const slot of dueSlots(db, rule, movement, now, Math.max(now - DEFAULT_CATCH_UP_MS, rule.activeFrom ?? 0), p)) {
      const f = fireSlot(db, movement, rule, slot, now);
      if (f) fired.push({ ruleId: f.ruleId, slotAt: f.slotAt, queued: f.queued });
    }
  }
  for (const f of runDueReminders(db, now)) fired.push({ ruleId: f.ruleId, slotAt: f.slotAt, queued: f.queued });
  // Ticks are apart in time, as in the bot: on a busy machine one process could otherwise run
  // through every instant before the other has started, and there would be no race to test.
  await new Promise((resolve) => setTimeout(resolve, 25));
}
closeDatabase(db);
process.stdout.write(JSON.stringify(fired));
