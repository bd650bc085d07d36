/**
 * The review part of /chamdiem: the cluster head sees every member's sheet side by side with the
 * ranking (ties flagged), adjusts a line of a sent sheet with a reason (the unit is told), and asks
 * one member to score another (chấm chéo, the scorer's liaisons told). The Board reads any group
 * the same way, changing nothing.
 */
import type { FlowContext, Step, StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { DomainError } from '../domain/errors.ts';
import { liaisonsOf } from '../domain/scope.ts';
import { formatVnNumber } from '../domain/vn-input.ts';
import { assignCrossScoring, groupCrossScorings } from '../domain/year-end/cross-scoring.ts';
import { memberNames, scoringGroups, scoringGroupsHeadedBy } from '../domain/year-end/groups.ts';
import { groupMemberIds, groupRanking, groupSheets, saveAdjustment } from '../domain/year-end/sheets.ts';
import { readReason } from './common.ts';
import { numberAnswer } from './number-answer.ts';
import { boardText, points, sheetText } from './score-format.ts';
import { BUTTON, groupOf, isHeadOf, tableOf, yearResults, type ScoreData } from './score-state.ts';

type Result = StepResult<ScoreData>;

function board(ctx: FlowContext, d: ScoreData) {
  const table = tableOf(ctx, d);
  const sheets = groupSheets(ctx.db, table, d.groupId!, yearResults(ctx));
  const ranking = groupRanking(sheets.filter((s) => s.sentAt !== null));
  const cross = groupCrossScorings(ctx.db, table, d.groupId!);
  const names = memberNames(ctx.db, sheets.map((s) => s.unitId));
  return { table, sheets, ranking, cross, names };
}

/** Only the group's head changes anything; checked at each change, not only at the start. */
function head(ctx: FlowContext, d: ScoreData) {
  const group = groupOf(ctx, d);
  if (!isHeadOf(ctx, group)) throw new DomainError('err-vote-head-only');
  return { groupId: group.id, unitId: ctx.unit!.id, personId: ctx.person!.id };
}

/** The group's members as buttons (from the member list alone: no sheet is read for them). */
function memberChoices(ctx: FlowContext, d: ScoreData, except?: number): Choice[] {
  const members = groupMemberIds(ctx.db, d.groupId!);
  const names = memberNames(ctx.db, members);
  return members.filter((id) => id !== except).map((id) => ({ id: `u:${id}`, label: `${names.get(id)?.code ?? id} — ${names.get(id)?.name ?? ''}` }));
}

const memberPicked = (ctx: FlowContext, d: ScoreData, id: string | undefined): number | undefined => {
  if (!id?.startsWith('u:')) return undefined;
  const unitId = Number(id.slice(2));
  return groupMemberIds(ctx.db, d.groupId!).includes(unitId) ? unitId : undefined;
};

const backToBoard = (d: ScoreData): ScoreData => ({ groupId: d.groupId, mode: 'review' });

export const reviewSteps: Record<string, Step<ScoreData>> = {
  /** The Board (or a head of several groups) picks the group. */
  pick: {
    prompt(ctx) {
      const groups = ctx.person?.role === 'admin' ? scoringGroups(ctx.db, ctx.movement!.id) : scoringGroupsHeadedBy(ctx.db, ctx.movement!.id, ctx.unit!.id);
      return { text: ctx.t('score-pick-group'), choices: groups.map((g) => ({ id: `g:${g.id}`, label: `${g.code} — ${g.name}` })) };
    },
    handle(ctx, _d, answer): Result {
      const id = answer.choice?.id;
      if (!id?.startsWith('g:')) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'board', data: { groupId: Number(id.slice(2)), mode: 'review' } };
    },
  },

  board: {
    prompt(ctx, d) {
      const { table, sheets, ranking, cross, names } = board(ctx, d);
      const group = groupOf(ctx, d);
      const mayChange = isHeadOf(ctx, group);
      return {
        text: `${ctx.t('score-board-heading', { group: group.name, table: table.code, readOnly: mayChange ? 'no' : 'yes' })}\n\n${boardText(ctx, table, sheets, ranking, cross, names)}\n\n${ctx.t('score-board-prompt')}`,
        choices: [...memberChoices(ctx, d), ...(mayChange ? [{ id: BUTTON.assign, label: ctx.t('score-assign') }] : []), { id: BUTTON.done, label: ctx.t('score-done') }],
      };
    },
    handle(ctx, d, answer): Result {
      const id = answer.choice?.id;
      if (id === BUTTON.done) return { kind: 'done', message: ctx.t('score-closed') };
      if (id === BUTTON.assign) {
        head(ctx, d);
        return { kind: 'next', step: 'crossscorer', data: backToBoard(d) };
      }
      const unitId = memberPicked(ctx, d, id);
      if (unitId !== undefined) return { kind: 'next', step: 'member', data: { ...backToBoard(d), unitId } };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  /** One member's sheet in full: its points and evidence, adjustments, cross scores per line. */
  member: {
    prompt(ctx, d) {
      const { table, sheets, cross, names } = board(ctx, d);
      const sheet = sheets.find((s) => s.unitId === d.unitId);
      // The unit left the group meanwhile: back to the board.
      if (!sheet) return { text: ctx.t('err-not-your-cluster'), choices: [{ id: BUTTON.back, label: ctx.t('st-back') }] };
      const mayAdjust = isHeadOf(ctx, groupOf(ctx, d)) && sheet.sentAt !== null;
      const n = names.get(sheet.unitId);
      return {
        text: `${ctx.t('score-member-heading', { unit: `${n?.code ?? ''} — ${n?.name ?? ''}` })}\n\n${sheetText(ctx, table, sheet, cross.filter((c) => c.scoredUnitId === sheet.unitId && c.sentAt !== null), names)}`,
        choices: [...(mayAdjust ? [{ id: BUTTON.adjust, label: ctx.t('score-adjust') }] : []), { id: BUTTON.back, label: ctx.t('st-back') }],
      };
    },
    handle(ctx, d, answer): Result {
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'board', data: backToBoard(d) };
      if (answer.choice?.id === BUTTON.adjust) {
        head(ctx, d);
        return { kind: 'next', step: 'adjustline', data: d };
      }
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  adjustline: {
    prompt(ctx, d) {
      const { table, sheets } = board(ctx, d);
      const sheet = sheets.find((s) => s.unitId === d.unitId);
      const final = new Map((sheet?.lines ?? []).map((l) => [l.code, l.adjustment?.to ?? l.self]));
      return {
        text: ctx.t('score-adjust-line-prompt'),
        choices: [...table.criteria.map((c) => ({ id: c.code, label: `${c.code}: ${points(final.get(c.code))}/${formatVnNumber(c.max)}` })), { id: BUTTON.back, label: ctx.t('st-back') }],
      };
    },
    handle(ctx, d, answer): Result {
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'member', data: d };
      const typed = answer.choice?.id ?? answer.text?.trim() ?? '';
      const code = tableOf(ctx, d).criteria.find((c) => c.code.toLowerCase() === typed.toLowerCase())?.code;
      if (!code) return { kind: 'invalid', message: ctx.t('score-pick-expected') };
      return { kind: 'next', step: 'adjustpoints', data: { ...d, code } };
    },
  },

  adjustpoints: {
    prompt(ctx, d) {
      if (d.pending) return numberAnswer.ambiguityPrompt(ctx, d.pending);
      const c = tableOf(ctx, d).criteria.find((x) => x.code === d.code);
      if (!c) return { text: ctx.t('score-pick-expected'), choices: [{ id: BUTTON.back, label: ctx.t('st-back') }] };
      return { text: ctx.t('score-adjust-points-prompt', { code: c.code, title: c.title, max: formatVnNumber(c.max) }), choices: [{ id: BUTTON.back, label: ctx.t('st-back') }], numbered: false };
    },
    handle(ctx, d, answer): Result {
      const { pending: _, ...rest } = d;
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'adjustline', data: rest };
      const read = numberAnswer.read(ctx, answer, d.pending);
      if (read.kind === 'invalid') return { kind: 'invalid', message: ctx.t('score-points-expected') };
      if (read.kind === 'ambiguous') return { kind: 'next', step: 'adjustpoints', data: { ...d, pending: read.candidates } };
      const max = tableOf(ctx, d).criteria.find((x) => x.code === d.code)?.max;
      if (max === undefined) return { kind: 'invalid', message: ctx.t('score-pick-expected') };
      if (read.value < 0 || read.value > max) return { kind: 'invalid', message: ctx.t('err-score-out-of-range', { code: d.code!, max }) };
      return { kind: 'next', step: 'adjustreason', data: { ...rest, points: read.value } };
    },
  },

  adjustreason: {
    prompt: (ctx, d) => ({ text: ctx.t('score-adjust-reason-prompt', { code: d.code!, points: points(d.points) }) }),
    handle(ctx, d, answer): Result {
      const read = readReason(ctx, answer.text);
      if ('error' in read) return { kind: 'invalid', message: read.error };
      const by = head(ctx, d);
      const table = tableOf(ctx, d);
      const sheet = saveAdjustment(ctx.db, table, by, d.unitId!, { code: d.code!, points: d.points!, reason: read.reason }, ctx.now);
      const line = sheet.lines.find((l) => l.code === d.code)!;
      const criterion = table.criteria.find((c) => c.code === d.code)!;
      ctx.notify(
        liaisonsOf(ctx.db, d.unitId!),
        `score-adjust:${sheet.id}:${d.code}:${ctx.now}`,
        'score-adjusted-notice',
        { group: groupOf(ctx, d).name, code: criterion.code, title: criterion.title, from: points(line.self), to: points(line.adjustment!.to), reason: read.reason, total: points(sheet.total) },
        (t) => [{ id: 'go:score', label: t('menu-score') }],
      );
      return { kind: 'next', step: 'member', data: { groupId: d.groupId, mode: 'review', unitId: d.unitId }, note: ctx.t('score-adjust-saved', { code: criterion.code, points: points(line.adjustment!.to) }), saved: true };
    },
  },

  /** Chấm chéo: which member scores… */
  crossscorer: {
    prompt: (ctx, d) => ({ text: ctx.t('score-assign-scorer'), choices: [...memberChoices(ctx, d), { id: BUTTON.back, label: ctx.t('st-back') }] }),
    handle(ctx, d, answer): Result {
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'board', data: backToBoard(d) };
      const scorerId = memberPicked(ctx, d, answer.choice?.id);
      if (scorerId === undefined) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'crossscored', data: { ...d, scorerId } };
    },
  },

  /** …which other member. */
  crossscored: {
    prompt: (ctx, d) => ({ text: ctx.t('score-assign-scored'), choices: [...memberChoices(ctx, d, d.scorerId), { id: BUTTON.back, label: ctx.t('st-back') }] }),
    handle(ctx, d, answer): Result {
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'crossscorer', data: backToBoard(d) };
      const scoredId = memberPicked(ctx, d, answer.choice?.id);
      if (scoredId === undefined) return { kind: 'invalid', message: ctx.t('choice-expected') };
      const assigned = assignCrossScoring(ctx.db, head(ctx, d), d.scorerId!, scoredId, ctx.now);
      const names = memberNames(ctx.db, [d.scorerId!, scoredId]);
      const label = (id: number) => `${names.get(id)?.code} — ${names.get(id)?.name}`;
      if (assigned.created)
        ctx.notify(liaisonsOf(ctx.db, d.scorerId!), `score-cross:${assigned.id}`, 'score-cross-notice', { group: groupOf(ctx, d).name, unit: label(scoredId) }, (t) => [{ id: 'go:score', label: t('menu-score') }]);
      return {
        kind: 'next',
        step: 'board',
        data: backToBoard(d),
        note: ctx.t(assigned.created ? 'score-assigned' : 'score-assigned-already', { scorer: label(d.scorerId!), unit: label(scoredId) }),
        saved: assigned.created,
      };
    },
  },
};
