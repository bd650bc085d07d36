/**
 * The bình xét vote and the proposals in the database, for Cụm thi đua số 1 of the sample (five
 * units, TPND its head; the table's quotas: one Cờ, one Bằng khen; quorum and threshold 80%):
 * default candidates from the ranking with a tie at the edge, ballots kept secret until the close,
 * an absent member's written opinion, one candidate passing and one failing the 80% of all members;
 * then the proposals with their conditions met / not met / not declared, and the refusals.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/connection.ts';
import { groups, movements, proposals } from '../../../src/db/schema.ts';
import { movementDefinition } from '../../../src/domain/movement-definition.ts';
import { checkConditions } from '../../../src/domain/year-end/conditions.ts';
import { t } from '../../../src/i18n/index.ts';
import { getProposal, proposalConditions, proposalsOfGroup, proposeFromVote, proposeOwn, saveDeclared, withdrawProposal } from '../../../src/domain/year-end/proposals.ts';
import { saveSelfScores } from '../../../src/domain/year-end/sheets.ts';
import type { ScoringTable } from '../../../src/domain/year-end/scoring.ts';
import { scoringTableOfGroup } from '../../../src/domain/year-end/store.ts';
import {
  castGroupBallot,
  closeGroupVote,
  defaultCandidates,
  groupVoteResults,
  loadVote,
  openGroupVote,
  ownGroupBallot,
  participation,
  recordAbsentOpinion,
  voteAttendance,
} from '../../../src/domain/year-end/votes-store.ts';
import { openTempDatabase, useTempDatabases, countRows } from '../../helpers/db.ts';
import { refusal } from '../../helpers/errors.ts';
import { loadMovement, type LoadedMovement } from '../../helpers/movement.ts';
import { fullMarks } from '../../helpers/year-end-fixtures.ts';

useTempDatabases();

const SAMPLE = movementDefinition.parse(JSON.parse(readFileSync(new URL('../../../src/sample/nam-dinh-2020.json', import.meta.url), 'utf8')));
const by = (personId: number | null = null) => ({ personId, now: Date.UTC(2020, 11, 4) });

let db: Db;
let m: LoadedMovement;
let table: ScoringTable;
let cum1: number;
let cum2: number;
let u: Record<'TPND' | 'HML' | 'HVB' | 'HYY' | 'HNT' | 'HTN' | 'HHH', number>;

beforeEach(() => {
  db = openTempDatabase().db;
  m = loadMovement(db, SAMPLE);
  const groupId = (code: string) => db.select().from(groups).where(eq(groups.code, code)).get()!.id;
  cum1 = groupId('CUM1');
  cum2 = groupId('CUM2');
  table = scoringTableOfGroup(db, cum1)!;
  u = Object.fromEntries(['TPND', 'HML', 'HVB', 'HYY', 'HNT', 'HTN', 'HHH'].map((c) => [c, m.unit(c)])) as typeof u;
  // TPND 110, HYY 100, HVB and HNT tied at 98, HML 90.
  const score = (unitId: number, changes: Record<string, number>) => saveSelfScores(db, table, { unitId, groupId: cum1 }, fullMarks(table, changes), 0);
  score(u.TPND, { 'B.1': 10 });
  score(u.HYY, {});
  score(u.HVB, { 'I.3': 8 });
  score(u.HNT, { 'I.1': 38 });
  score(u.HML, { 'I.1': 30 });
});

/** The Cờ vote on TPND, and (the head changing the default list) HYY. */
function openFlagVote(): number {
  const { ranking } = defaultCandidates(db, m.movement, cum1, 'co-thi-dua-ubnd-tinh');
  return openGroupVote(db, { groupId: cum1, title: 'co-thi-dua-ubnd-tinh', candidates: [u.TPND, u.HYY], endsOn: '2020-12-05', headUnitId: u.TPND, personId: null, today: '2020-12-01', now: 1, ranking });
}

/** TPND passes at 4 of 5 (80%), HYY fails at 3 of 5; HNT absent with a written opinion. */
function voteAndClose(voteId: number): void {
  const ballot = (voter: number, tpnd: boolean, hyy: boolean) => {
    castGroupBallot(db, voteId, voter, u.TPND, tpnd, by());
    castGroupBallot(db, voteId, voter, u.HYY, hyy, by());
  };
  ballot(u.TPND, true, true);
  ballot(u.HML, false, true);
  ballot(u.HVB, true, false);
  ballot(u.HYY, true, true);
  recordAbsentOpinion(db, voteId, u.TPND, u.HNT, new Map([[u.TPND, true], [u.HYY, false]]), 'Công văn số 12/UBND ngày 03/12/2020', by());
  closeGroupVote(db, voteId, u.TPND, '2020-12-04', by());
}

describe('the vote in the database', () => {
  it('the default candidates are the top of the ranking up to the quota; a tie at the edge is flagged', () => {
    const flag = defaultCandidates(db, m.movement, cum1, 'co-thi-dua-ubnd-tinh');
    expect(flag.ranking.map((r) => [r.unitId, r.total, r.rank, r.tied])).toEqual([
      [u.TPND, 110, 1, false],
      [u.HYY, 100, 2, false],
      [u.HVB, 98, 3, true],
      [u.HNT, 98, 3, true],
      [u.HML, 90, 5, false],
    ]);
    expect(flag).toMatchObject({ quota: 1, candidates: [u.TPND], tiedAtEdge: [] });
    // Once TPND is up for the Cờ, the Bằng khen's default passes it over: HYY.
    openGroupVote(db, { groupId: cum1, title: 'co-thi-dua-ubnd-tinh', candidates: [u.TPND], endsOn: '2020-12-05', headUnitId: u.TPND, personId: null, today: '2020-12-01', now: 1, ranking: flag.ranking });
    expect(defaultCandidates(db, m.movement, cum1, 'bang-khen-ubnd-tinh')).toMatchObject({ quota: 1, candidates: [u.HYY], tiedAtEdge: [] });
    // A tie across the edge: two places for the Bằng khen after HYY, HVB and HNT tied for the second.
    db.$client.prepare('UPDATE scoring_tables SET certificate_quota = 2').run();
    expect(defaultCandidates(db, m.movement, cum1, 'bang-khen-ubnd-tinh')).toMatchObject({ quota: 2, candidates: [u.HYY, u.HVB], tiedAtEdge: [u.HVB, u.HNT] });
  });

  it('ballots are kept, secret until the close; the written opinion counts; one candidate passes at 80% of all, one fails', () => {
    const voteId = openFlagVote();
    expect(countRows(db, 'vote_members')).toBe(5);
    expect(db.$client.prepare('SELECT unit_id AS unitId, position, total, rank FROM vote_candidates ORDER BY position').all()).toEqual([
      { unitId: u.TPND, position: 0, total: 110, rank: 1 },
      { unitId: u.HYY, position: 1, total: 100, rank: 2 },
    ]);
    castGroupBallot(db, voteId, u.HML, u.TPND, false, by());
    expect(refusal(() => castGroupBallot(db, voteId, u.HML, u.TPND, true, by()))).toBe('err-vote-already');
    expect(refusal(() => castGroupBallot(db, voteId, u.HTN, u.TPND, true, by()))).toBe('err-not-your-cluster');
    expect(refusal(() => groupVoteResults(loadVote(db, voteId)))).toBe('err-vote-secret');
    expect(ownGroupBallot(loadVote(db, voteId), u.HML)).toEqual(new Map([[u.TPND, false]]));
    expect(refusal(() => ownGroupBallot(loadVote(db, voteId), u.HTN))).toBe('err-not-your-cluster');
    expect(participation(loadVote(db, voteId))).toEqual({ done: [], partly: [u.HML], none: [u.TPND, u.HVB, u.HYY, u.HNT].sort((a, b) => a - b) });
    // Not before the quorum (80%), and never by a member other than the head.
    expect(refusal(() => closeGroupVote(db, voteId, u.TPND, '2020-12-04', by()))).toBe('err-vote-no-quorum');
    expect(refusal(() => closeGroupVote(db, voteId, u.HML, '2020-12-05', by()))).toBe('err-vote-head-only');
    db.$client.prepare('DELETE FROM ballots').run();

    voteAndClose(voteId);
    const stored = loadVote(db, voteId);
    expect(voteAttendance(stored)).toEqual({ present: 4, written: 1, members: 5, quorumMet: true });
    expect(stored.row.closedOn).toBe('2020-12-04');
    expect(groupVoteResults(stored)).toEqual([
      { unitId: u.TPND, approve: 4, disapprove: 1, silent: 0, share: 0.8, passes: true },
      { unitId: u.HYY, approve: 3, disapprove: 2, silent: 0, share: 0.6, passes: false },
    ]);
    expect(stored.notes.get(u.HNT)).toBe('Công văn số 12/UBND ngày 03/12/2020');
    expect(db.$client.prepare('SELECT count(*) AS n FROM ballots WHERE written = 1').get()).toEqual({ n: 2 });
    expect(refusal(() => castGroupBallot(db, voteId, u.HNT, u.TPND, true, by()))).toBe('err-vote-closed');
  });

  it('opening: the head of the group only, one open vote per title, an end date not past, members as candidates', () => {
    const { ranking } = defaultCandidates(db, m.movement, cum1, 'co-thi-dua-ubnd-tinh');
    const base = { groupId: cum1, title: 'co-thi-dua-ubnd-tinh' as const, candidates: [u.TPND], endsOn: '2020-12-05', headUnitId: u.TPND, personId: null, today: '2020-12-01', now: 1, ranking };
    expect(refusal(() => openGroupVote(db, { ...base, headUnitId: u.HHH }))).toBe('err-vote-head-only');
    expect(refusal(() => openGroupVote(db, { ...base, groupId: cum2 }))).toBe('err-vote-head-only');
    expect(refusal(() => openGroupVote(db, { ...base, candidates: [u.HTN] }))).toBe('err-vote-candidate-not-member');
    expect(refusal(() => openGroupVote(db, { ...base, endsOn: '2020-11-30' }))).toBe('err-vote-ends-past');
    openGroupVote(db, base);
    expect(refusal(() => openGroupVote(db, base))).toBe('err-vote-open-already');
    expect(countRows(db, 'votes')).toBe(1);
  });
});

describe('proposals and their conditions', () => {
  it('the head proposes the candidate that passed, within the quota; the one that failed is refused', () => {
    const voteId = openFlagVote();
    expect(refusal(() => proposeFromVote(db, { movementId: m.movement.id, voteId, unitIds: [u.TPND], headUnitId: u.TPND, personId: null, now: 2 }))).toBe('err-proposal-vote-open');
    voteAndClose(voteId);
    expect(refusal(() => proposeFromVote(db, { movementId: m.movement.id, voteId, unitIds: [u.HYY], headUnitId: u.TPND, personId: null, now: 2 }))).toBe('err-proposal-not-passed');
    expect(refusal(() => proposeFromVote(db, { movementId: m.movement.id, voteId, unitIds: [u.TPND], headUnitId: u.HHH, personId: null, now: 2 }))).toBe('err-vote-head-only');
    const [id] = proposeFromVote(db, { movementId: m.movement.id, voteId, unitIds: [u.TPND], headUnitId: u.TPND, personId: null, now: 2 });
    expect(getProposal(db, id!)).toMatchObject({ unitId: u.TPND, title: 'co-thi-dua-ubnd-tinh', groupId: cum1, voteId });
    expect(refusal(() => proposeFromVote(db, { movementId: m.movement.id, voteId, unitIds: [u.TPND], headUnitId: u.TPND, personId: null, now: 3 }))).toBe('err-proposal-exists');
    expect(proposalsOfGroup(db, m.movement.id, cum1).map((p) => p.unitId)).toEqual([u.TPND]);

    // The Cờ's conditions: member, leads its cluster, passed the vote, from the database; the year's targets not counted.
    const conditions = proposalConditions(db, m.movement, getProposal(db, id!));
    expect(conditions.map((c) => [c.code, c.status])).toEqual([
      ['group-member', 'met'],
      ['leads-group', 'met'],
      ['vote-passed', 'met'],
      ['targets-exceeded', 'not_declared'],
      ['outstanding', 'people_decide'],
      ['no-pending-case', 'not_declared'],
    ]);
  });

  it('a unit proposes its own title; its declarations give met, not met and not declared; withdrawn and made again', () => {
    const liaisonOf = (unitId: number) => ({ role: 'liaison', unitId });
    const id = proposeOwn(db, { movementId: m.movement.id, unitId: u.HML, title: 'tap-the-lao-dong-xuat-sac', personId: null, now: 1 });
    expect(refusal(() => proposeOwn(db, { movementId: m.movement.id, unitId: u.HML, title: 'tap-the-lao-dong-tien-tien', personId: null, now: 1 }))).toBe('err-proposal-one-own-title');
    expect(refusal(() => proposeOwn(db, { movementId: m.movement.id, unitId: u.HML, title: 'co-thi-dua-ubnd-tinh', personId: null, now: 1 }))).toBe('err-proposal-not-own-title');
    saveDeclared(db, id, { taskRating: 'xuat-sac', membersCompletingShare: 1, advancedShare: 0.6, disciplined: true }, liaisonOf(u.HML));
    // `disciplined` is not read for TTLĐXS: dropped.
    expect(getProposal(db, id).declared).toEqual({ taskRating: 'xuat-sac', membersCompletingShare: 1, advancedShare: 0.6 });
    expect(proposalConditions(db, m.movement, getProposal(db, id)).map((c) => [c.code, c.status])).toEqual([
      ['rating-excellent', 'met'],
      ['all-members-complete', 'met'],
      ['advanced-70', 'not_met'],
      ['emulation-soldier', 'not_declared'],
      ['unity', 'people_decide'],
      ['no-pending-case', 'not_declared'],
    ]);
    // The law's own words for TTLĐXS (Art. 27.1); a pending case from Nghị định 152/2025, Art. 4.
    expect(proposalConditions(db, m.movement, getProposal(db, id)).map((c) => [c.source, c.practice])).toEqual([
      ...Array(5).fill(['Luật Thi đua, khen thưởng 2022, Điều 27.1', false]),
      ['Nghị định 152/2025/NĐ-CP, Điều 4', false],
    ]);
    // TTLĐTT's conditions are the provinces' practice text (Art. 28), said so in the reader's language.
    const advanced = checkConditions('tap-the-lao-dong-tien-tien', {}, { inGroup: true, year: 2020 })[0]!;
    expect(advanced).toMatchObject({ code: 'rating-good', source: 'Luật Thi đua, khen thưởng 2022, Điều 28', practice: true });
    const line = (locale: 'vi' | 'en') => t(locale, 'prop-condition-line', { condition: 'C', status: 'S', source: advanced.source, practice: 'yes' });
    expect([line('vi'), line('en')]).toEqual(['• C: S (Luật Thi đua, khen thưởng 2022, Điều 28, theo thực tiễn)', '• C: S (Luật Thi đua, khen thưởng 2022, Điều 28, in practice)']);
    // Another unit's liaison, another cluster's head, a bad declaration: refused, nothing changed.
    expect(refusal(() => saveDeclared(db, id, { taskRating: 'tot' }, liaisonOf(u.HVB)))).toBe('err-proposal-not-yours');
    expect(refusal(() => saveDeclared(db, id, { taskRating: 'tot' }, { role: 'cluster_head', unitId: u.HHH }))).toBe('err-proposal-not-yours');
    expect(refusal(() => saveDeclared(db, id, { advancedShare: 1.5 }, liaisonOf(u.HML)))).toBe('err-proposal-bad-declaration');
    expect(refusal(() => withdrawProposal(db, id, liaisonOf(u.HVB), 2))).toBe('err-proposal-not-yours');
    expect(getProposal(db, id).withdrawnAt).toBeNull();

    withdrawProposal(db, id, liaisonOf(u.HML), 2);
    expect(refusal(() => saveDeclared(db, id, { taskRating: 'tot' }, liaisonOf(u.HML)))).toBe('err-proposal-withdrawn');
    // Withdrawn, the unit may propose the other title, or this one again (the same row, declarations cleared).
    expect(proposeOwn(db, { movementId: m.movement.id, unitId: u.HML, title: 'tap-the-lao-dong-xuat-sac', personId: null, now: 3 })).toBe(id);
    expect(getProposal(db, id)).toMatchObject({ withdrawnAt: null, declared: {} });
    expect(countRows(db, 'proposals')).toBe(1);
  });

  it('a Bằng khen counts last year’s awarded TTLĐXS from the decisions recorded', () => {
    // Last year's movement, in which HYY was awarded TTLĐXS.
    const last = db.insert(movements).values({ ...db.select().from(movements).get()!, id: undefined, code: 'TD-2019', startsOn: '2019-01-01', endsOn: '2019-12-31' }).returning().get();
    db.insert(proposals).values({ movementId: last.id, unitId: u.HYY, title: 'tap-the-lao-dong-xuat-sac', proposedAt: 0, outcome: 'awarded', decisionNumber: '45/QĐ-UBND', decidedOn: '2020-01-20' }).run();
    const own = db.insert(proposals).values({ movementId: m.movement.id, unitId: u.HYY, title: 'bang-khen-ubnd-tinh', groupId: cum1, proposedAt: 0 }).returning().get();
    saveDeclared(db, own.id, { taskRating: 'xuat-sac' }, { role: 'liaison', unitId: u.HYY });
    expect(proposalConditions(db, m.movement, getProposal(db, own.id))[0]).toMatchObject({ code: 'two-years-excellent', status: 'met' });
    saveDeclared(db, own.id, { taskRating: 'tot' }, { role: 'liaison', unitId: u.HYY });
    expect(proposalConditions(db, m.movement, getProposal(db, own.id))[0]).toMatchObject({ code: 'two-years-excellent', status: 'not_met' });
  });
});
