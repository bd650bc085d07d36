/**
 * /chamdiem at scale: the export benchmark's movement (5,000 units × 20 targets, four quarterly
 * reports, 50 clusters of 100 units), each cluster scoring by a table of 30 criteria (two filled
 * from the year's results). In cluster 1, 99 members have sent their sheets. Through the real chat
 * core, each answer in its transaction as a message is handled: the head's board (100 members side
 * by side, ranked, ties flagged), one member's sheet, an adjustment with its reason (kept, the unit
 * told); the last member's liaison opening its sheet and scoring a criterion. Target: each answer
 * under 300 ms (the year's results judged cold are printed apart: the existing judging, kept
 * between messages until a report changes).
 *
 * Run alone: `npx tsx test/bench/score-review.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChatCore } from '../../src/chat/core.ts';
import { encodeChoice, type OutboundMessage } from '../../src/chat/types.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { findMovement } from '../../src/domain/movements.ts';
import { yearEndDefinition } from '../../src/domain/year-end/definition.ts';
import { yearResultsByUnit } from '../../src/domain/year-end/results.ts';
import { saveSelfScores, sendSheet } from '../../src/domain/year-end/sheets.ts';
import { importYearEnd, scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { handleAndNotify } from '../../src/inbound/inbound.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import { rssMB } from './child.ts';
import { generate } from './export.ts';

const CODE = 'BENCH-2020';
/** 20/11/2020, 10:00 in Hà Nội: the self-assessment season. */
const NOW = Date.parse('2020-11-20T03:00:00Z');
const CRITERIA = 30;
const LIMITS = { stepMs: 300 };

function criteria() {
  return Array.from({ length: CRITERIA }, (_, i) => {
    const kind = i < CRITERIA - 4 ? 'score' : i < CRITERIA - 2 ? 'deduction' : 'bonus';
    return {
      code: `C${i + 1}`,
      section: ['I. Nhiệm vụ chính trị', 'II. Công tác thi đua', 'III. Xây dựng hệ thống chính trị'][Math.floor((i * 3) / CRITERIA)]!,
      title: `Tiêu chí số ${i + 1}: thực hiện nhiệm vụ trọng tâm của năm`,
      kind,
      max: i < 2 ? 20 : kind === 'score' ? 2.5 : 5,
      ...(i === 0 ? { fromResults: 'targets-reached' } : i === 1 ? { fromResults: 'targets-exceeded' } : {}),
    };
  });
}

/** Every cluster a table; in cluster 1 a head, a liaison per member, 99 sheets sent. Returns the ids. */
function prepare(db: Db) {
  generate(db);
  const movement = findMovement(db, CODE);
  const client = db.$client;
  const groupCodes = client.prepare('SELECT code FROM groups WHERE movement_id = ? ORDER BY id').pluck().all(movement.id) as string[];
  const yearEnd = yearEndDefinition.parse({
    dates: { selfAssessment: '2020-11-30', clusterMeeting: '2020-12-05', dossierDeadline: '2020-12-10', council: '2021-01-15' },
    tables: groupCodes.map((code, g) => ({ code: `BD-${g + 1}`, groups: [code], criteria: criteria(), quotas: { flag: 1, certificate: 2 } })),
  });
  db.transaction((tx) => importYearEnd(tx, movement.id, yearEnd));
  const group = client.prepare('SELECT id, head_unit_id AS head FROM groups WHERE movement_id = ? ORDER BY id LIMIT 1').get(movement.id) as { id: number; head: number };
  const members = client.prepare('SELECT unit_id FROM group_members WHERE group_id = ? ORDER BY unit_id').pluck().all(group.id) as number[];
  const person = client.prepare('INSERT INTO people (full_name, role, unit_id) VALUES (?, ?, ?)');
  const identity = client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', ?, ?)");
  client.transaction(() => {
    identity.run(person.run('Cụm trưởng 1', 'cluster_head', group.head).lastInsertRowid, 'head', NOW);
    for (const [i, unitId] of members.entries()) identity.run(person.run(`Cán bộ đầu mối ${i + 1}`, 'liaison', unitId).lastInsertRowid, `liaison-${i}`, NOW);
  })();
  const table = scoringTableOfGroup(db, group.id)!;
  const counts = yearResultsByUnit(db, movement);
  for (const [i, unitId] of members.slice(0, -1).entries()) {
    const entries: Record<string, { points: number }> = {};
    for (const [c, criterion] of table.criteria.entries()) if (c >= 2 && criterion.kind === 'score') entries[criterion.code] = { points: ((unitId * 7 + c) % 6) * 0.5 };
    db.transaction((tx) => {
      saveSelfScores(tx, table, { unitId, groupId: group.id }, entries, NOW);
      sendSheet(tx, table, { unitId, groupId: group.id }, counts.get(unitId), { personId: i + 2, now: NOW });
    });
  }
  return { lastLiaison: `liaison-${members.length - 1}`, members: members.length, scored: members[0]! };
}

export async function benchScoreReview(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-score-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    const prepared = performance.now();
    const { lastLiaison, members, scored } = prepare(db);
    const prepareMs = performance.now() - prepared;
    // A fresh connection, as the bot after a restart: the results are judged cold once, timed apart.
    closeDatabase(db);
    const bot = openDatabase(join(dir, 'bench.db'));
    const movement = findMovement(bot, CODE);
    const cold = performance.now();
    yearResultsByUnit(bot, movement);
    const judgeColdMs = performance.now() - cold;
    const clock = fixedClock(NOW);
    const core = new ChatCore({ db: bot, clock, flows: ALL_FLOWS, log: silentLogger });
    const last = new Map<string, OutboundMessage[]>();
    const send = (who: string, event: { text?: string; choice?: string }) => {
      const started = performance.now();
      const replies = handleAndNotify(bot, core, { channel: 'telegram', externalId: who, displayName: who, ...event }, clock.now()).result.replies;
      last.set(who, replies);
      return { ms: performance.now() - started, text: replies.map((r) => r.text).join('\n') };
    };
    const choose = (who: string, id: string) => send(who, { choice: encodeChoice([...(last.get(who) ?? [])].reverse().find((m) => m.choices?.length)?.seq ?? 0, id) });

    const board = send('head', { text: '/chamdiem' });
    const member = choose('head', `u:${scored}`);
    const adjust = choose('head', '!adjust');
    const line = choose('head', 'C5');
    const pointsTyped = send('head', { text: '1,5' });
    const reason = send('head', { text: 'Minh chứng chưa đủ theo hướng dẫn của Cụm' });
    const adjusted = bot.$client.prepare('SELECT count(*) FROM score_lines WHERE adjusted_to IS NOT NULL').pluck().get() as number;
    const own = send(lastLiaison, { text: '/chamdiem' });
    choose(lastLiaison, 'C3');
    const scoredLine = send(lastLiaison, { text: '2,5' });
    const peakMB = rssMB();
    closeDatabase(bot);

    const ranked = /Xếp hạng \((\d+)\/(\d+)/.exec(board.text);
    const steps = { board, member, adjust, line, pointsTyped, reason, own, scoredLine };
    const ok = Object.values(steps).every((s) => s.ms < LIMITS.stepMs) && ranked?.[1] === String(members - 1) && adjusted === 1 && scoredLine.text.includes('C3: 2,5');
    console.log(`/chamdiem at scale: 5,000 units × 20 targets in 50 clusters of ${members}, a ${CRITERIA}-criterion table each; ${members - 1} sheets sent in cluster 1 (made in ${(prepareMs / 1000).toFixed(1)} s)`);
    console.log(`  (the year's results judged cold  ${judgeColdMs.toFixed(0)} ms: the existing judging, kept between messages)`);
    console.log(`  head: the board, ${ranked?.[1]} ranked       ${board.ms.toFixed(1)} ms   (target < ${LIMITS.stepMs} ms each)`);
    console.log(`  head: a member's sheet           ${member.ms.toFixed(1)} ms`);
    console.log(`  head: adjust, criterion, points  ${adjust.ms.toFixed(1)} / ${line.ms.toFixed(1)} / ${pointsTyped.ms.toFixed(1)} ms`);
    console.log(`  head: the reason (kept, told)    ${reason.ms.toFixed(1)} ms`);
    console.log(`  liaison: its sheet, one score    ${own.ms.toFixed(1)} / ${scoredLine.ms.toFixed(1)} ms`);
    console.log(`  peak memory (the process)        ${peakMB.toFixed(0)} MB`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchScoreReview()) ? 0 : 1;
}
