/**
 * The period report (sơ kết 6 tháng, tổng kết năm, or any reporting period): results against plan
 * by content area, by cluster/block and (annex) by unit — each target counted once as vượt, đạt,
 * đang thực hiện, không đạt or chưa báo cáo, never an average of figures of different kinds. A
 * target is judged as of the period's end (before its own due date it is đang thực hiện), with the
 * reports of the periods ending by then: a rate as last reported, a count or an amount added up or
 * carried (domain/progress.ts).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { periodLabel } from '../domain/period-labels.ts';
import { countAssessment, eachTargetStanding, emptyProgressCounts, type ProgressCounts } from '../domain/progress.ts';
import { movementStatus } from '../domain/status.ts';
import { TARGET_ORDER_SQL } from '../domain/target-order.ts';
import { formatVnDate, formatVnNumber, localDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { annexHeading, byGroupThenName, countShare, headerText, launchSentence, planText, reportClosing, withMeasure, type DocumentContext } from './common.ts';
import { body, documentTitle, grid, heading, LANDSCAPE_TEXT_WIDTH, nationalHeader, officialDocument, para, type GridColumn, type GridRow } from './layout.ts';
import { namesOrCount } from './summary.ts';
import type { Assessment, Movement, Period } from '../domain/model.ts';

type Counts = ProgressCounts & { targets: number };

/** One target as it stands at the period's end, in its unit's printed order (content area, then entry). */
export interface TargetStanding {
  text: string;
  kind: 'quantitative' | 'qualitative';
  measure: string | null;
  plannedValue: number | null;
  direction: string | null;
  /** The figure reached (rates as last reported, counts added up); null: none reported or qualitative. */
  total: number | null;
  assessment: Assessment | null;
}

export interface PeriodData {
  period: Period;
  /** The day the targets are judged on: the period's end, or today while it runs. */
  asOf: string;
  /** Units whose registration was sent. */
  units: { unitId: number; name: string; groupCode: string | null; groupName: string | null; reportedOn: string | null; lateReport: boolean; counts: Counts; targets: TargetStanding[] }[];
  reported: number;
  reportedLate: number;
  byArea: { number: number; title: string; counts: Counts }[];
  byGroup: { label: string; counts: Counts }[];
  totals: Counts;
}

const empty = (): Counts => ({ ...emptyProgressCounts(), targets: 0 });

export function periodData(db: DbOrTx, movement: Movement, period: Period, today: string, t: Translate): PeriodData {
  const asOf = period.endsOn < today ? period.endsOn : today;
  const status = movementStatus(db, movement, today);
  const groupNames = new Map(status.byGroup.map((g) => [g.code, g.name]));
  // The first report each unit sent for the period (a correction does not make it late).
  const reports = new Map(
    db
      .all<{ unitId: number; at: number }>(sql`
        SELECT r.unit_id AS unitId, min(pr.reported_at) AS at FROM progress_reports pr JOIN registrations r ON r.id = pr.registration_id
        WHERE r.movement_id = ${movement.id} AND pr.period_id = ${period.id} GROUP BY r.unit_id`)
      .map((r) => [r.unitId, localDate(r.at, movement.timezone)]),
  );
  const sent = new Set(db.all<{ unitId: number }>(sql`SELECT unit_id AS unitId FROM registrations WHERE movement_id = ${movement.id} AND version > 0`).map((r) => r.unitId));
  const areas = db.all<{ id: number; number: number; title: string }>(sql`SELECT id, number, title FROM content_areas WHERE movement_id = ${movement.id} ORDER BY number`);

  const byUnit = new Map<number, Counts>();
  const byArea = new Map<number, Counts>(areas.map((a) => [a.id, empty()]));
  const totals = empty();
  // Each target's standing, judged for this period in one spot (domain/assessment.ts) for the counts and
  // the per-target annex alike: a target with nothing reported in it is chưa báo cáo, never không đạt.
  const standing = new Map<number, { assessment: Assessment | null; total: number | null }>();
  eachTargetStanding(db, movement.id, asOf, period.endsOn, (target, assessment, total) => {
    standing.set(target.id, { assessment, total });
    for (const counts of [byUnit.get(target.unitId) ?? byUnit.set(target.unitId, empty()).get(target.unitId)!, byArea.get(target.contentAreaId), totals]) {
      if (!counts) continue;
      counts.targets++;
      countAssessment(counts, assessment);
    }
  }, period);
  const targetsByUnit = new Map<number, TargetStanding[]>();
  for (const row of db.all<Omit<TargetStanding, 'total' | 'assessment'> & { id: number; unitId: number }>(sql`
    SELECT t.id AS id, r.unit_id AS unitId, t.text AS text, t.kind AS kind, t.measure AS measure, t.planned_value AS plannedValue, t.direction AS direction
      FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN content_areas ca ON ca.id = t.content_area_id
     WHERE r.movement_id = ${movement.id} AND r.version > 0 AND t.deleted_at IS NULL
     ORDER BY r.unit_id, ${sql.raw(TARGET_ORDER_SQL)}`)) {
    const { id, unitId, ...target } = row;
    const list = targetsByUnit.get(unitId) ?? targetsByUnit.set(unitId, []).get(unitId)!;
    list.push({ ...target, total: standing.get(id)?.total ?? null, assessment: standing.get(id)?.assessment ?? null });
  }
  const units = status.units
    .filter((u) => sent.has(u.unitId))
    .map((u) => {
      const reportedOn = reports.get(u.unitId) ?? null;
      return {
        unitId: u.unitId,
        name: u.name,
        groupCode: u.groupCode,
        groupName: u.groupCode ? (groupNames.get(u.groupCode) ?? u.groupCode) : null,
        reportedOn,
        lateReport: reportedOn !== null && reportedOn > period.dueOn,
        counts: byUnit.get(u.unitId) ?? empty(),
        targets: targetsByUnit.get(u.unitId) ?? [],
      };
    })
    .sort(byGroupThenName);
  const byGroup = new Map<string, Counts>();
  for (const u of units) {
    const label = u.groupName ?? t('doc-no-group');
    const g = byGroup.get(label) ?? byGroup.set(label, empty()).get(label)!;
    for (const key of Object.keys(g) as (keyof Counts)[]) g[key] += u.counts[key];
  }
  return {
    period,
    asOf,
    units,
    reported: units.filter((u) => u.reportedOn !== null).length,
    reportedLate: units.filter((u) => u.lateReport).length,
    byArea: areas.map((a) => ({ number: a.number, title: a.title, counts: byArea.get(a.id)! })),
    byGroup: [...byGroup.entries()].map(([label, counts]) => ({ label, counts })),
    totals,
  };
}

const countCells = (c: Counts) => [
  formatVnNumber(c.targets),
  countShare(c.exceeded, c.targets),
  countShare(c.met, c.targets),
  countShare(c.inProgress, c.targets),
  countShare(c.notMet, c.targets),
  countShare(c.notReported, c.targets),
];

export function periodDocument(ctx: DocumentContext, data: PeriodData) {
  const { t, movement, settings, locale } = ctx;
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
    heading(t('doc-period-h-areas')),
    body(t('doc-period-rule')),
    grid(ctx.rows, countColumns(t('doc-col-area'), 36), [...data.byArea.map((a) => ({ cells: [`${a.number}. ${a.title}`, ...countCells(a.counts)] })), totalRow]),
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
