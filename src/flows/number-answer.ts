import type { Answer, FlowContext, Prompt } from '../chat/engine.ts';
import { readQuantity } from '../domain/figures.ts';
import { cleanText } from '../domain/text-input.ts';
import { formatVnNumber, parseVnNumber, vnNumberInWords } from '../domain/vn-input.ts';
import { formatAmount } from './format.ts';

type NumberAnswer =
  | { kind: 'ok'; value: number }
  | { kind: 'ambiguous'; candidates: [number, number] }
  | { kind: 'invalid'; message: string };

/**
 * Reading an amount as people type it. "1.500" could be fifteen hundred or one and a half, so the
 * person is asked which they meant (`pending` holds the two readings until they answer).
 */
export const numberAnswer = {
  read(ctx: FlowContext, answer: Answer, pending?: [number, number]): NumberAnswer {
    if (pending && (answer.choice?.id === 'n0' || answer.choice?.id === 'n1')) return { kind: 'ok', value: pending[answer.choice.id === 'n0' ? 0 : 1] };
    const reading = parseVnNumber(answer.text ?? '');
    if (reading.kind === 'ok') return { kind: 'ok', value: reading.value };
    if (reading.kind === 'ambiguous') return { kind: 'ambiguous', candidates: reading.candidates };
    return { kind: 'invalid', message: ctx.t('number-invalid') };
  },

  ambiguityPrompt(ctx: FlowContext, pending: [number, number]): Prompt {
    return {
      text: ctx.t('number-ambiguous', { first: formatVnNumber(pending[0], 6), second: formatVnNumber(pending[1], 6), words: vnNumberInWords(pending[0]) }),
      choices: [
        { id: 'n0', label: formatVnNumber(pending[0], 6) },
        { id: 'n1', label: formatVnNumber(pending[1], 6) },
      ],
      numbered: false,
    };
  },
};

type QuantityAnswer =
  | { kind: 'ok'; value: number; typed: string | null }
  | { kind: 'ambiguous'; candidates: [number, number] }
  | { kind: 'invalid'; message: string };

/**
 * Reading a figure for a target with its unit of measure: "1.234.567.000 đồng", "1,2 tỷ", "25 xã"
 * (domain/figures.ts readQuantity). The value comes back in the target's unit.
 */
export const quantityAnswer = {
  read(ctx: FlowContext, answer: Answer, measure: string | null, pending?: [number, number]): QuantityAnswer {
    if (pending && (answer.choice?.id === 'n0' || answer.choice?.id === 'n1')) return { kind: 'ok', value: pending[answer.choice.id === 'n0' ? 0 : 1], typed: null };
    const reading = readQuantity(cleanText(answer.text ?? ''), measure);
    if (reading.kind === 'ok' || reading.kind === 'ambiguous') return reading;
    if (reading.kind === 'other-unit') return { kind: 'invalid', message: ctx.t('number-other-unit', { unit: reading.unit, measure: measure ?? '' }) };
    return { kind: 'invalid', message: ctx.t('number-invalid') };
  },

  /** "✔ Đã ghi: 1,23 tỷ đồng (quy đổi từ đồng)". */
  readAs(ctx: FlowContext, value: number, measure: string | null, typed: string | null): string {
    const read = ctx.t('reg-read-as', { amount: formatAmount(value, measure) });
    return typed ? `${read} ${ctx.t('number-converted', { typed })}` : read;
  },
};
