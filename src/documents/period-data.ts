/**
 * The period report (sơ kết 6 tháng, tổng kết năm, or any reporting period): results against plan
 * by content area, by cluster/block and (annex) by unit — each target counted once as vượt, đạt,
 * đang thực hiện, không đạt or chưa báo cáo, never an average of figures of different kinds. A
 * target is judged as of the period's end (before its own due date it is đang thực hiện), with the
 * reports of the periods ending by then: a rate as last reported, a count or an amount added up or
 * carried (domain/progress.ts).
 * The figures; the document's layout is in period.ts.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { countAssessment, eachTargetStanding, emptyProgressCounts,  type ProgressCounts } from '../domain/progress.ts';
import { movementStatus } from '../domain/status.ts';
import { TARGET_ORDER_SQL } from '../domain/target-order.ts';
import { localDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { byGroupThenName } from './figures.ts';
import type { Assessment, Movement, Period } from '../domain/model.ts';

export type Counts = ProgressCounts & { targets: number };

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
