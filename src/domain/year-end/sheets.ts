/**
 * Score sheets in the database: a unit's own scores (kept as it enters them, sent to the cluster
 * head once), the head's adjustments with their reasons, and the group's sheets side by side with
 * their totals and ranking. Lines are keyed by criterion code, so a table re-imported keeps them.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groupMembers, scoreLines, scoreSheets } from '../../db/schema.ts';
import type { ProgressCounts } from '../assessment.ts';
import { DomainError } from '../errors.ts';
import type { EvidenceKind } from '../model.ts';
import { rankTotals, type Ranked } from './ranking.ts';
import { adjustScore, pointsFromResults, selfAssess, sheetTotal, type ScoreLine, type ScoreSheet, type ScoringTable } from './scoring.ts';

export interface Evidence {
  kind: EvidenceKind;
  ref: string;
}

/** A sheet as kept: its lines with their evidence, and whether (when) it was sent. */
export interface StoredSheet extends ScoreSheet {
  id?: number;
  sentAt: number | null;
  evidence: ReadonlyMap<string, Evidence>;
  total: number;
  complete: boolean;
}

/** The group's member units (the "all members" of its vote), in id order. */
export function groupMemberIds(db: DbOrTx, groupId: number): number[] {
  return db
    .select({ unitId: groupMembers.unitId })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(asc(groupMembers.unitId))
    .all()
    .map((m) => m.unitId);
}

function mustBeMember(db: DbOrTx, groupId: number, unitId: number) {
  const member = db
    .select({ unitId: groupMembers.unitId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.unitId, unitId)))
    .get();
  if (!member) throw new DomainError('err-not-your-cluster');
}

type LineRow = typeof scoreLines.$inferSelect;

/** A sheet from its stored lines; criteria with no line take what the year's results give. */
function sheetOf(table: ScoringTable, unit: { unitId: number; groupId: number }, row: { id: number; sentAt: number | null } | undefined, lines: readonly LineRow[], counts: ProgressCounts | undefined): StoredSheet {
  const byCode = new Map(lines.map((l) => [l.criterionCode, l]));
  const filled = pointsFromResults(table, counts);
  const evidence = new Map<string, Evidence>();
  const sheetLines: ScoreLine[] = table.criteria.map((c) => {
    const l = byCode.get(c.code);
    if (l?.evidenceKind && l.evidenceRef) evidence.set(c.code, { kind: l.evidenceKind, ref: l.evidenceRef });
    const self = l && (l.self !== null || !filled.has(c.code)) ? l.self : (filled.get(c.code) ?? null);
    const prefilled = l ? l.prefilled || (l.self === null && filled.has(c.code)) : filled.has(c.code);
    return {
      code: c.code,
      self,
      prefilled,
      ...(l && l.adjustedTo !== null && l.adjustReason !== null
        ? { adjustment: { from: l.self, to: l.adjustedTo, reason: l.adjustReason, ...(l.adjustedBy !== null ? { byPersonId: l.adjustedBy } : {}) } }
        : {}),
    };
  });
  const sheet: ScoreSheet = { ...unit, lines: sheetLines };
  return { ...sheet, ...(row ? { id: row.id } : {}), sentAt: row?.sentAt ?? null, evidence, ...sheetTotal(table, sheet) };
}

/** One unit's sheet (what it kept so far, else what the year's results fill in). */
export function loadSheet(db: DbOrTx, table: ScoringTable, unit: { unitId: number; groupId: number }, counts?: ProgressCounts): StoredSheet {
  const row = db
    .select({ id: scoreSheets.id, sentAt: scoreSheets.sentAt })
    .from(scoreSheets)
    .where(and(eq(scoreSheets.groupId, unit.groupId), eq(scoreSheets.unitId, unit.unitId)))
    .get();
  const lines = row ? db.select().from(scoreLines).where(eq(scoreLines.sheetId, row.id)).all() : [];
  return sheetOf(table, unit, row, lines, counts);
}

/** Every member's sheet of the group, in member order (a member that has not scored yet included). */
export function groupSheets(db: DbOrTx, table: ScoringTable, groupId: number, results: ReadonlyMap<number, ProgressCounts>): StoredSheet[] {
  const members = groupMemberIds(db, groupId);
  const rows = db.select({ id: scoreSheets.id, unitId: scoreSheets.unitId, sentAt: scoreSheets.sentAt }).from(scoreSheets).where(eq(scoreSheets.groupId, groupId)).all();
  const rowOf = new Map(rows.map((r) => [r.unitId, r]));
  const lines = rows.length ? db.select().from(scoreLines).where(inArray(scoreLines.sheetId, rows.map((r) => r.id))).all() : [];
  const linesOf = new Map<number, LineRow[]>();
  for (const l of lines) linesOf.set(l.sheetId, [...(linesOf.get(l.sheetId) ?? []), l]);
  return members.map((unitId) => {
    const row = rowOf.get(unitId);
    return sheetOf(table, { unitId, groupId }, row, row ? (linesOf.get(row.id) ?? []) : [], results.get(unitId));
  });
}

/** The group's ranking by the sheets' totals (adjustments counted), ties flagged. */
export function groupRanking(sheets: readonly StoredSheet[]): Ranked[] {
  return rankTotals(sheets.map((s) => ({ unitId: s.unitId, total: s.total })));
}

export function sheetId(tx: DbOrTx, unit: { unitId: number; groupId: number }, now: number): number {
  return tx
    .insert(scoreSheets)
    .values({ groupId: unit.groupId, unitId: unit.unitId, updatedAt: now })
    .onConflictDoUpdate({ target: [scoreSheets.groupId, scoreSheets.unitId], set: { updatedAt: now } })
    .returning({ id: scoreSheets.id })
    .get().id;
}

/**
 * Keeps the unit's own points for some criteria (checked against the table first: a wrong entry
 * changes nothing), with evidence where given. A sheet already sent can no longer change.
 */
export function saveSelfScores(
  tx: DbOrTx,
  table: ScoringTable,
  unit: { unitId: number; groupId: number },
  entries: Readonly<Record<string, { points: number; evidence?: Evidence; note?: string }>>,
  now: number,
): void {
  mustBeMember(tx, unit.groupId, unit.unitId);
  const before = loadSheet(tx, table, unit);
  if (before.sentAt !== null) throw new DomainError('err-score-already-sent');
  const checked = selfAssess(table, unit, Object.fromEntries(Object.entries(entries).map(([code, e]) => [code, e.points])));
  const id = sheetId(tx, unit, now);
  for (const line of checked.lines) {
    const entry = entries[line.code];
    if (!entry) continue;
    const values = {
      self: line.self,
      prefilled: false,
      ...(entry.evidence ? { evidenceKind: entry.evidence.kind, evidenceRef: entry.evidence.ref } : {}),
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    };
    tx.insert(scoreLines).values({ sheetId: id, criterionCode: line.code, ...values }).onConflictDoUpdate({ target: [scoreLines.sheetId, scoreLines.criterionCode], set: values }).run();
  }
}

/**
 * Sends the sheet to the cluster head: the points the year's results filled in are kept as they
 * stand; refused while a score line is empty. Sending twice changes nothing (returns false).
 */
export function sendSheet(tx: DbOrTx, table: ScoringTable, unit: { unitId: number; groupId: number }, counts: ProgressCounts | undefined, by: { personId: number; now: number }): boolean {
  mustBeMember(tx, unit.groupId, unit.unitId);
  const sheet = loadSheet(tx, table, unit, counts);
  if (sheet.sentAt !== null) return false;
  if (!sheet.complete) throw new DomainError('err-score-incomplete');
  const id = sheetId(tx, unit, by.now);
  for (const line of sheet.lines) {
    if (!line.prefilled || line.self === null) continue;
    tx.insert(scoreLines)
      .values({ sheetId: id, criterionCode: line.code, self: line.self, prefilled: true })
      .onConflictDoUpdate({ target: [scoreLines.sheetId, scoreLines.criterionCode], set: { self: line.self, prefilled: true } })
      .run();
  }
  tx.update(scoreSheets).set({ sentAt: by.now, sentBy: by.personId }).where(eq(scoreSheets.id, id)).run();
  return true;
}

/**
 * The cluster head's adjustment of one line of a member's sent sheet, with its reason (kept and
 * shown to the unit; the unit's own points stay beside it).
 */
export function saveAdjustment(
  tx: DbOrTx,
  table: ScoringTable,
  head: { unitId: number; groupId: number; personId: number },
  unitId: number,
  change: { code: string; points: number; reason: string },
  now: number,
): StoredSheet {
  mustBeMember(tx, head.groupId, unitId);
  const sheet = loadSheet(tx, table, { unitId, groupId: head.groupId });
  if (sheet.sentAt === null || sheet.id === undefined) throw new DomainError('err-score-not-sent');
  const adjusted = adjustScore(table, sheet, head, change).lines.find((l) => l.code === change.code)!.adjustment!;
  const values = { adjustedTo: adjusted.to, adjustReason: adjusted.reason, adjustedBy: head.personId, adjustedAt: now };
  tx.insert(scoreLines)
    .values({ sheetId: sheet.id, criterionCode: change.code, self: adjusted.from, ...values })
    .onConflictDoUpdate({ target: [scoreLines.sheetId, scoreLines.criterionCode], set: values })
    .run();
  return loadSheet(tx, table, { unitId, groupId: head.groupId });
}

/** The member units of the movement's scoring groups whose sheet is not sent yet (none started included), by group then unit. */
export function unsentSheets(db: DbOrTx, movementId: number): { unitId: number; unitName: string; groupId: number; groupName: string }[] {
  return db.all<{ unitId: number; unitName: string; groupId: number; groupName: string }>(sql`
    SELECT u.id AS unitId, u.name AS unitName, g.id AS groupId, g.name AS groupName
    FROM group_members m
    JOIN groups g ON g.id = m.group_id
    JOIN scoring_table_groups t ON t.group_id = g.id
    JOIN units u ON u.id = m.unit_id
    LEFT JOIN score_sheets s ON s.group_id = g.id AND s.unit_id = u.id
    WHERE m.movement_id = ${movementId} AND s.sent_at IS NULL
    ORDER BY g.code, u.code`);
}
