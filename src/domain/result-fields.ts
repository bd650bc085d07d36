/**
 * One target's result written in one cell or one line ("97,5", "12 hồ sơ", "hoàn thành"), read
 * with the rules the guided report uses: in the target's unit, never negative, a figure about
 * 1,000 times off the plan questioned (a warning here), a qualitative target's state by its name.
 */
import { looksThousandfoldOff, moneyScale, planFactor, readQuantity } from './figures.ts';
import type { FieldMessage, FieldReading } from './target-fields.ts';
import { cleanText } from './text-input.ts';
import { formatVnNumber } from './vn-input.ts';
import { fold } from '../util/text.ts';
import type { Assessment, Target } from './model.ts';

/** A qualitative target's states by their Vietnamese and English names. */
const STATES: Record<string, Assessment> = {
  'chua thuc hien': 'not_started',
  'not started': 'not_started',
  'dang thuc hien': 'in_progress',
  'in progress': 'in_progress',
  'hoan thanh': 'met',
  done: 'met',
  completed: 'met',
  'hoan thanh xuat sac': 'exceeded',
  'completed with distinction': 'exceeded',
};

interface ResultReading {
  value: number | null;
  assessment: Assessment | null;
  warning?: FieldMessage;
}

export function readResult(raw: string, target: Pick<Target, 'kind' | 'measure' | 'plannedValue'>): FieldReading<ResultReading> {
  const text = cleanText(raw);
  if (target.kind === 'qualitative') {
    const state = STATES[fold(text)];
    return state ? { ok: true, value: { value: null, assessment: state } } : { ok: false, problem: { key: 'form-err-state', args: { value: text } } };
  }
  const reading = readQuantity(text, target.measure);
  if (reading.kind === 'other-unit') return { ok: false, problem: { key: 'number-other-unit', args: { unit: reading.unit, measure: target.measure ?? '' } } };
  if (reading.kind === 'ambiguous') return { ok: false, problem: { key: 'form-err-number-ambiguous', args: { value: text } } };
  if (reading.kind !== 'ok') return { ok: false, problem: { key: 'form-err-number', args: { value: text } } };
  if (reading.value < 0) return { ok: false, problem: { key: 'reg-planned-negative' } };
  if (looksThousandfoldOff(reading.value, target.plannedValue)) {
    const off = magnitudeMessage(text, reading.value, target);
    // A bare number hundreds of times off is an open question, not a figure to send: written with
    // its unit ("350 triệu", "1.200 hồ sơ") it is taken, with the factor said.
    if (!reading.withUnit) return { ok: false, problem: { key: 'form-err-magnitude', args: off } };
    return { ok: true, value: { value: reading.value, assessment: null, warning: { key: 'form-warn-magnitude', args: off } } };
  }
  return { ok: true, value: { value: reading.value, assessment: null } };
}

/** The arguments of a "far off the plan" message: the real factor, and for money what the number is in đồng. */
function magnitudeMessage(text: string, value: number, target: Pick<Target, 'measure' | 'plannedValue'>): Record<string, string> {
  const measure = target.measure ?? '';
  const { above, factor } = planFactor(value, target.plannedValue!);
  const scale = moneyScale(measure);
  return {
    value: text,
    factor: formatVnNumber(factor),
    above: above ? 'yes' : 'no',
    plan: `${formatVnNumber(target.plannedValue!)} ${measure}`.trim(),
    measure,
    // "350000000" for a target in tỷ đồng: as đồng it would be 0,35 tỷ đồng.
    asDong: scale !== undefined && scale > 1 ? `${formatVnNumber(value / scale, 6)} ${measure}` : 'none',
  };
}

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** An evidence link: an http(s) address, at most 1,000 characters (blank: none). */
export function readEvidenceLink(raw: string): FieldReading<string | null> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (URL_PATTERN.test(text) && text.length <= 1000) return { ok: true, value: text };
  return { ok: false, problem: { key: 'form-err-link' } };
}

const RUNNING_TOTAL = ['luy ke', 'running total', 'cumulative'];
const THIS_PERIOD = ['trong ky', 'this period', ''];

/** "Lũy kế" (running total since the start of the year) or "Trong kỳ" (this period only; the default). */
export function readBasis(raw: string): FieldReading<boolean> {
  const word = fold(raw);
  if (RUNNING_TOTAL.includes(word)) return { ok: true, value: true };
  if (THIS_PERIOD.includes(word)) return { ok: true, value: false };
  return { ok: false, problem: { key: 'form-err-basis' } };
}
