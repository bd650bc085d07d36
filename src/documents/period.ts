/**
 * The period report (sơ kết 6 tháng, tổng kết năm, or any reporting period): results against plan
 * by content area, by cluster/block and (annex) by unit — each target counted once as vượt, đạt,
 * đang thực hiện, không đạt or chưa báo cáo, never an average of figures of different kinds. A
 * target is judged as of the period's end (before its own due date it is đang thực hiện), with the
 * reports of the periods ending by then: a rate as last reported, a count or an amount added up or
 * carried (domain/progress.ts).
 * Its layout; the figures are computed in period-data.ts.
 */
import { periodLabel } from '../domain/period-labels.ts';
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import { chartPlacer, type DocumentChart } from './charts.ts';
import { annexHeading, headerText, launchSentence, reportClosing, type DocumentContext } from './common.ts';
import { countShare, planText, withMeasure } from './figures.ts';
import { body, documentTitle, grid, heading, LANDSCAPE_TEXT_WIDTH, nationalHeader, officialDocument, para, type GridColumn, type GridRow } from './layout.ts';
import type { Counts, PeriodData, TargetStanding } from './period-data.ts';
import { namesOrCount } from './summary.ts';

const countCells = (c: Counts) => [
  formatVnNumber(c.targets),
  countShare(c.exceeded, c.targets),
  countShare(c.met, c.targets),
  countShare(c.inProgress, c.targets),
  countShare(c.notMet, c.targets),
  countShare(c.notReported, c.targets),
];

/** The pictures it carries: who reported by cluster/block, the targets by content area and outcome. */
export interface PeriodCharts {
  reporting?: DocumentChart;
  outcomes?: DocumentChart;
}

export function periodDocument(ctx: DocumentContext, data: PeriodData, charts: PeriodCharts = {}) {
  const { t, movement, settings, locale } = ctx;
  const place = chartPlacer(ctx);
  const label = periodLabel(t, data.period);
  const countColumns = (first: string, weight: number): GridColumn[] => [
    { header: first, weight },
    { header: t('doc-col-targets'), weight: 9, align: 'center' },
    { header: t('doc-col-exceeded'), weight: 11, align: 'center' },
    { header: t('doc-col-met'), weight: 11, align: 'center' },
    { header: t('doc-col-in-progress'), weight: 11, align: 'center' },
    { header: t('doc-col-not-met'), weight: 11, align: 'center' },
    { header: t('doc-col-not-reported'), weight: 11, align: 'center' },
  ];
  const totalRow: GridRow = { cells: [t('doc-total'), ...countCells(data.totals)], bold: true };
  const missing = data.units.filter((u) => u.reportedOn === null).map((u) => u.name);
  const late = data.units.filter((u) => u.lateReport).map((u) => u.name);
  const notMet = data.units.filter((u) => u.counts.notMet > 0).map((u) => u.name);
  const children = [
    nationalHeader(headerText(ctx, { parent: settings.parent, body: settings.body, kind: t('doc-report-number-kind'), abbreviation: settings.abbreviation })),
    ...documentTitle(t('doc-report-kind'), t('doc-period-title', { period: label })),
    para(t('doc-to', { addressee: settings.addressee }), { align: 'center', before: 6, after: 12 }),
    body(t('doc-period-intro', { launch: launchSentence(ctx), body: settings.bodyName, period: label, asOf: formatVnDate(data.asOf) })),
    heading(t('doc-period-h-reporting')),
    body(
      t('doc-period-reporting', {
        units: data.units.length,
        reported: data.reported,
        late: data.reportedLate,
        due: formatVnDate(data.period.dueOn),
        missing: missing.length,
      }),
    ),
  ];
  if (late.length > 0) children.push(body(t('doc-period-late-named', { count: late.length, names: namesOrCount(t, late), due: formatVnDate(data.period.dueOn) })));
  if (missing.length > 0) children.push(body(t('doc-period-missing-named', { count: missing.length, names: namesOrCount(t, missing) })));
  children.push(
    ...place(charts.reporting),
    heading(t('doc-period-h-areas')),
    body(t('doc-period-rule')),
    grid(ctx.rows, countColumns(t('doc-col-area'), 36), [...data.byArea.map((a) => ({ cells: [`${a.number}. ${a.title}`, ...countCells(a.counts)] })), totalRow]),
    ...place(charts.outcomes),
    heading(t('doc-period-h-groups')),
    grid(ctx.rows, countColumns(t('doc-col-group'), 36), [...data.byGroup.map((g) => ({ cells: [g.label, ...countCells(g.counts)] })), totalRow]),
    ...reportClosing(ctx, [
      ...(missing.length > 0 ? [t('doc-period-proposals-missing', { body: settings.bodyName, count: missing.length })] : []),
      ...(notMet.length > 0 ? [t('doc-period-proposals-not-met', { count: notMet.length, names: namesOrCount(t, notMet) })] : []),
    ]),
  );
  const annex = [
    ...annexHeading(ctx, t('doc-period-annex-title', { period: label.toLocaleUpperCase(locale) }), 1),
    grid(
      ctx.rows,
      [
        { header: t('doc-col-index'), weight: 5, align: 'center' },
        { header: t('doc-col-unit'), weight: 24 },
        { header: t('doc-col-group'), weight: 15 },
        { header: t('doc-col-reported-on'), weight: 10, align: 'center' },
        ...countColumns('', 0).slice(1),
      ],
      [
        ...data.units.map((u, i) => ({
          cells: [
            formatVnNumber(i + 1),
            u.name,
            u.groupName ?? '',
            u.reportedOn ? `${formatVnDate(u.reportedOn)}${u.lateReport ? `\n${t('doc-late-report')}` : ''}` : t('doc-not-reported'),
            ...countCells(u.counts),
          ],
        })),
        { cells: ['', t('doc-total'), '', '', ...countCells(data.totals)], bold: true },
      ],
      LANDSCAPE_TEXT_WIDTH,
      11,
    ),
  ];
  return officialDocument({ title: t('doc-period-title', { period: label }), subject: `${movement.code} · ${data.period.code}`, creator: t('doc-creator') }, [
    { children },
    { children: annex, landscape: true },
    { children: targetAnnex(ctx, data, label), landscape: true },
  ]);
}

/** "98,7%", "2 vụ", or the state reached for a qualitative target; "" when nothing is reported. */
function resultText(t: (id: string, args?: Record<string, string>) => string, target: TargetStanding): string {
  if (target.kind === 'qualitative') return target.assessment ? t('qualitative-state', { state: target.assessment }) : '';
  return target.total === null ? '' : withMeasure(target.total, target.measure);
}

/** Annex 2: every target of every unit, in the unit's printed numbering: plan, result, % of plan, verdict. */
function targetAnnex(ctx: DocumentContext, data: PeriodData, label: string) {
  const { locale } = ctx;
  // Labels formatted once, not per row (a province's annex has up to 100,000 rows).
  const labels = new Map<string, string>();
  const t = (id: string, args?: Record<string, string>) => {
    const key = args ? `${id}:${Object.values(args).join(':')}` : id;
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = ctx.t(id, args)));
    return label;
  };
  const rows: GridRow[] = [];
  for (const unit of data.units) {
    rows.push({ band: unit.groupName ? `${unit.name} (${unit.groupName})` : unit.name });
    if (unit.targets.length === 0) rows.push({ cells: ['', t('doc-reg-no-targets'), '', '', '', ''] });
    unit.targets.forEach((target, i) => {
      const quantitative = target.kind === 'quantitative' && target.plannedValue !== null;
      const percent = quantitative && target.total !== null && target.plannedValue !== 0 ? Math.round((target.total / target.plannedValue!) * 1000) / 10 : null;
      rows.push({
        cells: [
          formatVnNumber(i + 1),
          target.text,
          quantitative ? planText(target.plannedValue!, target.direction, target.measure) : t('doc-qualitative-plan'),
          resultText(t, target),
          percent === null ? '' : `${formatVnNumber(percent, 1)}%`,
          target.assessment ? t('doc-verdict', { assessment: target.assessment }) : t('doc-not-reported'),
        ],
      });
    });
  }
  return [
    ...annexHeading(ctx, t('doc-period-target-annex-title', { period: label.toLocaleUpperCase(locale) }), 2),
    grid(
      ctx.rows,
      [
        { header: t('doc-col-index'), weight: 5, align: 'center' },
        { header: t('doc-col-target'), weight: 45 },
        { header: t('doc-col-plan'), weight: 13, align: 'center' },
        { header: t('doc-col-result'), weight: 13, align: 'center' },
        { header: t('doc-col-percent-of-plan'), weight: 10, align: 'center' },
        { header: t('doc-col-verdict'), weight: 14, align: 'center' },
      ],
      rows,
      LANDSCAPE_TEXT_WIDTH,
      11,
    ),
  ];
}
