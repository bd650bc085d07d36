/** How /chamdiem shows a score sheet, a cross-scoring and the group's board in chat. */
import type { FlowContext } from '../chat/engine.ts';
import { formatVnDate, formatVnNumber, localDate } from '../domain/vn-input.ts';
import type { CrossScoring } from '../domain/year-end/cross-scoring.ts';
import { TIE_PREFERENCE_SOURCE, type Ranked } from '../domain/year-end/ranking.ts';
import { sheetTotal, type ScoringTable } from '../domain/year-end/scoring.ts';
import type { StoredSheet } from '../domain/year-end/sheets.ts';

export const points = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatVnNumber(value));

type Names = ReadonlyMap<number, { code: string; name: string }>;
const codeOf = (names: Names, unitId: number) => names.get(unitId)?.code ?? String(unitId);

/**
 * The table's criteria by section, each with what `value` gives it; `extra` adds lines under a
 * criterion (an adjustment, cross scores).
 */
function criteriaText(ctx: FlowContext, table: ScoringTable, value: (code: string) => string, marks: (code: string) => string, extra: (code: string) => string[] = () => []): string[] {
  const out: string[] = [];
  let section = '';
  for (const c of table.criteria) {
    if (c.section !== section) {
      section = c.section;
      out.push(section);
    }
    out.push(ctx.t('score-line', { code: c.code, title: c.title, points: value(c.code), max: formatVnNumber(c.max), kind: c.kind, marks: marks(c.code) }), ...extra(c.code));
  }
  return out;
}

/** A unit's sheet: its points (marked where the year's results gave them, with evidence), the head's adjustments with their reasons, the total. */
export function sheetText(ctx: FlowContext, table: ScoringTable, sheet: StoredSheet, cross: readonly CrossScoring[] = [], names: Names = new Map()): string {
  const lineOf = new Map(sheet.lines.map((l) => [l.code, l]));
  const lines = criteriaText(
    ctx,
    table,
    (code) => points(lineOf.get(code)!.self),
    (code) => {
      const evidence = sheet.evidence.get(code);
      return [lineOf.get(code)!.prefilled ? ctx.t('score-prefilled-mark') : '', evidence ? ctx.t('score-evidence-mark', { kind: evidence.kind, ref: evidence.ref }) : ''].map((m) => (m ? ` ${m}` : '')).join('');
    },
    (code) => {
      const line = lineOf.get(code)!;
      const crossLines = cross.filter((c) => c.points.has(code)).map((c) => ctx.t('score-cross-line', { scorer: codeOf(names, c.scorerUnitId), points: points(c.points.get(code)) }));
      return [...(line.adjustment ? [ctx.t('score-adjusted-line', { to: points(line.adjustment.to), reason: line.adjustment.reason })] : []), ...crossLines];
    },
  );
  const own = ownTotal(table, sheet);
  const state = sheet.sentAt === null ? ctx.t('score-state-draft') : ctx.t('score-state-sent', { date: formatVnDate(localDate(sheet.sentAt, ctx.movement!.timezone)) });
  return [
    ...lines,
    '',
    ctx.t('score-total', { total: points(sheet.total), own: points(own), adjusted: own === sheet.total ? 'no' : 'yes', complete: sheet.complete ? 'yes' : 'no' }),
    state,
  ].join('\n');
}

/** The unit's own total, before any adjustment of the head. */
function ownTotal(table: ScoringTable, sheet: StoredSheet): number {
  return sheetTotal(table, { ...sheet, lines: sheet.lines.map(({ adjustment: _, ...line }) => line) }).total;
}

/** A cross-scoring: the scorer's points line by line and their total. */
export function crossText(ctx: FlowContext, table: ScoringTable, cross: CrossScoring): string {
  return [
    ...criteriaText(ctx, table, (code) => points(cross.points.get(code)), () => ''),
    '',
    ctx.t('score-cross-total', { total: points(cross.total), complete: cross.complete ? 'yes' : 'no' }),
    cross.sentAt === null ? ctx.t('score-state-draft') : ctx.t('score-cross-sent'),
  ].join('\n');
}

/**
 * The group's members side by side: the sent sheets ranked (ties flagged, the legal preference for
 * a tie noted, never applied), then those not sent yet with their points so far; cross scores beside.
 */
export function boardText(ctx: FlowContext, table: ScoringTable, sheets: readonly StoredSheet[], ranking: readonly Ranked[], cross: readonly CrossScoring[], names: Names): string {
  const sheetOf = new Map(sheets.map((s) => [s.unitId, s]));
  const crossOf = (unitId: number) => {
    const sent = cross.filter((c) => c.scoredUnitId === unitId && c.sentAt !== null);
    return sent.length === 0 ? '' : ` · ${ctx.t('score-board-cross', { scores: sent.map((c) => `${codeOf(names, c.scorerUnitId)} ${points(c.total)}`).join(', ') })}`;
  };
  const row = (s: StoredSheet) => {
    const own = ownTotal(table, s);
    return ctx.t('score-board-row', { code: codeOf(names, s.unitId), name: names.get(s.unitId)?.name ?? '', own: points(own), total: points(s.total), adjusted: own === s.total ? 'no' : 'yes' }) + crossOf(s.unitId);
  };
  const ranked = ranking.map((r) => `${ctx.t('score-board-rank', { rank: r.rank, tied: r.tied ? 'yes' : 'no' })} ${row(sheetOf.get(r.unitId)!)}`);
  const notSent = sheets.filter((s) => s.sentAt === null).map((s) => `• ${row(s)}`);
  return [
    ctx.t('score-board-ranked', { count: ranking.length, members: sheets.length }),
    ...(ranked.length > 0 ? ranked : [ctx.t('score-board-none-sent')]),
    ...(ranking.some((r) => r.tied) ? ['', ctx.t('score-board-tie-note', { source: TIE_PREFERENCE_SOURCE })] : []),
    ...(notSent.length > 0 ? ['', ctx.t('score-board-not-sent', { count: notSent.length }), ...notSent] : []),
  ].join('\n');
}
