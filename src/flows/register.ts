/**
 * Registering a unit's targets (đăng ký chỉ tiêu thi đua): add targets one question at a time,
 * review the list, edit or delete, choose the titles sought, and submit for review.
 */
import { z } from 'zod';
import { defineFlow, type Answer, type FlowContext, type StartResult, type Step, type StepResult } from '../chat/engine.ts';
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
import { adminIds, mainMenuChoices, readReason, skipChoice } from './common.ts';
import { formatPlan, formatTargetList } from './format.ts';
import { numberAnswer, quantityAnswer } from './number-answer.ts';

/** Units of measure as the forms write them: stored in the targets as data, so Vietnamese in any language. */
const COMMON_MEASURES = ['%', 'sản phẩm', 'xã', 'công trình', 'người', 'mô hình', 'đồng', 'triệu đồng', 'tỷ đồng'];
const TEXT_MIN = 5;
const TEXT_MAX = 500;

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
});
type Draft = z.infer<typeof draft>;

const data = z.object({
  registrationId: z.number().int(),
  draft: draft.nullable(),
  titles: z.array(z.string()).optional(),
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

const next = (data: Data, step: string, patch: Partial<Draft>, note?: string): StepResult<Data> => {
  const d = { ...data.draft, ...patch };
  return { kind: 'next', step: after(step, d), data: { ...data, draft: d }, ...(note ? { note } : {}) };
};

/** While editing, each question offers to keep the current answer. */
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
  return next(data, 'due', { dueOn: date, dueToConfirm: undefined }, note);
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

function menuText(ctx: FlowContext, data: Data): string {
  const reg = getRegistration(ctx.db, data.registrationId);
  const targets = listTargets(ctx.db, reg.id);
  const titles = listTitles(ctx.db, reg.id);
  const lines = [
    ctx.t('reg-header', {
      unit: ctx.unit!.name,
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
  const text = cleanText(answer.text ?? '');
  if (isBlankText(text)) return { error: ctx.t('text-blank') };
  if (text.length < TEXT_MIN) return { error: ctx.t('reg-text-too-short', { min: TEXT_MIN }) };
  if (text.length > TEXT_MAX) return { error: ctx.t('reg-text-too-long', { max: TEXT_MAX, length: text.length }) };
  return text;
}

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
      choices.push({ id: 'later', label: ctx.t('reg-menu-later') });
      return { text: `${menuText(ctx, data)}\n\n${ctx.t('reg-menu-prompt')}`, choices };
    },
    handle(ctx, data, answer) {
      switch (answer.choice?.id) {
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
      return { text: ctx.t('reg-area-prompt'), choices: [...keepChoice(ctx, data, areaLabel(ctx, data.draft?.areaId)), ...areas] };
    },
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(data, 'area', {});
      const id = Number(answer.choice?.id);
      if (!answer.choice || !Number.isInteger(id)) return { kind: 'invalid', message: ctx.t('reg-area-expected') };
      return next(data, 'area', { areaId: id });
    },
  },

  text: {
    progress: progress('text'),
    prompt: (ctx, data) => ({ text: ctx.t('reg-text-prompt'), choices: keepChoice(ctx, data, data.draft?.text) }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(data, 'text', {});
      const text = readText(ctx, answer);
      return typeof text === 'string' ? next(data, 'text', { text }) : { kind: 'invalid', message: text.error };
    },
  },

  kind: {
    progress: progress('kind'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-kind-prompt'),
      choices: [
        ...keepChoice(ctx, data, data.draft?.kind && ctx.t(`target-kind-${data.draft.kind}`)),
        { id: 'quantitative', label: ctx.t('target-kind-quantitative') },
        { id: 'qualitative', label: ctx.t('target-kind-qualitative') },
      ],
    }),
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'keep') return next(data, 'kind', {});
      if (id !== 'quantitative' && id !== 'qualitative') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return next(data, 'kind', { kind: id });
    },
  },

  measure: {
    progress: progress('measure'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-measure-prompt'),
      choices: [...keepChoice(ctx, data, data.draft?.measure), ...COMMON_MEASURES.map((m) => ({ id: `m:${m}`, label: m }))],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(data, 'measure', {});
      // A typed unit is taken as typed: "đồng" is not "tỷ đồng", even if it is part of that button.
      const typed = cleanText(answer.text ?? '');
      const picked = answer.choice && (typed === '' || /^\d+$/.test(typed) || fold(typed) === fold(answer.choice.label));
      const measure = picked ? answer.choice!.label : typed;
      if (measure.length < 1 || measure.length > 30 || /^\d+$/.test(measure)) return { kind: 'invalid', message: ctx.t('reg-measure-invalid') };
      return next(data, 'measure', { measure });
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
      if (answer.choice?.id === 'keep') return next(data, 'planned', {});
      const reading = quantityAnswer.read(ctx, answer, d.measure ?? null, d.pending);
      if (reading.kind === 'invalid') return { kind: 'invalid', message: reading.message };
      if (reading.kind === 'ambiguous') return { kind: 'next', step: 'planned', data: { ...data, draft: { ...d, pending: reading.candidates } } };
      if (reading.value < 0) return { kind: 'invalid', message: ctx.t('reg-planned-negative') };
      return next(data, 'planned', { planned: reading.value, pending: undefined }, quantityAnswer.readAs(ctx, reading.value, d.measure ?? null, reading.typed));
    },
    help: (ctx) => ctx.t('number-help'),
  },

  direction: {
    progress: progress('direction'),
    prompt: (ctx, data) => ({
      text: ctx.t('reg-direction-prompt'),
      choices: [
        ...keepChoice(ctx, data, data.draft?.direction && ctx.t(`direction-${data.draft.direction}`)),
        { id: 'at_least', label: ctx.t('direction-at_least') },
        { id: 'at_most', label: ctx.t('direction-at_most') },
      ],
    }),
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'keep') return next(data, 'direction', {});
      if (id !== 'at_least' && id !== 'at_most') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return next(data, 'direction', { direction: id });
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
          ...keepChoice(ctx, data, data.draft?.dueOn && formatVnDate(data.draft.dueOn)),
          { id: 'end', label: ctx.t('reg-due-end', { date: formatVnDate(movementEnd(ctx)) }) },
        ],
        numbered: false,
      };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'keep') return next(data, 'due', {});
      if (id === 'end') return next(data, 'due', { dueOn: movementEnd(ctx), dueToConfirm: undefined });
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
      choices: [...keepChoice(ctx, data, data.draft?.note ?? undefined), skipChoice(ctx.t)],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'keep') return next(data, 'note', {});
      if (answer.choice?.id === 'skip') return next(data, 'note', { note: null });
      const note = cleanText(answer.text ?? '');
      if (isBlankText(note)) return { kind: 'invalid', message: ctx.t('note-expected') };
      if (note.length > TEXT_MAX) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: TEXT_MAX, length: note.length }) };
      return next(data, 'note', { note });
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
      return { kind: 'next', step: 'area', data: { ...data, draft: d } };
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
      const history = TITLES_WITH_HISTORY.map((title) => ({ title, ...titleHistory(ctx.db, ctx.unit!.id, title, year) }))
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
      if (note.length > TEXT_MAX) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: TEXT_MAX, length: note.length }) };
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
      ctx.notify(adminIds(ctx), `reopen-request:${reg.id}:v${reg.version}:${ctx.now}`, 'reg-reopen-request-notice', { unit: ctx.unit!.name, reason });
      return { kind: 'done', message: ctx.t('reg-reopen-requested'), choices: mainMenuChoices(ctx.t, ctx.person?.role) };
    },
  },
};

/** Sends the registration (with the liaison's note, if any) and tells the Board. */
function submit(ctx: FlowContext, data: Data, note: string | null): StepResult<Data> {
  const reg = submitRegistration(ctx.db, data.registrationId, ctx.actor, ctx.now, note);
  ctx.notify(adminIds(ctx), `registration-submitted:${reg.id}:v${reg.version}`, 'reg-admin-notice', {
    unit: ctx.unit!.name,
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

/** Everything about a registration that is not a question: who may open it and where it starts. */
function start(ctx: FlowContext): StartResult<Data> {
  if (!ctx.movement) return { kind: 'refuse', message: ctx.t('err-no-movement-chat') };
  if (!ctx.unit || (ctx.person?.role !== 'liaison' && ctx.person?.role !== 'admin')) return { kind: 'refuse', message: ctx.t('reg-not-allowed') };
  const reg = ensureRegistration(ctx.db, ctx.movement.id, ctx.unit.id, ctx.now);
  const data: Data = { registrationId: reg.id, draft: null };
  // An approved registration can be asked to be reopened; one waiting for review just waits.
  if (reg.status === 'approved') return { kind: 'start', step: 'locked', data };
  if (!isEditable(reg.status)) {
    return { kind: 'done', message: `${menuText(ctx, data)}\n\n${ctx.t('reg-locked', { status: reg.status })}`, choices: mainMenuChoices(ctx.t, ctx.person?.role) };
  }
  if (listTargets(ctx.db, reg.id).length === 0) return { kind: 'start', step: 'area', data: { ...data, draft: {} }, note: ctx.t('reg-intro', { unit: ctx.unit.name }) };
  return { kind: 'start', step: 'menu', data };
}

export const registerFlow = defineFlow<Data>({ id: 'register', version: 1, schema: data, start, steps });
