/**
 * Reporting progress for a period: for each target in turn the result (or skip) and, where it can
 * differ, whether it is a running total; then a summary with % of plan to confirm, from which
 * evidence and a note can be added to any target (asked only of those who want to).
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type StartResult, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { getPeriod, listPeriods } from '../domain/movements.ts';
import { asksRunningTotal, figureKind, looksThousandfoldOff, planFactor } from '../domain/figures.ts';
import { computeLines, firstOfItsKind, recordProgressReport, reportsFor, type ProgressLineInput } from '../domain/progress.ts';
import { findRegistration, getTarget, listTargets } from '../domain/registrations.ts';
import { formatVnDate, formatVnNumber, localDate } from '../domain/vn-input.ts';
import { cleanText, isBlankText } from '../domain/text-input.ts';
import { can } from '../domain/scope.ts';
import { mainMenuChoices, skipChoice, unitToEnter } from './common.ts';
import { periodLabel, periodTitle } from '../domain/period-labels.ts';
import { formatAmount, formatPlan, formatResult } from './format.ts';
import { numberAnswer, quantityAnswer } from './number-answer.ts';
import { readResult } from '../domain/result-fields.ts';
import { fold } from '../util/text.ts';
import type { FormProblem } from '../forms/problems.ts';
import { formUpload } from './form-upload.ts';
import { markApplied, problemList, requestForm } from './forms.ts';
import type { Period, Target } from '../domain/model.ts';

const line = z.object({
  targetId: z.number().int(),
  skipped: z.boolean().optional(),
  value: z.number().nullable().optional(),
  cumulative: z.boolean().optional(),
  assessment: z.enum(['exceeded', 'met', 'not_met', 'in_progress', 'not_started']).nullable().optional(),
  evidenceKind: z.enum(['photo', 'document', 'link']).nullable().optional(),
  evidenceRef: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
});
type Line = z.infer<typeof line>;

const data = z.object({
  registrationId: z.number().int(),
  periodId: z.number().int().optional(),
  targetIds: z.array(z.number().int()),
  targetKinds: z.array(z.enum(['quantitative', 'qualitative'])),
  /** Which target is being asked about (index into targetIds). */
  index: z.number().int().nonnegative(),
  lines: z.array(line),
  pending: z.tuple([z.number(), z.number()]).optional(),
  /** A value about 1,000 times off the plan, waiting for the person to confirm it or type it again. */
  suspect: z.number().optional(),
  /** Per target: whether "this period or running total?" is asked (counts and amounts, not the year period). */
  asksTotal: z.array(z.boolean()).optional(),
  /** The filled report form the lines came from (form_uploads), marked used once the report is sent. */
  upload: z.number().int().optional(),
  /** The lines came at once (typed lines or a form): no guided pass, so no step counter. */
  bulk: z.boolean().optional(),
  /** Adding evidence or a note to one target from the summary: the target's index. */
  extra: z.number().int().nonnegative().optional(),
});
type Data = z.infer<typeof data>;

const URL_PATTERN = /^https?:\/\/\S+$/i;
/** Telegram's limit for files a bot may fetch; larger evidence is refused with a clear answer. */
const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

function currentTarget(ctx: FlowContext, data: Data): Target {
  return getTarget(ctx.db, data.targetIds[data.index]!)!;
}

function period(ctx: FlowContext, data: Data): Period {
  return getPeriod(ctx.db, data.periodId!)!;
}

const currentLine = (data: Data): Line => data.lines[data.index] ?? { targetId: data.targetIds[data.index]! };

function withLine(data: Data, patch: Partial<Line>): Data {
  const lines = [...data.lines];
  lines[data.index] = { ...currentLine(data), ...patch };
  return { ...data, lines, pending: undefined, suspect: undefined };
}

/** Questions per target: value, then (only for counts and amounts where the two can differ) cumulative. */
const perTarget = (d: Data, i: number) => (d.asksTotal?.[i] ? ['value', 'cumulative'] : ['value']);

/**
 * "Bước i/n" over one guided pass: the period, one step per target, the summary, so n is known
 * from the start and never jumps (a skipped target or an unasked "lũy kế" changes nothing). The
 * "lũy kế" follow-up belongs to its target's step; lines or a form read at once have no steps.
 */
function progress(step: 'period' | 'value' | 'confirm') {
  return (d: Data): [number, number] | undefined => {
    const total = d.targetIds.length + 2;
    if (step === 'period') return [1, total];
    if (step === 'value') return [d.index + 2, total];
    return d.bulk ? undefined : [total, total];
  };
}

/** After the current target's last question: the next target, or the summary. */
function nextTarget(data: Data): StepResult<Data> {
  const index = data.index + 1;
  if (index >= data.targetIds.length) return { kind: 'next', step: 'confirm', data: { ...data, index: data.index } };
  return { kind: 'next', step: 'value', data: { ...data, index } };
}

function after(ctx: FlowContext, step: string, data: Data, note?: string): StepResult<Data> {
  const order = perTarget(data, data.index);
  const skipped = currentLine(data).skipped === true;
  const following = skipped ? undefined : order[order.indexOf(step) + 1];
  const result = following ? ({ kind: 'next', step: following, data } as StepResult<Data>) : nextTarget(data);
  return note && result.kind === 'next' ? { ...result, note } : result;
}

/** What a qualitative target can be reported as: chưa thực hiện, đang thực hiện, hoàn thành, hoàn thành xuất sắc. */
const QUALITATIVE_STATES = ['not_started', 'in_progress', 'met', 'exceeded'] as const;

/** The value is taken: said back in the target's unit (and, when converted, as it was typed). */
function accept(ctx: FlowContext, data: Data, target: Target, value: number, typed: string | null): StepResult<Data> {
  return after(ctx, 'value', withLine(data, { skipped: false, value }), quantityAnswer.readAs(ctx, value, target.measure, typed));
}

function targetHeading(ctx: FlowContext, data: Data): string {
  const target = currentTarget(ctx, data);
  return ctx.t('rep-target-heading', {
    index: data.index + 1,
    total: data.targetIds.length,
    text: target.text,
    plan: formatPlan(ctx.t, target),
  });
}

function toInputs(data: Data): ProgressLineInput[] {
  return data.lines
    .filter((l) => !l.skipped)
    .map((l) => ({
      targetId: l.targetId,
      value: l.value ?? null,
      cumulative: l.cumulative ?? false,
      assessment: l.assessment ?? null,
      evidenceKind: l.evidenceKind ?? null,
      evidenceRef: l.evidenceRef ?? null,
      note: l.note ?? null,
    }));
}

function summary(ctx: FlowContext, data: Data): string {
  const byId = new Map(listTargets(ctx.db, data.registrationId).map((t) => [t.id, t]));
  const computed = computeLines(ctx.db, data.registrationId, period(ctx, data), toInputs(data));
  const rows = data.targetIds.map((id, i) => {
    const target = byId.get(id);
    const done = computed.find((c) => c.targetId === id);
    const result = done && target ? formatResult(ctx.t, target, done) : ctx.t('rep-skipped');
    const evidence = done?.evidenceRef ? ` 📎` : '';
    return `${i + 1}. ${target?.text ?? '?'}: ${result}${evidence}`;
  });
  return `${ctx.t('rep-summary-title', { period: periodLabel(ctx.t, period(ctx, data)) })}\n${rows.join('\n')}`;
}

/** "1: 97,5", "2) 12 lũy kế", "3: hoàn thành": the target's number in the report, then its result. */
const RESULT_LINE = /^(\d{1,3})\s*[:)]\s*(.+)$/s;
/** "12 lũy kế": the figure is the running total (for the targets where that is asked). */
function runningTotal(value: string): { value: string; total: boolean } {
  const words = value.trim().split(/\s+/);
  const total = words.length > 2 && ['luy ke', 'running total'].includes(fold(words.slice(-2).join(' ')));
  return { value: total ? words.slice(0, -2).join(' ') : value, total };
}

/** At the first target, the whole report may come at once: a form, or lines typed in one message. */
const bulkHint = (ctx: FlowContext, data: Data) => (data.index === 0 && data.targetIds.length > 1 ? `\n${ctx.t('rep-lines-hint')}` : '');
const bulkChoices = (ctx: FlowContext, data: Data): Choice[] => (data.index === 0 ? [{ id: 'form', label: ctx.t('rep-menu-form') }] : []);

/**
 * Results for several targets typed one a line: each read with the report's rules, all shown for
 * confirmation. Typed at the summary, they change only the targets they name.
 */
function readResultLines(ctx: FlowContext, data: Data, text: string, base?: Line[]): StepResult<Data> {
  const byId = new Map(listTargets(ctx.db, data.registrationId).map((t) => [t.id, t]));
  const problems: FormProblem[] = [];
  const warnings: string[] = [];
  const lines: Line[] = data.targetIds.map((targetId, i) => base?.[i] ?? { targetId, skipped: true });
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .forEach((raw, i) => {
      const m = RESULT_LINE.exec(raw);
      const index = m ? Number(m[1]) - 1 : -1;
      const target = byId.get(data.targetIds[index] ?? -1);
      if (!m || !target) {
        problems.push({ line: i + 1, column: null, message: { key: 'rep-line-unknown', args: { count: data.targetIds.length } } });
        return;
      }
      const { value, total } = runningTotal(m[2]!);
      const reading = readResult(value, target);
      if (!reading.ok) {
        problems.push({ line: i + 1, column: null, message: reading.problem });
        return;
      }
      if (reading.value.warning) warnings.push(ctx.t('form-problem-at', { line: i + 1, column: '', hasColumn: 'no', message: ctx.t(reading.value.warning.key, reading.value.warning.args) }));
      lines[index] = { ...lines[index], targetId: target.id, skipped: false, value: reading.value.value, assessment: reading.value.assessment, cumulative: total && (data.asksTotal?.[index] ?? false) };
    });
  if (problems.length > 0) return { kind: 'invalid', message: `${ctx.t('rep-lines-refused')}\n${problemList(ctx.t, problems)}` };
  const read = { ...data, lines, index: data.targetIds.length - 1, bulk: true };
  return { kind: 'next', step: 'confirm', data: read, ...(warnings.length > 0 ? { note: [ctx.t('form-plan-warnings'), ...warnings].join('\n') } : {}) };
}

/** Taking the filled report form back: its lines read after the message, then the summary to confirm. */
const filledForm = formUpload<Data>({
  form: 'results',
  registrationId: (data) => data.registrationId,
  periodId: (data) => data.periodId!,
  texts: { wait: 'form-wait-results', back: 'rep-form-back', sendFile: 'form-send-file-results' },
  back: (_ctx, data) => ({ kind: 'next', step: 'value', data: { ...data, index: 0 } }),
  read(ctx, data, sent) {
    const plan = sent.reading.plan;
    if (!('lines' in plan)) return { kind: 'invalid', message: ctx.t('form-read-too-late') };
    const read = new Map(plan.lines.map((l) => [l.targetId, l]));
    const lines: Line[] = data.targetIds.map((targetId) => {
      const l = read.get(targetId);
      return l ? { targetId, skipped: false, value: l.value ?? null, cumulative: l.cumulative ?? false, assessment: l.assessment ?? null, evidenceKind: l.evidenceKind ?? null, evidenceRef: l.evidenceRef ?? null, note: l.note ?? null } : { targetId, skipped: true };
    });
    const warnings = plan.warnings.length > 0 ? `\n${ctx.t('form-plan-warnings')}\n${problemList(ctx.t, plan.warnings)}` : '';
    return { kind: 'next', step: 'confirm', data: { ...data, lines, upload: sent.id, index: data.targetIds.length - 1, bulk: true }, note: `${ctx.t('form-read-ok', { name: sent.fileName })}${warnings}` };
  },
});

/** A file sent as the filled report form: read after this message. */
const takeForm = filledForm.takeForm;

/** "gấp khoảng 200 lần" or "chỉ bằng khoảng 1/5.000": the real factor of a figure far off the plan. */
function planFactorArgs(value: number, plan: number) {
  const { above, factor } = planFactor(value, plan);
  return { above: above ? 'yes' : 'no', factor: formatVnNumber(factor) };
}

/** The targets with a result in this report, by their number in it: the ones evidence or a note can go with. */
function reportedChoices(ctx: FlowContext, data: Data): Choice[] {
  const byId = new Map(listTargets(ctx.db, data.registrationId).map((t) => [t.id, t]));
  return data.targetIds.flatMap((id, i) => {
    const l = data.lines[i];
    if (!l || l.skipped) return [];
    const text = byId.get(id)?.text ?? '?';
    const label = `${i + 1}. ${text.length > 56 ? `${text.slice(0, 55)}…` : text}${l.evidenceRef ? ' 📎' : ''}${l.note ? ' ✎' : ''}`;
    return [{ id: String(i), label }];
  });
}

/** Evidence or a note added to the target chosen from the summary. */
function withExtra(data: Data, patch: Partial<Line>): Data {
  const lines = [...data.lines];
  lines[data.extra!] = { ...lines[data.extra!]!, ...patch };
  return { ...data, lines };
}

/** Says which target the evidence or note is for (the step counter is for the pass, not this detour). */
function extraHeading(ctx: FlowContext, data: Data): string {
  const target = getTarget(ctx.db, data.targetIds[data.extra ?? 0]!)!;
  return ctx.t('rep-extra-heading', { index: (data.extra ?? 0) + 1, text: target.text });
}

const steps: Record<string, Step<Data>> = {
  period: {
    progress: progress('period'),
    prompt(ctx) {
      const today = localDate(ctx.now, ctx.movement!.timezone);
      const choices: Choice[] = listPeriods(ctx.db, ctx.movement!.id).map((p) => ({
        id: String(p.id),
        label: ctx.t(p.dueOn < today ? 'rep-period-choice-past' : 'rep-period-choice', { label: periodTitle(ctx.t, p), due: formatVnDate(p.dueOn) }),
      }));
      return { text: ctx.t('rep-period-prompt'), choices };
    },
    handle(ctx, data, answer) {
      const chosen = listPeriods(ctx.db, ctx.movement!.id).find((p) => String(p.id) === answer.choice?.id);
      if (!chosen) return { kind: 'invalid', message: ctx.t('choice-expected') };
      const earlier = reportsFor(ctx.db, data.registrationId, chosen.id);
      const note = earlier.length > 0 ? ctx.t('rep-correction', { count: earlier.length, when: formatVnDate(localDate(earlier.at(-1)!.reportedAt, ctx.movement!.timezone)) }) : undefined;
      const byId = new Map(listTargets(ctx.db, data.registrationId).map((t) => [t.id, t]));
      // In the first period of its kind (Quý I) "this period" and "running total" are the same figure: not asked.
      const first = firstOfItsKind(ctx.db, chosen);
      const asksTotal = data.targetIds.map((id) => {
        const target = byId.get(id);
        return target?.kind === 'quantitative' && !first && asksRunningTotal(figureKind(target.measure), chosen.kind);
      });
      return { kind: 'next', step: 'value', data: { ...data, periodId: chosen.id, index: 0, lines: [], asksTotal }, ...(note ? { note } : {}) };
    },
  },

  value: {
    progress: progress('value'),
    prompt(ctx, data) {
      const target = currentTarget(ctx, data);
      if (data.pending) return numberAnswer.ambiguityPrompt(ctx, data.pending);
      if (data.suspect !== undefined)
        return {
          text: ctx.t('rep-value-thousandfold', { amount: formatAmount(data.suspect, target.measure), plan: formatPlan(ctx.t, target), ...planFactorArgs(data.suspect, target.plannedValue!) }),
          choices: [
            { id: 'keep-suspect', label: ctx.t('rep-value-keep', { amount: formatAmount(data.suspect, target.measure) }) },
            { id: 'retype', label: ctx.t('rep-value-retype') },
          ],
          numbered: false,
        };
      if (target.kind === 'qualitative')
        return {
          text: `${targetHeading(ctx, data)}\n${ctx.t('rep-qualitative-prompt')}${bulkHint(ctx, data)}`,
          choices: [...QUALITATIVE_STATES.map((id) => ({ id, label: ctx.t('qualitative-state', { state: id }) })), skipChoice(ctx.t), ...bulkChoices(ctx, data)],
          acceptsFile: data.index === 0,
        };
      return {
        text: `${targetHeading(ctx, data)}\n${ctx.t('rep-value-prompt', { measure: target.measure ?? '', kind: period(ctx, data).kind === 'year' ? 'year' : figureKind(target.measure) })}${bulkHint(ctx, data)}`,
        choices: [skipChoice(ctx.t), ...bulkChoices(ctx, data)],
        numbered: false,
        acceptsFile: data.index === 0,
      };
    },
    handle(ctx, data, answer) {
      const target = currentTarget(ctx, data);
      if (data.index === 0) {
        if (answer.choice?.id === 'form') return { kind: 'next', step: 'form_wait', data, note: requestForm(ctx, 'results', data.registrationId, data.periodId!) };
        if (answer.file) return takeForm(ctx, data, answer);
        if (answer.text && RESULT_LINE.test(answer.text.split('\n')[0]!.trim())) return readResultLines(ctx, data, answer.text);
      }
      if (answer.choice?.id === 'skip') return after(ctx, 'value', withLine(data, { skipped: true }), ctx.t('rep-skipped'));
      if (target.kind === 'qualitative') {
        const id = QUALITATIVE_STATES.find((s) => s === answer.choice?.id);
        if (!id) return { kind: 'invalid', message: ctx.t('choice-expected') };
        return after(ctx, 'value', withLine(data, { skipped: false, assessment: id, value: null }));
      }
      if (data.suspect !== undefined) {
        if (answer.choice?.id === 'retype') return { kind: 'next', step: 'value', data: { ...data, suspect: undefined } };
        if (answer.choice?.id === 'keep-suspect') return accept(ctx, data, target, data.suspect, null);
      }
      const reading = quantityAnswer.read(ctx, answer, target.measure, data.pending);
      if (reading.kind === 'invalid') return { kind: 'invalid', message: reading.message };
      if (reading.kind === 'ambiguous') return { kind: 'next', step: 'value', data: { ...data, pending: reading.candidates } };
      if (reading.value < 0) return { kind: 'invalid', message: ctx.t('reg-planned-negative') };
      if (looksThousandfoldOff(reading.value, target.plannedValue)) return { kind: 'next', step: 'value', data: { ...data, pending: undefined, suspect: reading.value } };
      return accept(ctx, data, target, reading.value, reading.typed);
    },
    help: (ctx) => ctx.t('number-help'),
  },

  cumulative: {
    prompt: (ctx) => ({
      text: ctx.t('rep-cumulative-prompt'),
      choices: [
        { id: 'period', label: ctx.t('rep-cumulative-period') },
        { id: 'total', label: ctx.t('rep-cumulative-total') },
      ],
    }),
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id !== 'period' && id !== 'total') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return after(ctx, 'cumulative', withLine(data, { cumulative: id === 'total' }));
    },
  },

  /** From the summary: which reported target gets evidence or a note. */
  extra_pick: {
    prompt: (ctx, data) => ({ text: ctx.t('rep-extra-pick'), choices: [...reportedChoices(ctx, data), { id: 'back', label: ctx.t('rep-extra-back') }] }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'confirm', data };
      const i = reportedChoices(ctx, data).findIndex((c) => c.id === answer.choice?.id);
      if (i < 0) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'evidence', data: { ...data, extra: Number(answer.choice!.id) } };
    },
  },

  evidence: {
    prompt: (ctx, data) => ({ text: `${extraHeading(ctx, data)}\n${ctx.t('rep-evidence-prompt')}`, choices: [{ id: 'none', label: ctx.t('rep-evidence-none') }], acceptsFile: true }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'none') return { kind: 'next', step: 'note', data };
      if (answer.file) {
        if ((answer.file.size ?? 0) > MAX_EVIDENCE_BYTES) return { kind: 'invalid', message: ctx.t('rep-evidence-too-big', { max: MAX_EVIDENCE_BYTES / 1024 / 1024 }) };
        return { kind: 'next', step: 'note', data: withExtra(data, { evidenceKind: answer.file.kind, evidenceRef: answer.file.ref }), note: ctx.t('rep-evidence-received') };
      }
      const text = answer.text?.trim() ?? '';
      if (URL_PATTERN.test(text) && text.length <= 1000) return { kind: 'next', step: 'note', data: withExtra(data, { evidenceKind: 'link', evidenceRef: text }), note: ctx.t('rep-evidence-received') };
      return { kind: 'invalid', message: ctx.t('rep-evidence-expected') };
    },
  },

  note: {
    prompt: (ctx, data) => ({ text: `${extraHeading(ctx, data)}\n${ctx.t('rep-note-prompt')}`, choices: [{ id: 'none', label: ctx.t('rep-note-none') }] }),
    handle(ctx, data, answer) {
      const back = (d: Data): StepResult<Data> => ({ kind: 'next', step: 'confirm', data: { ...d, extra: undefined } });
      if (answer.choice?.id === 'none') return back(data);
      const note = cleanText(answer.text ?? '');
      if (isBlankText(note)) return { kind: 'invalid', message: ctx.t('note-expected') };
      if (note.length > 500) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: 500, length: note.length }) };
      return back(withExtra(data, { note }));
    },
  },

  ...filledForm.steps,

  confirm: {
    progress: progress('confirm'),
    prompt: (ctx, data) => ({
      text: `${summary(ctx, data)}\n\n${ctx.t('rep-confirm-prompt')}`,
      choices: [
        { id: 'send', label: ctx.t('rep-confirm-send') },
        ...(reportedChoices(ctx, data).length > 0 ? [{ id: 'extra', label: ctx.t('rep-confirm-extra') }] : []),
        { id: 'redo', label: ctx.t('rep-confirm-redo') },
      ],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'redo') return { kind: 'next', step: 'value', data: { ...data, index: 0, lines: [], bulk: undefined, upload: undefined } };
      if (answer.choice?.id === 'extra') {
        const reported = reportedChoices(ctx, data);
        if (reported.length === 0) return { kind: 'invalid', message: ctx.t('choice-expected') };
        // One target reported: nothing to choose.
        if (reported.length === 1) return { kind: 'next', step: 'evidence', data: { ...data, extra: Number(reported[0]!.id) } };
        return { kind: 'next', step: 'extra_pick', data };
      }
      if (!answer.choice && answer.text && RESULT_LINE.test(answer.text.split('\n')[0]!.trim())) return readResultLines(ctx, data, answer.text, data.lines);
      if (answer.choice?.id !== 'send') return { kind: 'invalid', message: ctx.t('choice-expected') };
      const inputs = toInputs(data);
      if (inputs.length === 0) return { kind: 'invalid', message: ctx.t('rep-nothing-reported') };
      const recorded = recordProgressReport(ctx.db, { registrationId: data.registrationId, periodId: data.periodId!, lines: inputs }, ctx.actor, ctx.now);
      if (data.upload !== undefined) markApplied(ctx, data.upload);
      return {
        kind: 'done',
        message: ctx.t('rep-saved', { period: periodLabel(ctx.t, period(ctx, data)), count: inputs.length, revision: recorded.revision }),
        choices: mainMenuChoices(ctx.t, ctx.person?.role),
      };
    },
  },
};

function start(ctx: FlowContext, args: string): StartResult<Data> {
  const chosen = unitToEnter(ctx, args.trim());
  if (!chosen) return { kind: 'refuse', message: ctx.t('reg-not-allowed') };
  if ('refused' in chosen) return { kind: 'refuse', message: chosen.refused };
  const reg = findRegistration(ctx.db, ctx.movement!.id, chosen.unit.id);
  const list = reg ? listTargets(ctx.db, reg.id) : [];
  if (!reg || reg.version === 0 || list.length === 0)
    return { kind: 'refuse', message: ctx.t('rep-register-first'), choices: [{ id: 'go:register', label: ctx.t('menu-register') }] };
  return {
    kind: 'start',
    step: 'period',
    data: { registrationId: reg.id, targetIds: list.map((t) => t.id), targetKinds: list.map((t) => t.kind), index: 0, lines: [] },
  };
}

/**
 * Version 1 asked evidence and a note after each target: a report saved at one of those goes on to
 * the next target (the answers so far kept; evidence and notes are added from the summary now).
 */
function migrate(_from: number, step: string, saved: unknown): { step: string; data: Data } | undefined {
  const parsed = data.safeParse(saved);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  if (step !== 'evidence' && step !== 'note') return steps[step] ? { step, data: d } : undefined;
  const index = d.index + 1;
  return index < d.targetIds.length ? { step: 'value', data: { ...d, index } } : { step: 'confirm', data: d };
}

export const reportFlow = defineFlow<Data>({
  id: 'report',
  version: 2,
  schema: data,
  commands: [{ en: 'report', vi: 'baocao', menu: ['liaison'], place: 70 }],
  requires: { movement: true, person: { may: can.fileForUnit, refusal: 'reg-not-allowed' } },
  start,
  steps,
  migrate,
});
