/**
 * Proposals of titles: the cluster head proposes, after a closed vote, the candidates that passed
 * it (at most the table's quota); a unit proposes its own Tập thể lao động xuất sắc / tiên tiến.
 * Each carries what the unit declares for the conditions, checked against what the database
 * knows (checkConditions): flagged for people, never decided here. A proposal may be withdrawn,
 * and made again later (the same row comes back).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { proposals } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import type { Movement, Proposal, ProposalTitle } from '../model.ts';
import { checkConditions, declaredConditions, type ConditionCheck, type DeclaredConditions } from './conditions.ts';
import { awardedYears } from './decisions.ts';
import { yearResultsByUnit } from './results.ts';
import { groupRanking, groupSheets } from './sheets.ts';
import { scoringTableOfGroup } from './store.ts';
import { groupVoteResults, isVoteTitle, loadVote, quotaOf, votesOfGroup } from './votes-store.ts';
import { getGroup, groupOfMember } from './groups.ts';

/** The titles a unit proposes for itself. */
export const OWN_TITLES = ['tap-the-lao-dong-xuat-sac', 'tap-the-lao-dong-tien-tien'] as const satisfies readonly ProposalTitle[];
type OwnTitle = (typeof OWN_TITLES)[number];
const isOwnTitle = (title: string): title is OwnTitle => (OWN_TITLES as readonly string[]).includes(title);

/** The declarations each title's conditions read (conditions.ts), in the order they are asked. */
export const DECLARED_FIELDS: Record<ProposalTitle, readonly (keyof DeclaredConditions)[]> = {
  'tap-the-lao-dong-xuat-sac': ['taskRating', 'membersCompletingShare', 'advancedShare', 'emulationSoldiers', 'pendingCase'],
  'tap-the-lao-dong-tien-tien': ['taskRating', 'advancedShare', 'disciplined', 'pendingCase'],
  'co-thi-dua-ubnd-tinh': ['pendingCase'],
  'bang-khen-ubnd-tinh': ['taskRating', 'previousYearRating', 'pendingCase'],
};

/** Writes the proposal, or brings back a withdrawn one; a live one of the same title is refused. */
function insertProposal(tx: DbOrTx, values: { movementId: number; unitId: number; title: ProposalTitle; groupId: number | null; voteId: number | null; proposedBy: number | null; proposedAt: number }): number {
  const existing = tx
    .select({ id: proposals.id, withdrawnAt: proposals.withdrawnAt })
    .from(proposals)
    .where(and(eq(proposals.movementId, values.movementId), eq(proposals.unitId, values.unitId), eq(proposals.title, values.title)))
    .get();
  if (existing && existing.withdrawnAt === null) throw new DomainError('err-proposal-exists');
  if (existing) {
    tx.update(proposals).set({ ...values, withdrawnAt: null, declared: {} }).where(eq(proposals.id, existing.id)).run();
    return existing.id;
  }
  return tx.insert(proposals).values(values).returning({ id: proposals.id }).get().id;
}

/**
 * The cluster's proposals after its vote: the head names candidates that passed the vote, at most
 * the title's quota (counting the cluster's live proposals of that title already made).
 */
export function proposeFromVote(tx: DbOrTx, input: { movementId: number; voteId: number; unitIds: readonly number[]; headUnitId: number; personId: number | null; now: number }): number[] {
  const stored = loadVote(tx, input.voteId);
  const title = stored.row.title;
  if (!isVoteTitle(title)) throw new DomainError('err-vote-unknown');
  if (stored.vote.headUnitId !== input.headUnitId) throw new DomainError('err-vote-head-only');
  if (stored.row.closedOn === null) throw new DomainError('err-proposal-vote-open');
  const passed = new Set(groupVoteResults(stored).filter((r) => r.passes).map((r) => r.unitId));
  for (const unitId of input.unitIds) if (!passed.has(unitId)) throw new DomainError('err-proposal-not-passed');
  const already = tx
    .select({ unitId: proposals.unitId })
    .from(proposals)
    .where(and(eq(proposals.movementId, input.movementId), eq(proposals.groupId, stored.row.groupId), eq(proposals.title, title), isNull(proposals.withdrawnAt)))
    .all()
    .map((p) => p.unitId);
  const quota = quotaOf(tx, stored.row.groupId, title);
  if (new Set([...already, ...input.unitIds]).size > quota) throw new DomainError('err-proposal-over-quota', { quota });
  return input.unitIds.map((unitId) =>
    insertProposal(tx, { movementId: input.movementId, unitId, title, groupId: stored.row.groupId, voteId: input.voteId, proposedBy: input.personId, proposedAt: input.now }),
  );
}

/** A unit's own proposal of Tập thể lao động xuất sắc or tiên tiến (one of the two at a time). */
export function proposeOwn(tx: DbOrTx, input: { movementId: number; unitId: number; title: string; personId: number | null; now: number }): number {
  if (!isOwnTitle(input.title)) throw new DomainError('err-proposal-not-own-title');
  const live = proposalsOfUnit(tx, input.movementId, input.unitId).filter((p) => isOwnTitle(p.title));
  if (live.some((p) => p.title !== input.title)) throw new DomainError('err-proposal-one-own-title');
  return insertProposal(tx, { movementId: input.movementId, unitId: input.unitId, title: input.title, groupId: null, voteId: null, proposedBy: input.personId, proposedAt: input.now });
}

export function getProposal(db: DbOrTx, proposalId: number): Proposal {
  const p = db.select().from(proposals).where(eq(proposals.id, proposalId)).get();
  if (!p) throw new DomainError('err-proposal-unknown');
  return p;
}

/** Who may change a proposal: the proposed unit's people, or the head of the group that proposed it. */
export function mayChangeProposal(db: DbOrTx, proposal: Proposal, actor: { role: string; unitId: number | null }): boolean {
  if (actor.unitId === null) return false;
  if (proposal.unitId === actor.unitId && actor.role === 'liaison') return true;
  if (proposal.groupId !== null && actor.role === 'cluster_head') return getGroup(db, proposal.groupId)?.headUnitId === actor.unitId;
  return false;
}

function mustChange(db: DbOrTx, proposal: Proposal, actor: { role: string; unitId: number | null }) {
  if (!mayChangeProposal(db, proposal, actor)) throw new DomainError('err-proposal-not-yours');
  if (proposal.withdrawnAt !== null) throw new DomainError('err-proposal-withdrawn');
  if (proposal.outcome !== null) throw new DomainError('err-proposal-decided');
}

/** Keeps what the unit declares (validated; the fields the title does not read are dropped). */
export function saveDeclared(tx: DbOrTx, proposalId: number, declared: unknown, actor: { role: string; unitId: number | null }): DeclaredConditions {
  const proposal = getProposal(tx, proposalId);
  mustChange(tx, proposal, actor);
  const parsed = declaredConditions.safeParse(declared);
  if (!parsed.success) throw new DomainError('err-proposal-bad-declaration');
  const kept = Object.fromEntries(DECLARED_FIELDS[proposal.title].filter((f) => parsed.data[f] !== undefined).map((f) => [f, parsed.data[f]]));
  tx.update(proposals).set({ declared: kept }).where(eq(proposals.id, proposalId)).run();
  return kept as DeclaredConditions;
}

export function withdrawProposal(tx: DbOrTx, proposalId: number, actor: { role: string; unitId: number | null }, now: number): void {
  const proposal = getProposal(tx, proposalId);
  mustChange(tx, proposal, actor);
  tx.update(proposals).set({ withdrawnAt: now }).where(eq(proposals.id, proposalId)).run();
}

/** A unit's live proposals in the movement (not withdrawn). */
export function proposalsOfUnit(db: DbOrTx, movementId: number, unitId: number): Proposal[] {
  return db
    .select()
    .from(proposals)
    .where(and(eq(proposals.movementId, movementId), eq(proposals.unitId, unitId), isNull(proposals.withdrawnAt)))
    .orderBy(asc(proposals.id))
    .all();
}

/** A group's live proposals (the cluster's Cờ and Bằng khen). */
export function proposalsOfGroup(db: DbOrTx, movementId: number, groupId: number): Proposal[] {
  return db
    .select()
    .from(proposals)
    .where(and(eq(proposals.movementId, movementId), eq(proposals.groupId, groupId), isNull(proposals.withdrawnAt)))
    .orderBy(asc(proposals.id))
    .all();
}

/** Whether the unit's cluster passed it in a closed vote on this title; undefined when no closed vote had it as a candidate. */
function votePassed(db: DbOrTx, groupId: number, unitId: number, title: ProposalTitle): boolean | undefined {
  let passed: boolean | undefined;
  for (const row of votesOfGroup(db, groupId)) {
    if (row.title !== title || row.closedOn === null) continue;
    const result = groupVoteResults(loadVote(db, row.id)).find((r) => r.unitId === unitId);
    if (result) passed = (passed ?? false) || result.passes;
  }
  return passed;
}

/** The conditions of a proposal: what the unit declared, and the facts the database holds. */
export function proposalConditions(db: DbOrTx, movement: Pick<Movement, 'id' | 'endsOn'>, proposal: Proposal): ConditionCheck[] {
  const year = Number(movement.endsOn.slice(0, 4));
  const group = groupOfMember(db, movement.id, proposal.unitId);
  const results = yearResultsByUnit(db, movement);
  let rank: number | undefined;
  let passed: boolean | undefined;
  if (group) {
    const table = scoringTableOfGroup(db, group.id);
    if (table) rank = groupRanking(groupSheets(db, table, group.id, results)).find((r) => r.unitId === proposal.unitId)?.rank;
    passed = votePassed(db, group.id, proposal.unitId, proposal.title);
  }
  const declared = declaredConditions.safeParse(proposal.declared);
  const yearResults = results.get(proposal.unitId);
  return checkConditions(proposal.title, declared.success ? declared.data : {}, {
    inGroup: group !== undefined,
    ...(rank !== undefined ? { rank } : {}),
    ...(passed !== undefined ? { votePassed: passed } : {}),
    ...(yearResults ? { yearResults } : {}),
    excellentYears: awardedYears(db, proposal.unitId, 'tap-the-lao-dong-xuat-sac', year),
    year,
  });
}

/** The proposals of several units at once (the Board's view), live only. */
export function proposalsOfMovement(db: DbOrTx, movementId: number, unitIds?: readonly number[]): Proposal[] {
  const where = unitIds ? and(eq(proposals.movementId, movementId), isNull(proposals.withdrawnAt), inArray(proposals.unitId, [...unitIds])) : and(eq(proposals.movementId, movementId), isNull(proposals.withdrawnAt));
  return db.select().from(proposals).where(where).orderBy(asc(proposals.id)).all();
}
