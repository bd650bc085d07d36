/** What every document of the Board shares: its context, the header's texts, its closing and annex heading (figures in words: figures.ts). */
import { formatVnDate } from '../domain/vn-input.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Paragraph, Table } from 'docx';
import { body, documentDate, heading, para, signatureBlock, type HeaderText, type TableRows } from './layout.ts';
import type { BoardSettings } from './settings.ts';
import type { Movement } from '../domain/model.ts';

export interface DocumentContext {
  t: Translate;
  locale: Locale;
  movement: Movement;
  settings: BoardSettings;
  /** The document's date, YYYY-MM-DD in the movement's time zone. */
  today: string;
  /** Where the tables' rows are kept until the document is packed. */
  rows: TableRows;
}

/** The header's texts; the number's digits are left blank, to be filled in when it is issued. */
export function headerText(ctx: DocumentContext, issuer: { parent: string | null; body: string; kind: string; abbreviation: string }): HeaderText {
  const { t } = ctx;
  return {
    parent: issuer.parent,
    body: issuer.body,
    number: t('doc-number', { kind: issuer.kind, abbreviation: issuer.abbreviation }),
    nation: t('doc-nation'),
    motto: t('doc-motto'),
    placeDate: t('doc-place-date', { place: ctx.settings.place, ...documentDate(ctx.today) }),
  };
}

/** "Thực hiện Công văn số 77/UBND-VP8 ngày 25/01/2020 của UBND tỉnh Nam Định về việc phát động Phong trào thi đua năm 2020" */
export function launchSentence(ctx: DocumentContext): string {
  const m = ctx.movement;
  if (!m.documentNumber) return ctx.t('doc-launch-plain', { movement: m.name });
  return ctx.t('doc-launch', {
    number: m.documentNumber,
    date: m.documentDate ? formatVnDate(m.documentDate) : '',
    hasDate: m.documentDate ? 'yes' : 'no',
    issuer: m.documentIssuer ?? '',
    hasIssuer: m.documentIssuer ? 'yes' : 'no',
    movement: m.name,
  });
}

/**
 * The end of a report to the People's Committee: "IV. ĐỀ XUẤT, KIẾN NGHỊ" with what there is to
 * propose (what the figures call for, then the Board's own proposals from its settings), left out
 * when there is nothing; then "Nơi nhận" and the Board's signer.
 */
export function reportClosing(ctx: DocumentContext, proposals: string[]): (Paragraph | Table)[] {
  const { t, settings } = ctx;
  const all = [...proposals, ...(settings.proposals ?? [])];
  return [
    ...(all.length > 0 ? [heading(t('doc-summary-h-proposals')), ...all.map((p) => body(p))] : []),
    signatureBlock({ recipientsLabel: t('doc-recipients'), recipients: settings.recipients, signerTitle: settings.signerTitle, signerName: settings.signerName }),
  ];
}

/** "PHỤ LỤC", its title, "(Kèm theo Báo cáo ngày … của …)". */
export function annexHeading(ctx: DocumentContext, title: string, number?: number): Paragraph[] {
  const { t, settings } = ctx;
  return [
    para(number === undefined ? t('doc-annex') : t('doc-annex-numbered', { number }), { bold: true, align: 'center' }),
    para(title, { bold: true, align: 'center' }),
    para(t('doc-annex-attached', { kind: t('doc-report-kind-lower'), date: formatVnDate(ctx.today), body: settings.bodyName }), { italics: true, align: 'center', after: 8 }),
  ];
}
