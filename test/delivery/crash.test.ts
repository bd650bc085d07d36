import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { broadcastReport, confirmBroadcast, draftBroadcast } from '../../src/reminders/broadcast.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { FakeBotApi } from '../helpers/fake-telegram.ts';
import { waitFor } from '../helpers/wait.ts';
import { world } from '../reminders/helpers.ts';

useTempDatabases();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const IN_FLIGHT = 4;
const children: ChildProcess[] = [];
let api: FakeBotApi | undefined;

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await api?.close();
});

function start(path: string, broadcastId: number, leaseMs: number): { proc: ChildProcess; exited: Promise<number | null>; started: Promise<void> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/delivery/broadcast-child.ts', path, api!.root, String(broadcastId), String(leaseMs), '200', String(IN_FLIGHT)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(proc);
  const started = new Promise<void>((resolve) => proc.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, exited, started };
}

describe('a crash in the middle of a broadcast', () => {
  it('kill -9, then a restart: everyone gets the message, nobody twice but for the sends then in flight', async () => {
    const temp = openTempDatabase();
    const w = world(temp.db);
    const at = Date.now();
    temp.db.transaction((tx) => {
      for (let i = 0; i < 395; i++) upsertUnit(tx, { code: `X${i}`, name: `Đơn vị ${i}`, kind: 'xa' }, cliActor, at);
    });
    for (let i = 0; i < 395; i++) w.addPerson(`X${i}`, 'liaison', `X${i}`);
    const { broadcast } = draftBroadcast(temp.db, w.movement, { text: 'Kiểm tra trực tuyến', audience: { kind: 'all' } }, cliActor, at);
    expect(confirmBroadcast(temp.db, broadcast.id, cliActor, at).queued).toBe(400);
    api = await new FakeBotApi().start();
    api.limitRate({ perWindow: 200, perChat: 1 });
    // Each send takes 15 ms to be answered: at 200 a second, a few are always in flight.
    api.latencyMs = 15;

    const first = start(temp.path, broadcast.id, 1_500);
    await first.started;
    await waitFor(() => api!.deliveries.length >= 150, 'the broadcast under way', 15_000);
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const deliveredBefore = api.deliveries.length;
    expect(deliveredBefore).toBeLessThan(400);
    // What was claimed and not recorded when the process died: the sends in flight.
    const inFlight = (temp.db.$client.prepare("SELECT i.external_id AS chat FROM outbox o JOIN identities i ON i.id = o.identity_id WHERE o.status = 'sending'").all() as {
      chat: string;
    }[]).map((r) => Number(r.chat));
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeLessThanOrEqual(IN_FLIGHT);

    const second = start(temp.path, broadcast.id, 1_500);
    expect(await second.exited).toBe(0);

    const counts = api.countsByChat();
    const chats = Object.entries(w.chat).filter(([name]) => name !== 'admin').map(([, chat]) => chat);
    expect(chats.every((c) => (counts.get(c) ?? 0) >= 1)).toBe(true);
    const twice = [...counts].filter(([, n]) => n > 1).map(([chat]) => chat);
    expect([...counts.values()].every((n) => n <= 2)).toBe(true);
    expect(twice.every((c) => inFlight.includes(c))).toBe(true);
    expect(api.deliveries).toHaveLength(400 + twice.length);
    expect(api.rateLimited).toBe(0);
    expect(broadcastReport(temp.db, broadcast.id)).toMatchObject({ total: 400, sent: 400, pending: 0, failed: 0, unreachable: 0 });
    console.log(`crash test: ${deliveredBefore} delivered before the kill, ${inFlight.length} in flight, ${twice.length} delivered twice`);
  }, 60_000);
});
