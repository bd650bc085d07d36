/**
 * The Board's tổng hợp đề nghị khen thưởng for the provincial Council: how many proposals by
 * title, how many dossiers are complete, incomplete, late; then an annex per title listing every
 * candidate with its cluster/block, score and rank, its cluster's vote, the conditions a tool can
 * check (met, not met, not declared, for the Council to judge) and its dossier. The bot flags and
 * computes; the Council and the Chairman decide. Figures from proposals-data.ts; this is their layout.
 */
import type { Paragraph, Table } from 'docx';
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import type { ConditionCheck } from '../domain/year-end/conditions.ts';
import { annexHeading, headerText, launchSentence, reportClosing, type DocumentContext } from './common.ts';
import { body, documentTitle, grid, heading, LANDSCAPE_TEXT_WIDTH, nationalHeader, officialDocument, para, type GridRow } from './layout.ts';
import type { ProposalLine, ProposalsData } from './proposals-data.ts';
import { points, sharePercent, titleLabel } from './year-end-common.ts';

export function proposalsDocument(ctx: DocumentContext, data: ProposalsData) {
  const { t, movement, settings } = ctx;
  const year = String(data.year);
  const council = t('doc-ye-council', { province: settings.place });
  // A condition's words, made once per condition and status (thousands of rows share them).
  const conditionWords = new Map<string, string>();
  const condition = (c: ConditionCheck) => {
    const key = `${c.code}:${c.status}`;
    let words = conditionWords.get(key);
    if (words === undefined) conditionWords.set(key, (words = t('doc-ye-condition', { condition: t(`cond-${c.code}`), status: c.status })));
    return words;
  };
  // The same words recur on thousands of rows: each message with the same arguments is formatted once.
  const said = new Map<string, string>();
  const once = (id: string, args: Record<string, string | number> = {}) => {
    const key = `${id}\u0000${Object.values(args).join('\u0000')}`;
    let words = said.get(key);
    if (words === undefined) said.set(key, (words = t(id, args)));
    return words;
  };
  const itemWords = (item: string) => (item.startsWith('confirmation:') ? item.slice('confirmation:'.length) : once('doc-ye-dossier-item', { item }));
  const dossier = (l: ProposalLine) =>
    [
      l.dossier.complete ? once('doc-ye-dossier-complete') : once('doc-ye-dossier-missing', { items: l.dossier.missing.map(itemWords).join(', ') }),
      ...(l.dossier.late ? [once('doc-ye-dossier-late')] : []),
    ].join('\n');
  const yes = t('doc-ye-vote-yes');
  const no = t('doc-ye-vote-no');

  const children = [
    nationalHeader(headerText(ctx, { parent: settings.parent, body: settings.body, kind: t('doc-report-number-kind'), abbreviation: settings.abbreviation })),
    ...documentTitle(t('doc-report-kind'), t('doc-ye-proposals-title', { year })),
    para(t('doc-to', { addressee: council }), { align: 'center', before: 6, after: 12 }),
    body(
      t('doc-ye-proposals-intro', {
        launch: launchSentence(ctx),
        body: settings.bodyName,
        year,
        hasDeadline: data.dossierDeadline ? 'yes' : 'no',
        deadline: data.dossierDeadline ? formatVnDate(data.dossierDeadline) : '',
      }),
    ),
    heading(t('doc-ye-proposals-h-totals')),
    body(t('doc-ye-proposals-totals', { total: data.total, complete: data.complete, incomplete: data.total - data.complete, late: data.late })),
  ];
  if (data.total > 0)
    children.push(
      grid(
        ctx.rows,
        [
          { header: t('doc-ye-col-title'), weight: 40 },
          { header: t('doc-ye-col-proposals'), weight: 15, align: 'center' },
          { header: t('doc-ye-col-complete'), weight: 15, align: 'center' },
          { header: t('doc-ye-col-incomplete'), weight: 15, align: 'center' },
          { header: t('doc-ye-col-late'), weight: 15, align: 'center' },
        ],
        [
          ...data.titles.map(({ title, lines }) => {
            const complete = lines.filter((l) => l.dossier.complete).length;
            return { cells: [titleLabel(t, title), formatVnNumber(lines.length), formatVnNumber(complete), formatVnNumber(lines.length - complete), formatVnNumber(lines.filter((l) => l.dossier.late).length)] };
          }),
          { cells: [t('doc-total'), formatVnNumber(data.total), formatVnNumber(data.complete), formatVnNumber(data.total - data.complete), formatVnNumber(data.late)], bold: true },
        ],
      ),
    );
  children.push(heading(t('doc-ye-proposals-h-notes')), body(t('doc-ye-proposals-notes')));
  children.push(...reportClosing(ctx, data.councilOn ? [t('doc-ye-proposals-council', { council, date: formatVnDate(data.councilOn) })] : []));

  const parts: { children: (Paragraph | Table)[]; landscape?: boolean }[] = [{ children }];
  data.titles.forEach(({ title, lines }, n) => {
    const rows: GridRow[] = lines.map((l, i) => ({
      cells: [
        formatVnNumber(i + 1),
        l.unitName,
        l.groupName ?? once('doc-no-group'),
        points(l.total),
        l.rank === null ? '' : `${formatVnNumber(l.rank)}${l.tied ? '=' : ''}`,
        l.vote ? `${once('doc-ye-share-of', { approve: l.vote.approve, members: l.vote.members, share: sharePercent(l.vote.share) })}\n${l.vote.passes ? yes : no}` : '',
        l.conditions.map(condition).join('\n'),
        dossier(l),
      ],
    }));
    parts.push({
      landscape: true,
      children: [
        ...annexHeading(ctx, t('doc-ye-proposals-annex-title', { title: titleLabel(t, title).toLocaleUpperCase('vi'), year }), data.titles.length > 1 ? n + 1 : undefined),
        grid(
          ctx.rows,
          [
            { header: t('doc-col-index'), weight: 4, align: 'center' },
            { header: t('doc-col-unit'), weight: 17 },
            { header: t('doc-col-group'), weight: 13 },
            { header: t('doc-ye-col-total'), weight: 6, align: 'center' },
            { header: t('doc-ye-col-rank'), weight: 6, align: 'center' },
            { header: t('doc-ye-col-vote'), weight: 11, align: 'center' },
            { header: t('doc-ye-col-conditions'), weight: 30 },
            { header: t('doc-ye-col-dossier'), weight: 13 },
          ],
          rows,
          LANDSCAPE_TEXT_WIDTH,
          11,
        ),
      ],
    });
  });
  return officialDocument({ title: t('doc-ye-proposals-title', { year }), subject: movement.code, creator: t('doc-creator') }, parts);
}
