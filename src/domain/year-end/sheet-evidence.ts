/**
 * Evidence (minh chứng) for one line of a unit's score sheet: a photo or document sent in chat, or
 * a link, kept as kind and reference as progress reports keep theirs. Attaching it leaves the
 * points as they are (a line the year's results filled in stays filled in).
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groupMembers, scoreLines } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import type { ScoringTable } from './scoring.ts';
import { loadSheet, sheetId, type Evidence, type StoredSheet } from './sheets.ts';

export function attachEvidence(tx: DbOrTx, table: ScoringTable, unit: { unitId: number; groupId: number }, code: string, evidence: Evidence, now: number): StoredSheet {
  const member = tx.select({ unitId: groupMembers.unitId }).from(groupMembers).where(and(eq(groupMembers.groupId, unit.groupId), eq(groupMembers.unitId, unit.unitId))).get();
  if (!member) throw new DomainError('err-not-your-cluster');
  if (!table.criteria.some((c) => c.code === code)) throw new DomainError('err-score-unknown-criterion', { code });
  if (loadSheet(tx, table, unit).sentAt !== null) throw new DomainError('err-score-already-sent');
  const id = sheetId(tx, unit, now);
  const values = { evidenceKind: evidence.kind, evidenceRef: evidence.ref };
  tx.insert(scoreLines).values({ sheetId: id, criterionCode: code, ...values }).onConflictDoUpdate({ target: [scoreLines.sheetId, scoreLines.criterionCode], set: values }).run();
  return loadSheet(tx, table, unit);
}
