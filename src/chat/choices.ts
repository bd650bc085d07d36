import { fold } from '../util/text.ts';
import type { Choice } from './types.ts';

/**
 * Finds the option a person meant by what they typed: its number in the list, its label, or a
 * part of the label that fits only one option, all without accents ("so noi vu" → "Sở Nội vụ").
 * With `byNumber` off (questions that take a typed amount or date) a typed number is an answer, not
 * an option, and a part of a label counts only without digits. A part that begins one label only
 * is that one ("Năm 2020" is "Năm 2020 (hạn 10/01/2021)", not "6 tháng đầu năm 2020").
 */
export function matchChoice(typed: string, choices: readonly Choice[], byNumber = true): Choice | undefined {
  const text = fold(typed).replace(/[.)]$/, '');
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return byNumber ? choices[Number(text) - 1] : undefined;
  const exact = choices.find((c) => fold(c.label) === text || fold(c.id) === text);
  // Where amounts and dates are typed, a part of a label counts only if it has no digits in it.
  if (exact || (!byNumber && /\d/.test(text))) return exact;
  const partial = choices.filter((c) => fold(c.label).includes(text));
  if (partial.length === 1) return partial[0];
  const starting = partial.filter((c) => fold(c.label).startsWith(text));
  return starting.length === 1 ? starting[0] : undefined;
}
