/**
 * The closed bình xét votes of a movement's clusters/blocks as the documents print them: who took
 * part, each candidate's total and rank when the vote opened, its approvals as a share of ALL
 * members against the threshold, the absent members' written opinions. The counting is vote.ts's
 * own (attendance, voteResults); only closed votes are read, so no ballot is seen before its close.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { rowsStatement } from '../db/raw.ts';
import { groups, votes } from '../db/schema.ts';
import type { ProposalTitle } from '../domain/model.ts';
import { attendance, restoreBallots, voteResults, type CandidateResult, type Vote } from '../domain/year-end/vote.ts';

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
  // The votes' members, candidates, ballots and notes read as arrays (a year of 300 clusters has
  // 15,000 ballots), grouped by vote.
  const ids = JSON.stringify(rows.map((r) => r.vote.id));
  const grouped = <T>(sqlText: string, row: (r: unknown[]) => T) => {
    const m = new Map<number, T[]>();
    for (const r of rowsStatement(db, sqlText).all(ids)) {
      const voteId = r[0] as number;
      const list = m.get(voteId);
      if (list) list.push(row(r));
      else m.set(voteId, [row(r)]);
    }
    return m;
  };
  const ofVotes = 'vote_id IN (SELECT value FROM json_each(?))';
  const membersOf = grouped(`SELECT vote_id, unit_id FROM vote_members WHERE ${ofVotes} ORDER BY unit_id`, (r) => ({ unitId: r[1] as number }));
  const candidatesOf = grouped(`SELECT vote_id, unit_id, total, rank FROM vote_candidates WHERE ${ofVotes} ORDER BY position`, (r) => ({
    unitId: r[1] as number,
    total: r[2] as number | null,
    rank: r[3] as number | null,
  }));
  const ballotsOf = grouped(`SELECT vote_id, voter_unit_id, candidate_unit_id, approve, written FROM ballots WHERE ${ofVotes}`, (r) => ({
    voterUnitId: r[1] as number,
    candidateUnitId: r[2] as number,
    approve: r[3] === 1,
    written: r[4] === 1,
  }));
  const notesOf = grouped(`SELECT vote_id, unit_id, note FROM written_opinions WHERE ${ofVotes}`, (r) => ({ unitId: r[1] as number, note: r[2] as string }));

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
    restoreBallots(vote, ballotsOf.get(v.id) ?? [], noteOf);
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
