/**
 * A registration season on the Zalo OA, at a province's scale: 300 liaisons on Zalo, each writing
 * 50 messages in five sittings between 11/03 and 31/03/2020, and each reminded 8 times by the
 * default registration rules (deadline Thursday 26/03: 14, 7, 3 and 1 days before, on the day, 1,
 * 3 and 7 days after, those on a weekend or Giỗ Tổ moved to the next working day). Everything runs
 * as the bot runs it: signed webhook calls, the Zalo channel, the chat core, the planner and the
 * paced dispatcher on a SQLite file, against the fake OA on 127.0.0.1, which counts each message in
 * the allowance Zalo would (a reply carrying the person's message_id within 8 per 48 h, else
 * proactive) and refuses messages by user id to anyone silent for 7 days.
 * Target: replies never spend the proactive allowance; proactive messages are the reminders and
 * notices themselves, no more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createZaloChannel } from '../../src/channels/zalo/adapter.ts';
import { storeTokenPair } from '../../src/db/zalo-tokens.ts';
import type { ChannelSender } from '../../src/chat/channel.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { loadConfig } from '../../src/config.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { importMovement } from '../../src/domain/movements.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { saveBudget } from '../../src/delivery/zalo-quota.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { addRule, DEFAULT_RULES } from '../../src/reminders/rules.ts';
import { silentLogger } from '../../src/util/log.ts';
import { sign } from '../channels/zalo/harness.ts';
import { APP_ID, fixtureJson, OA_SECRET_KEY, startFakeZalo } from '../channels/zalo/fake-zalo.ts';

const LIAISONS = 300;
const SITTINGS = ['2020-03-11', '2020-03-16', '2020-03-20', '2020-03-25', '2020-03-31'];
const PER_SITTING = 10;
const REMINDERS_EACH = 8;
/** What a liaison types: menus, a target half entered and dropped, greetings; never a submission, so every reminder is owed. */
const SCRIPT = ['/donvi', '/dangky', '6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1', '%', '98,5', '/huy', 'xin chào', '/menu'];
const vn = (iso: string) => Date.parse(`${iso}+07:00`);
const DAY = 86_400_000;

function seed(db: Db): string[] {
  importMovement(
    db,
    movementDefinition.parse({
      movement: { code: 'ZALO-2020', name: 'Phong trào thi đua năm 2020', starts: '2020-01-01', ends: '2020-12-31', registrationDeadline: '2020-03-26' },
      contentAreas: [{ number: 6, title: 'Cải cách hành chính' }],
    }),
    cliActor,
    vn('2020-01-02T09:00'),
  );
  const movementId = (db.$client.prepare("SELECT id FROM movements WHERE code = 'ZALO-2020'").get() as { id: number }).id;
  for (const rule of DEFAULT_RULES.filter((r) => r.kind === 'registration_deadline')) addRule(db, movementId, rule, cliActor, vn('2020-03-01T09:00'));
  const unit = db.$client.prepare("INSERT INTO units (code, name, kind) VALUES (?, ?, 'xa')");
  const person = db.$client.prepare("INSERT INTO people (full_name, role, unit_id) VALUES (?, 'liaison', ?)");
  const identity = db.$client.prepare("INSERT INTO identities (person_id, channel, external_id) VALUES (?, 'zalo', ?)");
  const users: string[] = [];
  db.$client.transaction(() => {
    for (let i = 0; i < LIAISONS; i++) {
      const unitId = unit.run(`X${i}`, `Xã thử ${i}`).lastInsertRowid;
      users.push(`84000${String(i).padStart(6, '0')}`);
      identity.run(person.run(`Cán bộ ${i}`, unitId).lastInsertRowid, users[i]);
    }
  })();
  // The Board's choice for the season: no cap, so that the run shows what a season spends.
  saveBudget(db, { monthly: 1_000_000 }, vn('2020-03-01T09:00'));
  return users;
}

export async function benchZaloSeason(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-zalo-season-'));
  const path = join(dir, 'thidua.db');
  const db = openDatabase(path);
  const fake = await startFakeZalo();
  const clock = fixedClock(vn('2020-03-11T08:00'));
  fake.now = () => clock.now();
  fake.enforceWindow = true;
  try {
    const users = seed(db);
    storeTokenPair(db, { accessToken: fake.valid.access, refreshToken: fake.valid.refresh, expiresAt: clock.now() + 365 * DAY }, clock.now());
    const config = loadConfig({ DATABASE_PATH: path, ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: 'test-app-secret', ZALO_OA_SECRET_KEY: OA_SECRET_KEY, ZALO_API_BASE: fake.base, ZALO_OAUTH_BASE: fake.base });
    const senders: ChannelSender[] = [];
    // Zalo's pace raised (its limit is not what is measured here), replies and reminders alike.
    const outbox = new Dispatcher({ db, senders, clock, log: silentLogger, pollMs: 20, pace: { zalo: { limit: 5_000, perChat: 100, maxInFlight: 64 } } }).start();
    const channel = createZaloChannel({ config, db, core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, keepAliveMs: 0, outbound: outbox });
    senders.push(channel.sender);
    const server = await startHttpServer(0, channel.routes, silentLogger, '127.0.0.1');
    const sample = fixtureJson('user_send_text.official-example.json');
    let messageNo = 0;
    const write = async (user: string, text: string) => {
      const msgId = `season-${++messageNo}`;
      fake.inbound(user, msgId, clock.now());
      const timestamp = String(clock.now());
      const raw = JSON.stringify({ ...sample, sender: { id: user }, message: { text, msg_id: msgId }, timestamp });
      const response = await fetch(`http://127.0.0.1:${server.port}/zalo/webhook`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-zevent-signature': sign(raw, timestamp) } });
      await response.text();
    };
    const settle = async () => {
      await channel.idle();
      await outbox.whenIdle();
    };

    const started = performance.now();
    for (let day = vn('2020-03-11T00:00'); day <= vn('2020-04-03T00:00'); day += DAY) {
      clock.set(day + 8 * 3_600_000);
      runDueReminders(db, clock.now());
      outbox.kick();
      await settle();
      if (SITTINGS.some((s) => vn(`${s}T00:00`) === day)) {
        clock.set(day + 10 * 3_600_000);
        for (let k = 0; k < PER_SITTING; k++) {
          const text = SCRIPT[k % SCRIPT.length]!;
          for (let from = 0; from < users.length; from += 50) await Promise.all(users.slice(from, from + 50).map((u) => write(u, text)));
          await settle();
          clock.advance(60_000);
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    await channel.stop();
    await outbox.stop();
    await server.close();

    const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    const sends = fake.allowances();
    const answers = sends.filter((s) => s.replyTo !== undefined);
    const answersProactive = answers.filter((s) => s.quotaType !== 'reply').length;
    const reminders = count("SELECT count(*) AS n FROM outbox WHERE rule_id IS NOT NULL AND status = 'sent' AND channel = 'zalo'");
    const notices = count("SELECT count(*) AS n FROM outbox WHERE rule_id IS NULL AND broadcast_id IS NULL AND reply = 0 AND status = 'sent' AND channel = 'zalo'");
    const replyRows = count("SELECT count(*) AS n FROM outbox WHERE reply = 1 AND status = 'sent'");
    const proactive = fake.proactiveCount();
    const ledgerProactive = count("SELECT count(*) AS n FROM zalo_quota_ledger WHERE kind = 'proactive'");
    const byMonth = db.$client.prepare("SELECT month, count(*) AS n FROM zalo_quota_ledger WHERE kind = 'proactive' GROUP BY month ORDER BY month").all() as { month: string; n: number }[];
    const unreached = count("SELECT count(*) AS n FROM outbox WHERE rule_id IS NOT NULL AND status <> 'sent'");
    const ok = answersProactive === 0 && proactive === reminders + notices && ledgerProactive === proactive && reminders === LIAISONS * REMINDERS_EACH;

    console.log(`Zalo season: ${LIAISONS} liaisons on the Zalo OA, ${messageNo.toLocaleString('en')} messages (${PER_SITTING * SITTINGS.length} each), ${REMINDERS_EACH} reminders each`);
    console.log(`  answers sent                  ${replyRows.toLocaleString('en')} outbox replies = ${answers.length.toLocaleString('en')} Zalo messages, all carrying the person's message_id`);
    console.log(`  answers counted as proactive  ${answersProactive}   (target 0)`);
    console.log(`  reminders sent on Zalo        ${reminders.toLocaleString('en')}   (${LIAISONS} × ${REMINDERS_EACH}; not delivered: ${unreached})`);
    console.log(`  notices sent on Zalo          ${notices}`);
    console.log(`  proactive messages spent      ${proactive.toLocaleString('en')} by Zalo's count, ${ledgerProactive.toLocaleString('en')} in the bot's ledger   (target = reminders + notices = ${(reminders + notices).toLocaleString('en')})`);
    console.log(`  proactive by month            ${byMonth.map((m) => `${m.month}: ${m.n.toLocaleString('en')}`).join(', ')}   (a verified OA has 1,000 free a month)`);
    console.log(`  if every answer went by user id, ${(proactive + answers.length).toLocaleString('en')} proactive messages would have been spent`);
    console.log(`  run time                      ${seconds.toFixed(1)} s`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    await fake.close();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = (await benchZaloSeason()) ? 0 : 1;
