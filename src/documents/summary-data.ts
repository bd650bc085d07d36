/**
 * The figures of the Board's aggregate report on registration (laid out in summary.ts): units by
 * how they sent their registration, by cluster/block and by kind of unit; the titles sought; the
 * targets by content area with the notable ones. Figures come from the same rules as /tinhhinh
 * (domain/status.ts): a waiting or approved registration is sent, "nộp muộn" is first sent after
 * the deadline, "quá hạn chưa nộp" is not sent by it.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { movementStatus, type UnitStatus } from '../domain/status.ts';
import { TITLES } from '../domain/titles.ts';
import { localDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { planText } from './figures.ts';
import type { Movement } from '../domain/model.ts';

/** Notable targets shown per content area. */
const NOTABLE_PER_AREA = 5;

/** How a unit stands for this report: sent on time, sent late, or not sent (overdue or not yet). */
type Delivery = 'on_time' | 'late' | 'not_sent';

function delivery(unit: Pick<UnitStatus, 'status' | 'lateness'>): Delivery {
  if (unit.status !== 'submitted' && unit.status !== 'approved') return 'not_sent';
  return unit.lateness === 'submitted_late' ? 'late' : 'on_time';
}

export interface Tally {
  label: string;
  units: number;
  onTime: number;
  late: number;
  notSent: number;
  approved: number;
}

export interface SummaryData {
  units: (UnitStatus & { delivery: Delivery; groupName: string | null; submittedOn: string | null; targets: number; titles: string[] })[];
  totals: Tally;
  overdue: number;
  deadlinePassed: boolean;
  byGroup: Tally[];
  byKind: Tally[];
  titles: { title: string; units: number }[];
  flagSeekers: string[];
  areas: { number: number; title: string; targets: number; units: number; notable: { text: string; units: number; example: string | null }[] }[];
}

const tally = (label: string): Tally => ({ label, units: 0, onTime: 0, late: 0, notSent: 0, approved: 0 });
function add(into: Tally, d: Delivery, approved: boolean) {
  into.units++;
  if (d === 'on_time') into.onTime++;
  else if (d === 'late') into.late++;
  else into.notSent++;
  if (approved) into.approved++;
}

export function summaryData(db: DbOrTx, movement: Movement, today: string, t: Translate): SummaryData {
  const status = movementStatus(db, movement, today);
  const groupNames = new Map(status.byGroup.map((g) => [g.code, g.name]));
  // Targets and titles of sent registrations (a draft is the unit's own business).
  const targetCounts = new Map(
    db
      .all<{ unitId: number; n: number }>(sql`
        SELECT r.unit_id AS unitId, count(t.id) AS n FROM registrations r
        JOIN targets t ON t.registration_id = r.id AND t.deleted_at IS NULL
        WHERE r.movement_id = ${movement.id} AND r.version > 0 GROUP BY r.unit_id`)
      .map((r) => [r.unitId, r.n]),
  );
  const titlesByUnit = new Map<number, string[]>();
  for (const row of db.all<{ unitId: number; title: string }>(sql`
    SELECT r.unit_id AS unitId, rt.title AS title FROM registration_titles rt JOIN registrations r ON r.id = rt.registration_id
    WHERE r.movement_id = ${movement.id} AND r.version > 0`)) {
    const list = titlesByUnit.get(row.unitId) ?? [];
    list.push(row.title);
    titlesByUnit.set(row.unitId, list);
  }

  const totals = tally('');
  const byGroup = new Map<string | null, Tally>();
  const byKind = new Map<string, Tally>();
  const kindLabel = (kind: string) => {
    const label = t(`unit-kind-${kind}`);
    return label === `unit-kind-${kind}` ? kind : label;
  };
  const units = status.units.map((u) => {
    const d = delivery(u);
    const approved = u.status === 'approved';
    add(totals, d, approved);
    const g = byGroup.get(u.groupCode) ?? tally(u.groupCode ? (groupNames.get(u.groupCode) ?? u.groupCode) : t('doc-no-group'));
    byGroup.set(u.groupCode, g);
    add(g, d, approved);
    const k = byKind.get(u.kind) ?? tally(kindLabel(u.kind));
    byKind.set(u.kind, k);
    add(k, d, approved);
    const chosen = titlesByUnit.get(u.unitId) ?? [];
    return {
      ...u,
      delivery: d,
      groupName: u.groupCode ? (groupNames.get(u.groupCode) ?? u.groupCode) : null,
      submittedOn: u.submittedAt ? localDate(u.submittedAt, movement.timezone) : null,
      targets: targetCounts.get(u.unitId) ?? 0,
      titles: TITLES.filter((title) => chosen.includes(title)),
    };
  });
  // Groups in code order, units in no group last.
  const groups = [...byGroup.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))).map(([, g]) => g);

  const titleCounts = TITLES.map((title) => ({ title, units: units.filter((u) => u.titles.includes(title)).length })).filter((x) => x.units > 0);
  const flagSeekers = units.filter((u) => u.titles.includes('co-thi-dua-ubnd-tinh')).map((u) => u.name);

  const areas = db.all<{ id: number; number: number; title: string; targets: number; units: number }>(sql`
    SELECT ca.id AS id, ca.number AS number, ca.title AS title, count(t.id) AS targets, count(DISTINCT r.unit_id) AS units
    FROM content_areas ca
    LEFT JOIN targets t ON t.content_area_id = ca.id AND t.deleted_at IS NULL
      AND t.registration_id IN (SELECT id FROM registrations WHERE movement_id = ${movement.id} AND version > 0)
    LEFT JOIN registrations r ON r.id = t.registration_id
    WHERE ca.movement_id = ${movement.id}
    GROUP BY ca.id ORDER BY ca.number`);
  // The targets most units registered, by content area; for a target one unit alone registered, its plan and unit.
  const notable = db.all<{ areaId: number; text: string; units: number; measure: string | null; plan: number | null; direction: string | null; unit: string }>(sql`
    SELECT area_id AS areaId, text, units, measure, plan, direction, unit FROM (
      SELECT t.content_area_id AS area_id, min(t.text) AS text, count(DISTINCT r.unit_id) AS units,
             min(t.measure) AS measure, min(t.planned_value) AS plan, min(t.direction) AS direction, min(u.name) AS unit,
             row_number() OVER (PARTITION BY t.content_area_id ORDER BY count(DISTINCT r.unit_id) DESC, min(t.id)) AS rank
      FROM targets t
      JOIN registrations r ON r.id = t.registration_id AND r.movement_id = ${movement.id} AND r.version > 0
      JOIN units u ON u.id = r.unit_id
      WHERE t.deleted_at IS NULL
      GROUP BY t.content_area_id, lower(trim(t.text))
    ) WHERE rank <= ${NOTABLE_PER_AREA} ORDER BY area_id, rank`);
  return {
    units,
    totals,
    overdue: status.totals.overdue,
    deadlinePassed: status.deadlinePassed,
    byGroup: groups,
    byKind: [...byKind.values()],
    titles: titleCounts,
    flagSeekers,
    areas: areas.map((a) => ({
      number: a.number,
      title: a.title,
      targets: a.targets,
      units: a.units,
      notable: notable
        .filter((n) => n.areaId === a.id)
        .map((n) => ({
          text: n.text,
          units: n.units,
          // One unit's target: with its plan (a plan is never added to another unit's).
          example: n.units === 1 ? `${n.plan !== null ? `${planText(n.plan, n.direction, n.measure)}, ` : ''}${n.unit}` : null,
        })),
    })),
  };
}
