/** Entering or editing one target, a question at a time (or one field of it). */
import { type Answer, type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { addTarget, listTargets, updateTarget, type TargetInput } from '../domain/registrations.ts';
import { checkDueDate } from '../domain/due-dates.ts';
import { cleanText } from '../domain/text-input.ts';
import { formatVnDate, formatVnNumber, localDate, parseVnDate } from '../domain/vn-input.ts';
import { fold } from '../util/text.ts';
import { COMMON_MEASURES, readMeasure, readNote, readTargetText } from '../domain/target-fields.ts';
import { requestForm } from './forms.ts';
import { skipChoice } from './common.ts';
import { formatPlan } from './format.ts';
import { numberAnswer, quantityAnswer } from './number-answer.ts';
import { type Data, type Draft, targetChoices } from './register-state.ts';
import { isPasted, readPasted, takeForm } from './register-bulk.ts';

/** The target-entry questions in order; qualitative targets skip measure, plan and direction. */
const ENTRY: Record<'quantitative' | 'qualitative', string[]> = {
  quantitative: ['area', 'text', 'kind', 'measure', 'planned', 'direction', 'due', 'note', 'confirm'],
  qualitative: ['area', 'text', 'kind', 'due', 'note', 'confirm'],
};

const entrySteps = (d: Draft) => ENTRY[d.kind ?? 'quantitative'];
/**
 * "Bước i/n" once the kind of target is known (it decides n); "Bước i." before. Editing one field
 * is no pass through the questions: no counter, the question says what is being changed.
 */
const progress = (step: string) => (data: Data): [number, number | null] | undefined => {
  const d = data.draft ?? {};
  if (d.single) return undefined;
  const steps = entrySteps(d);
  return [steps.indexOf(step) + 1, d.kind === undefined ? null : steps.length];
};

/** The question after `step` for this draft (editing walks the same path, each answer kept or changed). */
function after(step: string, d: Draft): string {
  const steps = entrySteps(d);
  return steps[steps.indexOf(step) + 1] ?? 'confirm';
}

/** The questions a quantitative target cannot be saved without. */
const MISSING: Record<string, (d: Draft) => boolean> = {
  measure: (d) => !d.measure,
  planned: (d) => d.planned === undefined,
  direction: (d) => !d.direction,
};

function next(ctx: FlowContext, data: Data, step: string, patch: Partial<Draft>, note?: string): StepResult<Data> {
  const d = { ...data.draft, ...patch };
  if (d.single) {
    // One field changed: saved now, unless the change needs more (a qualitative target made quantitative needs its plan).
    const missing = entrySteps(d).find((s) => MISSING[s]?.(d));
    if (missing) return { kind: 'next', step: missing, data: { ...data, draft: d }, ...(note ? { note } : {}) };
    updateTarget(ctx.db, data.registrationId, d.targetId!, draftToInput(d), ctx.actor, ctx.now);
    return { kind: 'next', step: 'menu', data: { ...data, draft: null }, note: [note, ctx.t('reg-field-saved')].filter(Boolean).join('\n'), saved: true };
  }
  return { kind: 'next', step: after(step, d), data: { ...data, draft: d }, ...(note ? { note } : {}) };
}

/** While editing, each question offers to keep the current answer: last, so every other option keeps its number. */
function keepChoice(ctx: FlowContext, data: Data, current: string | undefined): Choice[] {
  return data.draft?.targetId !== undefined && current ? [{ id: 'keep', label: ctx.t('reg-keep', { value: current }) }] : [];
}

const movementEnd = (ctx: FlowContext) => ctx.movement!.endsOn;
const today = (ctx: FlowContext) => localDate(ctx.now, ctx.movement!.timezone);

/** A due date as the rules take it: refused outside the movement, asked about when past, warned about after the movement ends. */
function acceptDue(ctx: FlowContext, data: Data, date: string, confirmed: boolean): StepResult<Data> {
  const check = checkDueDate(date, ctx.movement!, today(ctx));
  if (check.kind === 'refused') return { kind: 'invalid', message: ctx.t('reg-due-outside', { start: formatVnDate(check.from), end: formatVnDate(check.to) }) };
  if (check.kind === 'past' && !confirmed) return { kind: 'next', step: 'due', data: { ...data, draft: { ...data.draft, dueToConfirm: date } } };
  const read = ctx.t('reg-date-read-as', { date: formatVnDate(date) });
  const note = check.kind === 'after-end' ? `${read}\n${ctx.t('reg-due-after-end', { end: formatVnDate(movementEnd(ctx)), review: formatVnDate(check.finalReview) })}` : read;
  return next(ctx, data, 'due', { dueOn: date, dueToConfirm: undefined }, note);
}

function draftToInput(d: Draft): TargetInput {
  return {
    contentAreaId: d.areaId!,
    text: d.text!,
    kind: d.kind!,
    measure: d.kind === 'quantitative' ? d.measure ?? null : null,
    plannedValue: d.kind === 'quantitative' ? d.planned ?? null : null,
    direction: d.kind === 'quantitative' ? d.direction ?? null : null,
    dueOn: d.dueOn ?? null,
    note: d.note ?? null,
  };
}

function areaLabel(ctx: FlowContext, areaId: number | undefined): string | undefined {
  if (areaId === undefined) return undefined;
  const area = ctx.areas(ctx.movement!.id).find((a) => a.id === areaId);
  return area ? `${area.number}. ${area.title}` : undefined;
}

function summary(ctx: FlowContext, d: Draft): string {
  return ctx.t('reg-target-summary', {
    area: areaLabel(ctx, d.areaId) ?? '—',
    text: d.text ?? '—',
    kind: ctx.t(`target-kind-${d.kind ?? 'qualitative'}`),
    plan: formatPlan(ctx.t, { kind: d.kind ?? 'qualitative', plannedValue: d.planned ?? null, direction: d.direction ?? null, measure: d.measure ?? null }),
    due: d.dueOn ? formatVnDate(d.dueOn) : '—',
    note: d.note ?? '—',
  });
}

function readText(ctx: FlowContext, answer: Answer): string | { error: string } {
  const reading = readTargetText(answer.text ?? '');
  return reading.ok ? reading.value : { error: ctx.t(reading.problem.key, reading.problem.args) };
}

/** The fields one can change alone, in a fixed order so a learned number always picks the same one. */
const FIELDS = ['text', 'planned', 'measure', 'due', 'note', 'area', 'kind', 'direction'] as const;
const QUANTITATIVE_ONLY = new Set(['planned', 'measure', 'direction']);

/** The questions about one target, and choosing a target or a field to edit. */
const questions: Record<string, Step<Data>> = {
  area: {
    progress: progress('area'),
    prompt(ctx, data) {
      const areas = ctx.areas(ctx.movement!.id).map((a) => ({ id: String(a.id), label: a.title }));
      // Adding a target: the whole table may come instead, as a form or as lines.
      if (data.draft?.targetId === undefined)
        return { text: `${ctx.t('reg-area-prompt')}\n${ctx.t('reg-area-bulk-hint')}`, choices: [...areas, { id: 'form', label: ctx.t('reg-menu-form') }], acceptsFile: true };
      return { text: ctx.t('reg-area-prompt'), choices: [...areas, ...keepChoice(ctx, data, areaLabel(ctx, data.draft?.areaId))] };
    },
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(ctx, data, 'area', {});
      if (data.draft?.targetId === undefined) {
        if (answer.file) return takeForm(ctx, data, answer);
        if (isPasted(answer.text)) return readPasted(ctx, data, answer.text!);
        if (answer.choice?.id === 'form') return { kind: 'next', step: 'form_wait', data: { ...data, draft: null }, note: requestForm(ctx, 'targets', data.registrationId, null) };
      }
      const id = Number(answer.choice?.id);
      if (!answer.choice || !Number.isInteger(id)) return { kind: 'invalid', message: ctx.t('reg-area-expected') };
      return next(ctx, data, 'area', { areaId: id });
    },
  },

  text: {
    progress: progress('text'),
    prompt: (ctx, data) => ({ text: ctx.t('reg-text-prompt'), choices: keepChoice(ctx, data, data.draft?.text) }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(ctx, data, 'text', {});
      const text = readText(ctx, answer);
      return typeof text === 'string' ? next(ctx, data, 'text', { text }) : { kind: 'invalid', message: text.error };
    },
  },

  kind: {
    progress: progress('kind'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-kind-prompt'),
      choices: [
        { id: 'quantitative', label: ctx.t('target-kind-quantitative') },
        { id: 'qualitative', label: ctx.t('target-kind-qualitative') },
        ...keepChoice(ctx, data, data.draft?.kind && ctx.t(`target-kind-${data.draft.kind}`)),
      ],
    }),
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'keep') return next(ctx, data, 'kind', {});
      if (id !== 'quantitative' && id !== 'qualitative') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return next(ctx, data, 'kind', { kind: id });
    },
  },

  measure: {
    progress: progress('measure'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-measure-prompt'),
      choices: [...COMMON_MEASURES.map((m) => ({ id: `m:${m}`, label: m })), ...keepChoice(ctx, data, data.draft?.measure)],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(ctx, data, 'measure', {});
      // A typed unit is taken as typed: "đồng" is not "tỷ đồng", even if it is part of that button.
      const typed = cleanText(answer.text ?? '');
      const picked = answer.choice && (typed === '' || /^\d+$/.test(typed) || fold(typed) === fold(answer.choice.label));
      const measure = readMeasure(picked ? answer.choice!.label : typed);
      if (!measure.ok) return { kind: 'invalid', message: ctx.t(measure.problem.key) };
      return next(ctx, data, 'measure', { measure: measure.value });
    },
  },

  planned: {
    progress: progress('planned'),
    prompt(ctx, data) {
      const d = data.draft ?? {};
      if (d.pending) return numberAnswer.ambiguityPrompt(ctx, d.pending);
      return {
        text: ctx.t('reg-planned-prompt', { measure: d.measure ?? '' }),
        choices: keepChoice(ctx, data, d.planned === undefined ? undefined : formatVnNumber(d.planned)),
        numbered: false,
      };
    },
    handle(ctx, data, answer) {
      const d = data.draft ?? {};
      if (answer.choice?.id === 'keep') return next(ctx, data, 'planned', {});
      const reading = quantityAnswer.read(ctx, answer, d.measure ?? null, d.pending);
      if (reading.kind === 'invalid') return { kind: 'invalid', message: reading.message };
      if (reading.kind === 'ambiguous') return { kind: 'next', step: 'planned', data: { ...data, draft: { ...d, pending: reading.candidates } } };
      if (reading.value < 0) return { kind: 'invalid', message: ctx.t('reg-planned-negative') };
      return next(ctx, data, 'planned', { planned: reading.value, pending: undefined }, quantityAnswer.readAs(ctx, reading.value, d.measure ?? null, reading.typed));
    },
    help: (ctx) => ctx.t('number-help'),
  },

  direction: {
    progress: progress('direction'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-direction-prompt'),
      choices: [
        { id: 'at_least', label: ctx.t('direction-at_least') },
        { id: 'at_most', label: ctx.t('direction-at_most') },
        ...keepChoice(ctx, data, data.draft?.direction && ctx.t(`direction-${data.draft.direction}`)),
      ],
    }),
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'keep') return next(ctx, data, 'direction', {});
      if (id !== 'at_least' && id !== 'at_most') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return next(ctx, data, 'direction', { direction: id });
    },
  },

  due: {
    progress: progress('due'),
    prompt(ctx, data) {
      const pending = data.draft?.dueToConfirm;
      if (pending) {
        // A past date typed without a year may mean next year's (31/01 for a disbursement).
        const nextYear = `${Number(pending.slice(0, 4)) + 1}${pending.slice(4)}`;
        const alternative = checkDueDate(nextYear, ctx.movement!, today(ctx)).kind === 'after-end';
        return {
          text: ctx.t('reg-due-past', { date: formatVnDate(pending) }),
          choices: [
            { id: `date:${pending}`, label: ctx.t('reg-due-keep', { date: formatVnDate(pending) }) },
            ...(alternative ? [{ id: `date:${nextYear}`, label: formatVnDate(nextYear) }] : []),
            { id: 'retype', label: ctx.t('reg-due-retype') },
          ],
          numbered: false,
        };
      }
      return {
        text: ctx.t('reg-due-prompt'),
        choices: [
          { id: 'end', label: ctx.t('reg-due-end', { date: formatVnDate(movementEnd(ctx)) }) },
          ...keepChoice(ctx, data, data.draft?.dueOn && formatVnDate(data.draft.dueOn)),
        ],
        numbered: false,
      };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'keep') return next(ctx, data, 'due', {});
      if (id === 'end') return next(ctx, data, 'due', { dueOn: movementEnd(ctx), dueToConfirm: undefined });
      if (id === 'retype') return { kind: 'next', step: 'due', data: { ...data, draft: { ...data.draft, dueToConfirm: undefined } } };
      if (id?.startsWith('date:') && data.draft?.dueToConfirm) return acceptDue(ctx, data, id.slice(5), true);
      const reading = parseVnDate(answer.text ?? '', Number(movementEnd(ctx).slice(0, 4)));
      if (reading.kind !== 'ok') return { kind: 'invalid', message: ctx.t('date-invalid') };
      return acceptDue(ctx, data, reading.date, false);
    },
    help: (ctx) => ctx.t('date-help'),
  },

  note: {
    progress: progress('note'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-note-prompt'),
      choices: [skipChoice(ctx.t), ...keepChoice(ctx, data, data.draft?.note ?? undefined)],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(ctx, data, 'note', {});
      if (answer.choice?.id === 'skip') return next(ctx, data, 'note', { note: null });
      const note = readNote(answer.text ?? '');
      if (!note.ok) return { kind: 'invalid', message: ctx.t(note.problem.key, note.problem.args) };
      if (note.value === null) return { kind: 'invalid', message: ctx.t('note-expected') };
      return next(ctx, data, 'note', { note: note.value });
    },
  },

  confirm: {
    progress: progress('confirm'),
    prompt: (ctx, data) => ({
      text: `${summary(ctx, data.draft ?? {})}\n\n${ctx.t('reg-confirm-prompt')}`,
      choices: [
        { id: 'save', label: ctx.t('reg-confirm-save') },
        { id: 'redo', label: ctx.t('reg-confirm-redo') },
        { id: 'drop', label: ctx.t('reg-confirm-drop') },
      ],
    }),
    handle(ctx, data, answer) {
      const d = data.draft ?? {};
      switch (answer.choice?.id) {
        case 'save': {
          const input = draftToInput(d);
          if (d.targetId !== undefined) updateTarget(ctx.db, data.registrationId, d.targetId, input, ctx.actor, ctx.now);
          else addTarget(ctx.db, data.registrationId, input, ctx.actor, ctx.now);
          return { kind: 'next', step: 'menu', data: { ...data, draft: null }, note: ctx.t('reg-target-saved'), saved: true };
        }
        case 'redo':
          return { kind: 'next', step: 'area', data: { ...data, draft: d.targetId !== undefined ? d : {} } };
        case 'drop':
          return { kind: 'next', step: 'menu', data: { ...data, draft: null }, note: ctx.t('reg-target-dropped') };
        default:
          return { kind: 'invalid', message: ctx.t('choice-expected') };
      }
    },
  },

  pick_edit: {
    prompt: (ctx, data) => ({ text: ctx.t('reg-pick-edit'), choices: targetChoices(ctx, data) }),
    handle(ctx, data, answer) {
      const target = listTargets(ctx.db, data.registrationId).find((x) => String(x.id) === answer.choice?.id);
      if (!target) return { kind: 'invalid', message: ctx.t('choice-expected') };
      const d: Draft = {
        targetId: target.id,
        areaId: target.contentAreaId,
        text: target.text,
        kind: target.kind,
        ...(target.measure ? { measure: target.measure } : {}),
        ...(target.plannedValue !== null ? { planned: target.plannedValue } : {}),
        ...(target.direction ? { direction: target.direction } : {}),
        ...(target.dueOn ? { dueOn: target.dueOn } : {}),
        note: target.note,
      };
      return { kind: 'next', step: 'pick_field', data: { ...data, draft: d } };
    },
  },

  pick_field: {
    prompt: (ctx, data) => ({
      text: `${summary(ctx, data.draft ?? {})}\n\n${ctx.t('reg-pick-field')}`,
      choices: [...FIELDS.map((f) => ({ id: f, label: ctx.t(`reg-field-${f}`) })), { id: 'all', label: ctx.t('reg-field-all') }],
    }),
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'all') return { kind: 'next', step: 'area', data: { ...data, draft: { ...data.draft, single: undefined } } };
      const field = FIELDS.find((f) => f === id);
      if (!field) return { kind: 'invalid', message: ctx.t('choice-expected') };
      if (QUANTITATIVE_ONLY.has(field) && data.draft?.kind !== 'quantitative') return { kind: 'invalid', message: ctx.t('reg-field-qualitative') };
      return { kind: 'next', step: field, data: { ...data, draft: { ...data.draft, single: true } } };
    },
  },

};

/** Editing one field: the question says which field of which target, as there is no pass to count. */
function saysWhatIsEdited(field: string, step: Step<Data>): Step<Data> {
  return {
    ...step,
    prompt(ctx, data) {
      const asked = step.prompt(ctx, data);
      if (!data.draft?.single) return asked;
      return { ...asked, text: `${ctx.t('reg-editing', { field: ctx.t(`reg-field-${field}`), text: data.draft.text ?? '' })}\n${asked.text}` };
    },
  };
}

export const targetSteps: Record<string, Step<Data>> = Object.fromEntries(
  Object.entries(questions).map(([id, step]) => [id, (FIELDS as readonly string[]).includes(id) ? saysWhatIsEdited(id, step) : step]),
);
