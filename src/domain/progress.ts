import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { movements, progressLines, progressReports, reportingPeriods } from '../db/schema.ts';
import { assess } from './assessment.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DomainError } from './errors.ts';
import { asksRunningTotal, figureKind, figureUpTo, type ReportedFigure } from './figures.ts';
import { getRegistration, listTargets } from './registrations.ts';
import type { Assessment, EvidenceKind, Period, Target } from './model.ts';

// Where a target stands is judged in assessment.ts; these are its names as the callers knew them.
export {
  addProgressCounts,
  assess,
  countAssessment,
  eachTargetStanding,
  emptyProgressCounts,
  judgeQualitative,
  progressCountsByUnit,
  type ProgressCounts,
} from './assessment.ts';

/** The share of the time from `startsOn` to the due date that has passed on `asOf`, in percent (0–100). */
export function timePassed(startsOn: string, dueOn: string, asOf: string): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const span = day(dueOn) - day(startsOn) + 1;
  if (span <= 0) return 100;
  const passed = Math.min(Math.max(day(asOf) - day(startsOn) + 1, 0), span);
  return Math.round((passed / span) * 100);
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

/** Every figure reported for a target, with its period: what figureUpTo() adds up or carries. */
function reportedFigures(db: DbOrTx, registrationId: number, targetId: number): ReportedFigure[] {
  return db
    .select({ periodId: reportingPeriods.id, periodKind: reportingPeriods.kind, endsOn: reportingPeriods.endsOn, revision: progressReports.revision, value: progressLines.value, cumulative: progressLines.cumulative })
    .from(progressLines)
    .innerJoin(progressReports, eq(progressReports.id, progressLines.reportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(and(eq(progressReports.registrationId, registrationId), eq(progressLines.targetId, targetId)))
    .all();
}

/** The figure a target stands at by the end of `period`: a rate as last reported, a count or amount added up or carried. */
export function targetTotal(db: DbOrTx, target: Pick<Target, 'id' | 'registrationId' | 'measure'>, period: Pick<Period, 'kind' | 'endsOn'>): number | null {
  return figureUpTo(figureKind(target.measure), reportedFigures(db, target.registrationId, target.id), period);
}

type ComputedLine = ProgressLineInput & {
  percentOfPlan: number | null;
  assessment: Assessment | null;
  /** The figure the target stands at after this report (a rate: this value; a count: the running total). */
  total: number | null;
  /** Before the due date: the share of the time to it that has passed, in percent. */
  timePassed: number | null;
};

interface RecordedReport {
  reportId: number;
  revision: number;
  lines: ComputedLine[];
}

/**
 * True when no period of `period`'s kind ends before it in the movement (Quý I, 6 tháng đầu năm):
 * its figure for the period alone is the running total, so "this period or running total?" is not
 * asked and the figure is kept as the running total.
 */
export function firstOfItsKind(db: DbOrTx, period: Pick<Period, 'movementId' | 'kind' | 'endsOn'>): boolean {
  return !db
    .select({ id: reportingPeriods.id })
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.movementId, period.movementId), eq(reportingPeriods.kind, period.kind), lt(reportingPeriods.endsOn, period.endsOn)))
    .get();
}

/**
 * What the lines would say once computed (% of plan, assessment), without writing: shown for
 * confirmation. A rate stands as reported (never added to earlier periods); a count or an amount
 * reported for the period alone is added to the earlier periods of the same kind; a figure for the
 * year period is the year's figure. Judged as of the period's end.
 */
export function computeLines(db: DbOrTx, registrationId: number, period: Period, lines: ProgressLineInput[]): ComputedLine[] {
  const targets = new Map(listTargets(db, registrationId).map((t) => [t.id, t]));
  const movement = db.select({ startsOn: movements.startsOn, endsOn: movements.endsOn }).from(movements).where(eq(movements.id, period.movementId)).get()!;
  const first = firstOfItsKind(db, period);
  return lines.map((line) => {
    const target = targets.get(line.targetId);
    if (!target) throw new DomainError('err-target-unknown');
    const dueOn = target.dueOn ?? movement.endsOn;
    if (target.kind === 'qualitative' || line.value === null || line.value === undefined) {
      return { ...line, cumulative: false, percentOfPlan: null, assessment: line.assessment ?? null, total: null, timePassed: null };
    }
    const kind = figureKind(target.measure);
    const cumulative = asksRunningTotal(kind, period.kind) && !first ? (line.cumulative ?? false) : true;
    const earlier = reportedFigures(db, registrationId, target.id).filter((f) => f.periodId !== period.id);
    const total = figureUpTo(kind, [...earlier, { periodId: period.id, periodKind: period.kind, endsOn: period.endsOn, revision: Number.MAX_SAFE_INTEGER, value: line.value, cumulative }], period)!;
    const judged = assess({ ...target, dueOn }, total, period.endsOn);
    const passed = judged.assessment === 'in_progress' ? timePassed(movement.startsOn, dueOn, period.endsOn) : null;
    return { ...line, cumulative, total, ...judged, timePassed: passed };
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

