/**
 * The bình xét votes in the database: opened by the cluster head on candidates (by default the top
 * of the group's ranking up to the table's quota), ballots cast once per member and candidate,
 * absent members' written opinions, closed with the quorum or from the end date. Every change is
 * checked by the rules of vote.ts on the vote as stored, then written.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { ballots, groups, voteCandidates, voteMembers, votes, writtenOpinions } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import type { Movement, ProposalTitle } from '../model.ts';
import { isValidIsoDate } from '../vn-input.ts';
import { topOfRanking, type Ranked } from './ranking.ts';
import { yearResultsByUnit } from './results.ts';
import { getGroup } from './groups.ts';
import { groupMemberIds, groupRanking, groupSheets } from './sheets.ts';
import { scoringTableOfGroup } from './store.ts';
import { attendance, castBallot, closeVote, openVote, ownBallot, recordWrittenOpinion, restoreBallots, voteResults, type CandidateResult, type Vote } from './vote.ts';

/** The titles a cluster votes on: its Cờ thi đua and its Bằng khen. */
export const VOTE_TITLES = ['co-thi-dua-ubnd-tinh', 'bang-khen-ubnd-tinh'] as const satisfies readonly ProposalTitle[];
type VoteTitle = (typeof VOTE_TITLES)[number];
export const isVoteTitle = (title: string): title is VoteTitle => (VOTE_TITLES as readonly string[]).includes(title);

/** The quota of a title in the group's table (0 when the group has no table). */
export function quotaOf(db: DbOrTx, groupId: number, title: VoteTitle): number {
  const table = scoringTableOfGroup(db, groupId);
  if (!table) return 0;
  return title === 'co-thi-dua-ubnd-tinh' ? table.quotas.flag : table.quotas.certificate;
}

interface DefaultCandidates {
  ranking: Ranked[];
  candidates: number[];
  tiedAtEdge: number[];
  quota: number;
}

/**
 * The default candidates of a vote: the top of the group's ranking up to the quota. For the Bằng
 * khen, units already candidates for the Cờ in this group are passed over (they are proposed for
 * the higher title). A tie across the quota's edge is flagged, not broken.
 */
export function defaultCandidates(db: DbOrTx, movement: Pick<Movement, 'id' | 'endsOn'>, groupId: number, title: VoteTitle): DefaultCandidates {
  const table = scoringTableOfGroup(db, groupId);
  if (!table) throw new DomainError('err-vote-no-table');
  const ranking = groupRanking(groupSheets(db, table, groupId, yearResultsByUnit(db, movement)));
  const quota = quotaOf(db, groupId, title);
  const passedOver = new Set<number>();
  if (title === 'bang-khen-ubnd-tinh')
    for (const v of db.select({ unitId: voteCandidates.unitId }).from(voteCandidates).innerJoin(votes, eq(votes.id, voteCandidates.voteId)).where(and(eq(votes.groupId, groupId), eq(votes.title, 'co-thi-dua-ubnd-tinh'))).all())
      passedOver.add(v.unitId);
  const top = topOfRanking(ranking.filter((r) => !passedOver.has(r.unitId)), quota);
  return { ranking, quota, ...top };
}

type VoteRow = typeof votes.$inferSelect;

export interface StoredVote {
  row: VoteRow;
  vote: Vote;
  /** Each candidate's total and rank when the vote opened. */
  standing: Map<number, { total: number | null; rank: number | null }>;
  notes: Map<number, string>;
}

/** A vote as stored, with the rules' view of it (members, candidates, ballots, written opinions). */
export function loadVote(db: DbOrTx, voteId: number): StoredVote {
  const row = db.select().from(votes).where(eq(votes.id, voteId)).get();
  if (!row) throw new DomainError('err-vote-unknown');
  const group = getGroup(db, row.groupId)!;
  const members = db.select({ unitId: voteMembers.unitId }).from(voteMembers).where(eq(voteMembers.voteId, voteId)).orderBy(asc(voteMembers.unitId)).all().map((m) => m.unitId);
  const candidateRows = db.select().from(voteCandidates).where(eq(voteCandidates.voteId, voteId)).orderBy(asc(voteCandidates.position)).all();
  const notes = new Map(db.select({ unitId: writtenOpinions.unitId, note: writtenOpinions.note, by: writtenOpinions.recordedBy }).from(writtenOpinions).where(eq(writtenOpinions.voteId, voteId)).all().map((w) => [w.unitId, w.note]));
  const vote: Vote = {
    groupId: row.groupId,
    headUnitId: group.headUnitId ?? -1,
    members,
    candidates: candidateRows.map((c) => c.unitId),
    rule: { quorum: row.quorum, threshold: row.threshold },
    endsOn: row.endsOn,
    ballots: new Map(),
    written: new Map(),
    ...(row.closedOn !== null ? { closedOn: row.closedOn } : {}),
  };
  restoreBallots(vote, db.select().from(ballots).where(eq(ballots.voteId, voteId)).all(), notes);
  return { row, vote, standing: new Map(candidateRows.map((c) => [c.unitId, { total: c.total, rank: c.rank }])), notes };
}

/**
 * Opens a vote of the group on `candidates` for `title`, by the group's head, until `endsOn`. The
 * members are the group's as they stand now (the "all members" of every share). One vote per title
 * may be open at a time in a group.
 */
export function openGroupVote(
  tx: DbOrTx,
  input: { groupId: number; title: VoteTitle; candidates: readonly number[]; endsOn: string; headUnitId: number; personId: number | null; today: string; now: number; ranking: readonly Ranked[] },
): number {
  const group = getGroup(tx, input.groupId);
  if (!group) throw new DomainError('err-vote-unknown');
  if (group.headUnitId !== input.headUnitId) throw new DomainError('err-vote-head-only');
  const table = scoringTableOfGroup(tx, input.groupId);
  if (!table) throw new DomainError('err-vote-no-table');
  if (!isValidIsoDate(input.endsOn) || input.endsOn < input.today) throw new DomainError('err-vote-ends-past');
  const open = tx.select({ id: votes.id }).from(votes).where(and(eq(votes.groupId, input.groupId), eq(votes.title, input.title), isNull(votes.closedOn))).get();
  if (open) throw new DomainError('err-vote-open-already');
  const members = groupMemberIds(tx, input.groupId);
  // The rules check the head, the candidates and the members before anything is written.
  openVote({ groupId: input.groupId, headUnitId: input.headUnitId, members, candidates: input.candidates, rule: table.vote, endsOn: input.endsOn });
  const voteId = tx
    .insert(votes)
    .values({ groupId: input.groupId, title: input.title, quorum: table.vote.quorum, threshold: table.vote.threshold, endsOn: input.endsOn, openedBy: input.personId, openedAt: input.now })
    .returning({ id: votes.id })
    .get().id;
  tx.insert(voteMembers).values(members.map((unitId) => ({ voteId, unitId }))).run();
  const standing = new Map(input.ranking.map((r) => [r.unitId, r]));
  tx.insert(voteCandidates)
    .values(input.candidates.map((unitId, position) => ({ voteId, unitId, position, total: standing.get(unitId)?.total ?? null, rank: standing.get(unitId)?.rank ?? null })))
    .run();
  return voteId;
}

/** A member's ballot on one candidate (once; while open). */
export function castGroupBallot(tx: DbOrTx, voteId: number, voterUnitId: number, candidateUnitId: number, approve: boolean, by: { personId: number | null; now: number }): void {
  const { vote } = loadVote(tx, voteId);
  castBallot(vote, voterUnitId, candidateUnitId, approve);
  tx.insert(ballots).values({ voteId, voterUnitId, candidateUnitId, approve, written: false, castBy: by.personId, castAt: by.now }).run();
}

/** The head records an absent member's written opinion: its approvals per candidate and a note. */
export function recordAbsentOpinion(
  tx: DbOrTx,
  voteId: number,
  headUnitId: number,
  absentUnitId: number,
  approvals: ReadonlyMap<number, boolean>,
  note: string,
  by: { personId: number | null; now: number },
): void {
  const { vote } = loadVote(tx, voteId);
  recordWrittenOpinion(vote, headUnitId, absentUnitId, approvals, note);
  tx.insert(writtenOpinions).values({ voteId, unitId: absentUnitId, note: note.trim(), recordedBy: by.personId, recordedAt: by.now }).run();
  const rows = [...approvals].map(([candidateUnitId, approve]) => ({ voteId, voterUnitId: absentUnitId, candidateUnitId, approve, written: true, castBy: by.personId, castAt: by.now }));
  if (rows.length > 0) tx.insert(ballots).values(rows).run();
}

/** Closes the vote (the head; with the quorum, or from the end date). */
export function closeGroupVote(tx: DbOrTx, voteId: number, headUnitId: number, today: string, by: { personId: number | null; now: number }): void {
  const { vote } = loadVote(tx, voteId);
  closeVote(vote, headUnitId, today);
  tx.update(votes).set({ closedOn: today, closedAt: by.now, closedBy: by.personId }).where(eq(votes.id, voteId)).run();
}

/** The votes of a group, newest first. */
export function votesOfGroup(db: DbOrTx, groupId: number): VoteRow[] {
  return db.select().from(votes).where(eq(votes.groupId, groupId)).all().sort((a, b) => b.openedAt - a.openedAt || b.id - a.id);
}

/** The votes a unit takes part in (a member when it opened), newest first. */
export function votesOfMember(db: DbOrTx, unitId: number): VoteRow[] {
  const ids = db.select({ voteId: voteMembers.voteId }).from(voteMembers).where(eq(voteMembers.unitId, unitId)).all().map((r) => r.voteId);
  if (ids.length === 0) return [];
  return db.select().from(votes).where(inArray(votes.id, ids)).all().sort((a, b) => b.openedAt - a.openedAt || b.id - a.id);
}

/** The votes of the movement's groups, for the Board. */
export function votesOfMovement(db: DbOrTx, movementId: number): (VoteRow & { groupCode: string })[] {
  return db
    .select({ vote: votes, groupCode: groups.code })
    .from(votes)
    .innerJoin(groups, eq(groups.id, votes.groupId))
    .where(eq(groups.movementId, movementId))
    .orderBy(asc(groups.code), asc(votes.id))
    .all()
    .map((r) => ({ ...r.vote, groupCode: r.groupCode }));
}

/** What a member may see of its own ballot, any time. */
export const ownGroupBallot = (stored: StoredVote, unitId: number) => ownBallot(stored.vote, unitId);

/** Attendance against the quorum (no ballot shown). */
export const voteAttendance = (stored: StoredVote) => attendance(stored.vote);

/** Who has taken part (voted on every candidate, or gave a written opinion) and who not yet. */
export function participation(stored: StoredVote): { done: number[]; partly: number[]; none: number[] } {
  const { vote } = stored;
  const done: number[] = [];
  const partly: number[] = [];
  const none: number[] = [];
  for (const unitId of vote.members) {
    const own = vote.ballots.get(unitId);
    if (vote.written.has(unitId) || (own && own.size === vote.candidates.length)) done.push(unitId);
    else if (own) partly.push(unitId);
    else none.push(unitId);
  }
  return { done, partly, none };
}

/** Each candidate's result against the threshold of all members: refused until the close. */
export const groupVoteResults = (stored: StoredVote): CandidateResult[] => voteResults(stored.vote);
