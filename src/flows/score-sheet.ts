/**
 * The liaison's part of /chamdiem: the unit's own sheet criterion by criterion (points typed the
 * Vietnamese way, "7,5"; evidence as a photo, a document or a link), sent to the cluster head, who
 * is told; and the cross-scorings (chấm chéo) the head asked the unit for.
 */
import type { FlowContext, Step, StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { formatVnNumber } from '../domain/vn-input.ts';
import { crossScoringsBy, loadCrossScoring, saveCrossPoints, sendCrossScoring } from '../domain/year-end/cross-scoring.ts';
import { attachEvidence } from '../domain/year-end/sheet-evidence.ts';
import { clusterHeadsOf, memberNames } from '../domain/year-end/groups.ts';
import { loadSheet, saveSelfScores, sendSheet } from '../domain/year-end/sheets.ts';
import { numberAnswer } from './number-answer.ts';
import { crossText, points, sheetText } from './score-format.ts';
import { BUTTON, groupOf, MAX_EVIDENCE_BYTES, ownUnit, tableOf, URL_PATTERN, yearResults, type ScoreData } from './score-state.ts';

type Result = StepResult<ScoreData>;

function ownSheet(ctx: FlowContext, d: ScoreData) {
  const unit = ownUnit(ctx, d);
  return loadSheet(ctx.db, tableOf(ctx, d), unit, yearResults(ctx).get(unit.unitId));
}

function ownCross(ctx: FlowContext, d: ScoreData) {
  return loadCrossScoring(ctx.db, tableOf(ctx, d), ownUnit(ctx, d).unitId, d.crossId!);
}

const unitLabel = (ctx: FlowContext, unitId: number) => {
  const n = memberNames(ctx.db, [unitId]).get(unitId);
  return n ? `${n.code} — ${n.name}` : String(unitId);
};

/** A criterion typed by its code ("i.3") or picked by its button. */
function pickedCode(ctx: FlowContext, d: ScoreData, answer: { text?: string; choice?: Choice }): string | undefined {
  const typed = answer.choice?.id ?? answer.text?.trim() ?? '';
  return tableOf(ctx, d).criteria.find((c) => c.code.toLowerCase() === typed.toLowerCase())?.code;
}

function criterionChoices(ctx: FlowContext, d: ScoreData, valueOf: (code: string) => number | null | undefined): Choice[] {
  return tableOf(ctx, d).criteria.map((c) => ({ id: c.code, label: `${c.code}: ${points(valueOf(c.code))}/${formatVnNumber(c.max)}` }));
}

/** Tells the group's heads a sheet or cross-scoring was sent, with a button to their review. */
function tellHeads(ctx: FlowContext, d: ScoreData, key: string, id: string, args: Record<string, string>) {
  ctx.notify(clusterHeadsOf(ctx.db, d.groupId!), key, id, { ...args, group: groupOf(ctx, d).name }, (t) => [{ id: 'go:score', label: t('menu-score') }]);
}

export const sheetSteps: Record<string, Step<ScoreData>> = {
  /** A liaison asked for cross-scorings: its own sheet or one of them. */
  home: {
    prompt(ctx, d) {
      const crosses = crossScoringsBy(ctx.db, tableOf(ctx, d), d.groupId!, ownUnit(ctx, d).unitId);
      return {
        text: ctx.t('score-home', { group: groupOf(ctx, d).name }),
        choices: [
          { id: BUTTON.own, label: ctx.t('score-home-own') },
          ...crosses.map((c) => ({ id: `x:${c.id}`, label: ctx.t('score-home-cross', { unit: unitLabel(ctx, c.scoredUnitId), sent: c.sentAt === null ? 'no' : 'yes' }) })),
          { id: BUTTON.done, label: ctx.t('score-done') },
        ],
      };
    },
    handle(ctx, d, answer): Result {
      const id = answer.choice?.id;
      if (id === BUTTON.own) return { kind: 'next', step: 'sheet', data: { groupId: d.groupId, mode: 'own' } };
      if (id?.startsWith('x:')) return { kind: 'next', step: 'sheet', data: { groupId: d.groupId, mode: 'cross', crossId: Number(id.slice(2)) } };
      if (id === BUTTON.done) return { kind: 'done', message: ctx.t('score-closed') };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  /** The sheet (own or cross): pick a criterion to score, send, or leave. Read-only once sent. */
  sheet: {
    prompt(ctx, d) {
      const table = tableOf(ctx, d);
      if (d.mode === 'cross') {
        const cross = ownCross(ctx, d);
        const heading = ctx.t('score-cross-heading', { unit: unitLabel(ctx, cross.scoredUnitId), group: groupOf(ctx, d).name });
        const open = cross.sentAt === null;
        return {
          text: `${heading}\n\n${crossText(ctx, table, cross)}${open ? `\n\n${ctx.t('score-pick-prompt')}` : ''}`,
          choices: [...(open ? [...criterionChoices(ctx, d, (code) => cross.points.get(code)), { id: BUTTON.send, label: ctx.t('score-send') }] : []), { id: BUTTON.back, label: ctx.t('st-back') }],
        };
      }
      const sheet = ownSheet(ctx, d);
      const heading = ctx.t('score-own-heading', { unit: ctx.unit!.name, group: groupOf(ctx, d).name, table: table.code });
      const open = sheet.sentAt === null;
      const valueOf = new Map(sheet.lines.map((l) => [l.code, l.self]));
      return {
        text: `${heading}\n\n${sheetText(ctx, table, sheet)}${open ? `\n\n${ctx.t('score-pick-prompt')}` : ''}`,
        choices: [
          ...(open ? [...criterionChoices(ctx, d, (code) => valueOf.get(code)), { id: BUTTON.send, label: ctx.t('score-send') }] : []),
          // The whole sheet at once in Excel: the form's own flow, for the unit's liaison.
          ...(open && ctx.person?.role === 'liaison' ? [{ id: BUTTON.excel, label: ctx.t('score-excel') }] : []),
          { id: BUTTON.done, label: ctx.t('score-done') },
        ],
      };
    },
    handle(ctx, d, answer): Result {
      const id = answer.choice?.id;
      if (id === BUTTON.done) return { kind: 'done', message: ctx.t('score-closed') };
      if (id === BUTTON.back) return { kind: 'next', step: 'home', data: { groupId: d.groupId, mode: 'own' } };
      if (id === BUTTON.send) return { kind: 'next', step: 'send', data: d };
      if (id === BUTTON.excel && d.mode === 'own') return { kind: 'switch', flow: 'score-form' };
      const code = pickedCode(ctx, d, answer);
      const sent = (d.mode === 'cross' ? ownCross(ctx, d).sentAt : ownSheet(ctx, d).sentAt) !== null;
      if (code && sent) return { kind: 'invalid', message: ctx.t('err-score-already-sent') };
      if (code) return { kind: 'next', step: 'points', data: { ...d, code } };
      return { kind: 'invalid', message: ctx.t('score-pick-expected') };
    },
  },

  /** Points for one criterion, typed the Vietnamese way ("7,5"). */
  points: {
    prompt(ctx, d) {
      if (d.pending) return numberAnswer.ambiguityPrompt(ctx, d.pending);
      const criterion = tableOf(ctx, d).criteria.find((c) => c.code === d.code);
      // The table re-imported without this criterion meanwhile: back to the sheet.
      if (!criterion) return { text: ctx.t('score-pick-expected'), choices: [{ id: BUTTON.back, label: ctx.t('st-back') }] };
      const current = d.mode === 'cross' ? ownCross(ctx, d).points.get(d.code!) : ownSheet(ctx, d).lines.find((l) => l.code === d.code)?.self;
      const prefilled = d.mode === 'own' && ownSheet(ctx, d).lines.find((l) => l.code === d.code)?.prefilled === true;
      return {
        text: ctx.t('score-points-prompt', { code: criterion.code, title: criterion.title, max: formatVnNumber(criterion.max), kind: criterion.kind, current: points(current), prefilled: prefilled ? 'yes' : 'no' }),
        choices: [...(d.mode === 'own' && current !== null && current !== undefined ? [{ id: BUTTON.keep, label: ctx.t('score-keep', { points: points(current) }) }] : []), { id: BUTTON.back, label: ctx.t('st-back') }],
        numbered: false,
      };
    },
    handle(ctx, d, answer): Result {
      const { pending: _, ...rest } = d;
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'sheet', data: { ...rest, code: undefined } };
      if (answer.choice?.id === BUTTON.keep) return { kind: 'next', step: 'evidence', data: rest };
      const read = numberAnswer.read(ctx, answer, d.pending);
      if (read.kind === 'invalid') return { kind: 'invalid', message: ctx.t('score-points-expected') };
      if (read.kind === 'ambiguous') return { kind: 'next', step: 'points', data: { ...d, pending: read.candidates } };
      const note = ctx.t('score-points-saved', { code: d.code!, points: points(read.value) });
      if (d.mode === 'cross') {
        saveCrossPoints(ctx.db, tableOf(ctx, d), ownUnit(ctx, d).unitId, d.crossId!, d.code!, read.value);
        return { kind: 'next', step: 'sheet', data: { ...rest, code: undefined }, note, saved: true };
      }
      saveSelfScores(ctx.db, tableOf(ctx, d), ownUnit(ctx, d), { [d.code!]: { points: read.value } }, ctx.now);
      return { kind: 'next', step: 'evidence', data: rest, note, saved: true };
    },
  },

  /** Evidence for the criterion just scored: a photo, a document or a link; or none. */
  evidence: {
    prompt: (ctx, d) => ({ text: ctx.t('score-evidence-prompt', { code: d.code! }), choices: [{ id: BUTTON.skip, label: ctx.t('score-evidence-none') }], acceptsFile: true }),
    handle(ctx, d, answer): Result {
      const back = { ...d, code: undefined };
      if (answer.choice?.id === BUTTON.skip) return { kind: 'next', step: 'sheet', data: back };
      const table = tableOf(ctx, d);
      if (answer.file) {
        if ((answer.file.size ?? 0) > MAX_EVIDENCE_BYTES) return { kind: 'invalid', message: ctx.t('rep-evidence-too-big', { max: MAX_EVIDENCE_BYTES / 1024 / 1024 }) };
        attachEvidence(ctx.db, table, ownUnit(ctx, d), d.code!, { kind: answer.file.kind, ref: answer.file.ref }, ctx.now);
        return { kind: 'next', step: 'sheet', data: back, note: ctx.t('rep-evidence-received'), saved: true };
      }
      const text = answer.text?.trim() ?? '';
      if (URL_PATTERN.test(text) && text.length <= 1000) {
        attachEvidence(ctx.db, table, ownUnit(ctx, d), d.code!, { kind: 'link', ref: text }, ctx.now);
        return { kind: 'next', step: 'sheet', data: back, note: ctx.t('rep-evidence-received'), saved: true };
      }
      return { kind: 'invalid', message: ctx.t('rep-evidence-expected') };
    },
  },

  /** Sending to the cluster head, once: nothing can change afterwards but the head's adjustments. */
  send: {
    prompt(ctx, d) {
      const total = d.mode === 'cross' ? ownCross(ctx, d).total : ownSheet(ctx, d).total;
      return {
        text: ctx.t('score-send-prompt', { total: points(total), cross: d.mode === 'cross' ? 'yes' : 'no' }),
        choices: [
          { id: BUTTON.send, label: ctx.t('score-send') },
          { id: BUTTON.back, label: ctx.t('st-back') },
        ],
      };
    },
    handle(ctx, d, answer): Result {
      if (answer.choice?.id === BUTTON.back) return { kind: 'next', step: 'sheet', data: d };
      if (answer.choice?.id !== BUTTON.send) return { kind: 'invalid', message: ctx.t('choice-expected') };
      const table = tableOf(ctx, d);
      const unit = ownUnit(ctx, d);
      if (d.mode === 'cross') {
        const cross = ownCross(ctx, d);
        if (sendCrossScoring(ctx.db, table, unit.unitId, d.crossId!, ctx.now))
          tellHeads(ctx, d, `score-cross-sent:${cross.id}`, 'score-cross-sent-notice', { scorer: unitLabel(ctx, unit.unitId), unit: unitLabel(ctx, cross.scoredUnitId), total: points(cross.total) });
        return { kind: 'done', message: ctx.t('score-cross-sent-done') };
      }
      const counts = yearResults(ctx).get(unit.unitId);
      if (sendSheet(ctx.db, table, unit, counts, { personId: ctx.person!.id, now: ctx.now })) {
        const sheet = loadSheet(ctx.db, table, unit, counts);
        tellHeads(ctx, d, `score-sent:${sheet.id}`, 'score-sent-notice', { unit: unitLabel(ctx, unit.unitId), total: points(sheet.total) });
      }
      return { kind: 'done', message: ctx.t('score-sent-done') };
    },
  },
};
