/**
 * The five sheets of a movement export and the SQL that feeds them. Every sheet reads its rows
 * with one statement iterated row by row (better-sqlite3 `iterate`, arrays not objects), so memory
 * stays flat however many progress lines there are; labels are looked up once, not per row.
 */
import type Database from 'better-sqlite3';
import { overClient } from '../db/connection.ts';
import { unitDeadline } from '../domain/due-dates.ts';
import { figureKind, figureUpTo, type ReportedFigure } from '../domain/figures.ts';
import { progressCountsByUnit } from '../domain/progress.ts';
import { TARGET_ORDER_SQL } from '../domain/target-order.ts';
import { lateness, type Lateness } from '../domain/status.ts';
import { localDate } from '../domain/vn-input.ts';
import { periodTitle } from '../domain/period-labels.ts';
import { TITLES } from '../domain/titles.ts';
import type { Translate } from '../i18n/index.ts';
import type { CellValue, ColumnSpec, ColumnType, SheetKey, SheetSpec } from './model.ts';
import type { Movement, Period, RegistrationStatus } from '../domain/model.ts';

export interface SheetFilters {
  movement: Movement;
  /** Only this cluster/block's units. */
  group: { id: number; code: string } | null;
  /** Only these units (the scope of the person asking, src/domain/scope.ts); null: every unit. */
  unitIds: readonly number[] | null;
  /** Only this period's reports (and % of plan as of its end). */
  period: Period | null;
  /** Every revision of each report, not only the latest. */
  allRevisions: boolean;
  /** Registrations never sent (Chưa gửi) too; by default only what reached the Board. */
  includeDrafts: boolean;
  /** YYYY-MM-DD in the movement's time zone: decides who is late. */
  today: string;
}

const col = (t: Translate, id: string, width: number, type: ColumnType = 'text'): ColumnSpec => ({ header: t(`export-col-${id}`), width, type });

/** Labels computed once per export (Fluent formatting per row would dominate the run time). */
class Labels {
  readonly yes: string;
  readonly no: string;
  readonly qualitative: string;
  private readonly cache = new Map<string, string>();

  constructor(private readonly t: Translate) {
    this.yes = t('export-yes');
    this.no = t('export-no');
    this.qualitative = t('export-qualitative');
  }

  private memo(key: string, make: () => string): string {
    let label = this.cache.get(key);
    if (label === undefined) this.cache.set(key, (label = make()));
    return label;
  }

  status = (status: RegistrationStatus | 'none') => this.memo(`s:${status}`, () => this.t('registration-status', { status }));
  unitKind = (kind: string) =>
    this.memo(`k:${kind}`, () => {
      const label = this.t(`unit-kind-${kind}`);
      return label === `unit-kind-${kind}` ? kind : label;
    });
  groupKind = (kind: string) => this.memo(`g:${kind}`, () => this.t('export-group-kind', { kind }));
  /** "Đạt", "Đang thực hiện": capitalised as the qualitative states beside them in the same column. */
  verdict = (assessment: string) => this.memo(`a:${assessment}`, () => this.t('doc-verdict', { assessment }));
  evidenceKind = (kind: string) => this.memo(`e:${kind}`, () => this.t('export-evidence-kind', { kind }));
  title = (code: string) => this.memo(`t:${code}`, () => this.t(`title-${code}`));
  qualitativeState = (state: string) => this.memo(`q:${state}`, () => this.t('qualitative-state', { state }));
  bool = (value: unknown) => (value ? this.yes : this.no);
  lateness = (kind: Lateness) => (kind === null ? null : this.memo(`l:${kind}`, () => this.t('export-lateness', { kind })));
}

/** The calendar day of an instant in the movement's time zone, cached per quarter hour (offsets are whole quarters). */
function dayOf(timezone: string): (epochMs: number | null) => string | null {
  const cache = new Map<number, string>();
  return (epochMs) => {
    if (epochMs === null) return null;
    const slot = Math.floor(epochMs / 900_000);
    let day = cache.get(slot);
    if (day === undefined) {
      day = localDate(epochMs, timezone);
      if (cache.size > 100_000) cache.clear();
      cache.set(slot, day);
    }
    return day;
  };
}

/** The unit ids as an SQL list (integers only, so safe to inline); no units: a list nothing is in. */
const idList = (ids: readonly number[]) => `(${ids.filter((id) => Number.isSafeInteger(id)).join(', ') || 'NULL'})`;

/** `column` (a unit id) restricted to the units asked for, when a set is asked for. */
const unitClause = (f: SheetFilters, column: string) => (f.unitIds ? ` AND ${column} IN ${idList(f.unitIds)}` : '');

/** `r.unit_id` restricted to the cluster/block and the units asked for. */
const groupClause = (f: SheetFilters, column: string) =>
  (f.group ? ` AND ${column} IN (SELECT unit_id FROM group_members WHERE group_id = ${f.group.id})` : '') + unitClause(f, column);

/** Units valid at some point while the movement runs (as `participatingUnits` in domain/status.ts). */
const PARTICIPATING = '(u.valid_from IS NULL OR u.valid_from <= @ends) AND (u.valid_to IS NULL OR u.valid_to >= @starts)';

function* iterate(reader: Database.Database, sql: string, params: Record<string, unknown> | number): Generator<unknown[]> {
  const statement = reader.prepare(sql).raw(true);
  yield* statement.iterate(params) as IterableIterator<unknown[]>;
}

/** A registration as the per-registration sheets show it. */
interface RegistrationMeta {
  id: number;
  code: unknown;
  name: unknown;
  status: RegistrationStatus;
  version: number;
  /** Why the Board returned it (or reopened it), while it is returned. */
  returnReason: string | null;
}

/**
 * The movement's registrations (of the cluster/block asked for; drafts only when asked for) by
 * unit code, each with the rows `sql` gives for it (`?` is the registration id). One small sorted
 * query per registration rather than one sort of every row: faster, and no temporary B-tree of
 * 400,000 rows.
 */
function* perRegistration(reader: Database.Database, f: SheetFilters, sql: string): Generator<[registration: RegistrationMeta, row: unknown[]]> {
  const registrations = `
    SELECT r.id, u.code, u.name, r.status, r.version, r.review_comment
    FROM registrations r
    JOIN units u ON u.id = r.unit_id
    WHERE r.movement_id = @movement${groupClause(f, 'r.unit_id')}${f.includeDrafts ? '' : " AND r.status <> 'draft'"}
    ORDER BY u.code`;
  const inner = reader.prepare(sql).raw(true);
  for (const [id, code, name, status, version, comment] of iterate(reader, registrations, { movement: f.movement.id })) {
    const meta: RegistrationMeta = {
      id: Number(id),
      code,
      name,
      status: status as RegistrationStatus,
      version: Number(version),
      returnReason: status === 'returned' && comment !== null ? String(comment) : null,
    };
    for (const row of inner.iterate(id) as IterableIterator<unknown[]>) yield [meta, row];
  }
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function buildSheets(reader: Database.Database, f: SheetFilters, t: Translate, periods: Period[]): SheetSpec[] {
  const labels = new Labels(t);
  const day = dayOf(f.movement.timezone);
  const m = f.movement;
  const base = { movement: m.id, starts: m.startsOn, ends: m.endsOn };
  const sheet = (key: SheetKey, slug: string, columns: ColumnSpec[], rows: () => Iterable<CellValue[]>): SheetSpec => ({
    key,
    name: t(`export-sheet-${key}`),
    slug,
    columns,
    rows,
  });

  // ------------------------------------------------------------------ Tổng hợp: one row per unit
  const summary = sheet(
    'summary',
    'tong-hop',
    [
      col(t, 'group', 28),
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 42),
      col(t, 'unit-kind', 20),
      col(t, 'status', 14),
      col(t, 'submitted-on', 12, 'date'),
      col(t, 'late', 16),
      col(t, 'target-count', 11, 'integer'),
      // Counted, never averaged: a mean of tỷ đồng and percentages means nothing.
      col(t, 'targets-exceeded', 9, 'integer'),
      col(t, 'targets-met', 9, 'integer'),
      col(t, 'targets-in-progress', 11, 'integer'),
      col(t, 'targets-not-met', 10, 'integer'),
      col(t, 'targets-not-reported', 11, 'integer'),
    ],
    function* () {
      const asOf = f.period && f.period.endsOn < f.today ? f.period.endsOn : f.today;
      const progress = progressCountsByUnit(overClient(reader), m.id, asOf, f.period?.endsOn, f.period ?? undefined);
      const sql = `
        SELECT g.name, u.code, u.name, u.kind, r.status, r.submitted_at, r.late,
          (SELECT count(*) FROM targets t WHERE t.registration_id = r.id AND t.deleted_at IS NULL), u.id, r.deadline_on
        FROM units u
        LEFT JOIN group_members gm ON gm.movement_id = @movement AND gm.unit_id = u.id
        LEFT JOIN groups g ON g.id = gm.group_id
        LEFT JOIN registrations r ON r.movement_id = @movement AND r.unit_id = u.id
        WHERE ${PARTICIPATING}${f.group ? ` AND gm.group_id = ${f.group.id}` : ''}${unitClause(f, 'u.id')}
        ORDER BY g.code IS NULL, g.code, u.code`;
      for (const [groupName, code, name, kind, status, submittedAt, late, targetCount, unitId, deadlineOn] of iterate(reader, sql, base)) {
        // A unit whose deadline the Board extended is held to its own.
        const deadlinePassed = f.today > unitDeadline(m.registrationDeadline, str(deadlineOn));
        const standing = (status ?? 'none') as RegistrationStatus | 'none';
        const counts = progress.get(Number(unitId));
        yield [
          str(groupName),
          str(code),
          str(name),
          labels.unitKind(String(kind)),
          labels.status(standing),
          day(num(submittedAt)),
          labels.lateness(lateness(standing, late === 1, deadlinePassed)),
          Number(targetCount ?? 0),
          counts?.exceeded ?? null,
          counts?.met ?? null,
          counts?.inProgress ?? null,
          counts?.notMet ?? null,
          counts?.notReported ?? null,
        ];
      }
    },
  );

  // ------------------------------------------------- Đăng ký chỉ tiêu: the registration form (Mẫu 1a)
  const targets = sheet(
    'targets',
    'dang-ky-chi-tieu',
    [
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 26),
      col(t, 'status', 12),
      col(t, 'version', 8, 'integer'),
      col(t, 'return-reason', 24),
      col(t, 'index', 6, 'integer'),
      col(t, 'area', 28),
      col(t, 'target', 48),
      col(t, 'measure', 12),
      col(t, 'plan', 12, 'plan'),
      col(t, 'due', 12, 'date'),
      col(t, 'note', 24),
    ],
    function* () {
      const sql = `
        SELECT ca.number, ca.title, t.text, t.kind, t.measure, t.planned_value, t.direction, t.due_on, t.note
        FROM targets t
        JOIN content_areas ca ON ca.id = t.content_area_id
        WHERE t.registration_id = ? AND t.deleted_at IS NULL
        ORDER BY ${TARGET_ORDER_SQL}`;
      let unit: unknown = null;
      let index = 0;
      for (const [reg, [areaNumber, areaTitle, text, kind, measure, planned, direction, due, note]] of perRegistration(reader, f, sql)) {
        if (reg.code !== unit) [unit, index] = [reg.code, 0];
        index++;
        yield [
          str(reg.code),
          str(reg.name),
          labels.status(reg.status),
          reg.version,
          reg.returnReason,
          index,
          `${String(areaNumber)}. ${String(areaTitle)}`,
          str(text),
          str(measure),
          kind === 'quantitative' && planned !== null
            ? { value: Number(planned), direction: direction === 'at_most' ? 'at_most' : 'at_least' }
            : labels.qualitative,
          str(due),
          str(note),
        ];
      }
    },
  );

  // ----------------------------------------------------------------- Kết quả: the progress lines
  const periodNames = new Map(periods.map((p) => [p.id, periodTitle(t, p)]));
  const results = sheet(
    'results',
    'ket-qua',
    [
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 26),
      col(t, 'period', 14),
      col(t, 'target', 44),
      col(t, 'measure', 12),
      col(t, 'plan', 12, 'plan'),
      col(t, 'result', 12, 'number'),
      col(t, 'cumulative', 12, 'number'),
      col(t, 'percent', 12, 'percent'),
      col(t, 'assessment', 12),
      col(t, 'evidence', 28),
      col(t, 'note', 24),
      col(t, 'revision', 10, 'integer'),
      col(t, 'reported-on', 13, 'date'),
    ],
    function* () {
      // Every line of the registration's reports, all periods and revisions: the rows shown are
      // picked from them, and the figures among them are what "Lũy kế" is made from (one read of
      // the lines, not a second query for the figures).
      const sql = `
        SELECT pr.period_id, t.text, t.measure, pl.value, pl.percent_of_plan, pl.assessment,
               pl.evidence_kind, pl.evidence_ref, pl.note, pr.revision, pr.reported_at, pl.target_id, p.kind, p.ends_on, pl.cumulative,
               t.kind, t.planned_value, t.direction
        FROM progress_reports pr
        JOIN reporting_periods p ON p.id = pr.period_id
        JOIN progress_lines pl ON pl.report_id = pr.id
        JOIN targets t ON t.id = pl.target_id
        WHERE pr.registration_id = ?
        ORDER BY p.ends_on, p.starts_on DESC, pr.period_id, pr.revision, t.position, t.id`;
      // Each period's latest revision (of the reports, whether or not it has lines).
      const latestRevisions = reader.prepare('SELECT period_id, max(revision) FROM progress_reports WHERE registration_id = ? GROUP BY period_id').raw(true);

      function* rowsOf(reg: RegistrationMeta, lines: unknown[][]): Generator<CellValue[]> {
        const figures = new Map<number, ReportedFigure[]>();
        for (const [periodId, , , value, , , , , , revision, , targetId, periodKind, endsOn, cumulative] of lines) {
          if (value === null) continue;
          const figure = { periodId: Number(periodId), periodKind: String(periodKind), endsOn: String(endsOn), revision: Number(revision), value: Number(value), cumulative: cumulative === 1 };
          const list = figures.get(Number(targetId));
          if (list) list.push(figure);
          else figures.set(Number(targetId), [figure]);
        }
        const latest = f.allRevisions ? null : new Map((latestRevisions.all(reg.id) as unknown[][]).map(([period, revision]) => [Number(period), Number(revision)]));
        for (const [periodId, text, measure, value, percent, assessment, evidenceKind, evidenceRef, note, revision, reportedAt, targetId, periodKind, endsOn, , targetKind, planned, direction] of lines) {
          if (f.period && Number(periodId) !== f.period.id) continue;
          if (latest && Number(revision) !== latest.get(Number(periodId))) continue;
          const hasValue = value !== null;
          // Lũy kế: the target's running total as this report left it (the same period's later
          // corrections not yet counted). A rate has none: the latest value stands, never a sum.
          const kind = figureKind(str(measure));
          const runningTotal =
            hasValue && kind !== 'rate'
              ? figureUpTo(
                  kind,
                  (figures.get(Number(targetId)) ?? []).filter((x) => x.periodId !== Number(periodId) || x.revision <= Number(revision)),
                  { kind: String(periodKind), endsOn: String(endsOn) },
                )
              : null;
          yield [
            str(reg.code),
            str(reg.name),
            periodNames.get(Number(periodId)) ?? null,
            str(text),
            str(measure),
            targetKind === 'quantitative' && planned !== null
              ? { value: Number(planned), direction: direction === 'at_most' ? 'at_most' : 'at_least' }
              : labels.qualitative,
            num(value),
            runningTotal,
            num(percent),
            // A line without a figure is a qualitative target's: "Hoàn thành", "Đang thực hiện"…
            assessment === null ? null : hasValue ? labels.verdict(String(assessment)) : labels.qualitativeState(String(assessment)),
            evidenceRef === null ? null : evidenceKind === 'link' || evidenceKind === null ? String(evidenceRef) : `${labels.evidenceKind(String(evidenceKind))}: ${String(evidenceRef)}`,
            str(note),
            Number(revision),
            day(num(reportedAt)),
          ];
        }
      }

      let current: RegistrationMeta | null = null;
      let lines: unknown[][] = [];
      for (const [reg, line] of perRegistration(reader, f, sql)) {
        if (reg !== current) {
          if (current) yield* rowsOf(current, lines);
          [current, lines] = [reg, []];
        }
        lines.push(line);
      }
      if (current) yield* rowsOf(current, lines);
    },
  );

  // ------------------------------------------------------------ Danh hiệu: the titles sought
  const titleOrder = `CASE rt.title ${TITLES.map((title, i) => `WHEN '${title}' THEN ${i}`).join(' ')} ELSE ${TITLES.length} END`;
  const titles = sheet(
    'titles',
    'danh-hieu',
    [col(t, 'unit-code', 12), col(t, 'unit-name', 36), col(t, 'group', 28), col(t, 'status', 12), col(t, 'version', 8, 'integer'), col(t, 'title', 44)],
    function* () {
      const sql = `
        SELECT u.code, u.name, g.name, r.status, r.version, rt.title
        FROM registration_titles rt
        JOIN registrations r ON r.id = rt.registration_id
        JOIN units u ON u.id = r.unit_id
        LEFT JOIN group_members gm ON gm.movement_id = r.movement_id AND gm.unit_id = u.id
        LEFT JOIN groups g ON g.id = gm.group_id
        WHERE r.movement_id = @movement${groupClause(f, 'r.unit_id')}${f.includeDrafts ? '' : " AND r.status <> 'draft'"}
        ORDER BY u.code, ${titleOrder}`;
      for (const [code, name, groupName, status, version, title] of iterate(reader, sql, { movement: m.id })) {
        yield [str(code), str(name), str(groupName), labels.status(status as RegistrationStatus), Number(version), labels.title(String(title))];
      }
    },
  );

  // ------------------------------------------------------------------------------ Đơn vị
  const units = sheet(
    'units',
    'don-vi',
    [
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 42),
      col(t, 'unit-kind', 20),
      col(t, 'group-code', 14),
      col(t, 'group', 28),
      col(t, 'valid-from', 12, 'date'),
      col(t, 'valid-to', 12, 'date'),
    ],
    function* () {
      const sql = `
        SELECT u.code, u.name, u.kind, g.code, g.name, u.valid_from, u.valid_to
        FROM units u
        LEFT JOIN group_members gm ON gm.movement_id = @movement AND gm.unit_id = u.id
        LEFT JOIN groups g ON g.id = gm.group_id
        WHERE ${PARTICIPATING}${f.group ? ` AND gm.group_id = ${f.group.id}` : ''}${unitClause(f, 'u.id')}
        ORDER BY u.code`;
      for (const [code, name, kind, groupCode, groupName, validFrom, validTo] of iterate(reader, sql, base)) {
        yield [str(code), str(name), labels.unitKind(String(kind)), str(groupCode), str(groupName), str(validFrom), str(validTo)];
      }
    },
  );

  // ---------------------------------------------------------------------------- Cụm, khối
  const groups = sheet(
    'groups',
    'cum-khoi',
    [
      col(t, 'group-code', 14),
      col(t, 'group-kind', 8),
      col(t, 'group-name', 32),
      col(t, 'head', 36),
      col(t, 'deputy', 36),
      col(t, 'members', 10, 'integer'),
      col(t, 'illustrative', 10),
    ],
    function* () {
      const sql = `
        SELECT g.code, g.kind, g.name, h.name, d.name, (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id), g.illustrative
        FROM groups g
        LEFT JOIN units h ON h.id = g.head_unit_id
        LEFT JOIN units d ON d.id = g.deputy_unit_id
        WHERE g.movement_id = @movement${f.group ? ` AND g.id = ${f.group.id}` : ''}${f.unitIds ? ` AND g.id IN (SELECT group_id FROM group_members WHERE unit_id IN ${idList(f.unitIds)})` : ''}
        ORDER BY g.code`;
      for (const [code, kind, name, head, deputy, members, illustrative] of iterate(reader, sql, { movement: m.id })) {
        yield [str(code), labels.groupKind(String(kind)), str(name), str(head), str(deputy), Number(members), labels.bool(illustrative)];
      }
    },
  );

  return [summary, targets, titles, results, units, groups];
}
