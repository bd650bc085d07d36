/**
 * The work messages ask for (exports, documents, forms in and out), run one job after another outside the
 * messages' transactions. Each job's result goes to the person through the outbox; `written` is
 * told when a job queued something, with the reply rows it wrote (a form read: the next question).
 */
import type { OutgoingRow } from '../chat/channel.ts';
import type { Job } from '../chat/engine.ts';
import { runExportJob } from './export-job.ts';
import { runFormIn, runFormOut, type FormJobDeps } from './form-job.ts';

export interface JobDeps extends FormJobDeps {
  /** Where exports are written. */
  exportDir: string;
}

/** One job; the reply rows it wrote to the outbox (only a form read writes replies). */
export async function runJob(deps: JobDeps, job: Job): Promise<OutgoingRow[]> {
  switch (job.kind) {
    case 'export':
    case 'document':
      await runExportJob(deps.db, job, deps.exportDir, deps.clock, deps.log);
      return [];
    case 'form-out':
      await runFormOut(deps, job);
      return [];
    case 'form-in':
      return runFormIn(deps, job);
  }
}

export class JobRunner {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: JobDeps,
    private readonly written: (rows: OutgoingRow[]) => void,
  ) {}

  run = (job: Job): void => {
    this.chain = this.chain
      .then(async () => this.written(await runJob(this.deps, job)))
      .catch((error: unknown) => this.deps.log.error('job failed', { kind: job.kind, error: String(error) }));
  };

  /** Resolves once every job asked for so far is done. */
  idle(): Promise<void> {
    return this.chain;
  }
}
