/** Chat renderings shared by the flows: plans, targets, periods, results, in Vietnamese conventions. */
import { formatPercent, formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import type { ContentArea as Area, Target } from '../domain/model.ts';

/** "98,5%" (no space before a percent sign), "1,23 tỷ đồng", "25 xã"; small fractions keep 4 digits. */
export function formatAmount(value: number, measure: string | null | undefined): string {
  const number = formatVnNumber(value, Math.abs(value) >= 1 || value === 0 ? 2 : 4);
  const unit = (measure ?? '').trim();
  return unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** "≥ 25%", "≤ 3 vụ", or for a qualitative target "Hoàn thành". */
export function formatPlan(t: Translate, target: Pick<Target, 'kind' | 'plannedValue' | 'direction' | 'measure'>): string {
  if (target.kind === 'qualitative' || target.plannedValue === null) return t('target-qualitative');
  return t('target-plan', { direction: target.direction ?? 'at_least', amount: formatAmount(target.plannedValue, target.measure) });
}

/** One target as a line of the list: "2. (Nội dung 2) Mô hình nông thôn mới kiểu mẫu — KH: ≥ 10 mô hình; hạn 31/12/2020". */
function formatTargetLine(t: Translate, target: Target, index: number, areas: Map<number, Area>): string {
  return t('target-line', {
    index,
    area: areas.get(target.contentAreaId)?.number ?? '?',
    text: target.text,
    plan: formatPlan(t, target),
    due: target.dueOn ? formatVnDate(target.dueOn) : '—',
    note: target.note ?? '',
    hasNote: target.note ? 'yes' : 'no',
  });
}

export function formatTargetList(t: Translate, targets: Target[], areas: Area[]): string {
  if (targets.length === 0) return t('target-list-empty');
  const byId = new Map(areas.map((a) => [a.id, a]));
  return targets.map((target, i) => formatTargetLine(t, target, i + 1, byId)).join('\n');
}

/**
 * "35 sản phẩm (đạt 35% kế hoạch; đang thực hiện, đã qua 25% thời gian)" before the due date, "102 sản
 * phẩm (đạt 102% kế hoạch, vượt)" from it; a qualitative line as reported ("Hoàn thành").
 */
export function formatResult(
  t: Translate,
  target: Pick<Target, 'kind' | 'measure'> & { direction?: Target['direction'] },
  line: { value?: number | null; total?: number | null; cumulative?: boolean; percentOfPlan: number | null; assessment: string | null; timePassed?: number | null },
): string {
  if (target.kind === 'qualitative' || line.value === null || line.value === undefined) {
    return line.assessment ? t('qualitative-state', { state: line.assessment }) : t('result-none');
  }
  const shown = line.total ?? line.value;
  // A figure for the period alone added to the earlier ones: the sum is read back with its parts.
  const added = line.cumulative === false && line.total !== null && line.total !== undefined && line.total !== line.value;
  const amount = added
    ? t('result-amount-added', { total: formatAmount(shown, target.measure), value: formatVnNumber(line.value), earlier: formatVnNumber(Number.parseFloat((shown - line.value).toPrecision(12))) })
    : formatAmount(shown, target.measure);
  // "đạt 98,8% kế hoạch"; a ceiling (at most) is not "reached": "bằng 30% mức kế hoạch".
  const args = { amount, percent: line.percentOfPlan === null ? '—' : formatPercent(line.percentOfPlan), ceiling: target.direction === 'at_most' ? 'yes' : 'no' };
  if (line.assessment === 'in_progress' && line.timePassed !== null && line.timePassed !== undefined)
    return t('result-line-in-progress', { ...args, time: formatPercent(line.timePassed) });
  return t('result-line', { ...args, assessment: t('assessment', { assessment: line.assessment ?? 'not_met' }) });
}
