import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { clientOf } from '../db/prepared.ts';
import { movements, progressLines, progressReports, reportingPeriods, type ASSESSMENTS, type EVIDENCE_KINDS } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DomainError } from './errors.ts';
import { asksRunningTotal, figureKind, figureUpTo, inReportOrder, type ReportedFigure } from './figures.ts';
import { getRegistration, listTargets, type Target } from './registrations.ts';

export type Assessment = (typeof ASSESSMENTS)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Period = typeof reportingPeriods.$inferSelect;

/**
 * % of plan and the assessment of a quantitative target standing at `total` on the day `asOf`.
 * Before the target's due date it is in_progress (đang thực hiện), whatever the share reached; from
 * the due date it is judged in the target's direction: for an "at least" target beating the plan is
 * vượt; for an "at most" target (e.g. accidents) staying under the ceiling is đạt, over it không đạt.
 */
export function assess(
  target: Pick<Target, 'plannedValue' | 'direction' | 'dueOn'>,
  total: number,
  asOf: string,
): { percentOfPlan: number | null; assessment: Assessment } {
  const plan = target.plannedValue ?? 0;
  const percentOfPlan = plan === 0 ? null : Math.round((total / plan) * 1000) / 10;
  if (target.dueOn && asOf < target.dueOn) return { percentOfPlan, assessment: 'in_progress' };
  if (target.direction === 'at_most') return { percentOfPlan, assessment: total <= plan ? 'met' : 'not_met' };
  return { percentOfPlan, assessment: total > plan ? 'exceeded' : total === plan ? 'met' : 'not_met' };
}

/**
 * A qualitative target as judged on `asOf`: what the unit reported, except that from the due date
 * a target not done (chưa thực hiện, đang thực hiện) is không đạt.
 */
export function judgeQualitative(reported: Assessment | null, dueOn: string | null, asOf: string): Assessment | null {
  if (reported === null) return null;
  const due = !dueOn || asOf >= dueOn;
  return due && (reported === 'in_progress' || reported === 'not_started') ? 'not_met' : reported;
}

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

export type ComputedLine = ProgressLineInput & {
  percentOfPlan: number | null;
  assessment: Assessment | null;
  /** The figure the target stands at after this report (a rate: this value; a count: the running total). */
  total: number | null;
  /** Before the due date: the share of the time to it that has passed, in percent. */
  timePassed: number | null;
};

export interface RecordedReport {
  reportId: number;
  revision: number;
  lines: ComputedLine[];
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
  return lines.map((line) => {
    const target = targets.get(line.targetId);
    if (!target) throw new DomainError('err-target-unknown');
    const dueOn = target.dueOn ?? movement.endsOn;
    if (target.kind === 'qualitative' || line.value === null || line.value === undefined) {
      return { ...line, cumulative: false, percentOfPlan: null, assessment: line.assessment ?? null, total: null, timePassed: null };
    }
    const kind = figureKind(target.measure);
    const cumulative = asksRunningTotal(kind, period.kind) ? (line.cumulative ?? false) : true;
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

/**
 * How a unit's targets stand: counted, never averaged (a mean of tỷ đồng and percentages means
 * nothing). Targets of a registration not yet sent are not counted.
 */
export interface ProgressCounts {
  exceeded: number;
  met: number;
  inProgress: number;
  notMet: number;
  notReported: number;
}

export const emptyProgressCounts = (): ProgressCounts => ({ exceeded: 0, met: 0, inProgress: 0, notMet: 0, notReported: 0 });

export function addProgressCounts(into: ProgressCounts, more: ProgressCounts): ProgressCounts {
  for (const key of Object.keys(into) as (keyof ProgressCounts)[]) into[key] += more[key];
  return into;
}

/**
 * Each unit's targets counted by where they stand on `today` (with the reports of periods ending by
 * `until`): each target's figure up to its latest report (a rate as last reported, a count or an amount added up or carried), judged against its
 * plan from its due date (before it, in progress); a qualitative target as last reported.
 */
export function progressCountsByUnit(db: DbOrTx, movementId: number, today: string, until = '9999-12-31'): Map<number, ProgressCounts> {
  // Reports and targets only grow or get marked deleted, so these tell whether anything changed
  // since the counts were last computed (a big movement takes a moment; the chat asks often).
  const signature = db.get<{ s: string }>(sql`
    SELECT (SELECT coalesce(max(id), 0) FROM progress_reports) || ':' ||
           (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || count(deleted_at) FROM targets) || ':' ||
           (SELECT coalesce(sum(version), 0) || ':' || count(*) FROM registrations WHERE movement_id = ${movementId}) AS s`)!.s;
  const key = `${signature}:${today}:${until}`;
  const client = clientOf(db);
  const cached = progressCache.get(client)?.get(movementId);
  if (cached && cached.key === key) return cached.counts;
  const counts = computeProgressCounts(db, movementId, today, until);
  if (!progressCache.has(client)) progressCache.set(client, new Map());
  progressCache.get(client)!.set(movementId, { key, counts });
  return counts;
}

const progressCache = new WeakMap<object, Map<number, { key: string; counts: Map<number, ProgressCounts> }>>();

/** A sent registration's target, as it is judged for the counts. */
export interface CountedTarget {
  id: number;
  unitId: number;
  contentAreaId: number;
  kind: Target['kind'];
  measure: string | null;
  plannedValue: number | null;
  direction: Target['direction'];
  dueOn: string | null;
}

function computeProgressCounts(db: DbOrTx, movementId: number, today: string, until: string): Map<number, ProgressCounts> {
  const out = new Map<number, ProgressCounts>();
  eachTargetStanding(db, movementId, today, until, (target, assessment) => {
    const counts = out.get(target.unitId) ?? emptyProgressCounts();
    out.set(target.unitId, counts);
    countAssessment(counts, assessment);
  });
  return out;
}

/** Adds one target, judged `assessment` (null: not reported), to the counts. */
export function countAssessment(counts: ProgressCounts, assessment: Assessment | null): void {
  if (assessment === null) counts.notReported++;
  else if (assessment === 'exceeded') counts.exceeded++;
  else if (assessment === 'met') counts.met++;
  else if (assessment === 'not_met') counts.notMet++;
  else counts.inProgress++;
}

/**
 * Every target of the movement's sent registrations with where it stands on `today` (with the
 * reports of periods ending by `until`): its figure up to its latest report (a rate as last
 * reported, a count or an amount added up or carried), judged against its plan from its due date
 * (before it, in progress); a qualitative target as last reported; null when nothing was reported.
 */
export function eachTargetStanding(
  db: DbOrTx,
  movementId: number,
  today: string,
  until: string,
  visit: (target: CountedTarget, assessment: Assessment | null, total: number | null) => void,
): void {
  const endsOn = db.select({ endsOn: movements.endsOn }).from(movements).where(eq(movements.id, movementId)).get()?.endsOn ?? today;
  const targetRows = db.all<CountedTarget>(sql`
    SELECT t.id AS id, r.unit_id AS unitId, t.content_area_id AS contentAreaId, t.kind AS kind, t.measure AS measure,
           t.planned_value AS plannedValue, t.direction AS direction, t.due_on AS dueOn
      FROM targets t JOIN registrations r ON r.id = t.registration_id
     WHERE r.movement_id = ${movementId} AND r.version > 0 AND t.deleted_at IS NULL`);
  // A big movement has hundreds of thousands of lines: read them in target order, one target's at a
  // time, rather than all into memory at once.
  const targets = new Map(targetRows.map((t) => [t.id, t]));
  const judge = (target: CountedTarget, lines: (ReportedFigure & { assessment: Assessment | null })[]) => {
    const dueOn = target.dueOn ?? endsOn;
    let assessment: Assessment | null = null;
    let total: number | null = null;
    if (target.kind === 'qualitative') {
      const latest = lines.sort(inReportOrder).at(-1);
      assessment = judgeQualitative(latest?.assessment ?? null, dueOn, today);
    } else {
      total = figureUpTo(figureKind(target.measure), lines);
      if (total !== null) assessment = assess({ ...target, dueOn }, total, today).assessment;
    }
    visit(target, assessment, total);
  };
  const lineRows = clientOf(db)
    .prepare(
      `SELECT pl.target_id, p.id, p.kind, p.ends_on, pr.revision, pl.value, pl.cumulative, pl.assessment
         FROM progress_lines pl
         JOIN progress_reports pr ON pr.id = pl.report_id
         JOIN reporting_periods p ON p.id = pr.period_id
        WHERE p.movement_id = ? AND p.ends_on <= ?
        ORDER BY pl.target_id`,
    )
    .raw()
    .iterate(movementId, until) as IterableIterator<[number, number, Period['kind'], string, number, number | null, number, Assessment | null]>;
  let current: number | undefined;
  let lines: (ReportedFigure & { assessment: Assessment | null })[] = [];
  const flush = () => {
    const target = current === undefined ? undefined : targets.get(current);
    if (target) {
      judge(target, lines);
      targets.delete(target.id);
    }
  };
  for (const [targetId, periodId, periodKind, endsOnOfPeriod, revision, value, cumulative, assessment] of lineRows) {
    if (targetId !== current) {
      flush();
      current = targetId;
      lines = [];
    }
    lines.push({ periodId, periodKind, endsOn: endsOnOfPeriod, revision, value, cumulative: Boolean(cumulative), assessment });
  }
  flush();
  // Targets with no line at all: not reported (or not done, past their date).
  for (const target of targets.values()) judge(target, []);
}
