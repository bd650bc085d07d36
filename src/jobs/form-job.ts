/**
 * Forms in and out of the chat, after the message that asked (writing a workbook and fetching a
 * file take longer than a message's transaction may). Out: the unit's form is written beside the
 * database and queued to the person as a file. In: the file the person sent is fetched from their
 * messenger (at once: Zalo's file links do not last), kept beside the database, read, and what was
 * found is stored; then the person's conversation is handed an `upload` event through the same
 * path as their messages, so the summary and "save?" are asked in order, written to the outbox.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { OutgoingRow } from '../chat/channel.ts';
import type { ChatCore } from '../chat/core.ts';
import type { Job } from '../chat/engine.ts';
import { handleAndQueue } from '../chat/inbound.ts';
import type { FileRef } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/prepared.ts';
import { storageFault } from '../db/faults.ts';
import { backoffMs } from '../util/backoff.ts';
import { formUploads, identities, outbox } from '../db/schema.ts';
import type { Channel } from '../domain/invites.ts';
import type { Clock } from '../domain/clock.ts';
import { MAX_FORM_FILE_BYTES } from '../forms/file-check.ts';
import { fileProblem } from '../forms/reading.ts';
import { buildForm, readForm, type FormReading } from '../forms/service.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';

/** Fetches a file a person sent on a channel, refusing one larger than `maxBytes`. */
export type FileFetcher = (file: FileRef, maxBytes: number) => Promise<Buffer>;

export class FileTooLarge extends Error {}
/** The file's link leads somewhere the bot does not download from (off the messenger's file hosts, an internal address). */
export class FileSourceRefused extends Error {}

/** Where forms written for people and files they sent are kept: next to the database. */
export const formsDir = (databasePath: string) => join(dirname(databasePath), 'forms');

export interface FormJobDeps {
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  dir: string;
  /** The fetcher of each channel that can receive files. */
  fetchers: Partial<Record<Channel, FileFetcher>>;
}

/** Writes the form and queues it to the person as a file. */
export async function runFormOut(deps: FormJobDeps, job: Extract<Job, { kind: 'form-out' }>): Promise<void> {
  const { db, clock, log } = deps;
  const identity = db.select().from(identities).where(eq(identities.id, job.identityId)).get();
  if (!identity) return;
  const stamp = clock.now();
  // Each form asked for is sent, even two asked for in the same millisecond.
  const key = `form:${job.identityId}:${stamp}:${randomUUID()}`;
  const queue = (suffix: string, payload: object) =>
    db
      .insert(outbox)
      .values({ dedupeKey: `${key}:${suffix}`, personId: job.personId, identityId: identity.id, channel: identity.channel, payload, notBefore: stamp })
      .onConflictDoNothing()
      .run();
  try {
    const { bytes, fileName } = await buildForm(db, job.form, job.registrationId, job.periodId, job.locale);
    const path = join(deps.dir, 'out', `${stamp}-${fileName}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    queue('file', { text: t(job.locale, `form-sent-${job.form}`), file: { path, name: fileName } });
  } catch (error) {
    log.error('form not written', { error: String(error) });
    queue('error', { text: t(job.locale, 'form-write-failed') });
  }
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(-100) || 'form';

/**
 * Fetches, keeps and reads the file; stores the reading and has the conversation take it. The
 * replies written (the next question) are returned for the channel to send.
 */
export async function runFormIn(deps: FormJobDeps, job: Extract<Job, { kind: 'form-in' }>): Promise<OutgoingRow[]> {
  const { db, core, clock, log } = deps;
  const identity = db.select().from(identities).where(eq(identities.id, job.identityId)).get();
  if (!identity) return [];
  const fileName = job.file.name ?? 'form.xlsx';
  const receivedAt = clock.now();
  let storedPath: string | null = null;
  let reading: FormReading;
  let bytes: Buffer | undefined;
  try {
    const fetch = deps.fetchers[identity.channel];
    if (!fetch) throw new Error(`no file fetcher for ${identity.channel}`);
    bytes = await fetch(job.file, MAX_FORM_FILE_BYTES);
    storedPath = join(deps.dir, 'in', `${receivedAt}-${identity.id}-${safeName(fileName)}`);
    mkdirSync(dirname(storedPath), { recursive: true });
    writeFileSync(storedPath, bytes);
  } catch (error) {
    if (!(error instanceof FileTooLarge)) log.warn('form not fetched', { channel: identity.channel, error: String(error) });
    const problem = error instanceof FileTooLarge ? 'form-file-too-big' : error instanceof FileSourceRefused ? 'form-file-source-refused' : 'form-file-not-fetched';
    reading = { ok: false, problems: [fileProblem(problem)] };
  }
  if (bytes) {
    try {
      reading = await readForm(db, job.form, job.registrationId, job.periodId, bytes, fileName, receivedAt);
    } catch (error) {
      // A fault of ours (the file's own problems are a reading, not an error): the person is told, the file is kept.
      log.error('form not read', { channel: identity.channel, file: storedPath, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      reading = { ok: false, problems: [fileProblem('form-read-failed')] };
    }
  }
  const record = () =>
    inTransaction(
      db,
      () => {
        const upload = db
          .insert(formUploads)
          .values({ identityId: identity.id, form: job.form, registrationId: job.registrationId, periodId: job.periodId, fileName, storedPath, receivedAt, reading })
          .returning({ id: formUploads.id })
          .get();
        return handleAndQueue(db, core, `upload-${upload.id}`, { channel: identity.channel, externalId: identity.externalId, upload: upload.id }, clock.now());
      },
      { immediate: true },
    );
  // The file is kept already; a database that cannot take the reading now (locked, full) is waited for.
  for (let attempt = 0; ; attempt++) {
    try {
      return record().replies;
    } catch (error) {
      if (!storageFault(error) || attempt >= MAX_STORAGE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

/** About two minutes of waiting for the database, at backoffMs's pace. */
const MAX_STORAGE_ATTEMPTS = 30;
