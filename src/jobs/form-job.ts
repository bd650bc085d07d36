/**
 * Forms in and out of the chat, after the message that asked (writing a workbook and fetching a
 * file take longer than a message's transaction may). Out: the unit's form is written beside the
 * database and queued to the person as a file. In: the file the person sent is fetched from their
 * messenger (at once: Zalo's file links do not last), kept beside the database (its job told
 * where, so a restart or `thidua inbound --retry` reads it from there), read, and what was found is
 * stored; then the person's conversation is handed an `upload` event through the same path as
 * their messages, so the summary and "save?" are asked in order, written to the outbox, and the
 * job is closed in that transaction.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { OutgoingRow } from '../chat/channel.ts';
import type { ChatCore } from '../chat/core.ts';
import { waitedForFlow, type Job } from '../chat/engine.ts';
import { handleAndQueue } from '../inbound/inbound.ts';
import { FileSourceRefused, FileTooLarge, type FileFetcher } from '../chat/files.ts';
import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/prepared.ts';
import { storageFault } from '../db/faults.ts';
import { backoffMs } from '../util/backoff.ts';
import { formUploads, identities } from '../db/schema.ts';
import { deliverJob } from './export-job.ts';
import { finishJob, keepJobFile } from './store.ts';
import type { Clock } from '../util/clock.ts';
import { MAX_FORM_FILE_BYTES } from '../forms/file-check.ts';
import { fileProblem } from '../forms/problems.ts';
import type { FormReading } from '../forms/apply.ts';
import type { ScoreImportReading } from '../forms/score-form.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';
import type { Channel } from '../domain/model.ts';


export interface FormJobDeps {
  db: Db;
  core: ChatCore;
  clock: Clock;
  log: Logger;
  dir: string;
  /** The fetcher of each channel that can receive files. */
  fetchers: Partial<Record<Channel, FileFetcher>>;
  /** True once the runner is asked to stop: a form whose file is kept is read on the next start, not now. */
  stopping?: () => boolean;
}

/** A form sent in whose file is kept, left to be read on the next start (the runner is stopping). */
export class LeftForNextStart extends Error {}

/** Writes the form and queues it to the person as a file. */
export async function runFormOut(deps: FormJobDeps, jobId: number, job: Extract<Job, { kind: 'form-out' }>): Promise<void> {
  const { db, clock, log } = deps;
  const stamp = clock.now();
  let payload: object;
  try {
    // The workbook code (exceljs) loads with the first form written or read, not at start.
    const { buildForm } = await import('../forms/service.ts');
    const { bytes, fileName } = await buildForm(db, job.form, job.registrationId, job.periodId, job.locale);
    const path = join(deps.dir, 'out', `${stamp}-${jobId}-${fileName}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    payload = { text: t(job.locale, `form-sent-${job.form}`), file: { path, name: fileName } };
  } catch (error) {
    log.error('form not written', { error: String(error) });
    payload = { text: t(job.locale, 'form-write-failed') };
  }
  deliverJob(db, jobId, job, [payload], clock.now());
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(-100) || 'form';

/** A form sent in, as its job row: the file is kept once fetched (`storedPath`), and read from there when the job is resumed. */
interface FormInRow {
  id: number;
  job: Extract<Job, { kind: 'form-in' }>;
  createdAt: number;
  storedPath: string | null;
}

/** The file's bytes: from where it was kept, else fetched from the messenger and kept (the job told where) before it is read. */
async function fileOf(deps: FormJobDeps, row: FormInRow, channel: Channel, identityId: number, fileName: string): Promise<{ bytes: Buffer; storedPath: string; kept: boolean }> {
  if (row.storedPath !== null) return { bytes: await readFile(row.storedPath), storedPath: row.storedPath, kept: true };
  const fetch = deps.fetchers[channel];
  if (!fetch) throw new Error(`no file fetcher for ${channel}`);
  const bytes = await fetch(row.job.file, MAX_FORM_FILE_BYTES);
  const storedPath = join(deps.dir, 'in', `${row.createdAt}-${identityId}-${row.id}-${safeName(fileName)}`);
  mkdirSync(dirname(storedPath), { recursive: true });
  writeFileSync(storedPath, bytes);
  try {
    keepJobFile(deps.db, row.id, storedPath);
    return { bytes, storedPath, kept: true };
  } catch (error) {
    // The file is read now all the same; only a restart before the reading is stored would fetch it again.
    if (!storageFault(error)) throw error;
    deps.log.warn('form file kept, its job not told', { file: storedPath, error: String(error) });
    return { bytes, storedPath, kept: false };
  }
}

/**
 * Fetches (or finds kept), keeps and reads the file; stores the reading, has the conversation take
 * it and closes the job, in one transaction. The replies written (the next question) are returned
 * for the channel to send.
 */
export async function runFormIn(deps: FormJobDeps, row: FormInRow): Promise<OutgoingRow[]> {
  const { db, clock, log } = deps;
  const { job } = row;
  const identity = db.select().from(identities).where(eq(identities.id, job.identityId)).get();
  if (!identity) {
    finishJob(db, row.id, clock.now());
    return [];
  }
  const fileName = job.file.name ?? 'form.xlsx';
  const receivedAt = row.createdAt;
  let storedPath: string | null = row.storedPath;
  let reading: FormReading | ScoreImportReading;
  let bytes: Buffer | undefined;
  try {
    const file = await fileOf(deps, row, identity.channel, identity.id, fileName);
    // Stopping: reading can take seconds, and the kept file is read on the next start without the messenger.
    if (file.kept && deps.stopping?.()) throw new LeftForNextStart();
    ({ bytes, storedPath } = file);
  } catch (error) {
    if (error instanceof LeftForNextStart) throw error;
    if (!(error instanceof FileTooLarge)) log.warn('form not fetched', { channel: identity.channel, error: String(error) });
    const problem = error instanceof FileTooLarge ? 'form-file-too-big' : error instanceof FileSourceRefused ? 'form-file-source-refused' : 'form-file-not-fetched';
    reading = { ok: false, problems: [fileProblem(problem)] };
  }
  if (bytes) {
    try {
      if (job.form === 'score') {
        const { readScoreFormOf } = await import('../forms/score-service.ts');
        reading = await readScoreFormOf(db, job.registrationId, bytes, fileName);
      } else {
        const { readForm } = await import('../forms/service.ts');
        reading = await readForm(db, job.form, job.registrationId, job.periodId, bytes, fileName, receivedAt);
      }
    } catch (error) {
      // A fault of ours (the file's own problems are a reading, not an error): the person is told, the file is kept.
      log.error('form not read', { channel: identity.channel, file: storedPath, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      reading = { ok: false, problems: [fileProblem('form-read-failed')] };
    }
  }
  return recordReading(deps, row, identity, fileName, storedPath, reading!);
}

/** A form sent in that kept stopping the process while it was read: the person is told it could not be read, as for a fault of ours. */
export function giveUpFormIn(deps: FormJobDeps, row: FormInRow): Promise<OutgoingRow[]> {
  const identity = deps.db.select().from(identities).where(eq(identities.id, row.job.identityId)).get();
  if (!identity) {
    finishJob(deps.db, row.id, deps.clock.now(), 'given up');
    return Promise.resolve([]);
  }
  return recordReading(deps, row, identity, row.job.file.name ?? 'form.xlsx', row.storedPath, { ok: false, problems: [fileProblem('form-read-failed')] }, 'given up');
}

async function recordReading(
  deps: FormJobDeps,
  row: FormInRow,
  identity: { id: number; channel: Channel; externalId: string },
  fileName: string,
  storedPath: string | null,
  reading: FormReading | ScoreImportReading,
  error?: string,
): Promise<OutgoingRow[]> {
  const { db, core, clock } = deps;
  const { job } = row;
  const record = () =>
    inTransaction(
      db,
      () => {
        const upload = db
          .insert(formUploads)
          .values({ identityId: identity.id, form: job.form, registrationId: job.registrationId, periodId: job.periodId, fileName, storedPath, receivedAt: row.createdAt, reading })
          .returning({ id: formUploads.id })
          .get();
        const handled = handleAndQueue(db, core, `upload-${upload.id}`, { channel: identity.channel, externalId: identity.externalId, upload: upload.id }, clock.now());
        finishJob(db, row.id, clock.now(), error);
        return handled;
      },
      { immediate: true },
    );
  // The file is kept already; a database that cannot take the reading now (locked, full) is waited for.
  for (let attempt = 0; ; attempt++) {
    try {
      return record().replies;
    } catch (error) {
      if (await waitedForFlow(error)) continue;
      if (!storageFault(error) || attempt >= MAX_STORAGE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

/** About two minutes of waiting for the database, at backoffMs's pace. */
const MAX_STORAGE_ATTEMPTS = 30;
