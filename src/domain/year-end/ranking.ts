/**
 * The cluster's ranking by total, ties flagged. The law's tie preference (a woman, or a collective
 * with at least 70% women: Nghị định 152/2025/NĐ-CP Art. 4.6) is shown to people, never applied.
 */

export const TIE_PREFERENCE_SOURCE = 'Nghị định 152/2025/NĐ-CP, Điều 4 khoản 6';

export interface Ranked {
  unitId: number;
  total: number;
  /** Competition ranking: equal totals share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** Another unit has the same total. */
  tied: boolean;
}

/** Ranks by total (highest first); equal totals (to the hundredth) share their rank, flagged. */
export function rankTotals(entries: readonly { unitId: number; total: number }[]): Ranked[] {
  const key = (total: number) => Math.round(total * 100);
  const sorted = [...entries].sort((a, b) => key(b.total) - key(a.total) || a.unitId - b.unitId);
  const count = new Map<number, number>();
  for (const e of sorted) count.set(key(e.total), (count.get(key(e.total)) ?? 0) + 1);
  const out: Ranked[] = [];
  sorted.forEach((e, i) => {
    const previous = out[i - 1];
    const rank = previous && key(previous.total) === key(e.total) ? previous.rank : i + 1;
    out.push({ unitId: e.unitId, total: e.total, rank, tied: count.get(key(e.total))! > 1 });
  });
  return out;
}

/**
 * The default candidates: the top of the ranking up to the quota. A tie across the quota's edge
 * is not broken here: the units tied at the edge are all returned in `tiedAtEdge` for people to decide.
 */
export function topOfRanking(ranking: readonly Ranked[], quota: number): { candidates: number[]; tiedAtEdge: number[] } {
  if (quota <= 0) return { candidates: [], tiedAtEdge: [] };
  const candidates = ranking.slice(0, quota).map((r) => r.unitId);
  const edge = ranking[quota - 1];
  const next = ranking[quota];
  const tiedAtEdge = edge && next && next.rank === edge.rank ? ranking.filter((r) => r.rank === edge.rank).map((r) => r.unitId) : [];
  return { candidates, tiedAtEdge };
}
