/**
 * The Board's aggregate report on registration to the Provincial People's Committee: how many
 * units registered on time, late, not at all (named), by cluster/block and by kind of unit; the
 * titles sought (counted, and the units seeking the province's flag); the targets by content area
 * with the notable ones; an annex table by unit. Figures come from the same rules as /tinhhinh
 * (domain/status.ts): a waiting or approved registration is sent, "nộp muộn" is first sent after
 * the deadline, "quá hạn chưa nộp" is not sent by it. The figures are computed in summary-data.ts;
 * this is their layout.
 */
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { chartPlacer, type DocumentChart } from './charts.ts';
import { annexHeading, headerText, launchSentence, reportClosing, type DocumentContext } from './common.ts';
import { byGroupThenName, countShare } from './figures.ts';
import { body, documentTitle, grid, heading, LANDSCAPE_TEXT_WIDTH, nationalHeader, officialDocument, para, type GridRow } from './layout.ts';
import type { SummaryData, Tally } from './summary-data.ts';

/** Units named in the text at most; more are in the annex. */
const NAMED_IN_TEXT = 30;

const tallyRow = (x: Tally, bold = false): GridRow => ({
  cells: [x.label, formatVnNumber(x.units), countShare(x.onTime, x.units), countShare(x.late, x.units), countShare(x.notSent, x.units), formatVnNumber(x.approved)],
  bold,
});

/** Names, or "N đơn vị (xem Phụ lục)" when there are too many for a sentence. */
export function namesOrCount(t: Translate, names: string[]): string {
  if (names.length <= NAMED_IN_TEXT) return names.join('; ');
  return t('doc-too-many-names', { count: names.length });
}

/** The pictures it carries, each where its figures are told: registration toward the deadline, by cluster/block. */
export interface SummaryCharts {
  timeline?: DocumentChart;
  groups?: DocumentChart;
}

export function summaryDocument(ctx: DocumentContext, data: SummaryData, charts: SummaryCharts = {}) {
  const { t, movement, settings } = ctx;
  const place = chartPlacer(ctx);
  const year = movement.endsOn.slice(0, 4);
  const deadline = formatVnDate(movement.registrationDeadline);
  const tallyColumns = (first: string) => [
    { header: first, weight: 34 },
    { header: t('doc-col-units'), weight: 11, align: 'center' as const },
    { header: t('doc-col-on-time'), weight: 15, align: 'center' as const },
    { header: t('doc-col-late'), weight: 15, align: 'center' as const },
    { header: t('doc-col-not-sent'), weight: 15, align: 'center' as const },
    { header: t('doc-col-approved'), weight: 11, align: 'center' as const },
  ];
  const total = { ...data.totals, label: t('doc-total') };
  const notSent = data.units.filter((u) => u.delivery === 'not_sent');
  const late = data.units.filter((u) => u.delivery === 'late');

  const children = [
    nationalHeader(headerText(ctx, { parent: settings.parent, body: settings.body, kind: t('doc-report-number-kind'), abbreviation: settings.abbreviation })),
    ...documentTitle(t('doc-report-kind'), t('doc-summary-title', { year })),
    para(t('doc-to', { addressee: settings.addressee }), { align: 'center', before: 6, after: 12 }),
    body(t('doc-summary-intro', { launch: launchSentence(ctx), body: settings.bodyName, deadline })),
    heading(t('doc-summary-h-registration')),
    body(
      t('doc-summary-totals', {
        units: data.totals.units,
        sent: data.totals.onTime + data.totals.late,
        onTime: data.totals.onTime,
        late: data.totals.late,
        notSent: data.totals.notSent,
        approved: data.totals.approved,
        deadline,
      }),
    ),
  ];
  if (late.length > 0) children.push(body(t('doc-summary-late-named', { count: late.length, names: namesOrCount(t, late.map((u) => u.name)) })));
  if (notSent.length > 0)
    children.push(
      body(
        t(data.deadlinePassed ? 'doc-summary-overdue-named' : 'doc-summary-not-yet-named', {
          count: notSent.length,
          names: namesOrCount(t, notSent.map((u) => u.name)),
          deadline,
        }),
      ),
    );
  children.push(
    ...place(charts.timeline),
    para(t('doc-summary-by-group'), { italics: true, after: 4, keepNext: true }),
    grid(ctx.rows, tallyColumns(t('doc-col-group')), [...data.byGroup.map((g) => tallyRow(g)), tallyRow(total, true)]),
    ...place(charts.groups),
    para(t('doc-summary-by-kind'), { italics: true, before: 8, after: 4, keepNext: true }),
    grid(ctx.rows, tallyColumns(t('doc-col-kind')), [...data.byKind.map((k) => tallyRow(k)), tallyRow(total, true)]),
    heading(t('doc-summary-h-titles')),
  );
  if (data.titles.length === 0) children.push(body(t('doc-summary-no-titles')));
  else for (const x of data.titles) children.push(body(t('doc-summary-title-line', { title: t(`title-${x.title}`), count: x.units })));
  if (data.flagSeekers.length > 0) children.push(body(t('doc-summary-flag', { count: data.flagSeekers.length, names: namesOrCount(t, data.flagSeekers) })));

  children.push(heading(t('doc-summary-h-targets')));
  for (const area of data.areas) {
    children.push(body(t('doc-summary-area', { number: area.number, title: area.title, targets: area.targets, units: area.units }), { italics: true }));
    for (const n of area.notable)
      children.push(para(`- ${n.example ? t('doc-summary-notable-one', { text: n.text, detail: n.example }) : t('doc-summary-notable', { text: n.text, units: n.units })}`, { align: 'justify', indent: 10, after: 2 }));
  }
  children.push(...reportClosing(ctx, notSent.length > 0 ? [t('doc-summary-proposals', { body: settings.bodyName, count: notSent.length })] : []));

  // Annex: every unit, landscape, by cluster/block then name.
  const annexRows: GridRow[] = [...data.units].sort(byGroupThenName).map((u, i) => ({
    cells: [
      formatVnNumber(i + 1),
      u.name,
      u.groupName ?? '',
      t('registration-status', { status: u.status }),
      u.submittedOn ? formatVnDate(u.submittedOn) : '',
      u.lateness ? t('export-lateness', { kind: u.lateness }) : u.delivery === 'on_time' ? t('doc-on-time') : '',
      formatVnNumber(u.targets),
      u.titles.map((title) => t(`title-${title}`)).join('; '),
    ],
  }));
  const annex = [
    ...annexHeading(ctx, t('doc-summary-annex-title', { year })),
    grid(
      ctx.rows,
      [
        { header: t('doc-col-index'), weight: 5, align: 'center' },
        { header: t('doc-col-unit'), weight: 28 },
        { header: t('doc-col-group'), weight: 18 },
        { header: t('doc-col-status'), weight: 10, align: 'center' },
        { header: t('doc-col-sent-on'), weight: 10, align: 'center' },
        { header: t('doc-col-lateness'), weight: 10, align: 'center' },
        { header: t('doc-col-targets'), weight: 7, align: 'center' },
        { header: t('doc-col-titles'), weight: 22 },
      ],
      annexRows,
      LANDSCAPE_TEXT_WIDTH,
      11,
    ),
  ];
  return officialDocument({ title: t('doc-summary-title', { year }), subject: movement.code, creator: t('doc-creator') }, [{ children }, { children: annex, landscape: true }]);
}
