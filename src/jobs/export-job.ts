/**
 * An export asked for in chat: written after the message that asked for it (it can take seconds),
 * then sent to the person as files through the outbox, like any other message to them.
 */
import { basename, dirname, join } from 'node:path';
import type { Job } from '../chat/engine.ts';
import type { Db } from '../db/connection.ts';
import { identities, outbox } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../domain/clock.ts';
import { DomainError } from '../domain/errors.ts';
import { exportMovement } from '../export/index.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';

/** Where chat exports are written: next to the database. */
export const exportDir = (databasePath: string) => join(dirname(databasePath), 'exports');

export async function runExportJob(db: Db, job: Extract<Job, { kind: 'export' }>, dir: string, clock: Clock, log: Logger): Promise<void> {
  const identity = db.select().from(identities).where(eq(identities.id, job.identityId)).get();
  if (!identity) return;
  const queue = (key: string, payload: object) =>
    db
      .insert(outbox)
      .values({ dedupeKey: key, personId: job.personId, identityId: identity.id, channel: identity.channel, payload, notBefore: clock.now() })
      .onConflictDoNothing()
      .run();
  const stamp = clock.now();
  try {
    const result = await exportMovement(db, { format: job.format, dir, locale: job.locale, now: stamp, ...(job.groupCode ? { groupCode: job.groupCode } : {}) });
    result.files.forEach((file, i) => {
      const caption = i === 0 ? t(job.locale, 'exp-ready', { movement: result.movement.name, files: result.files.length }) : '';
      queue(`export:${job.identityId}:${stamp}:${i}`, { text: caption, file: { path: file, name: basename(file) } });
    });
  } catch (error) {
    const message = error instanceof DomainError ? t(job.locale, error.code, error.args) : t(job.locale, 'exp-failed');
    if (!(error instanceof DomainError)) log.error('export failed', { error: String(error) });
    queue(`export:${job.identityId}:${stamp}:error`, { text: message });
  }
}
