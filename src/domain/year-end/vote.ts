/**
 * The bình xét vote of one cluster: candidates, one ballot per member unit per candidate, kept
 * unseen until the close; an absent member's written opinion recorded by the cluster head; each
 * candidate's approvals against the threshold of ALL members; closed only with the quorum present
 * or from its end date. The vote decides nothing by itself: it is what the minutes record.
 */
import { DomainError } from '../errors.ts';
import type { VoteRule } from './definition.ts';

interface WrittenOpinion {
  approvals: ReadonlyMap<number, boolean>;
  note: string;
  recordedByUnitId: number;
}

export interface Vote {
  groupId: number;
  headUnitId: number;
  members: readonly number[];
  candidates: readonly number[];
  rule: VoteRule;
  endsOn: string;
  /** voter unit → candidate → approve. */
  ballots: Map<number, Map<number, boolean>>;
  written: Map<number, WrittenOpinion>;
  closedOn?: string;
}

export interface CandidateResult {
  unitId: number;
  approve: number;
  disapprove: number;
  /** Members who gave no opinion on this candidate (absent without a written one, or abstaining). */
  silent: number;
  /** Approvals as a share of all members. */
  share: number;
  passes: boolean;
}

/** Whether `count` of `members` is at least `share` of them: 2/3 of 6 is 4, though 6 × 2/3 is 3.9999… in floating point. */
const reaches = (count: number, share: number, members: number) => count >= share * members - 1e-9;

/** Opens a vote on `candidates` (members of the cluster, each once). */
export function openVote(input: {
  groupId: number;
  headUnitId: number;
  members: readonly number[];
  candidates: readonly number[];
  rule: VoteRule;
  endsOn: string;
}): Vote {
  const members = new Set(input.members);
  if (!members.has(input.headUnitId)) throw new DomainError('err-not-your-cluster');
  if (input.candidates.length === 0) throw new DomainError('err-vote-no-candidate');
  for (const c of input.candidates) if (!members.has(c)) throw new DomainError('err-vote-candidate-not-member');
  if (new Set(input.candidates).size !== input.candidates.length) throw new DomainError('err-vote-candidate-twice');
  return { ...input, members: [...members], candidates: [...input.candidates], ballots: new Map(), written: new Map() };
}

function mustBeOpen(vote: Vote) {
  if (vote.closedOn !== undefined) throw new DomainError('err-vote-closed');
}

function mustBeCandidate(vote: Vote, candidate: number) {
  if (!vote.candidates.includes(candidate)) throw new DomainError('err-vote-not-candidate');
}

/** A member unit's ballot on one candidate: once only, while the vote is open. */
export function castBallot(vote: Vote, voterUnitId: number, candidate: number, approve: boolean): void {
  mustBeOpen(vote);
  if (!vote.members.includes(voterUnitId)) throw new DomainError('err-not-your-cluster');
  mustBeCandidate(vote, candidate);
  if (vote.written.has(voterUnitId)) throw new DomainError('err-vote-already');
  const own = vote.ballots.get(voterUnitId) ?? new Map<number, boolean>();
  if (own.has(candidate)) throw new DomainError('err-vote-already');
  own.set(candidate, approve);
  vote.ballots.set(voterUnitId, own);
}

/**
 * An absent member's written opinion, recorded by the cluster head with a note (the minutes quote
 * it). Only for a member that has not voted in person, and only once.
 */
export function recordWrittenOpinion(
  vote: Vote,
  recorderUnitId: number,
  absentUnitId: number,
  approvals: ReadonlyMap<number, boolean>,
  note: string,
): void {
  mustBeOpen(vote);
  if (recorderUnitId !== vote.headUnitId) throw new DomainError('err-vote-head-only');
  if (!vote.members.includes(absentUnitId)) throw new DomainError('err-not-your-cluster');
  if (vote.ballots.has(absentUnitId) || vote.written.has(absentUnitId)) throw new DomainError('err-vote-already');
  if (note.trim() === '') throw new DomainError('err-vote-opinion-needs-note');
  for (const candidate of approvals.keys()) mustBeCandidate(vote, candidate);
  vote.written.set(absentUnitId, { approvals: new Map(approvals), note: note.trim(), recordedByUnitId: recorderUnitId });
}

/** Members taking part: those who cast a ballot and those whose written opinion was recorded. */
export function attendance(vote: Vote): { present: number; written: number; members: number; quorumMet: boolean } {
  const present = vote.ballots.size;
  const written = vote.written.size;
  const members = vote.members.length;
  const quorumMet = reaches(present + written, vote.rule.quorum, members);
  return { present, written, members, quorumMet };
}

/** Closes the vote: with the quorum reached, or on/after its end date whatever the attendance. */
export function closeVote(vote: Vote, byUnitId: number, today: string): void {
  mustBeOpen(vote);
  if (byUnitId !== vote.headUnitId) throw new DomainError('err-vote-head-only');
  if (!attendance(vote).quorumMet && today < vote.endsOn) throw new DomainError('err-vote-no-quorum');
  vote.closedOn = today;
}

/** Whether `unitId` has voted on each candidate: what a member may see of its own, any time. */
export function ownBallot(vote: Vote, unitId: number): ReadonlyMap<number, boolean> {
  if (!vote.members.includes(unitId)) throw new DomainError('err-not-your-cluster');
  return new Map(vote.ballots.get(unitId) ?? vote.written.get(unitId)?.approvals ?? []);
}

/** Every ballot, for the minutes: refused until the vote is closed. */
export function allBallots(vote: Vote): ReadonlyMap<number, ReadonlyMap<number, boolean>> {
  if (vote.closedOn === undefined) throw new DomainError('err-vote-secret');
  const out = new Map<number, ReadonlyMap<number, boolean>>(vote.ballots);
  for (const [unit, opinion] of vote.written) out.set(unit, opinion.approvals);
  return out;
}

/** Each candidate's approvals against the threshold of all members: refused until the close. */
export function voteResults(vote: Vote): CandidateResult[] {
  const ballots = allBallots(vote);
  const members = vote.members.length;
  return vote.candidates.map((unitId) => {
    let approve = 0;
    let disapprove = 0;
    for (const own of ballots.values()) {
      const choice = own.get(unitId);
      if (choice === true) approve++;
      else if (choice === false) disapprove++;
    }
    return { unitId, approve, disapprove, silent: members - approve - disapprove, share: approve / members, passes: reaches(approve, vote.rule.threshold, members) };
  });
}

/** A ballot as kept: a member's own, or one approval of an absent member's written opinion (`written`). */
interface KeptBallot {
  voterUnitId: number;
  candidateUnitId: number;
  approve: boolean;
  written: boolean;
}

/**
 * Puts kept ballots and the written opinions' notes back into a vote read from storage. A written
 * opinion with a note and no approval given (the member abstained in writing) still counts as
 * taking part.
 */
export function restoreBallots(vote: Vote, ballots: Iterable<KeptBallot>, notes: ReadonlyMap<number, string>): Vote {
  for (const b of ballots) {
    if (b.written) {
      const opinion = vote.written.get(b.voterUnitId) ?? { approvals: new Map<number, boolean>(), note: notes.get(b.voterUnitId) ?? '', recordedByUnitId: vote.headUnitId };
      (opinion.approvals as Map<number, boolean>).set(b.candidateUnitId, b.approve);
      vote.written.set(b.voterUnitId, opinion);
    } else {
      const own = vote.ballots.get(b.voterUnitId) ?? new Map<number, boolean>();
      own.set(b.candidateUnitId, b.approve);
      vote.ballots.set(b.voterUnitId, own);
    }
  }
  for (const [unitId, note] of notes)
    if (!vote.written.has(unitId) && !vote.ballots.has(unitId)) vote.written.set(unitId, { approvals: new Map(), note, recordedByUnitId: vote.headUnitId });
  return vote;
}
