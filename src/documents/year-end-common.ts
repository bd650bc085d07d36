/** What the year-end documents share: a cluster's header, points and shares in words, the title's label. */
import { formatVnNumber } from '../domain/vn-input.ts';
import type { ProposalTitle } from '../domain/model.ts';
import { sheetTotal, type ScoringTable } from '../domain/year-end/scoring.ts';
import type { StoredSheet } from '../domain/year-end/sheets.ts';
import type { Translate } from '../i18n/index.ts';
import type { ClusterDocumentData } from './cluster-data.ts';
import { headerText, type DocumentContext } from './common.ts';
import type { HeaderText } from './layout.ts';

/** "98,5": points to the hundredth. */
export const points = (value: number | null) => (value === null ? '' : formatVnNumber(value, 2));

/** "80%": a share of all members. */
export const sharePercent = (share: number) => `${formatVnNumber(Math.round(share * 1000) / 10, 1)}%`;

/** The cluster as the issuer: the province's People's Committee above it, its name in capitals, its code as the sign. */
export function clusterHeader(ctx: DocumentContext, data: Pick<ClusterDocumentData, 'group'>, kind: string): HeaderText {
  return headerText(ctx, { parent: ctx.settings.parent, body: data.group.name.toLocaleUpperCase('vi'), kind, abbreviation: data.group.code.toLocaleUpperCase('vi') });
}

export const titleLabel = (t: Translate, title: ProposalTitle) => t(`title-${title}`);

export const unitName = (data: Pick<ClusterDocumentData, 'units'>, id: number | null) => (id === null ? '' : (data.units.get(id)?.name ?? String(id)));

/** The sheet's total as the unit gave it, before the head's adjustments. */
export function selfTotal(table: ScoringTable, sheet: StoredSheet): number {
  return sheetTotal(table, { ...sheet, lines: sheet.lines.map(({ adjustment: _adjusted, ...line }) => line) }).total;
}

/** Who signs for the cluster: "TM. CỤM THI ĐUA SỐ 1" over "CỤM TRƯỞNG", the head unit's signer's name. */
export function clusterSigner(t: Translate, data: Pick<ClusterDocumentData, 'group' | 'headSigner' | 'units'>): { title: string; name: string | null } {
  return {
    title: t('doc-ye-head-title', { kind: data.group.kind, group: data.group.name.toLocaleUpperCase('vi') }).replace(/\s*\|\s*/g, '\n'),
    name: data.headSigner?.name ?? null,
  };
}
