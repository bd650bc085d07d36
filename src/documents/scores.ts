/**
 * The cluster's scoring table (bảng tổng hợp kết quả chấm điểm), landscape: its criteria (code,
 * group, title, kind, maximum), then every member by rank × every criterion: the unit's own points,
 * "own → adjusted" where the head adjusted them (the reasons listed under the table), points the
 * year's results filled in marked "*"; the totals before and after the review, the rank (ties
 * flagged). The figures come from cluster-data.ts; this is their layout.
 */
import { formatVnNumber } from '../domain/vn-input.ts';
import { TIE_PREFERENCE_SOURCE } from '../domain/year-end/ranking.ts';
import type { ClusterDocumentData } from './cluster-data.ts';
import type { DocumentContext } from './common.ts';
import { body, documentTitle, grid, LANDSCAPE_TEXT_WIDTH, nationalHeader, officialDocument, para, signatureBlock, type GridColumn, type GridRow } from './layout.ts';
import { clusterHeader, clusterSigner, points, selfTotal, unitName } from './year-end-common.ts';

export function scoresDocument(ctx: DocumentContext, data: ClusterDocumentData) {
  const { t, movement } = ctx;
  const year = movement.endsOn.slice(0, 4);
  const criteria = data.table.criteria;
  const criteriaRows: GridRow[] = [];
  let section: string | null = null;
  for (const c of criteria) {
    if (c.section !== section) criteriaRows.push({ band: (section = c.section) });
    criteriaRows.push({ cells: [c.code, c.title, t('doc-ye-criterion-kind', { kind: c.kind }), points(c.max), c.fromResults ? t('doc-ye-from-results', { source: c.fromResults }) : ''] });
  }
  const columns: GridColumn[] = [
    { header: t('doc-ye-col-rank'), weight: 5, align: 'center' },
    { header: t('doc-col-unit'), weight: 22 },
    ...criteria.map((c) => ({ header: c.code, weight: 6, align: 'center' as const })),
    { header: t('doc-ye-col-self'), weight: 8, align: 'center' },
    { header: t('doc-ye-col-final'), weight: 8, align: 'center' },
  ];
  const adjustments: string[] = [];
  const rows: GridRow[] = data.sheets.map((s) => {
    const name = unitName(data, s.unitId);
    const cells = s.lines.map((l) => {
      if (l.adjustment) {
        adjustments.push(t('doc-ye-adjustment-line', { unit: name, code: l.code, from: points(l.adjustment.from), to: points(l.adjustment.to), reason: l.adjustment.reason }));
        return `${points(l.self)} → ${points(l.adjustment.to)}`;
      }
      return `${points(l.self)}${l.prefilled && l.self !== null ? '*' : ''}`;
    });
    return {
      cells: [`${formatVnNumber(s.rank)}${s.tied ? '=' : ''}`, `${name}${s.sentAt === null ? ` (${t('doc-ye-not-sent')})` : ''}`, ...cells, points(selfTotal(data.table, s)), points(s.total)],
    };
  });
  const signer = clusterSigner(t, data);
  const children = [
    nationalHeader(clusterHeader(ctx, data, t('doc-ye-scores-number-kind'))),
    ...documentTitle(t('doc-ye-scores-kind'), t('doc-ye-scores-title', { year, group: data.group.name })),
    para(t('doc-ye-scores-criteria', { table: data.table.code }), { italics: true, before: 6, after: 4, keepNext: true }),
    grid(
      ctx.rows,
      [
        { header: t('doc-ye-col-code'), weight: 7, align: 'center' },
        { header: t('doc-ye-col-criterion'), weight: 63 },
        { header: t('doc-ye-col-kind'), weight: 10, align: 'center' },
        { header: t('doc-ye-col-max'), weight: 8, align: 'center' },
        { header: t('doc-col-note'), weight: 12 },
      ],
      criteriaRows,
      LANDSCAPE_TEXT_WIDTH,
      11,
    ),
    para(t('doc-ye-scores-results', { members: data.sheets.length }), { italics: true, before: 8, after: 4, keepNext: true }),
    grid(ctx.rows, columns, rows, LANDSCAPE_TEXT_WIDTH, 11),
    para(t('doc-ye-scores-legend'), { size: 12, italics: true, before: 4 }),
  ];
  if (adjustments.length > 0) {
    children.push(para(t('doc-ye-adjustments-heading'), { bold: true, before: 6, after: 2, keepNext: true }));
    for (const a of adjustments) children.push(para(`- ${a}`, { size: 13, align: 'justify', after: 2 }));
  }
  if (data.sheets.some((s) => s.tied)) children.push(body(t('doc-ye-tie-note', { source: TIE_PREFERENCE_SOURCE }), { italics: true, size: 13 }));
  children.push(signatureBlock({ recipientsLabel: t('doc-recipients'), recipients: t('doc-ye-scores-recipients').split('\n'), signerTitle: signer.title, signerName: signer.name }));
  return officialDocument({ title: t('doc-ye-scores-title', { year, group: data.group.name }), subject: `${data.group.code} · ${movement.code}`, creator: t('doc-creator') }, [{ children, landscape: true }]);
}
