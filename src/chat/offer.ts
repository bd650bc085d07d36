/**
 * The next steps a finished action offers ("Tải bản đăng ký để trình ký", the menu): their buttons
 * open flows from anywhere (`go:` choices); typed ("1", or the label, in the terminal or a
 * numbered list) they must pick the same, so they are kept as the question in hand, in the menu
 * flow's `offered` step. They stand only for an answer that picks one of them.
 */
import type { Asked, Flow } from './engine.ts';
import { matchChoice } from './choices.ts';
import { EMPTY_HISTORY } from './history.ts';
import type { Choice } from './types.ts';

const OFFER = { flow: 'menu', step: 'offered' } as const;

export const isOffer = (convo: { flow: string; step: string }) => convo.flow === OFFER.flow && convo.step === OFFER.step;

/** Whether an offer still stands for this message: a typed answer that picks one of its options. */
export const offerTaken = (asked: Asked, text: string, pressed: boolean) => !pressed && text !== '' && !text.startsWith('/') && matchChoice(text, asked.choices, true) !== undefined;

/** The conversation row that keeps `choices` offered, or undefined when they are not all flows to open. */
export function offerRow(flowNamed: (id: string) => Flow<any> | undefined, choices: Choice[] | undefined, now: number) {
  const menu = flowNamed(OFFER.flow);
  if (!menu || !choices || choices.length === 0 || !choices.every((c) => c.id.startsWith('go:'))) return undefined;
  const asked: Asked = { choices, numbered: true, acceptsFile: false };
  return { flow: menu.id, flowVersion: menu.version, step: OFFER.step, seq: 0, data: {}, history: EMPTY_HISTORY, startedAt: now, asked };
}
