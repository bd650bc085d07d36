/**
 * The closed bình xét votes of a movement's clusters/blocks as the documents print them: who took
 * part, each candidate's total and rank when the vote opened, its approvals as a share of ALL
 * members against the threshold, the absent members' written opinions. The counting is vote.ts's
 * own (attendance, voteResults); only closed votes are read, so no ballot is seen before its close.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { ballots, groups, voteCandidates, voteMembers, votes, writtenOpinions } from '../db/schema.ts';
import type { ProposalTitle } from '../domain/model.ts';
import { attendance, voteResults, type CandidateResult, type Vote } from '../domain/year-end/vote.ts';

export interface ClosedVote {
  id: number;
  groupId: number;
  title: ProposalTitle;
  quorum: number;
  threshold: number;
  endsOn: string;
  closedOn: string;
  members: number[];
  attendance: { present: number; written: number; members: number; quorumMet: boolean };
  /** In the order the vote listed them, with the total and rank they had when it opened. */
  candidates: (CandidateResult & { total: number | null; rank: number | null })[];
  /** Absent members whose written opinion the head recorded, with its note. */
  written: { unitId: number; note: string; approvals: ReadonlyMap<number, boolean> }[];
  /** Members with neither a ballot nor a written opinion. */
  absent: number[];
}

/** Rows of `table` whose vote is one of `ids`, read in slices (SQLite's limit on bound values). */
function byVote<T>(ids: number[], read: (slice: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...read(ids.slice(i, i + 5000)));
  return out;
}

/** The closed votes of the movement (of one group when `groupId` is given), oldest first. */
export function closedVotes(db: DbOrTx, movementId: number, groupId?: number): ClosedVote[] {
  const rows = db
    .select({ vote: votes, headUnitId: groups.headUnitId })
    .from(votes)
    .innerJoin(groups, eq(groups.id, votes.groupId))
    .where(and(eq(groups.movementId, movementId), isNotNull(votes.closedOn), ...(groupId !== undefined ? [eq(votes.groupId, groupId)] : [])))
    .orderBy(asc(votes.closedAt), asc(votes.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.vote.id);
  const members = byVote(ids, (s) => db.select().from(voteMembers).where(inArray(voteMembers.voteId, s)).orderBy(asc(voteMembers.unitId)).all());
  const candidates = byVote(ids, (s) => db.select().from(voteCandidates).where(inArray(voteCandidates.voteId, s)).orderBy(asc(voteCandidates.position)).all());
  const cast = byVote(ids, (s) => db.select().from(ballots).where(inArray(ballots.voteId, s)).all());
  const notes = byVote(ids, (s) => db.select().from(writtenOpinions).where(inArray(writtenOpinions.voteId, s)).all());
  const grouped = <T extends { voteId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.voteId, [...(m.get(x.voteId) ?? []), x]);
    return m;
  };
  const membersOf = grouped(members);
  const candidatesOf = grouped(candidates);
  const ballotsOf = grouped(cast);
  const notesOf = grouped(notes);

  return rows.map(({ vote: v, headUnitId }) => {
    const noteOf = new Map((notesOf.get(v.id) ?? []).map((n) => [n.unitId, n.note]));
    const listed = candidatesOf.get(v.id) ?? [];
    const vote: Vote = {
      groupId: v.groupId,
      headUnitId: headUnitId ?? 0,
      members: (membersOf.get(v.id) ?? []).map((m) => m.unitId),
      candidates: listed.map((c) => c.unitId),
      rule: { quorum: v.quorum, threshold: v.threshold },
      endsOn: v.endsOn,
      ballots: new Map(),
      written: new Map(),
      closedOn: v.closedOn!,
    };
    for (const b of ballotsOf.get(v.id) ?? []) {
      if (b.written) {
        const opinion = vote.written.get(b.voterUnitId) ?? { approvals: new Map<number, boolean>(), note: noteOf.get(b.voterUnitId) ?? '', recordedByUnitId: vote.headUnitId };
        (opinion.approvals as Map<number, boolean>).set(b.candidateUnitId, b.approve);
        vote.written.set(b.voterUnitId, opinion);
      } else {
        const own = vote.ballots.get(b.voterUnitId) ?? new Map<number, boolean>();
        own.set(b.candidateUnitId, b.approve);
        vote.ballots.set(b.voterUnitId, own);
      }
    }
    // A written opinion with a note and no approval given (the member abstained in writing) still counts as taking part.
    for (const [unitId, note] of noteOf) if (!vote.written.has(unitId) && !vote.ballots.has(unitId)) vote.written.set(unitId, { approvals: new Map(), note, recordedByUnitId: vote.headUnitId });
    const results = voteResults(vote);
    const at = new Map(listed.map((c) => [c.unitId, c]));
    return {
      id: v.id,
      groupId: v.groupId,
      title: v.title,
      quorum: v.quorum,
      threshold: v.threshold,
      endsOn: v.endsOn,
      closedOn: v.closedOn!,
      members: [...vote.members],
      attendance: attendance(vote),
      candidates: results.map((r) => ({ ...r, total: at.get(r.unitId)?.total ?? null, rank: at.get(r.unitId)?.rank ?? null })),
      written: [...vote.written].map(([unitId, o]) => ({ unitId, note: o.note, approvals: o.approvals })),
      absent: vote.members.filter((m) => !vote.ballots.has(m) && !vote.written.has(m)),
    };
  });
}
