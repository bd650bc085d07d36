/**
 * The year-end at scale: the export benchmark's movement (5,000 units × 20 targets, four quarterly
 * reports) regrouped into 300 clusters, each scoring by a table of its own of 30 criteria (26
 * scores, two of them filled from the year's results, 2 deductions, 2 bonuses). In a process of
 * its own (its peak memory its own): the year's results judged for every unit (the existing
 * judging, cold), each cluster's table read, every unit's self-assessment checked and totalled,
 * each cluster ranked with its ties and its default candidates. Target: under 1 s and under 300 MB.
 * The year's results are judged cold first (printed, not in the target: that is the existing
 * judging, which the bot keeps between calls); the scoring then reads them kept, as it would.
 *
 * Then the year closed (year-end-close.ts: sheets, two closed votes per cluster, 5,900 proposals
 * with their dossiers) and, in a second process, the Board's summary of proposals and its DOCX as
 * the bot's job writes it, judging the results it needs itself. Target: under 1 s and under 300 MB as well.
 *
 * Run alone: `npx tsx test/bench/year-end.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { findMovement } from '../../src/domain/movements.ts';
import { yearResultsByUnit } from '../../src/domain/year-end/results.ts';
import { yearEndDefinition, type CriterionDefinition } from '../../src/domain/year-end/definition.ts';
import { rankTotals, topOfRanking } from '../../src/domain/year-end/ranking.ts';
import { pointsFromResults, selfAssess, sheetTotal } from '../../src/domain/year-end/scoring.ts';
import { scoringTablesByGroup } from '../../src/domain/year-end/tables.ts';
import { importYearEnd, scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { rssMB, runInChild } from './child.ts';
import { generate } from './export.ts';
import { writeYearClose, type CloseFigures } from './year-end-close.ts';

const CODE = 'BENCH-2020';
const CLUSTERS = 300;
const CRITERIA = 30;
const LIMITS = { ms: 1000, peakMB: 300 };
const THIS_FILE = fileURLToPath(import.meta.url);

interface ChildResult {
  judgeColdMs: number;
  judgeMs: number;
  scoreMs: number;
  rankMs: number;
  totalMs: number;
  peakMB: number;
  clusters: number;
  units: number;
  criteriaScored: number;
  tiedUnits: number;
  candidates: number;
}

/** A table of 30 criteria in three groups; the first two are filled from the year's results. */
function criteria(cluster: number): CriterionDefinition[] {
  return Array.from({ length: CRITERIA }, (_, i) => {
    const kind = i < CRITERIA - 4 ? 'score' : i < CRITERIA - 2 ? 'deduction' : 'bonus';
    return {
      code: `C${i + 1}`,
      section: ['I. Nhiệm vụ chính trị', 'II. Công tác thi đua', 'III. Xây dựng hệ thống chính trị'][i % 3]!,
      title: `Tiêu chí số ${i + 1} của bảng điểm cụm ${cluster + 1}`,
      kind,
      max: i < 2 ? 20 : kind === 'score' ? 2.5 : 5,
      ...(i === 0 ? { fromResults: 'targets-reached' as const } : i === 1 ? { fromResults: 'targets-exceeded' as const } : {}),
    };
  });
}

/** The points a unit typed for its 28 criteria not filled from the results (seeded by its id). */
function enteredPoints(unitId: number): Record<string, number> {
  const own: Record<string, number> = {};
  let seed = unitId >>> 0;
  const next = (n: number) => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0), seed % n);
  for (let i = 2; i < CRITERIA; i++) own[`C${i + 1}`] = i < CRITERIA - 4 ? next(6) * 0.5 : next(4);
  return own;
}

/** The export benchmark's movement, its units regrouped into 300 clusters with their tables, and its year closed (year-end-close.ts). */
export function prepare(db: Db): CloseFigures {
  generate(db);
  const movement = findMovement(db, CODE);
  const client = db.$client;
  const unitIds = client.prepare('SELECT unit_id FROM registrations WHERE movement_id = ? ORDER BY unit_id').pluck().all(movement.id) as number[];
  client.transaction(() => {
    client.prepare('DELETE FROM groups WHERE movement_id = ?').run(movement.id);
    const insertGroup = client.prepare('INSERT INTO groups (movement_id, code, kind, name, head_unit_id) VALUES (?, ?, ?, ?, ?)');
    const insertMember = client.prepare('INSERT INTO group_members (movement_id, group_id, unit_id) VALUES (?, ?, ?)');
    const groupIds: number[] = [];
    unitIds.forEach((unitId, u) => {
      const g = u % CLUSTERS;
      groupIds[g] ??= Number(insertGroup.run(movement.id, `CUM-${String(g + 1).padStart(3, '0')}`, 'cum', `Cụm thi đua số ${g + 1}`, unitId).lastInsertRowid);
      insertMember.run(movement.id, groupIds[g], unitId);
    });
  })();
  const yearEnd = yearEndDefinition.parse({
    dates: { selfAssessment: '2020-11-30', clusterMeeting: '2020-12-05', dossierDeadline: '2020-12-10', council: '2021-01-15' },
    tables: Array.from({ length: CLUSTERS }, (_, g) => ({
      code: `BD-${g + 1}`,
      groups: [`CUM-${String(g + 1).padStart(3, '0')}`],
      criteria: criteria(g),
      quotas: { flag: 1, certificate: 2 },
    })),
    confirmations: [
      { code: 'CA', title: 'Xác nhận của Công an tỉnh' },
      { code: 'THUE', title: 'Xác nhận của Cục Thuế tỉnh' },
      { code: 'BHXH', title: 'Xác nhận của Bảo hiểm xã hội tỉnh' },
    ],
  });
  db.transaction((tx) => importYearEnd(tx, movement.id, yearEnd));
  // What the year's results fill in, kept by a sent sheet (sheets.ts' sendSheet).
  const results = yearResultsByUnit(db, movement);
  const tables = scoringTablesByGroup(db, movement.id);
  return writeYearClose(db, movement.id, enteredPoints, (unitId, groupId) => pointsFromResults(tables.get(groupId)!, results.get(unitId)));
}

/** In the child: the year's results, every self-assessment and every ranking, timed. */
function scoreAndRank(path: string): ChildResult {
  const db = openDatabase(path);
  const movement = findMovement(db, CODE);
  const members = new Map<number, number[]>();
  for (const [groupId, unitId] of db.$client.prepare('SELECT group_id, unit_id FROM group_members WHERE movement_id = ?').raw().all(movement.id) as [number, number][])
    members.set(groupId, [...(members.get(groupId) ?? []), unitId]);
  // What the units typed (kept by the chat or the form before the review): made before the clock.
  const entered = new Map<number, Record<string, number>>();
  for (const units of members.values()) for (const unitId of units) entered.set(unitId, enteredPoints(unitId));

  // The year's results judged cold, as the first call of a season does; the bot keeps the
  // judgement until a report or a target changes (yearResultsByUnit), so the scoring reads it kept.
  const cold = performance.now();
  yearResultsByUnit(db, movement);
  const judgeColdMs = performance.now() - cold;
  const started = performance.now();
  const counts = yearResultsByUnit(db, movement);
  const judged = performance.now();
  const totals = new Map<number, { unitId: number; total: number }[]>();
  let criteriaScored = 0;
  for (const [groupId, units] of members) {
    const table = scoringTableOfGroup(db, groupId)!;
    totals.set(
      groupId,
      units.map((unitId) => {
        const sheet = selfAssess(table, { unitId, groupId }, entered.get(unitId)!, counts.get(unitId));
        criteriaScored += sheet.lines.length;
        return { unitId, total: sheetTotal(table, sheet).total };
      }),
    );
  }
  const scored = performance.now();
  let tiedUnits = 0;
  let candidates = 0;
  for (const entries of totals.values()) {
    const ranking = rankTotals(entries);
    tiedUnits += ranking.filter((r) => r.tied).length;
    candidates += topOfRanking(ranking, 3).candidates.length;
  }
  const ranked = performance.now();
  closeDatabase(db);
  return {
    judgeColdMs,
    judgeMs: judged - started,
    scoreMs: scored - judged,
    rankMs: ranked - scored,
    totalMs: ranked - started,
    peakMB: rssMB(),
    clusters: members.size,
    units: [...members.values()].reduce((n, u) => n + u.length, 0),
    criteriaScored,
    tiedUnits,
    candidates,
  };
}

interface SummaryResult {
  judgeColdMs: number;
  loadMs: number;
  dataMs: number;
  documentMs: number;
  peakMB: number;
  proposals: number;
  complete: number;
  late: number;
  bytes: number;
  annexRows: number;
}

/**
 * In a child of its own: the Board's summary of proposals and its DOCX, as the bot's job writes it
 * (export-job.ts: the document code loaded with the first job, then writeDocument), in a process
 * that has judged nothing before: the job judges the year's results it needs itself (the units of
 * the unsent sheets, the Cờ candidates), inside its time and its peak. After the peak is taken,
 * the figures alone, and for comparison the judging of every unit's results the summary no longer does.
 */
async function summaryAndDocument(path: string, dir: string): Promise<SummaryResult> {
  const db = openDatabase(path);
  const movement = findMovement(db, CODE);
  const loaded = performance.now();
  const { writeDocument } = await import('../../src/documents/index.ts');
  const { proposalsData } = await import('../../src/documents/proposals-data.ts');
  const loadMs = performance.now() - loaded;
  const documentStarted = performance.now();
  const written = await writeDocument(db, { kind: 'proposals', movement, dir, now: Date.UTC(2020, 11, 12, 3) });
  const documentMs = performance.now() - documentStarted;
  const peakMB = rssMB();
  const started = performance.now();
  const data = proposalsData(db, movement);
  const dataMs = performance.now() - started;
  const cold = performance.now();
  yearResultsByUnit(db, movement);
  const judgeColdMs = performance.now() - cold;
  // The annex read back (after the peak is taken: the reading is the benchmark's, not the bot's): one table row per proposal (and a header per title).
  const { readDocx } = await import('../helpers/docx.ts');
  const doc = readDocx(written.path);
  const annexRows = doc.tables.filter((t) => t[0]?.length === 8).reduce((n, t) => n + t.length - 1, 0);
  closeDatabase(db);
  return { judgeColdMs, loadMs, dataMs, documentMs, peakMB, proposals: data.total, complete: data.complete, late: data.late, bytes: written.bytes, annexRows };
}

export async function benchYearEnd(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-year-end-'));
  try {
    const path = join(dir, 'bench.db');
    const db = openDatabase(path);
    const prepared = performance.now();
    const close = prepare(db);
    const prepareMs = performance.now() - prepared;
    closeDatabase(db);
    const r = await runInChild<ChildResult>(THIS_FILE, ['--child', path]);
    const ok = r.totalMs < LIMITS.ms && r.peakMB < LIMITS.peakMB && r.units === 5_000 && r.clusters === CLUSTERS && r.criteriaScored === 5_000 * CRITERIA;
    console.log(`Year-end: ${r.units} units in ${r.clusters} clusters, a ${CRITERIA}-criterion table each (movement and tables made in ${(prepareMs / 1000).toFixed(1)} s)`);
    console.log(`  the year's results judged   ${r.judgeColdMs.toFixed(0)} ms cold (100,000 targets, 400,000 lines: the existing judging, not in the target)`);
    console.log(`  the year's results, kept    ${r.judgeMs.toFixed(1)} ms (the judgement kept until a report changes)`);
    console.log(`  self-assessments            ${r.scoreMs.toFixed(0)} ms (${r.criteriaScored} criteria checked, filled and totalled; 300 tables read)`);
    console.log(`  rankings                    ${r.rankMs.toFixed(1)} ms (${r.tiedUnits} units in a tie, ${r.candidates} default candidates)`);
    console.log(`  scoring and ranking         ${r.totalMs.toFixed(0)} ms   (target < ${LIMITS.ms} ms); ${(r.judgeColdMs + r.totalMs).toFixed(0)} ms with the results judged cold`);
    console.log(`  peak memory (the process)   ${r.peakMB.toFixed(0)} MB   (target < ${LIMITS.peakMB} MB)`);
    const q = await runInChild<SummaryResult>(THIS_FILE, ['--summary', path, dir]);
    const summaryOk = q.documentMs < LIMITS.ms && q.peakMB < LIMITS.peakMB && q.proposals === close.proposals && q.annexRows === close.proposals;
    console.log(
      `The Board's summary of proposals: ${q.proposals} proposals (${close.votes} closed votes, ${close.ballots} ballots, ${close.lines} score lines, ${close.unsent} sheets not sent, ${close.dossierFiles} dossier files)`,
    );
    console.log(`  the document code loaded    ${q.loadMs.toFixed(0)} ms (once, with the first document job)`);
    console.log(`  the summary's figures       ${q.dataMs.toFixed(0)} ms (rankings of 300 clusters, votes, conditions, dossiers; ${q.complete} complete, ${q.late} late)`);
    console.log(`  figures and DOCX (the job)  ${q.documentMs.toFixed(0)} ms   (target < ${LIMITS.ms} ms); ${(q.bytes / 1e6).toFixed(1)} MB, ${q.annexRows} annex rows read back`);
    console.log(`  peak memory (the process)   ${q.peakMB.toFixed(0)} MB   (target < ${LIMITS.peakMB} MB)`);
    console.log(`  (every unit's results judged ${q.judgeColdMs.toFixed(0)} ms cold, after the job: what the summary no longer needs; it judges the unsent sheets' units and the Cờ candidates)`);
    console.log(`  ${ok && summaryOk ? 'PASS' : 'FAIL'}`);
    return ok && summaryOk;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(scoreAndRank(process.argv[3]!)));
} else if (process.argv[2] === '--summary') {
  console.log(JSON.stringify(await summaryAndDocument(process.argv[3]!, process.argv[4]!)));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchYearEnd()) ? 0 : 1;
}
