/**
 * Urging a period at scale: the export benchmark's movement (5,000 units × 20 targets in 50
 * clusters/blocks, four quarterly reports and no 6-month one), a liaison on Telegram for every
 * unit, a head for every cluster/block, on 20/07/2020 when all 5,000 owe the 6-month report.
 * Through the real chat core, in its transaction as a message is handled: /dondoc (what is owed,
 * counted), the 6-month list, urging all 5,000 (5,000 urges claimed and outbox rows queued), and
 * urging again (nothing sent); the /thongbao preview of "chưa gửi báo cáo 6 tháng"; one firing of
 * the daily digest (the admin and 50 heads, each its own cluster). Targets: each chat step under
 * 300 ms but urging all under 1 s; the preview under 300 ms; the digest under 1 s.
 *
 * Run alone: `npx tsx test/bench/urging.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChatCore } from '../../src/chat/core.ts';
import { encodeChoice, type OutboundMessage } from '../../src/chat/types.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { findMovement, listPeriods } from '../../src/domain/movements.ts';
import { periodStanding } from '../../src/domain/period-standing.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { handleAndNotify } from '../../src/inbound/inbound.ts';
import { parseAudience, previewBroadcast } from '../../src/reminders/broadcast.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { addRule } from '../../src/reminders/rules.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import { generate } from './export.ts';

const CODE = 'BENCH-2020';
/** Monday 20/07/2020, 10:00 in Hà Nội. */
const NOW = Date.parse('2020-07-20T03:00:00Z');
const LIMITS = { stepMs: 300, urgeAllMs: 1_000, previewMs: 300, digestMs: 1_000 };

/** A liaison on Telegram for every unit, and a cluster head for every cluster/block (of its head unit). */
function people(db: Db): void {
  const client = db.$client;
  const person = client.prepare('INSERT INTO people (full_name, role, unit_id) VALUES (?, ?, ?)');
  const identity = client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', ?, ?)");
  const units = client.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[];
  const heads = client.prepare('SELECT head_unit_id FROM groups ORDER BY id').pluck().all() as number[];
  client.transaction(() => {
    for (const [i, unitId] of units.entries()) identity.run(person.run(`Cán bộ đầu mối ${i + 1}`, 'liaison', unitId).lastInsertRowid, String(7_000_000 + i), NOW);
    for (const [i, unitId] of heads.entries()) identity.run(person.run(`Cụm trưởng ${i + 1}`, 'cluster_head', unitId).lastInsertRowid, String(8_000_000 + i), NOW);
  })();
}

export async function benchUrging(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-urging-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    generate(db);
    people(db);
    const movement = findMovement(db, CODE);
    const sixMonths = listPeriods(db, movement.id).find((p) => p.code === 'H2020-1')!;
    const clock = fixedClock(NOW);
    const core = new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger });
    let last: OutboundMessage[] = [];
    const send = (event: { text?: string; choice?: string }) => {
      const started = performance.now();
      last = handleAndNotify(db, core, { channel: 'telegram', externalId: 'admin', displayName: 'Ban', ...event }, clock.now()).result.replies;
      return { ms: performance.now() - started, text: last.map((r) => r.text).join('\n') };
    };
    const choose = (id: string) => send({ choice: encodeChoice([...last].reverse().find((m) => m.choices?.length)?.seq ?? 0, id) });
    send({ text: `/start ${createInvite(db, { role: 'admin', personName: 'Trần Văn Ban' }, cliActor, NOW).code}` });

    // The period's standing is kept per connection once computed (domain/period-standing.ts): its
    // first computation is the standing's own benchmark; here it is timed apart and then warm.
    const coldStarted = performance.now();
    periodStanding(db, movement, sixMonths, '2020-07-20');
    const standingColdMs = performance.now() - coldStarted;
    const offer = send({ text: '/dondoc' });
    const list = choose(`period:${sixMonths.id}`);
    const urgeAll = choose('urge');
    const queued = db.$client.prepare("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'urge:%'").pluck().get() as number;
    send({ text: '/dondoc' });
    choose(`period:${sixMonths.id}`);
    const again = choose('urge');
    const queuedAgain = db.$client.prepare("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'urge:%'").pluck().get() as number;

    const previews = Array.from({ length: 5 }, () => {
      const started = performance.now();
      const preview = previewBroadcast(db, movement, { text: 'Đề nghị gửi báo cáo 6 tháng.', audience: parseAudience('report-missing:H2020-1') }, NOW);
      return { ms: performance.now() - started, units: preview.units, people: preview.recipients.length };
    }).sort((a, b) => a.ms - b.ms);
    const preview = previews[2]!;

    addRule(db, movement.id, { kind: 'cron', cron: '30 8 * * 1-5', subject: 'digest' }, cliActor, NOW - 86_400_000);
    const started = performance.now();
    const [firing] = runDueReminders(db, Date.parse('2020-07-20T01:31:00Z'));
    const digestMs = performance.now() - started;
    closeDatabase(db);

    const listed = /([\d.]+) đơn vị chưa gửi báo cáo/.exec(list.text)?.[1];
    const ok =
      offer.ms < LIMITS.stepMs &&
      list.ms < LIMITS.stepMs &&
      urgeAll.ms < LIMITS.urgeAllMs &&
      again.ms < LIMITS.urgeAllMs &&
      preview.ms < LIMITS.previewMs &&
      digestMs < LIMITS.digestMs &&
      listed === '5.000' &&
      queued === 5_000 &&
      queuedAgain === queued &&
      preview.units === 5_000 &&
      firing?.queued === 51;
    console.log('Urging a period: 5,000 units × 20 targets in 50 clusters/blocks, all owing the 6-month report on 20/07/2020');
    console.log(`  (periodStanding, cold       ${standingColdMs.toFixed(1)} ms: the standing's benchmark)`);
    console.log(`  /dondoc: what is owed       ${offer.ms.toFixed(1)} ms   (target < ${LIMITS.stepMs} ms)`);
    console.log(`  the 6-month list            ${list.ms.toFixed(1)} ms, ${listed} units   (target < ${LIMITS.stepMs} ms)`);
    console.log(`  urge all                    ${urgeAll.ms.toFixed(1)} ms, ${queued} messages queued   (target < ${LIMITS.urgeAllMs} ms)`);
    console.log(`  urge all again              ${again.ms.toFixed(1)} ms, ${queuedAgain - queued} more   (target < ${LIMITS.urgeAllMs} ms)`);
    console.log(`  /thongbao preview           median ${preview.ms.toFixed(1)} ms of 5, ${preview.units} units, ${preview.people} people   (target < ${LIMITS.previewMs} ms)`);
    console.log(`  daily digest                ${digestMs.toFixed(1)} ms, ${firing?.queued ?? 0} messages (the admin and 50 heads)   (target < ${LIMITS.digestMs} ms)`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchUrging()) ? 0 : 1;
}
