/**
 * Registering a unit's targets (đăng ký chỉ tiêu thi đua): add targets one question at a time,
 * review the list, edit or delete, choose the titles sought, and submit for review.
 */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { defineFlow, type Answer, type FlowContext, type StartResult, type Step, type StepResult, type Unit } from '../chat/engine.ts';
import { units } from '../db/schema.ts';
import type { Choice } from '../chat/types.ts';
import {
  addTarget,
  ensureRegistration,
  getRegistration,
  isEditable,
  listTargets,
  listTitles,
  removeTarget,
  setTitles,
  submitRegistration,
  titleContext,
  updateTarget,
  type TargetInput,
} from '../domain/registrations.ts';
import { TITLES, TITLES_WITH_HISTORY, titleHistory, titlesOffered, toggleTitle } from '../domain/titles.ts';
import { recordAudit } from '../domain/audit.ts';
import { deadlineFor } from '../domain/deadlines.ts';
import { checkDueDate } from '../domain/due-dates.ts';
import { cleanText, isBlankText } from '../domain/text-input.ts';
import { formatVnDate, formatVnNumber, localDate, parseVnDate } from '../domain/vn-input.ts';
import { fold } from '../util/text.ts';
import { COMMON_MEASURES, readMeasure, readNote, readTargetText, TARGET_TEXT_MAX } from '../domain/target-fields.ts';
import { applyForm } from '../forms/service.ts';
import { applyTargetPlan, planTargetRows, type RowToPlan, type TargetImportReading } from '../forms/target-import.ts';
import { findUpload, markApplied, problemList, receiveForm, requestForm, targetPlanText, uploadOutcome } from './forms.ts';
import { adminIds, mainMenuChoices, readReason, skipChoice, unitToEnter } from './common.ts';
import { formatPlan, formatTargetList } from './format.ts';
import { numberAnswer, quantityAnswer } from './number-answer.ts';

const draft = z.object({
  /** Set when an existing target is being edited. */
  targetId: z.number().int().optional(),
  areaId: z.number().int().optional(),
  text: z.string().optional(),
  kind: z.enum(['quantitative', 'qualitative']).optional(),
  measure: z.string().optional(),
  planned: z.number().optional(),
  /** Two readings of an ambiguous number ("1.500"), waiting for the person to pick one. */
  pending: z.tuple([z.number(), z.number()]).optional(),
  direction: z.enum(['at_least', 'at_most']).optional(),
  dueOn: z.string().optional(),
  /** A due date already past, waiting for the person to confirm it (or pick next year's). */
  dueToConfirm: z.string().optional(),
  note: z.string().nullable().optional(),
  /** Editing one field of a saved target: saved as soon as it (and whatever it makes necessary) is answered. */
  single: z.boolean().optional(),
});
type Draft = z.infer<typeof draft>;

const data = z.object({
  registrationId: z.number().int(),
  draft: draft.nullable(),
  titles: z.array(z.string()).optional(),
  /** A filled form sent back: the form_uploads row holding what was read. */
  upload: z.number().int().optional(),
  /** Targets typed or pasted one a line, waiting to be confirmed. */
  pasted: z.array(z.string()).optional(),
});
type Data = z.infer<typeof data>;

/** The target-entry questions in order; qualitative targets skip measure, plan and direction. */
const ENTRY: Record<'quantitative' | 'qualitative', string[]> = {
  quantitative: ['area', 'text', 'kind', 'measure', 'planned', 'direction', 'due', 'note', 'confirm'],
  qualitative: ['area', 'text', 'kind', 'due', 'note', 'confirm'],
};

const entrySteps = (d: Draft) => ENTRY[d.kind ?? 'quantitative'];
/** "Bước i/n" once the kind of target is known (it decides n); "Bước i." before. */
const progress = (step: string) => (data: Data) => {
  const d = data.draft ?? {};
  const steps = entrySteps(d);
  return [steps.indexOf(step) + 1, d.kind === undefined ? null : steps.length] as [number, number | null];
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

/** The unit whose registration this is (the person's own, or the one the Board is entering). */
function unitOf(ctx: FlowContext, data: Data): Unit {
  const unitId = getRegistration(ctx.db, data.registrationId).unitId;
  return ctx.unit?.id === unitId ? ctx.unit : ctx.db.select().from(units).where(eq(units.id, unitId)).get()!;
}

function menuText(ctx: FlowContext, data: Data): string {
  const reg = getRegistration(ctx.db, data.registrationId);
  const targets = listTargets(ctx.db, reg.id);
  const titles = listTitles(ctx.db, reg.id);
  const lines = [
    ctx.t('reg-header', {
      unit: unitOf(ctx, data).name,
      movement: ctx.movement!.name,
      status: reg.status,
      deadline: formatVnDate(deadlineFor(ctx.movement!, reg)),
    }),
  ];
  if (reg.status === 'returned' && reg.reviewComment) lines.push(ctx.t('reg-returned-reason', { reason: reg.reviewComment }));
  lines.push('', formatTargetList(ctx.t, targets, ctx.areas(reg.movementId)));
  if (titles.length > 0) lines.push('', ctx.t('reg-titles-line', { titles: titles.map((x) => ctx.t(`title-${x}`)).join('; ') }));
  return lines.join('\n');
}

function targetChoices(ctx: FlowContext, data: Data): Choice[] {
  return listTargets(ctx.db, data.registrationId).map((target) => ({
    id: String(target.id),
    label: target.text.length > 60 ? `${target.text.slice(0, 59)}…` : target.text,
  }));
}

function readText(ctx: FlowContext, answer: Answer): string | { error: string } {
  const reading = readTargetText(answer.text ?? '');
  return reading.ok ? reading.value : { error: ctx.t(reading.problem.key, reading.problem.args) };
}

/** The reference a due date is checked against. */
const dueReference = (ctx: FlowContext) => ({ movement: ctx.movement!, today: today(ctx) });

/**
 * Targets typed one a line, fields separated by ";" or tabs (rows pasted from Excel or Word):
 * `6; Tỷ lệ hồ sơ giải quyết đúng hạn; ≥ 98,5 %; 31/12[; ghi chú]`, or the form's own columns
 * (nội dung, chỉ tiêu, loại, đơn vị tính, kế hoạch, yêu cầu, thời hạn, ghi chú, optionally after
 * the STT).
 */
function pastedRows(lines: string[]): RowToPlan[] {
  return lines.map((line, i) => {
    let f = line.split(/\t|;/).map((x) => x.trim());
    if (f.length >= 9 && /^\d{1,3}$/.test(f[0]!)) f = f.slice(1);
    const [a = '', b = '', c = '', d = '', e = '', g = '', h = '', k = ''] = f;
    const cells = f.length >= 8 ? { area: a, text: b, kind: c, measure: d, plan: e, direction: g, due: h, note: k } : { area: a, text: b, plan: c, due: d, note: e };
    return { line: i + 1, id: '', cells };
  });
}

const pastedLines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
const isPasted = (text: string | undefined) => text !== undefined && pastedLines(text).some((l) => /[;\t]/.test(l));

function planPasted(ctx: FlowContext, lines: string[]): TargetImportReading {
  const context = { existing: [], areas: ctx.areas(ctx.movement!.id), due: dueReference(ctx) };
  return planTargetRows(pastedRows(lines), context, (column) => ctx.t(`form-col-${column}`), false);
}

/** What "save" does after a form or pasted lines: back to the list, or on to sending it. */
function afterBulkSave(ctx: FlowContext, data: Data, choice: string | undefined): StepResult<Data> {
  const cleared = { ...data, draft: null, upload: undefined, pasted: undefined };
  return { kind: 'next', step: choice === 'save-submit' ? 'submit' : 'menu', data: cleared, note: ctx.t('form-saved'), saved: true };
}

const bulkChoices = (ctx: FlowContext): Choice[] => [
  { id: 'save', label: ctx.t('form-confirm-save') },
  { id: 'save-submit', label: ctx.t('form-confirm-save-submit') },
  { id: 'drop', label: ctx.t('form-confirm-drop') },
];

/** Lines typed or pasted: each read, and all shown back to be confirmed once; any problem refuses them all. */
function readPasted(ctx: FlowContext, data: Data, text: string): StepResult<Data> {
  const lines = pastedLines(text);
  const reading = planPasted(ctx, lines);
  if (!reading.ok) return { kind: 'invalid', message: `${ctx.t('form-lines-refused')}\n${problemList(ctx.t, reading.problems)}` };
  return { kind: 'next', step: 'lines_confirm', data: { ...data, draft: null, pasted: lines } };
}

/** A file sent where the form is taken: read after this message, then asked about. */
function takeForm(ctx: FlowContext, data: Data, answer: Answer): StepResult<Data> {
  const received = receiveForm(ctx, answer, 'targets', data.registrationId, null);
  if ('refused' in received) return { kind: 'invalid', message: received.refused };
  return { kind: 'next', step: 'form_reading', data: { ...data, draft: null, upload: undefined }, note: ctx.t('form-reading', { name: received.name }) };
}

/** The fields one can change alone, in a fixed order so a learned number always picks the same one. */
const FIELDS = ['text', 'planned', 'measure', 'due', 'note', 'area', 'kind', 'direction'] as const;
const QUANTITATIVE_ONLY = new Set(['planned', 'measure', 'direction']);

const steps: Record<string, Step<Data>> = {
  menu: {
    prompt(ctx, data) {
      const count = listTargets(ctx.db, data.registrationId).length;
      const choices: Choice[] = [{ id: 'add', label: ctx.t('reg-menu-add') }];
      if (count > 0)
        choices.push(
          { id: 'edit', label: ctx.t('reg-menu-edit') },
          { id: 'delete', label: ctx.t('reg-menu-delete') },
          { id: 'titles', label: ctx.t('reg-menu-titles') },
          { id: 'submit', label: ctx.t('reg-menu-submit') },
        );
      choices.push({ id: 'later', label: ctx.t('reg-menu-later') }, { id: 'form', label: ctx.t('reg-menu-form') });
      return { text: `${menuText(ctx, data)}\n\n${ctx.t('reg-menu-prompt')}`, choices, acceptsFile: true };
    },
    handle(ctx, data, answer) {
      if (answer.file) return takeForm(ctx, data, answer);
      if (isPasted(answer.text)) return readPasted(ctx, data, answer.text!);
      switch (answer.choice?.id) {
        case 'form':
          return { kind: 'next', step: 'form_wait', data, note: requestForm(ctx, 'targets', data.registrationId, null) };
        case 'add':
          return { kind: 'next', step: 'area', data: { ...data, draft: {} } };
        case 'edit':
          return { kind: 'next', step: 'pick_edit', data };
        case 'delete':
          return { kind: 'next', step: 'pick_delete', data };
        case 'titles':
          return { kind: 'next', step: 'titles', data: { ...data, titles: listTitles(ctx.db, data.registrationId) } };
        case 'submit':
          return { kind: 'next', step: 'submit', data };
        case 'later':
          return { kind: 'done', message: ctx.t('reg-saved-for-later'), choices: mainMenuChoices(ctx.t, ctx.person?.role) };
        default:
          return { kind: 'invalid', message: ctx.t('choice-expected') };
      }
    },
  },

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

  form_wait: {
    prompt: (ctx) => ({ text: ctx.t('form-wait-targets'), choices: [{ id: 'back', label: ctx.t('form-back-to-list') }], acceptsFile: true }),
    handle(ctx, data, answer) {
      if (answer.file) return takeForm(ctx, data, answer);
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'menu', data };
      if (isPasted(answer.text)) return readPasted(ctx, data, answer.text!);
      return { kind: 'invalid', message: ctx.t('form-send-file') };
    },
  },

  form_reading: {
    // The note before it already says the file is being read: only where the answer will come.
    prompt: (ctx) => ({ text: ctx.t('form-reading-meanwhile'), choices: [{ id: 'back', label: ctx.t('form-back-to-list') }], acceptsFile: true }),
    handle(ctx, data, answer) {
      if (answer.upload !== undefined) {
        const outcome = uploadOutcome(ctx, answer.upload, 'targets', data.registrationId);
        if (outcome.kind === 'late') return { kind: 'invalid', message: ctx.t('form-read-too-late') };
        if (outcome.kind === 'refused') return { kind: 'next', step: 'form_wait', data, note: outcome.note };
        return { kind: 'next', step: 'form_confirm', data: { ...data, upload: outcome.upload.id } };
      }
      // A newer file replaces the one being read.
      if (answer.file) return takeForm(ctx, data, answer);
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'menu', data };
      return { kind: 'invalid', message: ctx.t('form-reading-wait') };
    },
  },

  form_confirm: {
    prompt(ctx, data) {
      const upload = findUpload(ctx, data.upload ?? 0, 'targets', data.registrationId);
      const plan = upload?.reading.ok && 'added' in upload.reading.plan ? upload.reading.plan : undefined;
      const text = plan ? `${ctx.t('form-read-ok', { name: upload!.fileName })}\n${targetPlanText(ctx.t, plan, ctx.areas(ctx.movement!.id))}` : ctx.t('form-read-too-late');
      return { text: `${text}\n\n${ctx.t('form-confirm-prompt')}`, choices: bulkChoices(ctx), acceptsFile: true };
    },
    handle(ctx, data, answer) {
      if (answer.file) return takeForm(ctx, data, answer);
      const id = answer.choice?.id;
      if (id === 'drop') return { kind: 'next', step: 'menu', data: { ...data, upload: undefined }, note: ctx.t('form-dropped') };
      if (id !== 'save' && id !== 'save-submit') return { kind: 'invalid', message: ctx.t('choice-expected') };
      const upload = findUpload(ctx, data.upload ?? 0, 'targets', data.registrationId);
      if (!upload?.reading.ok) return { kind: 'next', step: 'menu', data: { ...data, upload: undefined }, note: ctx.t('form-read-too-late') };
      applyForm(ctx.db, 'targets', data.registrationId, null, upload.reading, ctx.actor, ctx.now);
      markApplied(ctx, upload.id);
      return afterBulkSave(ctx, data, id);
    },
  },

  lines_confirm: {
    prompt(ctx, data) {
      const reading = planPasted(ctx, data.pasted ?? []);
      const text = reading.ok ? targetPlanText(ctx.t, reading.plan, ctx.areas(ctx.movement!.id)) : problemList(ctx.t, reading.problems);
      return { text: `${ctx.t('form-lines-read')}\n${text}\n\n${ctx.t('form-confirm-prompt')}`, choices: bulkChoices(ctx) };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'drop') return { kind: 'next', step: 'menu', data: { ...data, pasted: undefined }, note: ctx.t('form-dropped') };
      if (id !== 'save' && id !== 'save-submit') return { kind: 'invalid', message: ctx.t('choice-expected') };
      const reading = planPasted(ctx, data.pasted ?? []);
      if (!reading.ok) return { kind: 'invalid', message: problemList(ctx.t, reading.problems) };
      applyTargetPlan(ctx.db, data.registrationId, reading.plan, ctx.actor, ctx.now);
      return afterBulkSave(ctx, data, id);
    },
  },

  pick_delete: {
    prompt: (ctx, data) => ({ text: ctx.t('reg-pick-delete'), choices: targetChoices(ctx, data) }),
    handle(ctx, data, answer) {
      const target = listTargets(ctx.db, data.registrationId).find((x) => String(x.id) === answer.choice?.id);
      if (!target) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'confirm_delete', data: { ...data, draft: { targetId: target.id, text: target.text } } };
    },
  },

  confirm_delete: {
    prompt: (ctx, data) => ({
      text: ctx.t('reg-confirm-delete', { text: data.draft?.text ?? '' }),
      choices: [
        { id: 'yes', label: ctx.t('choice-yes-delete') },
        { id: 'no', label: ctx.t('choice-no') },
      ],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'yes') {
        removeTarget(ctx.db, data.registrationId, data.draft!.targetId!, ctx.actor, ctx.now);
        return { kind: 'next', step: 'menu', data: { ...data, draft: null }, note: ctx.t('reg-target-deleted'), saved: true };
      }
      if (answer.choice?.id === 'no') return { kind: 'next', step: 'menu', data: { ...data, draft: null } };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  titles: {
    prompt(ctx, data) {
      const chosen = new Set(data.titles ?? []);
      const { kind, inGroup } = titleContext(ctx.db, getRegistration(ctx.db, data.registrationId));
      const year = Number(ctx.movement!.endsOn.slice(0, 4));
      // Earlier years of the titles that build on them, when the data holds any.
      const history = TITLES_WITH_HISTORY.map((title) => ({ title, ...titleHistory(ctx.db, unitOf(ctx, data).id, title, year) }))
        .filter((h) => h.years.length > 0)
        .map((h) => ctx.t('reg-title-history', { title: ctx.t(`title-${h.title}`), years: h.years.join(', '), consecutive: h.consecutive }));
      return {
        text: [ctx.t('reg-titles-prompt'), ...history].join('\n'),
        choices: [
          ...titlesOffered(kind, inGroup).map((x) => ({ id: x, label: `${chosen.has(x) ? '☑' : '☐'} ${ctx.t(`title-${x}`)}` })),
          { id: 'done', label: ctx.t('reg-titles-done') },
        ],
      };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (!id) return { kind: 'invalid', message: ctx.t('choice-expected') };
      if (id === 'done') {
        setTitles(ctx.db, data.registrationId, data.titles ?? [], ctx.actor, ctx.now);
        return { kind: 'next', step: 'menu', data: { registrationId: data.registrationId, draft: null }, note: ctx.t('reg-titles-saved'), saved: true };
      }
      const title = TITLES.find((t) => t === id);
      if (!title) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'titles', data: { ...data, titles: toggleTitle(data.titles ?? [], title) } };
    },
  },

  submit: {
    prompt: (ctx, data) => ({
      text: `${menuText(ctx, data)}\n\n${ctx.t('reg-submit-prompt')}`,
      choices: [
        { id: 'send', label: ctx.t('reg-submit-send') },
        { id: 'send-note', label: ctx.t('reg-submit-with-note') },
        { id: 'not-yet', label: ctx.t('reg-submit-not-yet') },
      ],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'not-yet') return { kind: 'next', step: 'menu', data };
      if (answer.choice?.id === 'send-note') return { kind: 'next', step: 'submit_note', data };
      if (answer.choice?.id !== 'send') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return submit(ctx, data, null);
    },
  },

  submit_note: {
    prompt: (ctx) => ({ text: ctx.t('reg-submit-note-prompt'), choices: [skipChoice(ctx.t)] }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'skip') return submit(ctx, data, null);
      const note = cleanText(answer.text ?? '');
      if (isBlankText(note)) return { kind: 'invalid', message: ctx.t('note-expected') };
      if (note.length > TARGET_TEXT_MAX) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: TARGET_TEXT_MAX, length: note.length }) };
      return submit(ctx, data, note);
    },
  },

  locked: {
    prompt: (ctx, data) => ({
      text: `${menuText(ctx, data)}\n\n${ctx.t('reg-locked', { status: getRegistration(ctx.db, data.registrationId).status })}`,
      choices: [{ id: 'ask-reopen', label: ctx.t('reg-ask-reopen') }, ...mainMenuChoices(ctx.t, ctx.person?.role)],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'ask-reopen') return { kind: 'next', step: 'reopen_reason', data };
      if (answer.choice?.id.startsWith('go:')) return { kind: 'switch', flow: answer.choice.id.slice(3) };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  reopen_reason: {
    prompt: (ctx) => ({ text: ctx.t('reg-reopen-reason-prompt') }),
    handle(ctx, data, answer) {
      const read = readReason(ctx, answer.text);
      if ('error' in read) return { kind: 'invalid', message: read.error };
      const { reason } = read;
      const reg = getRegistration(ctx.db, data.registrationId);
      recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'registration.reopen-request', entity: 'registration', entityId: reg.id, after: { reason } });
      ctx.notify(adminIds(ctx), `reopen-request:${reg.id}:v${reg.version}:${ctx.now}`, 'reg-reopen-request-notice', { unit: unitOf(ctx, data).name, reason });
      return { kind: 'done', message: ctx.t('reg-reopen-requested'), choices: mainMenuChoices(ctx.t, ctx.person?.role) };
    },
  },
};

/** Sends the registration (with the liaison's note, if any) and tells the Board. */
function submit(ctx: FlowContext, data: Data, note: string | null): StepResult<Data> {
  const reg = submitRegistration(ctx.db, data.registrationId, ctx.actor, ctx.now, note);
  ctx.notify(adminIds(ctx), `registration-submitted:${reg.id}:v${reg.version}`, 'reg-admin-notice', {
    unit: unitOf(ctx, data).name,
    version: reg.version,
    count: listTargets(ctx.db, reg.id).length,
    late: reg.late ? 'yes' : 'no',
    note: note ?? '',
    hasNote: note ? 'yes' : 'no',
  });
  return {
    kind: 'done',
    message: ctx.t('reg-submitted', { version: reg.version, late: reg.late ? 'yes' : 'no', deadline: formatVnDate(deadlineFor(ctx.movement!, reg)) }),
    // The form to print, sign and stamp, first.
    choices: [{ id: 'go:regform', label: ctx.t('reg-download-form') }, ...mainMenuChoices(ctx.t, ctx.person?.role)],
  };
}

/** What `/dangky …` may add: the form at once ("bieumau", also from the reminder's button), and for the Board a unit. */
const FORM_WORDS = new Set(['form', 'bieumau', 'bieu mau', 'excel']);

/** Everything about a registration that is not a question: who may open it and where it starts. */
function start(ctx: FlowContext, args: string): StartResult<Data> {
  if (!ctx.movement) return { kind: 'refuse', message: ctx.t('err-no-movement-chat') };
  if (ctx.person?.role !== 'liaison' && ctx.person?.role !== 'admin') return { kind: 'refuse', message: ctx.t('reg-not-allowed') };
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  const wantsForm = words.length > 0 && FORM_WORDS.has(fold(words.at(-1)!));
  const chosen = unitToEnter(ctx, (wantsForm ? words.slice(0, -1) : words).join(' '));
  if (!chosen) return { kind: 'refuse', message: ctx.t('reg-not-allowed') };
  if ('refused' in chosen) return { kind: 'refuse', message: chosen.refused };
  const { unit } = chosen;
  const reg = ensureRegistration(ctx.db, ctx.movement.id, unit.id, ctx.now);
  const data: Data = { registrationId: reg.id, draft: null };
  // An approved registration can be asked to be reopened; one waiting for review just waits.
  if (reg.status === 'approved') return { kind: 'start', step: 'locked', data };
  if (!isEditable(reg.status)) {
    return { kind: 'done', message: `${menuText(ctx, data)}\n\n${ctx.t('reg-locked', { status: reg.status })}`, choices: mainMenuChoices(ctx.t, ctx.person?.role) };
  }
  if (wantsForm) return { kind: 'start', step: 'form_wait', data, note: requestForm(ctx, 'targets', reg.id, null) };
  if (listTargets(ctx.db, reg.id).length === 0) return { kind: 'start', step: 'area', data: { ...data, draft: {} }, note: ctx.t('reg-intro', { unit: unit.name }) };
  return { kind: 'start', step: 'menu', data };
}

export const registerFlow = defineFlow<Data>({ id: 'register', version: 1, schema: data, start, steps });
