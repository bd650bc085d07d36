/**
 * A proposal's dossier against the checklist the law asks (Law Art. 84: tờ trình, báo cáo thành
 * tích, biên bản bình xét or xét khen thưởng) and the movement's confirmations, from the files kept
 * in dossier_files: what is there, what is missing, and whether any was received after the
 * dossier deadline (late: kept, flagged). Read for the Board's summary of proposals.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { rowsStatement } from '../db/raw.ts';
import { yearEnds } from '../db/schema.ts';
import { localDate } from '../domain/vn-input.ts';
import { checklistItems } from '../domain/year-end/dossiers.ts';

export interface DossierCompleteness {
  /** Every item the dossier must carry: the law's, then `confirmation:<code>`. */
  items: string[];
  missing: string[];
  complete: boolean;
  /** Items whose latest file came after the dossier deadline (in the movement's time zone). */
  lateItems: string[];
  late: boolean;
}

/** The dossier of each proposal (by id) of the movement. */
export function dossierCompleteness(db: DbOrTx, movement: { id: number; timezone: string }, proposalIds: readonly number[]): Map<number, DossierCompleteness> {
  const yearEnd = db.select({ deadline: yearEnds.dossierDeadline, confirmations: yearEnds.confirmations }).from(yearEnds).where(eq(yearEnds.movementId, movement.id)).get();
  const items = checklistItems(yearEnd?.confirmations ?? []);
  // Each item's latest file, grouped by SQLite along the (proposal, item) index and read as arrays:
  // the summary reads 30,000 files of 5,900 proposals.
  const latest = new Map<number, Map<string, number>>();
  const read = rowsStatement(db, 'SELECT proposal_id, item, max(received_at) FROM dossier_files WHERE proposal_id IN (SELECT value FROM json_each(?)) GROUP BY proposal_id, item');
  for (const [proposalId, item, receivedAt] of read.all(JSON.stringify(proposalIds)) as [number, string, number][]) {
    let own = latest.get(proposalId);
    if (!own) latest.set(proposalId, (own = new Map()));
    own.set(item, receivedAt);
  }
  // The local day of an instant, by quarter of an hour (every time zone's offset is a whole number of them): thousands of files share a few.
  const days = new Map<number, string>();
  const dayOf = (ms: number) => {
    const bucket = Math.floor(ms / 900_000);
    let day = days.get(bucket);
    if (day === undefined) days.set(bucket, (day = localDate(bucket * 900_000, movement.timezone)));
    return day;
  };
  const out = new Map<number, DossierCompleteness>();
  for (const id of proposalIds) {
    const files = latest.get(id) ?? new Map<string, number>();
    const missing = items.filter((item) => !files.has(item));
    const lateItems = yearEnd ? items.filter((item) => files.has(item) && dayOf(files.get(item)!) > yearEnd.deadline) : [];
    out.set(id, { items, missing, complete: missing.length === 0, lateItems, late: lateItems.length > 0 });
  }
  return out;
}
