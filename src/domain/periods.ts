import { addDays } from './vn-input.ts';
import type { PeriodKind } from './model.ts';

interface PeriodSpec {
  code: string;
  kind: PeriodKind;
  starts: string;
  ends: string;
  due: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;

/**
 * The calendar periods of the given kinds that end within [starts, ends], each due
 * `dueDaysAfterEnd` days after it ends. Codes: M2020-03, Q2020-1, H2020-1, Y2020.
 */
export function generatePeriods(starts: string, ends: string, kinds: readonly PeriodKind[], dueDaysAfterEnd: number): PeriodSpec[] {
  const out: PeriodSpec[] = [];
  const firstYear = Number(starts.slice(0, 4));
  const lastYear = Number(ends.slice(0, 4));
  const spans: Record<Exclude<PeriodKind, 'adhoc'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };
  for (const kind of kinds) {
    if (kind === 'adhoc') continue;
    const span = spans[kind];
    for (let year = firstYear; year <= lastYear; year++) {
      for (let first = 1; first <= 12; first += span) {
        const last = first + span - 1;
        const start = `${year}-${pad(first)}-01`;
        const end = monthEnd(year, last);
        if (end < starts || end > ends) continue;
        const index = (first - 1) / span + 1;
        const code =
          kind === 'month' ? `M${year}-${pad(first)}` : kind === 'quarter' ? `Q${year}-${index}` : kind === 'half' ? `H${year}-${index}` : `Y${year}`;
        out.push({ code, kind, starts: start < starts ? starts : start, ends: end, due: addDays(end, dueDaysAfterEnd) });
      }
    }
  }
  return out.sort((a, b) => (a.ends === b.ends ? spanOrder(a.kind) - spanOrder(b.kind) : a.ends < b.ends ? -1 : 1));
}

const spanOrder = (k: PeriodKind) => ['month', 'quarter', 'half', 'year', 'adhoc'].indexOf(k);
