/**
 * /chamdiem's saved state and what every step of it looks up: the group's table, the year's
 * results that fill the mapped criteria, who may change what.
 */
import { z } from 'zod';
import type { FlowContext } from '../chat/engine.ts';
import type { ProgressCounts } from '../domain/assessment.ts';
import { DomainError } from '../domain/errors.ts';
import { yearResultsByUnit } from '../domain/year-end/results.ts';
import { scoringGroups, type ScoringGroup } from '../domain/year-end/groups.ts';
import type { ScoringTable } from '../domain/year-end/scoring.ts';
import { scoringTableOfGroup } from '../domain/year-end/store.ts';

export const scoreData = z.object({
  /** The cluster/block in hand (absent while the Board or a head of several picks one). */
  groupId: z.number().int().optional(),
  /** The liaison's own sheet, a cross-scoring it was asked for, or the review of the group. */
  mode: z.enum(['own', 'cross', 'review']),
  crossId: z.number().int().optional(),
  /** The criterion being scored or adjusted. */
  code: z.string().max(40).optional(),
  /** The member unit looked at in the review. */
  unitId: z.number().int().optional(),
  /** Chấm chéo being assigned: the unit that scores. */
  scorerId: z.number().int().optional(),
  /** An adjustment waiting for its reason. */
  points: z.number().optional(),
  /** Two readings of a typed number ("1.500") until the person says which. */
  pending: z.tuple([z.number(), z.number()]).optional(),
});
export type ScoreData = z.infer<typeof scoreData>;

export function groupOf(ctx: FlowContext, d: ScoreData): ScoringGroup {
  const group = scoringGroups(ctx.db, ctx.movement!.id).find((g) => g.id === d.groupId);
  if (!group) throw new DomainError('err-not-your-cluster');
  return group;
}

export function tableOf(ctx: FlowContext, d: ScoreData): ScoringTable {
  const table = scoringTableOfGroup(ctx.db, d.groupId!);
  if (!table) throw new DomainError('err-not-your-cluster');
  return table;
}

export const yearResults = (ctx: FlowContext): Map<number, ProgressCounts> => yearResultsByUnit(ctx.db, ctx.movement!);

/** The head of this group acting now: a cluster head whose unit heads it (the Board only reads). */
export function isHeadOf(ctx: FlowContext, group: ScoringGroup): boolean {
  return ctx.person?.role === 'cluster_head' && ctx.unit !== null && group.headUnitId === ctx.unit.id;
}

/** The liaison's own unit in its group, checked again at each change (a role or membership may change mid-way). */
export function ownUnit(ctx: FlowContext, d: ScoreData): { unitId: number; groupId: number } {
  if (ctx.person?.role !== 'liaison' || !ctx.unit) throw new DomainError('err-not-your-cluster');
  return { unitId: ctx.unit.id, groupId: d.groupId! };
}

/** Ids of the special buttons: never a criterion code (codes start with a letter or digit). */
export const BUTTON = { send: '!send', done: '!done', back: '!back', skip: '!skip', keep: '!keep', assign: '!assign', adjust: '!adjust', own: '!own', excel: '!excel' } as const;

export const URL_PATTERN = /^https?:\/\/\S+$/i;
/** Telegram's limit for files a bot may fetch, as for a report's evidence. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
