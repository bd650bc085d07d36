/** Forms sent in (a workbook of targets or results): read once by a job, applied at most once. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { formUploads } from '../db/schema.ts';

export function getFormUpload(db: DbOrTx, id: number) {
  return db.select().from(formUploads).where(eq(formUploads.id, id)).get();
}

export function markFormUploadApplied(db: DbOrTx, id: number, now: number): void {
  db.update(formUploads).set({ appliedAt: now }).where(eq(formUploads.id, id)).run();
}
