/**
 * A unit's score sheet against its cluster's table: the unit's own scores (the year's results
 * filled in where a criterion maps to them), the cluster head's adjustments with their reasons
 * (the unit's score kept beside them), and the total. Points are kept to the hundredth.
 */
import { DomainError } from '../errors.ts';
import type { ProgressCounts } from '../assessment.ts';
import type { CriterionDefinition, VoteRule } from './definition.ts';

export interface ScoringTable {
  code: string;
  quotas: { flag: number; certificate: number };
  vote: VoteRule;
  criteria: CriterionDefinition[];
}

interface Adjustment {
  from: number | null;
  to: number;
  reason: string;
  /** The cluster head's unit, who adjusted (a sheet read back from the database names the person instead). */
  byUnitId?: number;
  byPersonId?: number;
}

export interface ScoreLine {
  code: string;
  /** What the unit gave itself (or the year's results gave it); null: not scored yet. */
  self: number | null;
  prefilled: boolean;
  adjustment?: Adjustment;
}

export interface ScoreSheet {
  unitId: number;
  groupId: number;
  lines: ScoreLine[];
}

const hundredths = (points: number) => Math.round(points * 100);

/** Each table's criteria by code, made once per table (a cluster scores all its members by it). */
const criteriaByCode = new WeakMap<ScoringTable, Map<string, CriterionDefinition>>();
function criterionOf(table: ScoringTable, code: string): CriterionDefinition | undefined {
  let byCode = criteriaByCode.get(table);
  if (!byCode) {
    byCode = new Map(table.criteria.map((c) => [c.code, c]));
    criteriaByCode.set(table, byCode);
  }
  return byCode.get(code);
}

/**
 * Points the year's results give each criterion that maps to them: the share of the unit's targets
 * reached (vượt or đạt) or exceeded, times the maximum. A unit with no target counted gets none
 * (left for the unit to score, not zero).
 */
export function pointsFromResults(table: ScoringTable, counts: ProgressCounts | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!counts) return out;
  const all = counts.exceeded + counts.met + counts.notMet + counts.inProgress + counts.notReported;
  if (all === 0) return out;
  for (const c of table.criteria) {
    if (!c.fromResults) continue;
    const hits = c.fromResults === 'targets-exceeded' ? counts.exceeded : counts.exceeded + counts.met;
    out.set(c.code, hundredths((c.max * hits) / all) / 100);
  }
  return out;
}

/** A points value for criterion `c`, or a DomainError saying why not. */
function checkedPoints(table: ScoringTable, code: string, points: number) {
  const criterion = criterionOf(table, code);
  if (!criterion) throw new DomainError('err-score-unknown-criterion', { code });
  if (!Number.isFinite(points) || points < 0 || points > criterion.max)
    throw new DomainError('err-score-out-of-range', { code, max: criterion.max });
  return hundredths(points) / 100;
}

/**
 * The unit's self-assessment: what it entered, else what the year's results give, else nothing yet.
 * Every entry is checked against the table before anything is kept.
 */
export function selfAssess(
  table: ScoringTable,
  unit: { unitId: number; groupId: number },
  entered: Readonly<Record<string, number>>,
  counts?: ProgressCounts,
): ScoreSheet {
  const checked = new Map(Object.entries(entered).map(([code, points]) => [code, checkedPoints(table, code, points)]));
  const fromResults = pointsFromResults(table, counts);
  return {
    ...unit,
    lines: table.criteria.map((c) => {
      const own = checked.get(c.code);
      if (own !== undefined) return { code: c.code, self: own, prefilled: false };
      const filled = fromResults.get(c.code);
      return { code: c.code, self: filled ?? null, prefilled: filled !== undefined };
    }),
  };
}

/**
 * The cluster head's adjustment of one line, with its reason; the unit's own score stays beside it.
 * Only the head of the unit's own cluster may adjust, and never without a reason.
 */
export function adjustScore(
  table: ScoringTable,
  sheet: ScoreSheet,
  head: { unitId: number; groupId: number },
  change: { code: string; points: number; reason: string },
): ScoreSheet {
  if (head.groupId !== sheet.groupId) throw new DomainError('err-not-your-cluster');
  const reason = change.reason.trim();
  if (reason === '') throw new DomainError('err-adjust-needs-reason');
  const to = checkedPoints(table, change.code, change.points);
  return {
    ...sheet,
    lines: sheet.lines.map((line) =>
      line.code === change.code ? { ...line, adjustment: { from: line.self, to, reason, byUnitId: head.unitId } } : line,
    ),
  };
}

/** The points a line counts for: the head's adjustment, else the unit's own score. */
export const finalPoints = (line: ScoreLine): number | null => line.adjustment?.to ?? line.self;

/**
 * The sheet's total: scores and bonuses added, deductions taken off; a line not scored counts
 * nothing and makes the sheet incomplete.
 */
export function sheetTotal(table: ScoringTable, sheet: ScoreSheet): { total: number; complete: boolean } {
  let total = 0;
  let complete = true;
  for (const line of sheet.lines) {
    const points = finalPoints(line);
    if (points === null) {
      // A deduction or bonus left empty is simply none; a score left empty is not done.
      if (criterionOf(table, line.code)?.kind === 'score') complete = false;
      continue;
    }
    total += criterionOf(table, line.code)?.kind === 'deduction' ? -hundredths(points) : hundredths(points);
  }
  return { total: total / 100, complete };
}
