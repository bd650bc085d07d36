/**
 * A scripted year-end for Cụm thi đua số 1 of the sample movement (five units, TPND its head):
 * self-scores with the year's results filled in, one adjusted with a reason, the ranking with a
 * tie, and the bình xét vote with an absent member's written opinion, one candidate reaching the
 * 80% of all members and one not; units of another cluster refused at every step.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/connection.ts';
import { groups } from '../../../src/db/schema.ts';
import { movementDefinition } from '../../../src/domain/movement-definition.ts';
import { yearResultsByUnit } from '../../../src/domain/year-end/results.ts';
import { rankTotals, topOfRanking, TIE_PREFERENCE_SOURCE } from '../../../src/domain/year-end/ranking.ts';
import { adjustScore, finalPoints, selfAssess, sheetTotal, type ScoreSheet, type ScoringTable } from '../../../src/domain/year-end/scoring.ts';
import { scoringTableOfGroup } from '../../../src/domain/year-end/store.ts';
import { allBallots, attendance, castBallot, closeVote, openVote, ownBallot, recordWrittenOpinion, voteResults, type Vote } from '../../../src/domain/year-end/vote.ts';
import { openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { refusal } from '../../helpers/errors.ts';
import { loadMovement, type LoadedMovement } from '../../helpers/movement.ts';
import { hmlWithYearResults } from '../../helpers/year-end-fixtures.ts';

useTempDatabases();

const SAMPLE = movementDefinition.parse(JSON.parse(readFileSync(new URL('../../../src/sample/nam-dinh-2020.json', import.meta.url), 'utf8')));

let db: Db;
let m: LoadedMovement;
let table: ScoringTable;
let cum1: number;
let cum2: number;
let u: Record<'TPND' | 'HML' | 'HVB' | 'HYY' | 'HNT' | 'HTN' | 'HHH', number>;

/** Every score criterion at its maximum, no deduction, no bonus; then `changes`. */
function entries(changes: Record<string, number> = {}, without: string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of table.criteria) if (c.kind === 'score' && !without.includes(c.code)) out[c.code] = c.max;
  return { ...out, ...changes };
}

beforeEach(() => {
  db = openTempDatabase().db;
  m = loadMovement(db, SAMPLE);
  const groupId = (code: string) => db.select().from(groups).where(eq(groups.code, code)).get()!.id;
  cum1 = groupId('CUM1');
  cum2 = groupId('CUM2');
  table = scoringTableOfGroup(db, cum1)!;
  u = Object.fromEntries(['TPND', 'HML', 'HVB', 'HYY', 'HNT', 'HTN', 'HHH'].map((c) => [c, m.unit(c)])) as typeof u;
});

describe('self-assessment and the cluster head’s review', () => {
  it('the year’s results fill in the criteria that map to them; what the unit enters stands beside them', () => {
    hmlWithYearResults(db, 0);
    const counts = yearResultsByUnit(db, m.movement);
    expect(counts.get(u.HML)).toEqual({ exceeded: 2, met: 1, inProgress: 0, notMet: 1, notReported: 0 });
    const sheet = selfAssess(table, { unitId: u.HML, groupId: cum1 }, entries({}, ['I.1', 'I.2']), counts.get(u.HML));
    // I.1: 3 of 4 targets reached × 40; I.2: 2 of 4 exceeded × 10.
    expect(sheet.lines.find((l) => l.code === 'I.1')).toEqual({ code: 'I.1', self: 30, prefilled: true });
    expect(sheet.lines.find((l) => l.code === 'I.2')).toEqual({ code: 'I.2', self: 5, prefilled: true });
    expect(sheetTotal(table, sheet)).toEqual({ total: 85, complete: true });

    // A unit may still score a mapped criterion itself; a unit with no result gets no pre-fill.
    const own = selfAssess(table, { unitId: u.HML, groupId: cum1 }, entries({ 'I.1': 32 }), counts.get(u.HML));
    expect(own.lines.find((l) => l.code === 'I.1')).toEqual({ code: 'I.1', self: 32, prefilled: false });
    const none = selfAssess(table, { unitId: u.HVB, groupId: cum1 }, entries({}, ['I.1']), counts.get(u.HVB));
    expect(none.lines.find((l) => l.code === 'I.1')).toEqual({ code: 'I.1', self: null, prefilled: false });
    expect(sheetTotal(table, none)).toEqual({ total: 60, complete: false });
  });

  it('deductions are taken off, bonuses added; a score outside its criterion is refused', () => {
    const sheet = selfAssess(table, { unitId: u.HVB, groupId: cum1 }, entries({ 'D.1': 2.5, 'B.1': 10, 'III.3': 4.25 }));
    expect(sheetTotal(table, sheet)).toEqual({ total: 100 - 2.5 + 10 - 0.75, complete: true });
    expect(refusal(() => selfAssess(table, { unitId: u.HVB, groupId: cum1 }, { 'I.3': 11 }))).toBe('err-score-out-of-range');
    expect(refusal(() => selfAssess(table, { unitId: u.HVB, groupId: cum1 }, { 'I.3': -1 }))).toBe('err-score-out-of-range');
    expect(refusal(() => selfAssess(table, { unitId: u.HVB, groupId: cum1 }, { 'I.3': Number.NaN }))).toBe('err-score-out-of-range');
    expect(refusal(() => selfAssess(table, { unitId: u.HVB, groupId: cum1 }, { 'IX.9': 1 }))).toBe('err-score-unknown-criterion');
  });

  it('the head adjusts a score with a reason, the unit’s own score kept; no reason or another cluster’s head: refused', () => {
    const sheet = selfAssess(table, { unitId: u.HYY, groupId: cum1 }, entries({ 'B.2': 5 }));
    expect(sheetTotal(table, sheet).total).toBe(105);
    const reason = 'Mô hình chưa được cấp tỉnh công nhận';
    const adjusted = adjustScore(table, sheet, { unitId: u.TPND, groupId: cum1 }, { code: 'B.2', points: 0, reason });
    const line = adjusted.lines.find((l) => l.code === 'B.2')!;
    expect(line).toEqual({ code: 'B.2', self: 5, prefilled: false, adjustment: { from: 5, to: 0, reason, byUnitId: u.TPND } });
    expect(finalPoints(line)).toBe(0);
    expect(sheetTotal(table, adjusted).total).toBe(100);
    expect(sheetTotal(table, sheet).total).toBe(105); // the unit's sheet as sent is unchanged

    expect(refusal(() => adjustScore(table, sheet, { unitId: u.TPND, groupId: cum1 }, { code: 'B.2', points: 0, reason: '  ' }))).toBe('err-adjust-needs-reason');
    expect(refusal(() => adjustScore(table, sheet, { unitId: u.HHH, groupId: cum2 }, { code: 'B.2', points: 0, reason }))).toBe('err-not-your-cluster');
    expect(refusal(() => adjustScore(table, sheet, { unitId: u.TPND, groupId: cum1 }, { code: 'B.2', points: 6, reason }))).toBe('err-score-out-of-range');
  });
});

/** The five sheets of the cluster, HYY's adjusted by the head; HVB and HNT tie at 98. */
function clusterSheets(): ScoreSheet[] {
  hmlWithYearResults(db, 0);
  const counts = yearResultsByUnit(db, m.movement);
  const sheet = (unitId: number, entered: Record<string, number>) => selfAssess(table, { unitId, groupId: cum1 }, entered, counts.get(unitId));
  const hyy = sheet(u.HYY, entries({ 'B.2': 5 }));
  return [
    sheet(u.TPND, entries({ 'B.1': 10 })),
    sheet(u.HML, entries({}, ['I.1', 'I.2'])),
    sheet(u.HVB, entries({ 'I.3': 8 })),
    adjustScore(table, hyy, { unitId: u.TPND, groupId: cum1 }, { code: 'B.2', points: 0, reason: 'Mô hình chưa được công nhận' }),
    sheet(u.HNT, entries({ 'I.1': 38 })),
  ];
}

describe('the ranking', () => {
  it('ranks by total, ties share their rank and are flagged, the legal preference named but not applied', () => {
    const ranking = rankTotals(clusterSheets().map((s) => ({ unitId: s.unitId, total: sheetTotal(table, s).total })));
    expect(ranking).toEqual([
      { unitId: u.TPND, total: 110, rank: 1, tied: false },
      { unitId: u.HYY, total: 100, rank: 2, tied: false },
      { unitId: u.HVB, total: 98, rank: 3, tied: true },
      { unitId: u.HNT, total: 98, rank: 3, tied: true },
      { unitId: u.HML, total: 85, rank: 5, tied: false },
    ]);
    expect(TIE_PREFERENCE_SOURCE).toMatch(/152\/2025/);
    expect(topOfRanking(ranking, 2)).toEqual({ candidates: [u.TPND, u.HYY], tiedAtEdge: [] });
    // A quota whose edge falls inside a tie: both tied units are named for people to decide.
    expect(topOfRanking(ranking, 3).tiedAtEdge).toEqual([u.HVB, u.HNT]);
    expect(topOfRanking(ranking, 0).candidates).toEqual([]);
  });
});

describe('the bình xét vote', () => {
  let vote: Vote;
  beforeEach(() => {
    const ranking = rankTotals(clusterSheets().map((s) => ({ unitId: s.unitId, total: sheetTotal(table, s).total })));
    const { candidates } = topOfRanking(ranking, table.quotas.flag + table.quotas.certificate);
    vote = openVote({ groupId: cum1, headUnitId: u.TPND, members: [u.TPND, u.HML, u.HVB, u.HYY, u.HNT], candidates, rule: table.vote, endsOn: '2020-12-05' });
  });

  it('one candidate passes at exactly 80% of all members, the other fails; the absent member’s written opinion counts', () => {
    expect(vote.candidates).toEqual([u.TPND, u.HYY]);
    const ballot = (voter: number, tpnd: boolean, hyy: boolean) => {
      castBallot(vote, voter, u.TPND, tpnd);
      castBallot(vote, voter, u.HYY, hyy);
    };
    ballot(u.TPND, true, true);
    ballot(u.HML, false, true);
    ballot(u.HVB, true, false);
    // Three of five present: below the quorum of 80%, so not closed before the end date.
    expect(attendance(vote)).toEqual({ present: 3, written: 0, members: 5, quorumMet: false });
    expect(refusal(() => closeVote(vote, u.TPND, '2020-12-04'))).toBe('err-vote-no-quorum');
    ballot(u.HYY, true, true);
    recordWrittenOpinion(vote, u.TPND, u.HNT, new Map([[u.TPND, true], [u.HYY, false]]), 'Công văn số 12/UBND ngày 03/12/2020');
    expect(attendance(vote)).toEqual({ present: 4, written: 1, members: 5, quorumMet: true });

    // Secret until the close: neither the results nor others' ballots; a unit sees its own.
    expect(refusal(() => voteResults(vote))).toBe('err-vote-secret');
    expect(refusal(() => allBallots(vote))).toBe('err-vote-secret');
    expect(ownBallot(vote, u.HML)).toEqual(new Map([[u.TPND, false], [u.HYY, true]]));
    expect(refusal(() => closeVote(vote, u.HML, '2020-12-04'))).toBe('err-vote-head-only');

    closeVote(vote, u.TPND, '2020-12-04');
    expect(voteResults(vote)).toEqual([
      { unitId: u.TPND, approve: 4, disapprove: 1, silent: 0, share: 0.8, passes: true },
      { unitId: u.HYY, approve: 3, disapprove: 2, silent: 0, share: 0.6, passes: false },
    ]);
    expect(allBallots(vote).get(u.HNT)).toEqual(new Map([[u.TPND, true], [u.HYY, false]]));
    expect(vote.written.get(u.HNT)).toMatchObject({ note: 'Công văn số 12/UBND ngày 03/12/2020', recordedByUnitId: u.TPND });
    expect(refusal(() => castBallot(vote, u.HNT, u.TPND, true))).toBe('err-vote-closed');
  });

  it('the threshold is of ALL members: three approvals and no refusal are 60% of five; at its end date the vote closes without the quorum', () => {
    for (const voter of [u.TPND, u.HML, u.HVB]) castBallot(vote, voter, u.TPND, true);
    closeVote(vote, u.TPND, '2020-12-05'); // the end date: closed without the quorum
    expect(voteResults(vote)[0]).toEqual({ unitId: u.TPND, approve: 3, disapprove: 0, silent: 2, share: 0.6, passes: false });
  });

  it('each member votes once per candidate; a unit of another cluster, a non-candidate, a second opinion: refused', () => {
    castBallot(vote, u.HML, u.TPND, true);
    expect(refusal(() => castBallot(vote, u.HML, u.TPND, false))).toBe('err-vote-already');
    expect(ownBallot(vote, u.HML).get(u.TPND)).toBe(true);
    expect(refusal(() => castBallot(vote, u.HTN, u.TPND, true))).toBe('err-not-your-cluster');
    expect(refusal(() => ownBallot(vote, u.HTN))).toBe('err-not-your-cluster');
    expect(refusal(() => castBallot(vote, u.HVB, u.HNT, true))).toBe('err-vote-not-candidate');
    // Written opinions: the head only, with a note, for a member that has not voted, once.
    const opinion = new Map([[u.TPND, true]]);
    expect(refusal(() => recordWrittenOpinion(vote, u.HML, u.HNT, opinion, 'Công văn'))).toBe('err-vote-head-only');
    expect(refusal(() => recordWrittenOpinion(vote, u.HHH, u.HNT, opinion, 'Công văn'))).toBe('err-vote-head-only');
    expect(refusal(() => recordWrittenOpinion(vote, u.TPND, u.HNT, opinion, ' '))).toBe('err-vote-opinion-needs-note');
    expect(refusal(() => recordWrittenOpinion(vote, u.TPND, u.HML, opinion, 'Công văn'))).toBe('err-vote-already');
    expect(refusal(() => recordWrittenOpinion(vote, u.TPND, u.HTN, opinion, 'Công văn'))).toBe('err-not-your-cluster');
    recordWrittenOpinion(vote, u.TPND, u.HNT, opinion, 'Công văn');
    expect(refusal(() => castBallot(vote, u.HNT, u.HYY, true))).toBe('err-vote-already');
  });

  it('a vote is opened by the head of the cluster on its own members only', () => {
    const base = { groupId: cum1, members: [u.TPND, u.HML, u.HVB, u.HYY, u.HNT], rule: table.vote, endsOn: '2020-12-05' };
    expect(refusal(() => openVote({ ...base, headUnitId: u.HHH, candidates: [u.TPND] }))).toBe('err-not-your-cluster');
    expect(refusal(() => openVote({ ...base, headUnitId: u.TPND, candidates: [u.HTN] }))).toBe('err-vote-candidate-not-member');
    expect(refusal(() => openVote({ ...base, headUnitId: u.TPND, candidates: [] }))).toBe('err-vote-no-candidate');
    expect(refusal(() => openVote({ ...base, headUnitId: u.TPND, candidates: [u.HML, u.HML] }))).toBe('err-vote-candidate-twice');
  });
});

describe('shares of all members, without floating-point slips', () => {
  it('two thirds of six members is four: four present reach the quorum, three do not', () => {
    const members = [1, 2, 3, 4, 5, 6];
    const vote = openVote({ groupId: 1, headUnitId: 1, members, candidates: [1], rule: { quorum: 2 / 3, threshold: 2 / 3 }, endsOn: '2020-12-05' });
    for (const voter of [1, 2, 3]) castBallot(vote, voter, 1, true);
    expect(attendance(vote).quorumMet).toBe(false);
    castBallot(vote, 4, 1, true);
    expect(attendance(vote).quorumMet).toBe(true);
    closeVote(vote, 1, '2020-12-01');
    expect(voteResults(vote)[0]).toMatchObject({ approve: 4, passes: true });
  });
});
