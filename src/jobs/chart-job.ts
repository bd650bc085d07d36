/**
 * A chart asked for in chat (flows/chart.ts): its figures gathered and drawn after the message that
 * asked (drawing takes a moment), the PNG written next to the exports and queued to the person as a
 * picture, its title for a caption; each messenger shows it its own way (delivery is the outbox's).
 * The figures are those of the person's scope as it stands when the job runs: a cluster head's
 * chart is of their own cluster/block, whatever the message asked. Fewer than two units: said in
 * words. Queued and closed in one transaction, under the job's keys (deliverJob), like an export:
 * a job resumed after a restart sends the picture once.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Job } from '../chat/engine.ts';
import type { Db } from '../db/connection.ts';
import { whileLocked } from '../db/faults.ts';
import { groups, movements } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { scopeOfPerson, type Scope } from '../domain/scope.ts';
import { localDate } from '../domain/vn-input.ts';
import { chartFigures } from '../documents/chart-figures.ts';
import { t, translator } from '../i18n/index.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import { deliverJob } from './export-job.ts';

type ChartJob = Extract<Job, { kind: 'chart' }>;

/** How long a drawn chart's message waits for the database (another process's lock) before the job is left for a retry. */
const STORE_WAIT_MS = 60_000;

/** The cluster/block the chart is of: the one asked, narrowed to the person's own for a cluster head; refused outside their scope. */
function groupOfChart(db: Db, job: ChartJob, scope: Scope): number | undefined {
  if (scope.all) return job.groupId;
  const own = db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.movementId, job.movementId), inArray(groups.code, scope.groupCodes.length > 0 ? scope.groupCodes : [''])))
    .all()
    .map((g) => g.id);
  // A liaison has no cluster to chart; a cluster head heading several is shown the first unless one is asked.
  if (own.length === 0 || (job.groupId !== undefined && !own.includes(job.groupId))) throw new DomainError('scope-refused');
  return job.groupId ?? own[0];
}

/** What to send: the picture with its title, or why there is none. */
async function chartPayloads(db: Db, jobId: number, job: ChartJob, dir: string, now: number, log: Logger): Promise<object[]> {
  // Someone deactivated (or gone) since asking gets nothing, as for an export.
  const asking = scopeOfPerson(db, job.personId, job.movementId);
  if (!asking) return [];
  try {
    const movement = db.select().from(movements).where(eq(movements.id, job.movementId)).get();
    if (!movement) throw new DomainError('scope-refused');
    const groupId = groupOfChart(db, job, asking.scope);
    const what = { chart: job.chart, ...(job.periodId !== undefined ? { periodId: job.periodId } : {}), ...(groupId !== undefined ? { groupId } : {}) };
    const request = chartFigures(db, movement, what, localDate(now, movement.timezone), translator(job.locale));
    // The renderer (Vega, resvg) loads with the first chart, not when the bot starts.
    const { renderChart } = await import('../charts/index.ts');
    const chart = await renderChart(request, job.locale);
    if (chart.kind === 'not-enough-data') return [{ text: t(job.locale, 'chart-not-enough-data', { units: chart.units }) }];
    const name = `bieu-do-${job.chart}-${movement.code}.png`;
    const path = writePicture(dir, `chart-${jobId}-${job.chart}.png`, chart.png);
    return [{ text: chart.title, image: { path, name } }];
  } catch (error) {
    if (error instanceof DomainError) return [{ text: t(job.locale, error.code, error.args) }];
    log.error('chart failed', { chart: job.chart, error: String(error) });
    return [{ text: t(job.locale, 'chart-failed') }];
  }
}

/** Writes the PNG whole or not at all (a part file renamed), so a picture sent is never half written. */
function writePicture(dir: string, file: string, png: Uint8Array): string {
  const path = join(resolve(dir), file);
  mkdirSync(resolve(dir), { recursive: true });
  const part = `${path}.part`;
  try {
    writeFileSync(part, png);
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  return path;
}

export async function runChartJob(db: Db, jobId: number, job: ChartJob, dir: string, clock: Clock, log: Logger): Promise<void> {
  const payloads = await chartPayloads(db, jobId, job, dir, clock.now(), log);
  await whileLocked(() => deliverJob(db, jobId, job, payloads, clock.now()), STORE_WAIT_MS);
}
