/**
 * Year-end rows written straight into their tables for the documents' tests and benchmark: a
 * closed vote with its members, candidates, ballots and written opinions; proposals; dossier files.
 * (The chat flows that write them belong to other parts of the year-end; these stand in for them.)
 */
import type { DbOrTx } from '../../src/db/connection.ts';
import { ballots, dossierFiles, proposals, voteCandidates, voteMembers, votes, writtenOpinions } from '../../src/db/schema.ts';
import type { ProposalTitle } from '../../src/domain/model.ts';

export interface ScriptedVote {
  groupId: number;
  title: ProposalTitle;
  quorum?: number;
  threshold?: number;
  endsOn: string;
  /** Left out: the vote is still open. */
  closedOn?: string;
  members: number[];
  candidates: { unitId: number; total?: number; rank?: number }[];
  /** voter → candidate → approve, cast in chat. */
  ballots?: Map<number, Map<number, boolean>>;
  /** An absent member's written opinion: its approvals and the head's note. */
  written?: { unitId: number; note: string; approvals: Map<number, boolean> }[];
  at?: number;
}

export function insertVote(db: DbOrTx, v: ScriptedVote): number {
  const at = v.at ?? Date.UTC(2020, 11, 4, 3);
  const id = db
    .insert(votes)
    .values({ groupId: v.groupId, title: v.title, quorum: v.quorum ?? 0.8, threshold: v.threshold ?? 0.8, endsOn: v.endsOn, openedAt: at, closedOn: v.closedOn ?? null, closedAt: v.closedOn ? at : null })
    .returning({ id: votes.id })
    .get().id;
  for (const unitId of v.members) db.insert(voteMembers).values({ voteId: id, unitId }).run();
  v.candidates.forEach((c, position) => db.insert(voteCandidates).values({ voteId: id, unitId: c.unitId, position, total: c.total ?? null, rank: c.rank ?? null }).run());
  for (const [voter, own] of v.ballots ?? [])
    for (const [candidate, approve] of own) db.insert(ballots).values({ voteId: id, voterUnitId: voter, candidateUnitId: candidate, approve, castAt: at }).run();
  for (const w of v.written ?? []) {
    db.insert(writtenOpinions).values({ voteId: id, unitId: w.unitId, note: w.note, recordedAt: at }).run();
    for (const [candidate, approve] of w.approvals) db.insert(ballots).values({ voteId: id, voterUnitId: w.unitId, candidateUnitId: candidate, approve, written: true, castAt: at }).run();
  }
  return id;
}

export function insertProposal(
  db: DbOrTx,
  p: { movementId: number; unitId: number; title: ProposalTitle; groupId?: number; voteId?: number; declared?: Record<string, unknown>; withdrawn?: boolean; outcome?: 'awarded' | 'not_awarded'; at?: number },
): number {
  const at = p.at ?? Date.UTC(2020, 11, 6, 3);
  return db
    .insert(proposals)
    .values({
      movementId: p.movementId,
      unitId: p.unitId,
      title: p.title,
      groupId: p.groupId ?? null,
      voteId: p.voteId ?? null,
      declared: p.declared ?? {},
      proposedAt: at,
      withdrawnAt: p.withdrawn ? at : null,
      outcome: p.outcome ?? null,
      // A decision is recorded with its date (decisions.ts).
      decidedOn: p.outcome ? '2021-01-20' : null,
    })
    .returning({ id: proposals.id })
    .get().id;
}

/** A document of a proposal's dossier, received at `receivedAt`. */
export function insertDossierFile(db: DbOrTx, proposalId: number, item: string, receivedAt: number): void {
  db.insert(dossierFiles).values({ proposalId, item, fileName: `${item.replace(':', '-')}.pdf`, storedPath: `/dev/null/${proposalId}-${item}`, bytes: 1024, receivedAt }).run();
}
