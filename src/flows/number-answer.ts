import type { Answer, FlowContext, Prompt } from '../chat/engine.ts';
import { formatVnNumber, parseVnNumber } from '../domain/vn-input.ts';

export type NumberAnswer =
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
      text: ctx.t('number-ambiguous', { first: formatVnNumber(pending[0], 6), second: formatVnNumber(pending[1], 6) }),
      choices: [
        { id: 'n0', label: formatVnNumber(pending[0], 6) },
        { id: 'n1', label: formatVnNumber(pending[1], 6) },
      ],
      numbered: false,
    };
  },
};
