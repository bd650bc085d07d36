import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { addRule } from '../../src/reminders/rules.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { outboxRows, vn, world } from './helpers.ts';

useTempDatabases();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts a planning process; it waits, ready, until `go` is called. */
function child(path: string, instants: number[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/reminders/plan-child.ts', path, ...instants.map(String)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('ready')) onReady();
  });
  const done = new Promise<{ ruleId: number; slotAt: number; queued: number }[]>((resolve, reject) =>
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}: ${err}`)))),
  );
  return { ready, go: () => proc.stdin.write('go\n'), done };
}

describe('two processes planning the same slots', () => {
  it('plan one outbox row per (rule, slot, person), and each firing once', async () => {
    const temp = openTempDatabase();
    const w = world(temp.db);
    // 600 more units, each with a liaison: a firing is a transaction long enough for the two to collide.
    temp.db.transaction((tx) => {
      for (let i = 0; i < 600; i++) upsertUnit(tx, { code: `X${i}`, name: `Đơn vị ${i}`, kind: 'xa' }, cliActor, vn('2020-01-02T09:00'));
    });
    for (let i = 0; i < 600; i++) w.addPerson(`X${i}`, 'liaison', `X${i}`);
    for (const offsetDays of [-14, -7, -3, 0, 1, 3])
      addRule(temp.db, w.movement.id, { kind: 'registration_deadline', offsetDays }, cliActor, vn('2020-01-02T09:00'));
    addRule(temp.db, w.movement.id, { kind: 'cron', cron: '0 10 * * *', subject: 'registration' }, cliActor, vn('2020-01-02T09:00'));
    const instants = ['2020-03-17T08:00', '2020-03-17T10:00', '2020-03-24T08:00', '2020-03-30T07:00', '2020-03-31T08:00', '2020-04-01T08:00', '2020-04-03T08:00'].map(vn);
    // One goes forwards through the instants, the other backwards: they meet in the middle. Both
    // are started and ready (loaded, database open) before either is told to go.
    const first = child(temp.path, instants);
    const second = child(temp.path, [...instants].reverse());
    await Promise.all([first.ready, second.ready]);
    first.go();
    second.go();
    const [a, b] = await Promise.all([first.done, second.done]);

    expect(a!.length).toBeGreaterThan(0);
    expect(b!.length).toBeGreaterThan(0);
    const rows = outboxRows(temp.db);
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Each firing was done by exactly one of the two, and what it queued is what the outbox holds.
    const firings = [...a!, ...b!];
    const slots = firings.map((f) => `${f.ruleId}:${f.slotAt}`);
    expect(new Set(slots).size).toBe(slots.length);
    expect(firings.reduce((n, f) => n + f.queued, 0)).toBe(rows.length);
    expect((temp.db.$client.prepare('SELECT count(*) AS n FROM reminder_firings').get() as { n: number }).n).toBe(firings.length);
    // 605 liaisons, none of them registered: 17/03 twice (−14 at 08:00, the daily one at 10:00 is
    // within 12 hours: nothing), 24/03, 30/03 (the −3 of Saturday), 31/03, 01/04, 03/04.
    expect(rows).toHaveLength(605 * 6);
    for (const person of Object.values(w.person).slice(0, 5)) expect(rows.filter((r) => r.person === person)).toHaveLength(6);
  }, 60_000);
});
