/**
 * The steps that take a filled form back, shared by the registration and the report: `form_wait`
 * (the form is on its way; send it back filled) and `form_reading` (the file is read after the
 * message, see Job 'form-in'; its reading comes back as an `upload` answer). What differs is
 * passed in: the form's kind, the texts, where "back" goes, and what a form read leads to.
 */
import type { Answer, FlowContext, Step, StepResult } from '../chat/engine.ts';
import type { FormKind } from '../forms/apply.ts';
import { receiveForm, uploadOutcome } from './forms.ts';

/** A form read without a problem, as `uploadOutcome` gives it. */
type ReadUpload = Extract<ReturnType<typeof uploadOutcome>, { kind: 'read' }>['upload'];

interface FormUploadSpec<D> {
  form: FormKind;
  registrationId(data: D): number;
  /** The period a report form is for; null for the registration form. */
  periodId(data: D): number | null;
  /** Locale keys: the prompt of `form_wait`, the "back" choice, and the answer to anything but a file. */
  texts: { wait: string; back: string; sendFile: string };
  /** Where "back" goes. */
  back(ctx: FlowContext, data: D): StepResult<D>;
  /** The data kept while a file is read (the registration drops its draft). */
  whileReading?(data: D): D;
  /** Text answered at `form_wait` that is not refused outright (the registration's pasted lines), or undefined. */
  textAtWait?(ctx: FlowContext, data: D, text: string | undefined): StepResult<D> | undefined;
  /** What a form read without a problem leads to. */
  read(ctx: FlowContext, data: D, upload: ReadUpload): StepResult<D>;
}

interface FormUpload<D> {
  steps: { form_wait: Step<D>; form_reading: Step<D> };
  /** A file sent as the filled form (here or at another step): read after this message. */
  takeForm(ctx: FlowContext, data: D, answer: Answer): StepResult<D>;
}

export function formUpload<D>(spec: FormUploadSpec<D>): FormUpload<D> {
  const takeForm = (ctx: FlowContext, data: D, answer: Answer): StepResult<D> => {
    const received = receiveForm(ctx, answer, spec.form, spec.registrationId(data), spec.periodId(data));
    if ('refused' in received) return { kind: 'invalid', message: received.refused };
    return { kind: 'next', step: 'form_reading', data: spec.whileReading ? spec.whileReading(data) : data, note: ctx.t('form-reading', { name: received.name }) };
  };
  const backChoice = (ctx: FlowContext) => [{ id: 'back', label: ctx.t(spec.texts.back) }];

  const steps = {
    form_wait: {
      prompt: (ctx) => ({ text: ctx.t(spec.texts.wait), choices: backChoice(ctx), acceptsFile: true }),
      handle(ctx, data, answer) {
        if (answer.file) return takeForm(ctx, data, answer);
        if (answer.choice?.id === 'back') return spec.back(ctx, data);
        return spec.textAtWait?.(ctx, data, answer.text) ?? { kind: 'invalid', message: ctx.t(spec.texts.sendFile) };
      },
    },

    form_reading: {
      // The note before it already says the file is being read: only where the answer will come.
      prompt: (ctx) => ({ text: ctx.t('form-reading-meanwhile'), choices: backChoice(ctx), acceptsFile: true }),
      handle(ctx, data, answer) {
        if (answer.upload !== undefined) {
          const outcome = uploadOutcome(ctx, answer.upload, spec.form, spec.registrationId(data));
          if (outcome.kind === 'late') return { kind: 'invalid', message: ctx.t('form-read-too-late') };
          if (outcome.kind === 'refused') return { kind: 'next', step: 'form_wait', data, note: outcome.note };
          return spec.read(ctx, data, outcome.upload);
        }
        // A newer file replaces the one being read.
        if (answer.file) return takeForm(ctx, data, answer);
        if (answer.choice?.id === 'back') return spec.back(ctx, data);
        return { kind: 'invalid', message: ctx.t('form-reading-wait') };
      },
    },
  } satisfies Record<string, Step<D>>;

  return { steps, takeForm };
}
