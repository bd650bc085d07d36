/**
 * The conditions of a title a tool can check, from what the unit declares and what the database
 * knows (its cluster, rank, vote and the year's results). Each is met, not met or not declared;
 * the human ones ("tiêu biểu xuất sắc", internal unity) are shown as for people to judge. The bot
 * flags; it never decides a title (DOMAIN.md, "The year's end").
 */
import { z } from 'zod';
import type { ProgressCounts } from '../assessment.ts';
import type { ProposalTitle } from '../model.ts';

/** Mức độ hoàn thành nhiệm vụ, best first (set by the unit's superior, declared by the unit). */
export const TASK_RATINGS = ['xuat-sac', 'tot', 'hoan-thanh', 'khong-hoan-thanh'] as const;
type TaskRating = (typeof TASK_RATINGS)[number];

const share = z.number().min(0).max(1);

/** What a unit declares for its proposal; every field may be left undeclared. */
export const declaredConditions = z
  .object({
    taskRating: z.enum(TASK_RATINGS),
    /** Last year's rating, for the two consecutive years of a Bằng khen. */
    previousYearRating: z.enum(TASK_RATINGS),
    /** Share of members who completed their tasks (1 is 100%). */
    membersCompletingShare: share,
    /** Share of members rated lao động tiên tiến. */
    advancedShare: share,
    /** How many chiến sĩ thi đua cơ sở the unit has. */
    emulationSoldiers: z.number().int().min(0).max(100_000),
    /** Whether any member was disciplined at cảnh cáo or above this year. */
    disciplined: z.boolean(),
    /** Whether a discipline, inspection or complaint case about the unit is pending. */
    pendingCase: z.boolean(),
  })
  .partial();
export type DeclaredConditions = z.infer<typeof declaredConditions>;

/** What the database knows of the unit for its proposal. */
interface KnownFacts {
  /** The unit is a member of a cluster/block of this movement. */
  inGroup: boolean;
  /** Its rank in its cluster's scoring (1 leads); undefined when not scored. */
  rank?: number;
  /** Whether its cluster's vote passed it for this title; undefined when no vote closed on it. */
  votePassed?: boolean;
  /** The year's results of its registered targets. */
  yearResults?: ProgressCounts;
  /** Years in which it was awarded Tập thể lao động xuất sắc (recorded decisions). */
  excellentYears?: readonly number[];
  /** The movement's year. */
  year: number;
}

const CONDITION_STATUSES = ['met', 'not_met', 'not_declared', 'people_decide'] as const;
type ConditionStatus = (typeof CONDITION_STATUSES)[number];

export interface ConditionCheck {
  /** Names the condition in locales/ (`cond-<code>`). */
  code: string;
  status: ConditionStatus;
  /** The legal source, as DOMAIN.md names it (a law's name is the same in every language). */
  source: string;
  /** The source's text is the practice of provinces, not the law's own words. */
  practice: boolean;
}

const LAW = 'Luật Thi đua, khen thưởng 2022';
const SOURCE = {
  excellent: { source: `${LAW}, Điều 27.1`, practice: false },
  advanced: { source: `${LAW}, Điều 28`, practice: true },
  flag: { source: `${LAW}, Điều 26`, practice: false },
  certificate: { source: `${LAW}, Điều 74`, practice: true },
  pending: { source: 'Nghị định 152/2025/NĐ-CP, Điều 4', practice: false },
};

const RANK: Record<TaskRating, number> = { 'xuat-sac': 0, tot: 1, 'hoan-thanh': 2, 'khong-hoan-thanh': 3 };
const atLeast = (rating: TaskRating | undefined, floor: TaskRating): ConditionStatus =>
  rating === undefined ? 'not_declared' : RANK[rating] <= RANK[floor] ? 'met' : 'not_met';
const check = (value: boolean | undefined): ConditionStatus => (value === undefined ? 'not_declared' : value ? 'met' : 'not_met');
const TOLERANCE = 1e-9;

/** Every target judged by the year's end reached, at least one exceeded; not declared when none was counted. */
function targetsExceeded(counts: ProgressCounts | undefined): ConditionStatus {
  if (!counts) return 'not_declared';
  const judged = counts.exceeded + counts.met + counts.notMet + counts.inProgress + counts.notReported;
  if (judged === 0) return 'not_declared';
  return counts.notMet === 0 && counts.notReported === 0 && counts.inProgress === 0 && counts.exceeded > 0 ? 'met' : 'not_met';
}

/** The conditions of `title` for one unit, in the order they are shown. */
export function checkConditions(title: ProposalTitle, declared: DeclaredConditions, facts: KnownFacts): ConditionCheck[] {
  const d = declared;
  const advanced70 = d.advancedShare === undefined ? undefined : d.advancedShare >= 0.7 - TOLERANCE;
  const noPending: ConditionCheck = { code: 'no-pending-case', status: check(d.pendingCase === undefined ? undefined : !d.pendingCase), ...SOURCE.pending };
  switch (title) {
    case 'tap-the-lao-dong-xuat-sac':
      return [
        { code: 'rating-excellent', status: atLeast(d.taskRating, 'xuat-sac'), ...SOURCE.excellent },
        { code: 'all-members-complete', status: check(d.membersCompletingShare === undefined ? undefined : d.membersCompletingShare >= 1 - TOLERANCE), ...SOURCE.excellent },
        { code: 'advanced-70', status: check(advanced70), ...SOURCE.excellent },
        { code: 'emulation-soldier', status: check(d.emulationSoldiers === undefined ? undefined : d.emulationSoldiers >= 1), ...SOURCE.excellent },
        { code: 'unity', status: 'people_decide', ...SOURCE.excellent },
        noPending,
      ];
    case 'tap-the-lao-dong-tien-tien':
      return [
        { code: 'rating-good', status: atLeast(d.taskRating, 'tot'), ...SOURCE.advanced },
        { code: 'advanced-70', status: check(advanced70), ...SOURCE.advanced },
        { code: 'no-discipline', status: check(d.disciplined === undefined ? undefined : !d.disciplined), ...SOURCE.advanced },
        { code: 'unity', status: 'people_decide', ...SOURCE.advanced },
        noPending,
      ];
    case 'co-thi-dua-ubnd-tinh':
      return [
        { code: 'group-member', status: facts.inGroup ? 'met' : 'not_met', ...SOURCE.flag },
        { code: 'leads-group', status: facts.rank === undefined ? 'not_declared' : facts.rank === 1 ? 'met' : 'not_met', ...SOURCE.flag },
        { code: 'vote-passed', status: check(facts.votePassed), ...SOURCE.flag },
        { code: 'targets-exceeded', status: targetsExceeded(facts.yearResults), ...SOURCE.flag },
        { code: 'outstanding', status: 'people_decide', ...SOURCE.flag },
        noPending,
      ];
    case 'bang-khen-ubnd-tinh': {
      const thisYear = atLeast(d.taskRating, 'xuat-sac');
      const lastYear = facts.excellentYears?.includes(facts.year - 1) ? 'met' : atLeast(d.previousYearRating, 'xuat-sac');
      const both: ConditionStatus =
        thisYear === 'not_met' || lastYear === 'not_met' ? 'not_met' : thisYear === 'met' && lastYear === 'met' ? 'met' : 'not_declared';
      return [{ code: 'two-years-excellent', status: both, ...SOURCE.certificate }, noPending];
    }
  }
}
