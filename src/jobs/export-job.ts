/**
 * An export or a document asked for in chat: written after the message that asked for it (it can
 * take seconds), then sent to the person as files through the outbox, like any other message to
 * them (Telegram sends it as a document; Zalo as a file, or as a signed link when Zalo will not
 * take it). What goes into it is decided here, when the job runs, by the one scope rule
 * (domain/scope.ts) for the person as they stand now: a role changed or a person deactivated since
 * they asked is heeded.
 */
import { basename, dirname, join } from 'node:path';
import type { Job } from '../chat/engine.ts';
import type { Db } from '../db/connection.ts';
import { identities, movements, outbox } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { can, mayGetDocument, scopeOfPerson, scopeUnitIds } from '../domain/scope.ts';
import { writeDocument } from '../documents/index.ts';
import { exportMovement } from '../export/index.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';

/** Where chat exports are written: next to the database. */
export const exportDir = (databasePath: string) => join(dirname(databasePath), 'exports');

export async function runExportJob(db: Db, job: Extract<Job, { kind: 'export' | 'document' }>, dir: string, clock: Clock, log: Logger): Promise<void> {
  const identity = db.select().from(identities).where(eq(identities.id, job.identityId)).get();
  if (!identity) return;
  const queue = (key: string, payload: object) =>
    db
      .insert(outbox)
      .values({ dedupeKey: key, personId: job.personId, identityId: identity.id, channel: identity.channel, payload, notBefore: clock.now() })
      .onConflictDoNothing()
      .run();
  const stamp = clock.now();
  const asking = scopeOfPerson(db, job.personId, job.movementId);
  if (!asking) return;
  const { person, scope } = asking;
  try {
    if (job.kind === 'document') {
      const asked = job.document === 'registration' ? { kind: job.document, unitId: job.unitId ?? -1 } : { kind: job.document };
      if (!mayGetDocument(person, scope, asked)) throw new DomainError('scope-refused');
      const written = await writeDocument(db, { kind: job.document, movementCode: movementCode(db, job.movementId), unitId: job.unitId, periodCode: job.periodCode, dir, locale: job.locale, now: stamp });
      queue(`document:${job.identityId}:${stamp}`, { text: t(job.locale, 'doc-ready', { kind: job.document }), file: { path: written.path, name: written.name } });
      return;
    }
    const unitIds = scopeUnitIds(scope);
    if (!can.export(person) || unitIds?.length === 0) throw new DomainError('scope-export-only');
    // A cluster head's export is named after its cluster, and holds only the units in its scope.
    const groupCode = !scope.all && scope.groupCodes.length === 1 ? scope.groupCodes[0] : undefined;
    const result = await exportMovement(db, { movementId: job.movementId, format: job.format, dir, locale: job.locale, now: stamp, unitIds, ...(groupCode ? { groupCode } : {}) });
    result.files.forEach((file, i) => {
      const caption = i === 0 ? t(job.locale, 'exp-ready', { movement: result.movement.name, files: result.files.length }) : '';
      queue(`export:${job.identityId}:${stamp}:${i}`, { text: caption, file: { path: file, name: basename(file) } });
    });
  } catch (error) {
    const message = error instanceof DomainError ? t(job.locale, error.code, error.args) : t(job.locale, 'exp-failed');
    if (!(error instanceof DomainError)) log.error(`${job.kind} failed`, { error: String(error) });
    queue(`export:${job.identityId}:${stamp}:error`, { text: message });
  }
}

const movementCode = (db: Db, id: number) => db.select({ code: movements.code }).from(movements).where(eq(movements.id, id)).get()?.code ?? String(id);
