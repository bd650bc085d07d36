/** Figures in words, as every document of the Board writes them, and the order units are listed in: no layout here. */
import { formatVnNumber } from '../domain/vn-input.ts';

/** "≥ 98,5%", "≤ 3 vụ", "≥ 1,2 tỷ đồng": the plan with its direction and its unit, never a sum. */
export const planText = (value: number, direction: string | null, measure: string | null = null) =>
  `${direction === 'at_most' ? '≤' : '≥'} ${withMeasure(value, measure)}`;

/** "98,5%", "1,2 tỷ đồng", "7": a figure with its unit of measure. */
export const withMeasure = (value: number, measure: string | null) => `${formatVnNumber(value, 4)}${measure ? `${measure === '%' ? '' : ' '}${measure}` : ''}`;

/** "12 (40%)": a count and its share of `of`. */
export function countShare(count: number, of: number): string {
  if (of === 0 || count === 0) return formatVnNumber(count);
  return `${formatVnNumber(count)} (${formatVnNumber(Math.round((count / of) * 1000) / 10, 1)}%)`;
}

/** Annex order: by cluster/block (in code order, units in none last), then by name as Vietnamese sorts it. */
export function byGroupThenName(a: { groupCode: string | null; name: string }, b: { groupCode: string | null; name: string }): number {
  if (a.groupCode !== b.groupCode) return a.groupCode === null ? 1 : b.groupCode === null ? -1 : a.groupCode.localeCompare(b.groupCode);
  return VIETNAMESE.compare(a.name, b.name);
}

const VIETNAMESE = new Intl.Collator('vi');
