/**
 * An export or a document asked for in chat: written after the message that asked for it (it can
 * take seconds), then sent to the person as files through the outbox, like any other message to
 * them (Telegram sends it as a document; Zalo as a file, or as a signed link when Zalo will not
 * take it). What goes into it is decided here, when the job runs, by the one scope rule
 * (domain/scope.ts) for the person as they stand now: a role changed or a person deactivated since
 * they asked is heeded. A job's result is queued and the job closed in one transaction, under keys named by the
 * job: a job resumed after a restart is delivered once.
 */
import { basename } from 'node:path';
import type { Job } from '../chat/engine.ts';
import type { Db } from '../db/connection.ts';
import { whileLocked } from '../db/faults.ts';
import { inTransaction } from '../db/prepared.ts';
import { movements } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../util/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { can, mayGetDocument, scopeOfPerson, scopeUnitIds } from '../domain/scope.ts';
import { groupOfMovement } from '../domain/year-end/groups.ts';
import { writeJobMessages } from '../delivery/outbox-writer.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';
import { finishJob } from './store.ts';
import { isClusterDocumentKind } from '../domain/model.ts';

/** Where chat exports are written: next to the database. */
/** How long a finished export's message waits for the database (another process's lock) before the job is left for a retry. */
const STORE_WAIT_MS = 60_000;

type ExportJob = Extract<Job, { kind: 'export' | 'document' }>;

/** Queues `payloads` to the job's person under the job's keys, and closes the job, in one transaction. */
export function deliverJob(db: Db, jobId: number, job: { personId: number; identityId: number }, payloads: object[], now: number, error?: string): void {
  inTransaction(db, () => {
    writeJobMessages(db, jobId, job, payloads, now);
    finishJob(db, jobId, now, error);
  });
}

/** What to send for an export or a document: its files with a caption, or why there are none. */
async function exportPayloads(db: Db, job: ExportJob, dir: string, stamp: number, log: Logger): Promise<object[]> {
  const asking = scopeOfPerson(db, job.personId, job.movementId);
  if (!asking) return [];
  const { person, scope } = asking;
  try {
    if (job.kind === 'document') {
      const asked =
        job.document === 'registration'
          ? { kind: job.document, unitId: job.unitId ?? -1 }
          : isClusterDocumentKind(job.document)
            ? { kind: job.document, group: groupOfMovement(db, job.movementId, job.groupId ?? -1) }
            : { kind: job.document };
      if (!mayGetDocument(person, scope, asked)) throw new DomainError('scope-refused');
      // The document and workbook code (docx, exceljs) loads with the first job that needs it, not at start.
      const { writeDocument } = await import('../documents/index.ts');
      const written = await writeDocument(db, { kind: job.document, movementCode: movementCode(db, job.movementId), unitId: job.unitId, periodCode: job.periodCode, groupId: job.groupId, dir, locale: job.locale, now: stamp });
      return [{ text: t(job.locale, 'doc-ready', { kind: job.document }), file: { path: written.path, name: written.name } }];
    }
    const unitIds = scopeUnitIds(scope);
    if (!can.export(person) || unitIds?.length === 0) throw new DomainError('scope-export-only');
    // A cluster head's export is named after its cluster, and holds only the units in its scope.
    const groupCode = !scope.all && scope.groupCodes.length === 1 ? scope.groupCodes[0] : undefined;
    const { exportMovement } = await import('../export/index.ts');
    const result = await exportMovement(db, { movementId: job.movementId, format: job.format, dir, locale: job.locale, now: stamp, unitIds, ...(groupCode ? { groupCode } : {}) });
    return result.files.map((file, i) => {
      const caption = i === 0 ? t(job.locale, 'exp-ready', { movement: result.movement.name, files: result.files.length }) : '';
      return { text: caption, file: { path: file, name: basename(file) } };
    });
  } catch (error) {
    const message = error instanceof DomainError ? t(job.locale, error.code, error.args) : t(job.locale, 'exp-failed');
    if (!(error instanceof DomainError)) log.error(`${job.kind} failed`, { error: String(error) });
    return [{ text: message }];
  }
}

export async function runExportJob(db: Db, jobId: number, job: ExportJob, dir: string, clock: Clock, log: Logger): Promise<void> {
  const payloads = await exportPayloads(db, job, dir, clock.now(), log);
  // The file is written: its message waits out another process's lock (on timers) rather than being lost.
  await whileLocked(() => deliverJob(db, jobId, job, payloads, clock.now()), STORE_WAIT_MS);
}

const movementCode = (db: Db, id: number) => db.select({ code: movements.code }).from(movements).where(eq(movements.id, id)).get()?.code ?? String(id);
