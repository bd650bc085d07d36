/**
 * A scripted year-end for Cụm thi đua số 1 of the sample movement (five units, TPND its head),
 * as the documents read it: every member's sheet kept and sent (HML's results filling I.1 and
 * I.2; HYY's bonus B.2 adjusted by the head with a reason; HVB and HNT tied at 98), a closed vote
 * for the flag (TPND 4/5: passes) and one for the certificate (HVB 4/5 passes, HYY 3/5 fails), HNT
 * absent both times with a written opinion; proposals (the cluster's two, HML's and HNT's own, one
 * withdrawn) and their dossiers (TPND's complete on time, HML's complete late, HVB's incomplete).
 * In Cụm 2 a vote still open, its ballots unseen.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.ts';
import { contentAreas, groups, people, units } from '../../src/db/schema.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { findMovement } from '../../src/domain/movements.ts';
import { yearResultsByUnit } from '../../src/domain/year-end/results.ts';
import type { ScoringTable } from '../../src/domain/year-end/scoring.ts';
import { saveAdjustment, saveSelfScores, sendSheet } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { loadMovement, type LoadedMovement } from './movement.ts';
import { insertDossierFile, insertProposal, insertVote } from './year-end-rows.ts';
import { fullMarks, hmlWithYearResults } from './year-end-fixtures.ts';

export const SAMPLE = movementDefinition.parse(JSON.parse(readFileSync(new URL('../../src/sample/nam-dinh-2020.json', import.meta.url), 'utf8')));

export const CUM1 = ['TPND', 'HML', 'HVB', 'HYY', 'HNT'] as const;
export const ADJUST_REASON = 'Mô hình chưa được cấp tỉnh công nhận';
export const WRITTEN_NOTE = 'Công văn số 12/UBND ngày 03/12/2020';
/** 10:00 in Hà Nội on `day`. */
export const at = (day: string) => Date.parse(`${day}T03:00:00Z`);

export interface ScriptedYearEnd {
  m: LoadedMovement;
  cum1: number;
  cum2: number;
  table: ScoringTable;
  u: (code: string) => number;
  votes: { flag: number; certificate: number; open: number };
  proposals: { flag: number; certificate: number; excellent: number; advanced: number; withdrawn: number; cum2: number };
}

/** The sample movement already loaded (the chat harness loads it): its lookups. */
function loadedSample(db: Db): LoadedMovement {
  const movement = findMovement(db, SAMPLE.movement.code);
  const areas = new Map(db.select().from(contentAreas).where(eq(contentAreas.movementId, movement.id)).all().map((a) => [a.number, a.id]));
  return { movement, area: (n) => areas.get(n)!, unit: (code) => db.select().from(units).where(eq(units.code, code)).get()!.id };
}

/** The scripted year-end; on the sample movement imported here, or already loaded (`loaded`). */
export function scriptYearEnd(db: Db, options: { loaded?: boolean } = {}): ScriptedYearEnd {
  const m = options.loaded ? loadedSample(db) : loadMovement(db, SAMPLE);
  const u = m.unit;
  const groupId = (code: string) => db.select().from(groups).where(eq(groups.code, code)).get()!.id;
  const cum1 = groupId('CUM1');
  const cum2 = groupId('CUM2');
  const table = scoringTableOfGroup(db, cum1)!;
  const head = db.insert(people).values({ fullName: 'Trưởng cụm', role: 'cluster_head', unitId: u('TPND') }).returning().get().id;
  hmlWithYearResults(db, 0);
  const counts = yearResultsByUnit(db, m.movement);

  const full = (changes: Record<string, number> = {}, without: string[] = []) => fullMarks(table, changes, without);
  const sheet = (code: string, entries: Record<string, { points: number }>) => {
    const unit = { unitId: u(code), groupId: cum1 };
    saveSelfScores(db, table, unit, entries, at('2020-11-28'));
    sendSheet(db, table, unit, counts.get(unit.unitId), { personId: head, now: at('2020-11-29') });
  };
  sheet('TPND', full({ 'B.1': 10 })); // 110
  sheet('HML', full({}, ['I.1', 'I.2'])); // 30 + 5 from the results + 50 = 85
  sheet('HVB', full({ 'I.3': 8 })); // 98
  sheet('HYY', full({ 'B.2': 5 })); // 105, adjusted to 100
  sheet('HNT', full({ 'I.1': 38 })); // 98
  saveAdjustment(db, table, { unitId: u('TPND'), groupId: cum1, personId: head }, u('HYY'), { code: 'B.2', points: 0, reason: ADJUST_REASON }, at('2020-12-01'));

  const members = CUM1.map((c) => u(c));
  const ballots = (list: [string, [string, boolean][]][]) => new Map(list.map(([voter, own]) => [u(voter), new Map(own.map(([c, a]) => [u(c), a]))]));
  const flag = insertVote(db, {
    groupId: cum1,
    title: 'co-thi-dua-ubnd-tinh',
    endsOn: '2020-12-05',
    closedOn: '2020-12-04',
    members,
    candidates: [{ unitId: u('TPND'), total: 110, rank: 1 }],
    ballots: ballots([
      ['TPND', [['TPND', true]]],
      ['HML', [['TPND', false]]],
      ['HVB', [['TPND', true]]],
      ['HYY', [['TPND', true]]],
    ]),
    written: [{ unitId: u('HNT'), note: WRITTEN_NOTE, approvals: new Map([[u('TPND'), true]]) }],
    at: at('2020-12-04'),
  });
  const certificate = insertVote(db, {
    groupId: cum1,
    title: 'bang-khen-ubnd-tinh',
    endsOn: '2020-12-05',
    closedOn: '2020-12-04',
    members,
    candidates: [
      { unitId: u('HYY'), total: 100, rank: 2 },
      { unitId: u('HVB'), total: 98, rank: 3 },
    ],
    ballots: ballots([
      ['TPND', [['HYY', true], ['HVB', true]]],
      ['HML', [['HYY', true], ['HVB', true]]],
      ['HVB', [['HYY', false], ['HVB', true]]],
      ['HYY', [['HYY', true], ['HVB', false]]],
    ]),
    written: [{ unitId: u('HNT'), note: WRITTEN_NOTE, approvals: new Map([[u('HYY'), false], [u('HVB'), true]]) }],
    at: at('2020-12-04') + 60_000,
  });
  // Cụm 2's vote is still open: its ballots are nobody's business yet.
  const open = insertVote(db, {
    groupId: cum2,
    title: 'co-thi-dua-ubnd-tinh',
    endsOn: '2020-12-05',
    members: ['HTN', 'HXT', 'HGT', 'HHH', 'HNH'].map(u),
    candidates: [{ unitId: u('HTN'), total: 90, rank: 1 }],
    ballots: ballots([['HHH', [['HTN', true]]]]),
  });

  const proposals = {
    flag: insertProposal(db, { movementId: m.movement.id, unitId: u('TPND'), title: 'co-thi-dua-ubnd-tinh', groupId: cum1, voteId: flag, declared: { pendingCase: false } }),
    certificate: insertProposal(db, { movementId: m.movement.id, unitId: u('HVB'), title: 'bang-khen-ubnd-tinh', groupId: cum1, voteId: certificate, declared: { taskRating: 'xuat-sac', previousYearRating: 'tot', pendingCase: false } }),
    excellent: insertProposal(db, {
      movementId: m.movement.id,
      unitId: u('HML'),
      title: 'tap-the-lao-dong-xuat-sac',
      declared: { taskRating: 'xuat-sac', membersCompletingShare: 1, advancedShare: 0.75, emulationSoldiers: 1, pendingCase: false },
    }),
    advanced: insertProposal(db, { movementId: m.movement.id, unitId: u('HNT'), title: 'tap-the-lao-dong-tien-tien' }),
    withdrawn: insertProposal(db, { movementId: m.movement.id, unitId: u('HYY'), title: 'tap-the-lao-dong-tien-tien', withdrawn: true }),
    cum2: insertProposal(db, { movementId: m.movement.id, unitId: u('HTN'), title: 'tap-the-lao-dong-tien-tien', declared: { taskRating: 'tot', advancedShare: 0.6, disciplined: false } }),
  };
  const all = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban', 'confirmation:CA', 'confirmation:THUE', 'confirmation:BHXH'];
  for (const item of all) insertDossierFile(db, proposals.flag, item, at('2020-12-09'));
  // HML's: all there, its achievement report sent again on 11/12 (after the deadline of 10/12).
  for (const item of all) insertDossierFile(db, proposals.excellent, item, at('2020-12-08'));
  insertDossierFile(db, proposals.excellent, 'bao-cao-thanh-tich', at('2020-12-11'));
  insertDossierFile(db, proposals.certificate, 'to-trinh', at('2020-12-07'));
  return { m, cum1, cum2, table, u, votes: { flag, certificate, open }, proposals };
}
