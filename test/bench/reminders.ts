/**
 * Reminders at scale. (1) Planning: one registration rule falls due for 10,000 liaisons of 10,000
 * units that have not registered; the tick computes the audience and queues 10,000 outbox rows in
 * one transaction (target < 1 s); a broadcast to the same 10,000 is confirmed too. (2) Delivery:
 * the paced dispatcher sends them through the real Telegram sender (grammY) to a local fake Bot API
 * that enforces Telegram's limits, answering 429 with retry_after when exceeded. The limits (30 a
 * second overall, 1 a second per chat) and the dispatcher's pace are scaled up together by SCALE
 * (BENCH_SCALE, default 20) to keep the run short; the achieved rate must be at least 95% of the
 * allowed one, with every message delivered exactly once. The fake runs in a process of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { systemClock } from '../../src/util/clock.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { findMovement, importMovement } from '../../src/domain/movements.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { confirmBroadcast, draftBroadcast } from '../../src/reminders/broadcast.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { addRule } from '../../src/reminders/rules.ts';
import { silentLogger } from '../../src/util/log.ts';
import { telegramSender } from '../delivery/helpers.ts';

const RECIPIENTS = 10_000;
/** Telegram's limits and the dispatcher's pace, both multiplied by this. */
const SCALE = Number(process.env.BENCH_SCALE ?? 20);
const LIMIT = 30 * SCALE;
const PER_CHAT = 1 * SCALE;
const FIRST_CHAT = 5_000_000;
/** 17/03/2020 08:00 in Hà Nội: 14 days before the registration deadline. */
const SLOT = Date.UTC(2020, 2, 17, 1, 0);

function seed(db: Db): void {
  importMovement(
    db,
    movementDefinition.parse({
      movement: { code: 'BENCH-2020', name: 'Phong trào thi đua 2020', starts: '2020-01-01', ends: '2020-12-31', registrationDeadline: '2020-03-31' },
      contentAreas: [{ number: 1, title: 'Công tác thi đua' }],
    }),
    cliActor,
    Date.UTC(2020, 0, 2),
  );
  const unit = db.$client.prepare("INSERT INTO units (code, name, kind) VALUES (?, ?, 'xa')");
  const person = db.$client.prepare("INSERT INTO people (full_name, role, unit_id) VALUES (?, 'liaison', ?)");
  const identity = db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', ?, 1)");
  db.$client.transaction(() => {
    for (let i = 0; i < RECIPIENTS; i++) {
      const unitId = unit.run(`U${i}`, `Xã thử ${i}`).lastInsertRowid;
      const personId = person.run(`Cán bộ ${i}`, unitId).lastInsertRowid;
      identity.run(personId, String(FIRST_CHAT + i));
    }
  })();
}

const count = (db: Db, where: string) => (db.$client.prepare(`SELECT count(*) AS n FROM outbox WHERE ${where}`).get() as { n: number }).n;

interface ServerStats {
  received: number;
  chats: number;
  doubled: number;
  rateLimited: number;
  spanMs: number;
  busiestSecond: number;
}

/** The fake Bot API in a child process; `stats()` asks it what it received. */
async function fakeServer(): Promise<{ root: string; stats(): Promise<ServerStats>; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fake-telegram-server.ts', import.meta.url)), String(LIMIT), String(PER_CHAT)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const root = (await lines.next()).value as string;
  return {
    root,
    async stats() {
      child.stdin!.write('stats\n');
      return JSON.parse((await lines.next()).value as string) as ServerStats;
    },
    close: () => child.kill(),
  };
}

export async function benchReminders(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const server = await fakeServer();
  try {
    const db = openDatabase(join(dir, 'bot.db'));
    seed(db);
    const movement = findMovement(db, 'BENCH-2020');
    addRule(db, movement.id, { kind: 'registration_deadline', offsetDays: -14 }, cliActor, Date.UTC(2020, 0, 2));

    // (1) Planning.
    let t0 = performance.now();
    const fired = runDueReminders(db, SLOT);
    const planMs = performance.now() - t0;
    const planned = fired.reduce((n, f) => n + f.queued, 0);
    t0 = performance.now();
    const { broadcast } = draftBroadcast(db, movement, { text: 'Họp trực tuyến toàn tỉnh lúc 14:00.', audience: { kind: 'all' } }, cliActor, SLOT);
    const { queued } = confirmBroadcast(db, broadcast.id, cliActor, SLOT);
    const broadcastMs = performance.now() - t0;
    // Deliver the reminders; the broadcast stays queued (its rows wait a century).
    db.$client.prepare('UPDATE outbox SET not_before = ? WHERE broadcast_id IS NOT NULL').run(Date.now() + 100 * 365 * 86_400_000);

    // (2) Delivery at Telegram's pace, scaled; real time, so that a 429's retry_after passes.
    const dispatcher = new Dispatcher({
      db,
      senders: [telegramSender(db, server.root, systemClock)],
      clock: systemClock,
      log: silentLogger,
      pollMs: 20,
      pace: { telegram: { limit: LIMIT, perChat: PER_CHAT, maxInFlight: 16 } },
    });
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    dispatcher.start();
    while (count(db, "rule_id IS NOT NULL AND status IN ('pending', 'sending')") > 0 && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
    await dispatcher.stop();
    const cpu = process.cpuUsage(cpu0);
    const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
    const sent = count(db, "rule_id IS NOT NULL AND status = 'sent'");
    closeDatabase(db);
    const stats = await server.stats();
    const rate = (stats.received - 1) / (stats.spanMs / 1000);
    const fraction = rate / LIMIT;
    const lost = RECIPIENTS - stats.chats;

    console.log(`Reminders: ${RECIPIENTS.toLocaleString('en')} recipients`);
    console.log(`  planned into the outbox       ${planned} rows in ${planMs.toFixed(0)} ms   (target < 1000 ms)`);
    console.log(`  broadcast confirmed           ${queued} rows in ${broadcastMs.toFixed(0)} ms`);
    console.log(`  fake Bot API limits           ${LIMIT}/s overall, ${PER_CHAT}/s per chat (Telegram's ×${SCALE}); 429 with retry_after beyond them`);
    console.log(`  delivered                     ${sent} sent, ${stats.received} received in ${(stats.spanMs / 1000).toFixed(2)} s`);
    console.log(`  achieved rate                 ${rate.toFixed(0)}/s = ${(fraction * 100).toFixed(1)}% of the limit   (target ≥ 95%)`);
    console.log(`  busiest second                ${stats.busiestSecond} messages (limit ${LIMIT})`);
    console.log(`  refused with 429              ${stats.rateLimited}`);
    console.log(`  sender's CPU                  ${(cpuShare * 100).toFixed(0)}% of a core (claim, send through grammY, record)`);
    console.log(`  lost / doubled                ${lost} / ${stats.doubled}`);
    const ok =
      planned === RECIPIENTS && planMs < 1000 && queued === RECIPIENTS && sent === RECIPIENTS && fraction >= 0.95 && lost === 0 && stats.doubled === 0 && stats.received === RECIPIENTS;
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
