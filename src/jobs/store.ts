/**
 * The jobs table (src/db/schema.ts, jobs): work a message asked for, kept until it is done. Rows
 * are written with the message's transaction (inbound/inbound.ts); here they are read, taken up,
 * given the file a form came with, and closed.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Job } from '../chat/engine.ts';
import type { Db, DbOrTx } from '../db/connection.ts';
import { jobs } from '../db/schema.ts';
import type { Channel } from '../domain/model.ts';

/** A job waiting to be done (or being done). */
export interface JobRow {
  id: number;
  channel: Channel;
  job: Job;
  createdAt: number;
  /** Times a runner took it up before this one. */
  attempts: number;
  /** A form sent in: where its file is kept, once fetched. */
  storedPath: string | null;
}

/** Jobs not done yet for these channels, oldest first. */
export function pendingJobs(db: Db, channels: readonly Channel[]): JobRow[] {
  if (channels.length === 0) return [];
  return db
    .select({ id: jobs.id, channel: jobs.channel, job: jobs.job, createdAt: jobs.createdAt, attempts: jobs.attempts, storedPath: jobs.storedPath })
    .from(jobs)
    .where(and(isNull(jobs.doneAt), inArray(jobs.channel, [...channels])))
    .orderBy(asc(jobs.id))
    .all()
    .map((row) => ({ ...row, channel: row.channel as Channel, job: row.job as Job }));
}

/** Counts a runner taking the job up, before it starts (so one that stops the process is seen as such on the next start). */
export function takeJob(db: Db, id: number): void {
  db.update(jobs).set({ attempts: sql`${jobs.attempts} + 1` }).where(eq(jobs.id, id)).run();
}

/** A form's file is kept on disk: a resumed job reads it from there. */
export function keepJobFile(db: Db, id: number, path: string): void {
  db.update(jobs).set({ storedPath: path }).where(eq(jobs.id, id)).run();
}

/** Closes the job, in the transaction that queued its result; `error` when it was given up. */
export function finishJob(db: DbOrTx, id: number, now: number, error?: string): void {
  db.update(jobs).set({ doneAt: now, error: error ?? null }).where(eq(jobs.id, id)).run();
}

/** Takes back the count of an attempt that ended for a passing reason (the database busy), when the database lets it. */
export function releaseJob(db: Db, id: number): void {
  try {
    db.update(jobs).set({ attempts: sql`max(${jobs.attempts} - 1, 0)` }).where(eq(jobs.id, id)).run();
  } catch {
    // Still busy: the attempt counts, which only brings giving up one attempt nearer.
  }
}

/** Forgets jobs done before `olderThan`; those given up stay (like failed updates) for an operator to see. */
export function pruneJobs(db: Db, olderThan: number): number {
  return db.delete(jobs).where(and(isNotNull(jobs.doneAt), isNull(jobs.error), lt(jobs.doneAt, olderThan))).run().changes;
}
