/**
 * An export or a document asked for in chat: written after the message that asked for it (it can
 * take seconds), then sent to the person as files through the outbox, like any other message to
 * them (Telegram sends it as a document; Zalo as a file, or as a signed link when Zalo will not
 * take it).
 */
import { basename, dirname, join } from 'node:path';
import type { Job } from '../chat/engine.ts';
import type { Db } from '../db/connection.ts';
import { whileLocked } from '../db/faults.ts';
import { identities, outbox } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { writeDocument } from '../documents/index.ts';
import { exportMovement } from '../export/index.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';

/** Where chat exports are written: next to the database. */
/** How long a finished export's message waits for the database (another process's lock) before the job gives up. */
const STORE_WAIT_MS = 60_000;

export const exportDir = (databasePath: string) => join(dirname(databasePath), 'exports');

export async function runExportJob(db: Db, job: Extract<Job, { kind: 'export' | 'document' }>, dir: string, clock: Clock, log: Logger): Promise<void> {
  const identity = db.select().from(identities).where(eq(identities.id, job.identityId)).get();
  if (!identity) return;
  // The file is written: its message waits out another process's lock (on timers) rather than being lost.
  const queue = (key: string, payload: object) =>
    whileLocked(
      () =>
        db
          .insert(outbox)
          .values({ dedupeKey: key, personId: job.personId, identityId: identity.id, channel: identity.channel, payload, notBefore: clock.now() })
          .onConflictDoNothing()
          .run(),
      STORE_WAIT_MS,
    );
  const stamp = clock.now();
  try {
    if (job.kind === 'document') {
      const written = await writeDocument(db, { kind: job.document, unitId: job.unitId, periodCode: job.periodCode, dir, locale: job.locale, now: stamp });
      await queue(`document:${job.identityId}:${stamp}`, { text: t(job.locale, 'doc-ready', { kind: job.document }), file: { path: written.path, name: written.name } });
      return;
    }
    const result = await exportMovement(db, { format: job.format, dir, locale: job.locale, now: stamp, ...(job.groupCode ? { groupCode: job.groupCode } : {}) });
    for (const [i, file] of result.files.entries()) {
      const caption = i === 0 ? t(job.locale, 'exp-ready', { movement: result.movement.name, files: result.files.length }) : '';
      await queue(`export:${job.identityId}:${stamp}:${i}`, { text: caption, file: { path: file, name: basename(file) } });
    }
  } catch (error) {
    const message = error instanceof DomainError ? t(job.locale, error.code, error.args) : t(job.locale, 'exp-failed');
    if (!(error instanceof DomainError)) log.error(`${job.kind} failed`, { error: String(error) });
    await queue(`export:${job.identityId}:${stamp}:error`, { text: message });
  }
}
