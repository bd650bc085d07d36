/**
 * The rules for one field of a target, and for a whole target written as one row (a line of a
 * message, a row of the Excel form). The guided questions, the one-line entry and the form reader
 * all read a target with these, so a value refused in one is refused in the others, with the same
 * words. Problems and warnings are locale ids with their arguments: no user-facing text here.
 */
import { checkDueDate } from './due-dates.ts';
import { readQuantity } from './figures.ts';
import type { TargetInput } from './registrations.ts';
import { cleanText, isBlankText } from './text-input.ts';
import { formatVnDate, parseVnDate } from './vn-input.ts';
import { fold } from '../util/text.ts';
import type { ContentArea, Movement } from './model.ts';

const TARGET_TEXT_MIN = 5;
export const TARGET_TEXT_MAX = 500;
const MEASURE_MAX = 30;
/** Units of measure offered as buttons and in the form's list (others may be typed): data, so Vietnamese in any language. */
export const COMMON_MEASURES = ['%', 'sản phẩm', 'xã', 'công trình', 'người', 'mô hình', 'đồng', 'triệu đồng', 'tỷ đồng', 'hồ sơ', 'lớp'];

/** A refusal or a warning, as a locale id and its arguments. */
export interface FieldMessage {
  key: string;
  args?: Record<string, string | number>;
}

export type FieldReading<T> = { ok: true; value: T } | { ok: false; problem: FieldMessage };

const ok = <T>(value: T): FieldReading<T> => ({ ok: true, value });
const refuse = (key: string, args?: FieldMessage['args']): FieldReading<never> => ({ ok: false, problem: { key, ...(args ? { args } : {}) } });

/** The target's text: cleaned, 5 to 500 characters. */
export function readTargetText(raw: string, blankKey = 'text-blank'): FieldReading<string> {
  const text = cleanText(raw);
  if (isBlankText(text)) return refuse(blankKey);
  if (text.length < TARGET_TEXT_MIN) return refuse('reg-text-too-short', { min: TARGET_TEXT_MIN });
  if (text.length > TARGET_TEXT_MAX) return refuse('reg-text-too-long', { max: TARGET_TEXT_MAX, length: text.length });
  return ok(text);
}

/** A unit of measure: 1 to 30 characters, not a bare number. */
export function readMeasure(raw: string): FieldReading<string> {
  const measure = cleanText(raw);
  if (measure.length < 1 || measure.length > MEASURE_MAX || /^\d+$/.test(measure)) return refuse('reg-measure-invalid');
  return ok(measure);
}

/** A note: optional, at most 500 characters (blank means none). */
export function readNote(raw: string): FieldReading<string | null> {
  const note = cleanText(raw);
  if (isBlankText(note)) return ok(null);
  if (note.length > TARGET_TEXT_MAX) return refuse('reg-text-too-long', { max: TARGET_TEXT_MAX, length: note.length });
  return ok(note);
}

const AT_LEAST = ['>=', '≥', '>', 'khong thap hon', 'khong thap hon ke hoach', 'khong duoi', 'toi thieu', 'it nhat', 'tren', 'at least'];
const AT_MOST = ['<=', '≤', '<', 'khong vuot qua', 'khong vuot qua ke hoach', 'khong qua', 'khong cao hon', 'toi da', 'duoi', 'at most'];

/** "Không thấp hơn" / "Không vượt quá" (and ≥, ≤, tối thiểu, tối đa…). */
export function readDirection(raw: string): FieldReading<'at_least' | 'at_most'> {
  const word = fold(raw);
  if (AT_LEAST.includes(word)) return ok('at_least');
  if (AT_MOST.includes(word)) return ok('at_most');
  return refuse('form-err-direction');
}

const QUANTITATIVE = ['dinh luong', 'quantitative', 'so luong'];
const QUALITATIVE = ['dinh tinh', 'qualitative'];
/** What a plan cell holds for a qualitative target. */
const QUALITATIVE_PLAN = ['hoan thanh', 'hoan thanh xuat sac', 'dinh tinh', 'qualitative', 'done', 'x', 'dat'];

function readKind(raw: string): FieldReading<'quantitative' | 'qualitative'> {
  const word = fold(raw);
  if (QUANTITATIVE.includes(word)) return ok('quantitative');
  if (QUALITATIVE.includes(word)) return ok('qualitative');
  return refuse('form-err-kind');
}

/** A content area by its number ("6"), its label in the form's list ("6. Cải cách…") or its title. */
export function readArea(raw: string, areas: readonly ContentArea[]): FieldReading<ContentArea> {
  const text = cleanText(raw);
  const number = /^(\d{1,2})(?:\s*[.)-]\s*.*)?$/s.exec(text)?.[1];
  const byNumber = number ? areas.find((a) => a.number === Number(number)) : undefined;
  if (byNumber) return ok(byNumber);
  const folded = fold(text);
  const byTitle = folded.length >= 3 ? areas.filter((a) => fold(a.title).includes(folded)) : [];
  if (byTitle.length === 1) return ok(byTitle[0]!);
  return refuse('form-err-area', { value: text, max: areas.length });
}

/** The reference a due date is checked against: the movement and today in its time zone. */
export interface DueReference {
  movement: Pick<Movement, 'startsOn' | 'endsOn' | 'finalReviewOn'>;
  today: string;
}

/** A due date typed or taken from a cell: refused outside the movement; past or after its end is a warning. */
function readDueDate(raw: string, ref: DueReference): FieldReading<{ date: string; warning?: FieldMessage }> {
  const reading = parseVnDate(cleanText(raw), Number(ref.movement.endsOn.slice(0, 4)));
  if (reading.kind !== 'ok') return refuse('form-err-date', { value: cleanText(raw) });
  const check = checkDueDate(reading.date, ref.movement, ref.today);
  if (check.kind === 'refused') return refuse('reg-due-outside', { start: formatVnDate(check.from), end: formatVnDate(check.to) });
  if (check.kind === 'past') return ok({ date: reading.date, warning: { key: 'form-warn-due-past', args: { date: formatVnDate(reading.date) } } });
  if (check.kind === 'after-end')
    return ok({ date: reading.date, warning: { key: 'reg-due-after-end', args: { end: formatVnDate(ref.movement.endsOn), review: formatVnDate(check.finalReview) } } });
  return ok({ date: reading.date });
}

/** A planned figure in the target's unit ("98,5", "1,2 tỷ"); "1.500" must be written unambiguously here. */
function readPlannedValue(raw: string, measure: string | null): FieldReading<number> {
  const reading = readQuantity(cleanText(raw), measure);
  if (reading.kind === 'other-unit') return refuse('number-other-unit', { unit: reading.unit, measure: measure ?? '' });
  if (reading.kind === 'invalid') return refuse('form-err-number', { value: cleanText(raw) });
  if (reading.kind === 'ambiguous') return refuse('form-err-number-ambiguous', { value: cleanText(raw) });
  if (reading.value < 0) return refuse('reg-planned-negative');
  return ok(reading.value);
}

/** The fields of a target as written in one row; absent or blank cells are ''. */
export interface TargetRowCells {
  area: string;
  text: string;
  kind?: string;
  measure?: string;
  /** The plan, alone ("98,5") or with its direction and unit ("≥ 98,5 %", "100 sản phẩm", "hoàn thành"). */
  plan: string;
  direction?: string;
  due?: string;
  note?: string;
}

export type TargetColumn = keyof TargetRowCells;

interface TargetRowProblem {
  column: TargetColumn;
  problem: FieldMessage;
}

type TargetRowReading =
  | { ok: true; input: TargetInput; warnings: FieldMessage[] }
  | { ok: false; problems: TargetRowProblem[] };

/** A leading ≥ / ≤ (or its words) and the rest: "≥ 98,5 %" → at_least, "98,5 %". */
function splitDirection(plan: string): { direction?: string; rest: string } {
  const m = /^(>=|<=|≥|≤|>|<)\s*(.*)$/s.exec(plan);
  if (m) return { direction: m[1]!, rest: m[2]! };
  const folded = fold(plan);
  for (const word of [...AT_LEAST, ...AT_MOST].filter((w) => /[a-z]/.test(w)).sort((a, b) => b.length - a.length)) {
    if (folded.startsWith(`${word} `)) return { direction: word, rest: plan.trim().split(/\s+/).slice(word.split(' ').length).join(' ') };
  }
  return { rest: plan };
}

/** "98,5 %" → number text and unit; "1,2 tỷ đồng" stays whole (the unit is read with the number). */
function splitMeasure(plan: string): { number: string; unit: string } {
  const m = /^([+-]?[\d.,][\d., \u00a0\u202f]*)(.*)$/su.exec(plan.trim());
  return m ? { number: m[1]!.trim(), unit: m[2]!.trim() } : { number: plan.trim(), unit: '' };
}

/**
 * One target written as a row: every field checked with the rules above, every problem reported
 * (not only the first). Blank kind: qualitative when the plan is blank or "hoàn thành" and no unit
 * is given, else quantitative. Blank direction: "không thấp hơn". Blank due date: the movement's end.
 */
export function readTargetRow(cells: TargetRowCells, areas: readonly ContentArea[], ref: DueReference): TargetRowReading {
  const problems: TargetRowProblem[] = [];
  const warnings: FieldMessage[] = [];
  const take = <T>(column: TargetColumn, reading: FieldReading<T>): T | undefined => {
    if (reading.ok) return reading.value;
    problems.push({ column, problem: reading.problem });
    return undefined;
  };
  const blank = (s: string | undefined) => cleanText(s ?? '') === '';

  const area = blank(cells.area) ? take('area', refuse('form-err-required')) : take('area', readArea(cells.area, areas));
  const text = take('text', readTargetText(cells.text, 'form-err-required'));
  const planText = cleanText(cells.plan);
  const qualitativePlan = planText === '' || QUALITATIVE_PLAN.includes(fold(planText));
  // A unit of measure given means a figure is meant, even when the plan was forgotten.
  const kind = blank(cells.kind) ? (qualitativePlan && blank(cells.measure) ? 'qualitative' : 'quantitative') : take('kind', readKind(cells.kind!));

  let measure: string | null = null;
  let planned: number | null = null;
  let direction: 'at_least' | 'at_most' | null = null;
  if (kind === 'quantitative') {
    const split = splitDirection(planText);
    const directionText = blank(cells.direction) ? split.direction : cells.direction;
    direction = directionText === undefined ? 'at_least' : (take('direction', readDirection(directionText)) ?? null);
    const { number, unit } = splitMeasure(split.rest);
    const measureText = blank(cells.measure) ? unit : cells.measure!;
    if (measureText === '' && split.rest === '') take('plan', refuse('form-err-required'));
    else if (measureText === '') take('measure', refuse('form-err-measure-required'));
    else {
      measure = take('measure', readMeasure(measureText)) ?? null;
      // A unit in the plan cell that is the measure itself ("98,5 %" with measure "%") is read with the number.
      const planValue = blank(cells.measure) || fold(unit) === fold(measureText) ? number : split.rest;
      if (measure !== null) planned = take('plan', planValue === '' ? refuse('form-err-required') : readPlannedValue(planValue, measure)) ?? null;
    }
  } else if (kind === 'qualitative' && !qualitativePlan) {
    take('plan', refuse('form-err-plan-qualitative', { value: planText }));
  }

  let dueOn: string | null = ref.movement.endsOn;
  if (!blank(cells.due)) {
    const due = take('due', readDueDate(cells.due!, ref));
    if (due) {
      dueOn = due.date;
      if (due.warning) warnings.push(due.warning);
    }
  }
  const note = take('note', readNote(cells.note ?? ''));
  if (problems.length > 0 || !area || !text || !kind) return { ok: false, problems };
  return {
    ok: true,
    input: { contentAreaId: area.id, text, kind, measure, plannedValue: planned, direction: kind === 'quantitative' ? direction : null, dueOn, note: note ?? null },
    warnings,
  };
}
