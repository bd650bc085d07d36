import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { clientOf } from '../db/prepared.ts';
import { progressLines, progressReports, reportingPeriods, type ASSESSMENTS, type EVIDENCE_KINDS } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DomainError } from './errors.ts';
import { getRegistration, listTargets, type Target } from './registrations.ts';

export type Assessment = (typeof ASSESSMENTS)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Period = typeof reportingPeriods.$inferSelect;

/**
 * % of plan and the assessment for a quantitative target, from the running total. For an
 * "at least" target beating the plan is vượt; for an "at most" target (e.g. accidents) staying
 * under the ceiling is đạt and going over it is chưa đạt.
 */
export function assess(target: Pick<Target, 'plannedValue' | 'direction'>, total: number): { percentOfPlan: number | null; assessment: Assessment } {
  const plan = target.plannedValue ?? 0;
  const percentOfPlan = plan === 0 ? null : Math.round((total / plan) * 1000) / 10;
  if (target.direction === 'at_most') return { percentOfPlan, assessment: total <= plan ? 'met' : 'not_met' };
  return { percentOfPlan, assessment: total > plan ? 'exceeded' : total === plan ? 'met' : 'not_met' };
}

export interface ProgressLineInput {
  targetId: number;
  /** Quantitative targets: the figure reported. */
  value?: number | null;
  /** true: `value` is already the running total; false: this period only. */
  cumulative?: boolean;
  /** Qualitative targets: the unit's own assessment. */
  assessment?: Assessment | null;
  evidenceKind?: EvidenceKind | null;
  evidenceRef?: string | null;
  note?: string | null;
}

/** The latest line reported for each target, in any period before or at `period` (by end date). */
export function latestLines(db: DbOrTx, registrationId: number, until?: Period) {
  const rows = db
    .select({ line: progressLines, report: progressReports, period: reportingPeriods })
    .from(progressLines)
    .innerJoin(progressReports, eq(progressReports.id, progressLines.reportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(eq(progressReports.registrationId, registrationId))
    .orderBy(asc(reportingPeriods.endsOn), asc(progressReports.revision), asc(progressLines.id))
    .all();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!until || row.period.endsOn <= until.endsOn) latest.set(row.line.targetId, row);
  return latest;
}

/** The running total before `period`: the latest corrected report of each earlier period, summed or carried. */
function totalBefore(db: DbOrTx, registrationId: number, targetId: number, period: Period): number {
  const rows = db
    .select({ line: progressLines, report: progressReports, period: reportingPeriods })
    .from(progressLines)
    .innerJoin(progressReports, eq(progressReports.id, progressLines.reportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(and(eq(progressReports.registrationId, registrationId), eq(progressLines.targetId, targetId), eq(reportingPeriods.kind, period.kind)))
    .orderBy(asc(reportingPeriods.endsOn), asc(progressReports.revision))
    .all()
    .filter((r) => r.period.endsOn < period.endsOn);
  // Only the latest revision of each earlier period counts.
  const byPeriod = new Map<number, (typeof rows)[number]>();
  for (const r of rows) byPeriod.set(r.period.id, r);
  let total = 0;
  for (const r of byPeriod.values()) {
    if (r.line.value === null) continue;
    total = r.line.cumulative ? r.line.value : total + r.line.value;
  }
  return total;
}

export interface RecordedReport {
  reportId: number;
  revision: number;
  lines: (ProgressLineInput & { percentOfPlan: number | null; assessment: Assessment | null; total: number | null })[];
}

/** What the lines would say once computed (% of plan, assessment), without writing: shown for confirmation. */
export function computeLines(db: DbOrTx, registrationId: number, period: Period, lines: ProgressLineInput[]): RecordedReport['lines'] {
  const targets = new Map(listTargets(db, registrationId).map((t) => [t.id, t]));
  return lines.map((line) => {
    const target = targets.get(line.targetId);
    if (!target) throw new DomainError('err-target-unknown');
    if (target.kind === 'qualitative' || line.value === null || line.value === undefined) {
      return { ...line, percentOfPlan: null, assessment: line.assessment ?? null, total: null };
    }
    const total = line.cumulative ? line.value : totalBefore(db, registrationId, target.id, period) + line.value;
    return { ...line, total, ...assess(target, total) };
  });
}

/**
 * Appends a progress report for a period. A second report for the same period is a correction:
 * it gets the next revision and the earlier one is kept.
 */
export function recordProgressReport(
  db: Db,
  input: { registrationId: number; periodId: number; lines: ProgressLineInput[]; note?: string | null },
  actor: Actor,
  now: number,
): RecordedReport {
  return db.transaction((tx) => {
    const reg = getRegistration(tx, input.registrationId);
    const period = tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, input.periodId)).get();
    if (!period || period.movementId !== reg.movementId) throw new DomainError('err-period-unknown');
    if (input.lines.length === 0) throw new DomainError('err-report-empty');
    const computed = computeLines(tx, reg.id, period, input.lines);
    const last = tx
      .select({ revision: progressReports.revision })
      .from(progressReports)
      .where(and(eq(progressReports.registrationId, reg.id), eq(progressReports.periodId, period.id)))
      .orderBy(desc(progressReports.revision))
      .get();
    const revision = (last?.revision ?? 0) + 1;
    const report = tx
      .insert(progressReports)
      .values({ registrationId: reg.id, periodId: period.id, revision, reportedBy: actor.personId ?? null, reportedAt: now, note: input.note ?? null })
      .returning({ id: progressReports.id })
      .get();
    for (const line of computed) {
      tx.insert(progressLines)
        .values({
          reportId: report.id,
          targetId: line.targetId,
          value: line.value ?? null,
          cumulative: line.cumulative ?? false,
          percentOfPlan: line.percentOfPlan,
          assessment: line.assessment,
          evidenceKind: line.evidenceKind ?? null,
          evidenceRef: line.evidenceRef ?? null,
          note: line.note ?? null,
        })
        .run();
    }
    recordAudit(tx, actor, now, {
      action: revision === 1 ? 'progress.report' : 'progress.correct',
      entity: 'progress_report',
      entityId: report.id,
      after: { registrationId: reg.id, period: period.code, revision, lines: computed },
    });
    return { reportId: report.id, revision, lines: computed };
  });
}

/** Reports of a registration for a period, oldest revision first. */
export function reportsFor(db: DbOrTx, registrationId: number, periodId: number) {
  const reports = db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.registrationId, registrationId), eq(progressReports.periodId, periodId)))
    .orderBy(asc(progressReports.revision))
    .all();
  if (reports.length === 0) return [];
  const lines = db
    .select()
    .from(progressLines)
    .where(inArray(progressLines.reportId, reports.map((r) => r.id)))
    .all();
  return reports.map((r) => ({ ...r, lines: lines.filter((l) => l.reportId === r.id) }));
}

/**
 * Each unit's progress: the average % of plan of its quantitative targets, each as its latest
 * report says (latest period, then latest revision). Units with no figure yet are absent.
 */
export function averageProgressByUnit(db: DbOrTx, movementId: number): Map<number, number> {
  // Reports are append-only, so the newest report id tells whether anything changed since the
  // figures were last computed (a big movement takes a moment; the chat asks often).
  const newest = db.get<{ id: number | null }>(sql`SELECT max(id) AS id FROM progress_reports`)?.id ?? 0;
  const client = clientOf(db);
  const cached = progressCache.get(client)?.get(movementId);
  if (cached && cached.newest === newest) return cached.figures;
  const figures = computeAverageProgress(db, movementId);
  if (!progressCache.has(client)) progressCache.set(client, new Map());
  progressCache.get(client)!.set(movementId, { newest, figures });
  return figures;
}

const progressCache = new WeakMap<object, Map<number, { newest: number; figures: Map<number, number> }>>();

function computeAverageProgress(db: DbOrTx, movementId: number): Map<number, number> {
  const rows = db.all<{ unitId: number; percent: number }>(sql`
    WITH ranked AS (
      SELECT pl.target_id AS targetId, pl.percent_of_plan AS percent,
             row_number() OVER (PARTITION BY pl.target_id ORDER BY p.ends_on DESC, pr.revision DESC, pl.id DESC) AS rank
        FROM progress_lines pl
        JOIN progress_reports pr ON pr.id = pl.report_id
        JOIN reporting_periods p ON p.id = pr.period_id
       WHERE p.movement_id = ${movementId}
    )
    SELECT r.unit_id AS unitId, avg(ranked.percent) AS percent
      FROM ranked
      JOIN targets t ON t.id = ranked.targetId
      JOIN registrations r ON r.id = t.registration_id
     WHERE ranked.rank = 1 AND ranked.percent IS NOT NULL AND t.deleted_at IS NULL AND t.kind = 'quantitative'
     GROUP BY r.unit_id`);
  return new Map(rows.map((r) => [r.unitId, r.percent]));
}
