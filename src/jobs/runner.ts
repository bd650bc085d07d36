/**
 * The work messages ask for (exports, documents, charts, forms in and out), run one job after another outside the
 * messages' transactions. Jobs are rows (jobs.ts' store, written with the message that asked), so
 * what a stop or a crash left is resumed on the next start. Each job's result goes to the person
 * through the outbox, queued in the transaction that closes the job; `written` is told when a job
 * queued something, with the reply rows it wrote (a form read: the next question).
 */
import type { OutgoingRow } from '../chat/channel.ts';
import { dirname, join } from 'node:path';
import type { Job } from '../chat/engine.ts';
import { SerialWorker } from '../util/serial-worker.ts';
import { runChartJob } from './chart-job.ts';
import { deliverJob, runExportJob } from './export-job.ts';
import { runDossierIn } from './dossier-job.ts';
import { giveUpFormIn, LeftForNextStart, runFormIn, runFormOut, type FormJobDeps } from './form-job.ts';
import { pendingJobs, releaseJob, takeJob, type JobRow } from './store.ts';
import { storageFault } from '../db/faults.ts';
import { t } from '../i18n/index.ts';
import type { Channel } from '../domain/model.ts';

interface JobDeps extends FormJobDeps {
  /** Where exports are written. */
  exportDir: string;
  /** Where dossiers' files are kept; by default `dossiers` beside the forms' folder (both beside the database). */
  dossierDir?: string;
}

/** A job taken up this many times without finishing stopped the process each time (a file too much for it, say): it is given up. */
export const MAX_JOB_ATTEMPTS = 3;
/** How often the runner looks for jobs another process wrote (`thidua inbound --retry` while the bot runs). */
const POLL_MS = 15_000;

/** One job; the reply rows it wrote to the outbox (only a form read writes replies). */
async function runJob(deps: JobDeps, row: JobRow): Promise<OutgoingRow[]> {
  const { job } = row;
  switch (job.kind) {
    case 'export':
    case 'document':
      await runExportJob(deps.db, row.id, job, deps.exportDir, deps.clock, deps.log);
      return [];
    case 'chart':
      await runChartJob(deps.db, row.id, job, deps.exportDir, deps.clock, deps.log);
      return [];
    case 'form-out':
      await runFormOut(deps, row.id, job);
      return [];
    case 'form-in':
      return runFormIn(deps, { ...row, job });
    case 'dossier-in':
      await runDossierIn({ ...deps, dossierDir: deps.dossierDir ?? join(dirname(deps.dir), 'dossiers') }, row, job);
      return [];
  }
}

/** Closes a job that kept stopping the process, telling the person it failed as for a fault of ours. */
async function giveUp(deps: JobDeps, row: JobRow): Promise<OutgoingRow[]> {
  const { job } = row;
  deps.log.error('job given up', { id: row.id, kind: job.kind, attempts: row.attempts });
  if (job.kind === 'form-in') return giveUpFormIn(deps, { ...row, job });
  deliverJob(deps.db, row.id, job, [{ text: t(job.locale, job.kind === 'form-out' ? 'form-write-failed' : job.kind === 'chart' ? 'chart-failed' : job.kind === 'dossier-in' ? 'dos-failed' : 'exp-failed') }], deps.clock.now(), 'given up');
  return [];
}

/** A form sent in whose file is neither kept nor fetchable here waits for a process that can fetch it. */
const canRun = (deps: JobDeps, row: JobRow) =>
  row.job.kind === 'dossier-in' ? deps.fetchers[row.channel] !== undefined : row.job.kind !== 'form-in' || row.storedPath !== null || deps.fetchers[row.channel] !== undefined;

/**
 * Runs the waiting jobs of `channels`, oldest first, each once per call; `done` is told after each
 * one with the reply rows it wrote. Throws when the database cannot be read or written now: the
 * job in hand and those after it stay for the next call.
 */
export async function runPendingJobs(deps: JobDeps, channels: readonly Channel[], done: (rows: OutgoingRow[]) => void = () => undefined): Promise<void> {
  const tried = new Set<number>();
  while (!deps.stopping?.()) {
    const next = pendingJobs(deps.db, channels).find((row) => !tried.has(row.id) && canRun(deps, row));
    if (!next) return;
    tried.add(next.id);
    if (next.attempts >= MAX_JOB_ATTEMPTS) {
      done(await giveUp(deps, next));
      continue;
    }
    takeJob(deps.db, next.id);
    try {
      done(await runJob(deps, next));
    } catch (error) {
      // Not the process stopping: this attempt does not count towards giving the job up.
      if (storageFault(error) || error instanceof LeftForNextStart) releaseJob(deps.db, next.id);
      if (error instanceof LeftForNextStart) return;
      throw error;
    }
  }
}

/** The bot's runner: its channels' jobs, run one after another whenever a message asks for one, at start, and now and then. */
export class JobRunner {
  private readonly worker: SerialWorker;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: JobDeps,
    private readonly written: (rows: OutgoingRow[]) => void,
    private readonly channels: readonly Channel[] = ['telegram', 'zalo', 'zalobot'],
  ) {
    this.worker = new SerialWorker(
      () => runPendingJobs({ ...this.deps, stopping: () => this.worker.stopping }, this.channels, this.written),
      (error) => this.deps.log.error('jobs not run; tried again shortly', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  }

  /** Resumes the jobs a stop or a crash left, and looks for new ones now and then. */
  start(): void {
    this.worker.kick();
    this.poll ??= setInterval(() => this.worker.kick(), POLL_MS).unref();
  }

  /** A message asked for work: it is in the jobs table already, run now (the argument is what it asked). */
  run = (_job?: Job): void => {
    this.worker.kick();
  };

  /** Resolves once every job asked for so far is done. */
  idle(): Promise<void> {
    return this.worker.idle();
  }

  /** Takes no more jobs; waits for the one in hand (a form whose file is kept is left to be read on the next start). */
  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    await this.worker.stop();
  }
}
