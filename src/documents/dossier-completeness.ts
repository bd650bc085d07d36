/**
 * A proposal's dossier against the checklist the law asks (Law Art. 84: tờ trình, báo cáo thành
 * tích, biên bản bình xét or xét khen thưởng) and the movement's confirmations, from the files kept
 * in dossier_files: what is there, what is missing, and whether any was received after the
 * dossier deadline (late: kept, flagged). Read for the Board's summary of proposals.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { dossierFiles, yearEnds } from '../db/schema.ts';
import { localDate } from '../domain/vn-input.ts';

/** The law's documents of every dossier, in checklist order (the confirmations follow). */
export const LAW_DOSSIER_ITEMS = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban'] as const;

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
  const items = [...LAW_DOSSIER_ITEMS, ...(yearEnd?.confirmations ?? []).map((c) => `confirmation:${c.code}`)];
  const latest = new Map<number, Map<string, number>>();
  for (let i = 0; i < proposalIds.length; i += 5000) {
    const slice = proposalIds.slice(i, i + 5000);
    for (const f of db.select({ proposalId: dossierFiles.proposalId, item: dossierFiles.item, receivedAt: dossierFiles.receivedAt }).from(dossierFiles).where(inArray(dossierFiles.proposalId, slice)).all()) {
      const own = latest.get(f.proposalId) ?? new Map<string, number>();
      own.set(f.item, Math.max(own.get(f.item) ?? 0, f.receivedAt));
      latest.set(f.proposalId, own);
    }
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
