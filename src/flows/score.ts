/**
 * `/chamdiem` · `/score`: the year-end scoring of a cluster/block.
 *   liaison       its unit's sheet against the group's table (the year's results filled in where a
 *                 criterion maps to them), evidence, the total, sent to the cluster head; and the
 *                 cross-scorings (chấm chéo) the head asked of it
 *   cluster_head  the review of the group its unit heads: sheets side by side, ranking with ties
 *                 flagged, adjustments with a reason, chấm chéo assigned
 *   admin         any group's review, read only (`/chamdiem CUM1` opens one directly)
 */
import { defineFlow, type FlowContext, type StartResult } from '../chat/engine.ts';
import { crossScoringsBy } from '../domain/year-end/cross-scoring.ts';
import { scoringGroupOfUnit, scoringGroups, scoringGroupsHeadedBy, type ScoringGroup } from '../domain/year-end/groups.ts';
import { scoringTableOfGroup } from '../domain/year-end/store.ts';
import { fold } from '../util/text.ts';
import { reviewSteps } from './score-review.ts';
import { sheetSteps } from './score-sheet.ts';
import { scoreData, type ScoreData } from './score-state.ts';


/** The group named after the command, among those offered. */
const named = (offered: ScoringGroup[], words: string) => offered.find((g) => fold(g.code) === fold(words));

function review(ctx: FlowContext, offered: ScoringGroup[], words: string): StartResult<ScoreData> {
  if (offered.length === 0) return { kind: 'refuse', message: ctx.t(ctx.person!.role === 'admin' ? 'score-no-table' : 'score-not-head') };
  if (words !== '') {
    const group = named(offered, words);
    if (!group) return { kind: 'refuse', message: ctx.t('err-not-your-cluster') };
    return { kind: 'start', step: 'board', data: { groupId: group.id, mode: 'review' } };
  }
  if (offered.length === 1) return { kind: 'start', step: 'board', data: { groupId: offered[0]!.id, mode: 'review' } };
  return { kind: 'start', step: 'pick', data: { mode: 'review' } };
}

export const scoreFlow = defineFlow<ScoreData>({
  id: 'score',
  version: 1,
  schema: scoreData,
  start(ctx, args) {
    const movementId = ctx.movement!.id;
    const words = args.trim();
    if (ctx.person!.role === 'admin') return review(ctx, scoringGroups(ctx.db, movementId), words);
    if (ctx.person!.role === 'cluster_head') return review(ctx, scoringGroupsHeadedBy(ctx.db, movementId, ctx.unit!.id), words);
    const group = scoringGroupOfUnit(ctx.db, movementId, ctx.unit!.id);
    if (!group) return { kind: 'refuse', message: ctx.t('score-no-group') };
    // A liaison scores its own unit only: whatever is typed after the command names nothing else.
    if (words !== '' && !(fold(words) === fold(group.code) || fold(words) === fold(ctx.unit!.code))) return { kind: 'refuse', message: ctx.t('err-not-your-cluster') };
    const asked = crossScoringsBy(ctx.db, scoringTableOfGroup(ctx.db, group.id)!, group.id, ctx.unit!.id);
    return { kind: 'start', step: asked.length > 0 ? 'home' : 'sheet', data: { groupId: group.id, mode: 'own' } };
  },
  steps: { ...sheetSteps, ...reviewSteps },
});
