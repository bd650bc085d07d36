/**
 * Where a target stands: the one rule every status, export and document judges by. A quantitative
 * target's figure (a rate as last reported, a count or an amount added up or carried) is judged
 * against its plan from its due date (before it, đang thực hiện); a qualitative target as reported,
 * không đạt if not done by its date. Judged for a period (a period or year report), a target with
 * nothing reported in that period is chưa báo cáo: a unit that sent the 6-month report and not the
 * year's is never "không đạt" in the year report.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { clientOf } from '../db/prepared.ts';
import { movements } from '../db/schema.ts';
import { figureKind, figureUpTo, inReportOrder, type ReportedFigure } from './figures.ts';
import type { Assessment, Period, Target } from './model.ts';


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

/** A target as it is judged. */
type JudgedTarget = Pick<Target, 'kind' | 'measure' | 'plannedValue' | 'direction' | 'dueOn'>;

/** A line reported for a target, with its period. */
type JudgedLine = ReportedFigure & { assessment: Assessment | null };

/** The period a judgement is for (a period or year report). */
type JudgedPeriod = Pick<Period, 'id' | 'kind' | 'endsOn'>;

/**
 * The assessment of one target on `asOf` from the lines reported for it (any order); null is chưa
 * báo cáo. `defaultDueOn` stands for a target without a due date (the movement's end). With
 * `period`, the judgement is the period's: without a line in that period the target is chưa báo
 * cáo, whatever earlier periods said; and what came after it (the year report, after Quý IV's) is
 * left out. Returned with the figure it was judged on (null: qualitative or nothing reported).
 */
function standTarget(
  target: JudgedTarget,
  lines: readonly JudgedLine[],
  asOf: string,
  options: { defaultDueOn: string; period?: JudgedPeriod },
): { assessment: Assessment | null; total: number | null } {
  const { period } = options;
  let judged = lines;
  if (period) {
    if (!lines.some((l) => l.periodId === period.id)) return { assessment: null, total: null };
    const own = { endsOn: period.endsOn, periodKind: period.kind, revision: Number.MAX_SAFE_INTEGER };
    judged = lines.filter((l) => inReportOrder(l, own) <= 0);
  }
  const dueOn = target.dueOn ?? options.defaultDueOn;
  if (target.kind === 'qualitative') {
    const latest = [...judged].sort(inReportOrder).at(-1);
    return { assessment: judgeQualitative(latest?.assessment ?? null, dueOn, asOf), total: null };
  }
  const total = figureUpTo(figureKind(target.measure), judged, period ? { kind: period.kind, endsOn: period.endsOn } : undefined);
  return { assessment: total === null ? null : assess({ ...target, dueOn }, total, asOf).assessment, total };
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
export function progressCountsByUnit(db: DbOrTx, movementId: number, today: string, until = '9999-12-31', period?: JudgedPeriod): Map<number, ProgressCounts> {
  const key = `${progressSignature(db, movementId)}:${today}:${until}:${period?.id ?? ''}`;
  const client = clientOf(db);
  const cached = progressCache.get(client)?.get(movementId);
  if (cached && cached.key === key) return cached.counts;
  const counts = computeProgressCounts(db, movementId, today, until, period);
  if (!progressCache.has(client)) progressCache.set(client, new Map());
  progressCache.get(client)!.set(movementId, { key, counts });
  return counts;
}

/**
 * What the judgement of a movement's targets depends on, in a few cheap reads (no scan of the
 * targets): reports and targets only grow, and every change to a target (added, edited, removed)
 * touches its registration's updated_at. Tells whether anything changed since counts were last
 * computed (a big movement takes a moment; the chat asks often).
 */
export function progressSignature(db: DbOrTx, movementId: number): string {
  return db.get<{ s: string }>(sql`
    SELECT (SELECT coalesce(max(id), 0) FROM progress_reports) || ':' || (SELECT coalesce(max(id), 0) FROM targets) || ':' ||
           (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(updated_at), 0) FROM registrations WHERE movement_id = ${movementId}) AS s`)!.s;
}

const progressCache = new WeakMap<object, Map<number, { key: string; counts: Map<number, ProgressCounts> }>>();

/** A sent registration's target, as it is judged for the counts. */
interface CountedTarget {
  id: number;
  unitId: number;
  contentAreaId: number;
  kind: Target['kind'];
  measure: string | null;
  plannedValue: number | null;
  direction: Target['direction'];
  dueOn: string | null;
}

function computeProgressCounts(db: DbOrTx, movementId: number, today: string, until: string, period?: JudgedPeriod): Map<number, ProgressCounts> {
  const out = new Map<number, ProgressCounts>();
  eachTargetStanding(db, movementId, today, until, (target, assessment) => {
    const counts = out.get(target.unitId) ?? emptyProgressCounts();
    out.set(target.unitId, counts);
    countAssessment(counts, assessment);
  }, period);
  return out;
}

/** Adds one target, judged `assessment` (null: not reported), to the counts. */
export function countAssessment(counts: ProgressCounts, assessment: Assessment | null): void {
  counts[outcomeOf(assessment)]++;
}

/** Which of the counts a target judged `assessment` (null: not reported) falls in. */
export function outcomeOf(assessment: Assessment | null): keyof ProgressCounts {
  if (assessment === null) return 'notReported';
  if (assessment === 'exceeded') return 'exceeded';
  if (assessment === 'met') return 'met';
  if (assessment === 'not_met') return 'notMet';
  return 'inProgress';
}

/**
 * Every target of the movement's sent registrations with where it stands on `today` (with the
 * reports of periods ending by `until`): its figure up to its latest report (a rate as last
 * reported, a count or an amount added up or carried), judged against its plan from its due date
 * (before it, in progress); a qualitative target as last reported; null when nothing was reported
 * (with `period`: nothing reported in that period). Judged by standTarget(). With
 * `onlyRegistrations`, the targets of those registrations alone (what changed since a judgement kept).
 */
export function eachTargetStanding(
  db: DbOrTx,
  movementId: number,
  today: string,
  until: string,
  visit: (target: CountedTarget, assessment: Assessment | null, total: number | null) => void,
  period?: JudgedPeriod,
  onlyRegistrations?: readonly number[],
): void {
  if (onlyRegistrations?.length === 0) return;
  const only = onlyRegistrations ? onlyRegistrations.map((id) => Math.trunc(id)).join(', ') : null;
  const endsOn = db.select({ endsOn: movements.endsOn }).from(movements).where(eq(movements.id, movementId)).get()?.endsOn ?? today;
  const targetRows = db.all<CountedTarget>(sql`
    SELECT t.id AS id, r.unit_id AS unitId, t.content_area_id AS contentAreaId, t.kind AS kind, t.measure AS measure,
           t.planned_value AS plannedValue, t.direction AS direction, t.due_on AS dueOn
      FROM targets t JOIN registrations r ON r.id = t.registration_id
     WHERE r.movement_id = ${movementId} AND r.version > 0 AND t.deleted_at IS NULL${only === null ? sql`` : sql.raw(` AND r.id IN (${only})`)}`);
  // A big movement has hundreds of thousands of lines: read them in target order, one target's at a
  // time, rather than all into memory at once.
  const targets = new Map(targetRows.map((t) => [t.id, t]));
  const judge = (target: CountedTarget, lines: JudgedLine[]) => {
    const { assessment, total } = standTarget(target, lines, today, { defaultDueOn: endsOn, ...(period ? { period } : {}) });
    visit(target, assessment, total);
  };
  const lineRows = clientOf(db)
    .prepare(
      `SELECT pl.target_id, p.id, p.kind, p.ends_on, pr.revision, pl.value, pl.cumulative, pl.assessment
         FROM progress_lines pl
         JOIN progress_reports pr ON pr.id = pl.report_id
         JOIN reporting_periods p ON p.id = pr.period_id
        WHERE p.movement_id = ? AND p.ends_on <= ?${only === null ? '' : ` AND pl.target_id IN (SELECT id FROM targets WHERE registration_id IN (${only}))`}
        ORDER BY pl.target_id`,
    )
    .raw()
    .iterate(movementId, until) as IterableIterator<[number, number, Period['kind'], string, number, number | null, number, Assessment | null]>;
  let current: number | undefined;
  let lines: JudgedLine[] = [];
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
