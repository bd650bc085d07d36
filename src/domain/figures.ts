/**
 * What kind of figure a target's unit of measure stands for, and how a figure is read, carried
 * over the year and judged. Pure: no I/O, no clock, no user-facing text.
 *
 * - A rate, ratio or index (%, điểm, xếp hạng, tỷ lệ…) is never summed: the latest value stands.
 * - A count or an amount is reported for the period or as the running total since the start of the
 *   year; the year's figure is the sum of the periods or the last running total.
 * - An amount keeps its unit: "1.234.567.000 đồng" for a target in tỷ đồng is 1,234567 tỷ đồng.
 */
import { fold } from '../util/text.ts';
import { parseVnNumber } from './vn-input.ts';

type FigureKind = 'rate' | 'count' | 'amount';

/** Folded words that make a unit of measure a rate, a ratio or an index. */
const RATE_WORDS = /(^|\s)(%|phan tram|ty le|ti le|diem|xep hang|hang|chi so|binh quan|trung binh|he so)(\s|$)/;

/** Money units (folded) and how many đồng each one is. */
const MONEY_SCALE: Record<string, number> = {
  dong: 1,
  'nghin dong': 1e3,
  'ngan dong': 1e3,
  'trieu dong': 1e6,
  'ty dong': 1e9,
  'ti dong': 1e9,
};

/** Multipliers people type after a number ("1,2 tỷ", "500 triệu"). */
const MULTIPLIERS: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9 };

/**
 * Kinds already worked out, by unit of measure: a movement has a handful of units but an export
 * asks for every one of its hundreds of thousands of figures, and folding is not cheap.
 */
const kindOfMeasure = new Map<string, FigureKind>();

/** The kind of figure a unit of measure stands for; a target without one counts things. */
export function figureKind(measure: string | null | undefined): FigureKind {
  const key = measure ?? '';
  let kind = kindOfMeasure.get(key);
  if (kind === undefined) {
    const m = fold(key);
    kind = m.includes('%') || RATE_WORDS.test(m) ? 'rate' : moneyScale(measure) !== undefined ? 'amount' : 'count';
    // Units are typed freely: keep the memory bounded whatever people type.
    if (kindOfMeasure.size >= 1_000) kindOfMeasure.clear();
    kindOfMeasure.set(key, kind);
  }
  return kind;
}

/** How many đồng one unit of `measure` is, or undefined when it is not money. */
export function moneyScale(measure: string | null | undefined): number | undefined {
  return MONEY_SCALE[fold(measure ?? '')];
}

/**
 * The "this period or running total?" question makes sense only for counts and amounts, and never
 * for the year period (the year's figure is the year's figure).
 */
export function asksRunningTotal(kind: FigureKind, periodKind: string): boolean {
  return kind !== 'rate' && periodKind !== 'year';
}

type QuantityReading =
  /** `withUnit`: a unit or a multiplier was written with the number ("350 triệu", "12 hồ sơ"). */
  | { kind: 'ok'; value: number; typed: string | null; withUnit: boolean }
  | { kind: 'ambiguous'; candidates: [number, number] }
  | { kind: 'other-unit'; unit: string }
  | { kind: 'invalid' };

/**
 * Reads a figure as people type it for a target in `measure`: a number, optionally a multiplier
 * (nghìn, triệu, tỷ) and a unit ("1.234.567.000 đồng", "1,2 tỷ", "120 người", "98,5%"). The value
 * comes back in the target's own unit; `typed` is the unit as typed when the value was converted
 * from it (to confirm "1,23 tỷ đồng, quy đổi từ đồng"). A dot or comma before three
 * digits is a thousands separator for counts and for whole đồng; elsewhere it stays a question.
 */
export function readQuantity(input: string, measure: string | null | undefined): QuantityReading {
  const text = input.trim();
  const m = /^([+-]?[\d.,][\d., \u00a0\u202f]*)([^\d]*)$/u.exec(text);
  if (!m) return { kind: 'invalid' };
  const numberText = m[1]!.trim();
  const unitText = m[2]!.trim();
  let words = fold(unitText);
  let multiplier = 1;
  let multiplierWord: string | null = null;
  const first = words.split(' ')[0] ?? '';
  if (MULTIPLIERS[first] !== undefined) {
    multiplier = MULTIPLIERS[first]!;
    multiplierWord = first;
    words = words.slice(first.length).trim();
  }
  const kind = figureKind(measure);
  const target = fold(measure ?? '');
  const scale = moneyScale(measure);

  // How the typed unit converts into the target's unit.
  let factor = multiplier;
  let typed: string | null = null;
  if (words === '' && multiplierWord === null) {
    // Only a number: it is in the target's unit.
  } else if (scale !== undefined && (words === 'dong' || words === '' || words === 'd' || words === 'vnd')) {
    // Money: "1.234.567.000 đồng", "1,2 tỷ", "1,2 tỷ đồng", "500 triệu".
    factor = multiplier / scale;
    typed = unitText;
  } else if (words === '%' && kind === 'rate') {
    factor = 1;
  } else if (words === target || (words !== '' && target.startsWith(words)) || (multiplierWord !== null && words === '')) {
    // The target's own unit, possibly with a multiplier ("1,2 triệu người").
  } else {
    return { kind: 'other-unit', unit: unitText };
  }
  if (typed !== null && Math.abs(factor - 1) < 1e-12) typed = null;

  // Things are counted whole, and nobody writes a fraction of a đồng.
  const inDong = scale !== undefined && factor * scale === 1;
  const wholeUnits = multiplierWord === null && (kind === 'count' || inDong);
  const reading = parseVnNumber(numberText);
  if (reading.kind === 'invalid') return { kind: 'invalid' };
  const convert = (n: number) => roundFloat(n * factor);
  if (reading.kind === 'ambiguous') {
    if (wholeUnits) return { kind: 'ok', value: convert(reading.candidates[0]), typed, withUnit: unitText !== '' };
    return { kind: 'ambiguous', candidates: [convert(reading.candidates[0]), convert(reading.candidates[1])] };
  }
  return { kind: 'ok', value: convert(reading.value), typed, withUnit: unitText !== '' };
}

/** Removes binary noise from unit conversions (1,2 × 10⁹ / 10⁹). */
const roundFloat = (n: number) => Number.parseFloat(n.toPrecision(12));

/**
 * A value hundreds of times the plan or a few thousandths of it: almost always a unit mistake
 * (300 typed for 300 triệu against a plan of 1,5 tỷ đồng is 200 times the plan).
 */
export function looksThousandfoldOff(value: number, plan: number | null | undefined): boolean {
  if (!plan || plan <= 0 || value <= 0) return false;
  const ratio = value / plan;
  return ratio >= 100 || ratio <= 1 / 500;
}

/**
 * How far a value is from the plan, as a person would say it: "230" (times the plan) or, below it,
 * "1/5.000" (of the plan); two significant digits. Used to state the real factor of a unit mistake
 * (350.000.000 typed for a plan of 1,5 tỷ đồng is about 230 million times it, not "1.000 times").
 */
export function planFactor(value: number, plan: number): { above: boolean; factor: number } {
  const ratio = value / plan;
  const twoDigits = (n: number) => Number.parseFloat(n.toPrecision(2));
  return ratio >= 1 ? { above: true, factor: twoDigits(ratio) } : { above: false, factor: twoDigits(1 / ratio) };
}

/** One reported figure for a target, as the year's figure is computed from them. */
export interface ReportedFigure {
  periodId: number;
  periodKind: string;
  endsOn: string;
  revision: number;
  value: number | null;
  cumulative: boolean;
}

const SPAN_ORDER = ['month', 'quarter', 'half', 'year', 'adhoc'];

/** Oldest first: by period end, then the longer period (the 6-month report after Quý II), then revision. */
export function inReportOrder(a: Pick<ReportedFigure, 'endsOn' | 'periodKind' | 'revision'>, b: Pick<ReportedFigure, 'endsOn' | 'periodKind' | 'revision'>): number {
  if (a.endsOn !== b.endsOn) return a.endsOn < b.endsOn ? -1 : 1;
  if (a.periodKind !== b.periodKind) return SPAN_ORDER.indexOf(a.periodKind) - SPAN_ORDER.indexOf(b.periodKind);
  return a.revision - b.revision;
}

/**
 * The figure a target stands at up to `until` (a period end; all when absent). A rate: the latest
 * value reported in any period. A count or amount: along the periods of `until`'s kind (or of the
 * latest report's kind), the latest revision of each period, added up or carried as a running total.
 */
export function figureUpTo(kind: FigureKind, figures: readonly ReportedFigure[], until?: { kind: string; endsOn: string }): number | null {
  const upTo = figures
    .filter((f) => f.value !== null && (!until || f.endsOn <= until.endsOn))
    .sort(inReportOrder);
  if (upTo.length === 0) return null;
  if (kind === 'rate') return upTo.at(-1)!.value;
  const periodKind = until?.kind ?? upTo.at(-1)!.periodKind;
  const byPeriod = new Map<number, ReportedFigure>();
  for (const f of upTo) if (f.periodKind === periodKind) byPeriod.set(f.periodId, f);
  if (byPeriod.size === 0) return null;
  let total = 0;
  for (const f of byPeriod.values()) total = f.cumulative ? f.value! : total + f.value!;
  return roundFloat(total);
}
