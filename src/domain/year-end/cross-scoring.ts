/**
 * Chấm chéo: the cluster head asks one member unit to score another against the group's table. The
 * scorer's points are kept line by line and sent once; the head sees them beside the unit's own.
 * They inform the review, they never replace the unit's sheet (the head adjusts that, with a reason).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { crossScoreLines, crossScorings, groupMembers } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { selfAssess, sheetTotal, type ScoringTable } from './scoring.ts';

export interface CrossScoring {
  id: number;
  groupId: number;
  scorerUnitId: number;
  scoredUnitId: number;
  sentAt: number | null;
  points: ReadonlyMap<string, number>;
  total: number;
  /** Every score criterion has points. */
  complete: boolean;
}

function members(db: DbOrTx, groupId: number, unitIds: number[]): Set<number> {
  const rows = db
    .select({ unitId: groupMembers.unitId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.unitId, unitIds)))
    .all();
  return new Set(rows.map((r) => r.unitId));
}

/**
 * The head asks `scorerUnitId` to score `scoredUnitId`, both members of its group and not the same
 * unit. Asking again for the same pair keeps the first assignment (and its points). Returns its id.
 */
export function assignCrossScoring(tx: DbOrTx, head: { groupId: number; personId: number | null }, scorerUnitId: number, scoredUnitId: number, now: number): { id: number; created: boolean } {
  if (scorerUnitId === scoredUnitId) throw new DomainError('err-cross-same-unit');
  if (members(tx, head.groupId, [scorerUnitId, scoredUnitId]).size !== 2) throw new DomainError('err-not-your-cluster');
  const pair = and(eq(crossScorings.groupId, head.groupId), eq(crossScorings.scorerUnitId, scorerUnitId), eq(crossScorings.scoredUnitId, scoredUnitId));
  const existing = tx.select({ id: crossScorings.id }).from(crossScorings).where(pair).get();
  if (existing) return { id: existing.id, created: false };
  const row = tx.insert(crossScorings).values({ groupId: head.groupId, scorerUnitId, scoredUnitId, assignedBy: head.personId, assignedAt: now }).returning({ id: crossScorings.id }).get();
  return { id: row.id, created: true };
}

type Row = typeof crossScorings.$inferSelect;

function withPoints(table: ScoringTable, row: Row, lines: readonly { criterionCode: string; points: number }[]): CrossScoring {
  const points = new Map(lines.map((l) => [l.criterionCode, l.points]));
  const sheet = { unitId: row.scoredUnitId, groupId: row.groupId, lines: table.criteria.map((c) => ({ code: c.code, self: points.get(c.code) ?? null, prefilled: false })) };
  const { total, complete } = sheetTotal(table, sheet);
  return { id: row.id, groupId: row.groupId, scorerUnitId: row.scorerUnitId, scoredUnitId: row.scoredUnitId, sentAt: row.sentAt, points, total, complete };
}

/** Every cross-scoring of the group (sent or not), with its points and total. */
export function groupCrossScorings(db: DbOrTx, table: ScoringTable, groupId: number): CrossScoring[] {
  const rows = db.select().from(crossScorings).where(eq(crossScorings.groupId, groupId)).orderBy(asc(crossScorings.id)).all();
  if (rows.length === 0) return [];
  const lines = db.select().from(crossScoreLines).where(inArray(crossScoreLines.crossScoringId, rows.map((r) => r.id))).all();
  return rows.map((r) => withPoints(table, r, lines.filter((l) => l.crossScoringId === r.id)));
}

/** What a unit has been asked to score in its group. */
export function crossScoringsBy(db: DbOrTx, table: ScoringTable, groupId: number, scorerUnitId: number): CrossScoring[] {
  return groupCrossScorings(db, table, groupId).filter((c) => c.scorerUnitId === scorerUnitId);
}

/** One cross-scoring, only for its scorer: another unit's is refused as not its own. */
function ownCrossScoring(db: DbOrTx, table: ScoringTable, scorerUnitId: number, id: number): CrossScoring {
  const row = db.select().from(crossScorings).where(eq(crossScorings.id, id)).get();
  if (!row || row.scorerUnitId !== scorerUnitId) throw new DomainError('err-cross-not-yours');
  return withPoints(table, row, db.select().from(crossScoreLines).where(eq(crossScoreLines.crossScoringId, id)).all());
}

export const loadCrossScoring = ownCrossScoring;

/** The scorer's points for one criterion, checked against the table; refused once sent. */
export function saveCrossPoints(tx: DbOrTx, table: ScoringTable, scorerUnitId: number, id: number, code: string, points: number): CrossScoring {
  const cross = ownCrossScoring(tx, table, scorerUnitId, id);
  if (cross.sentAt !== null) throw new DomainError('err-score-already-sent');
  const checked = selfAssess(table, { unitId: cross.scoredUnitId, groupId: cross.groupId }, { [code]: points }).lines.find((l) => l.code === code)!.self!;
  tx.insert(crossScoreLines)
    .values({ crossScoringId: id, criterionCode: code, points: checked })
    .onConflictDoUpdate({ target: [crossScoreLines.crossScoringId, crossScoreLines.criterionCode], set: { points: checked } })
    .run();
  return ownCrossScoring(tx, table, scorerUnitId, id);
}

/** Sends the cross-scoring to the head: refused while a score line is empty; a second send changes nothing (false). */
export function sendCrossScoring(tx: DbOrTx, table: ScoringTable, scorerUnitId: number, id: number, now: number): boolean {
  const cross = ownCrossScoring(tx, table, scorerUnitId, id);
  if (cross.sentAt !== null) return false;
  if (!cross.complete) throw new DomainError('err-score-incomplete');
  tx.update(crossScorings).set({ sentAt: now }).where(eq(crossScorings.id, id)).run();
  return true;
}
