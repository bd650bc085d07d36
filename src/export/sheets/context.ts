/**
 * What every sheet of a movement export shares: the filters asked for, the labels looked up once
 * (not per row), the SQL clauses restricting units, and the row-by-row readers. Every sheet reads
 * its rows with one statement iterated row by row (better-sqlite3 `iterate`, arrays not objects),
 * so memory stays flat however many progress lines there are.
 */
import type Database from 'better-sqlite3';
import { localDate } from '../../domain/vn-input.ts';
import type { Lateness } from '../../domain/status.ts';
import type { Translate } from '../../i18n/index.ts';
import type { CellValue, ColumnSpec, ColumnType, SheetKey, SheetSpec } from '../model.ts';
import type { Movement, Period, RegistrationStatus } from '../../domain/model.ts';

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

export const col = (t: Translate, id: string, width: number, type: ColumnType = 'text'): ColumnSpec => ({ header: t(`export-col-${id}`), width, type });

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
export const idList = (ids: readonly number[]) => `(${ids.filter((id) => Number.isSafeInteger(id)).join(', ') || 'NULL'})`;

/** `column` (a unit id) restricted to the units asked for, when a set is asked for. */
export const unitClause = (f: SheetFilters, column: string) => (f.unitIds ? ` AND ${column} IN ${idList(f.unitIds)}` : '');

/** `r.unit_id` restricted to the cluster/block and the units asked for. */
export const groupClause = (f: SheetFilters, column: string) =>
  (f.group ? ` AND ${column} IN (SELECT unit_id FROM group_members WHERE group_id = ${f.group.id})` : '') + unitClause(f, column);

/** Units valid at some point while the movement runs (as `participatingUnits` in domain/status.ts). */
export const PARTICIPATING = '(u.valid_from IS NULL OR u.valid_from <= @ends) AND (u.valid_to IS NULL OR u.valid_to >= @starts)';

export function* iterate(reader: Database.Database, sql: string, params: Record<string, unknown> | number): Generator<unknown[]> {
  const statement = reader.prepare(sql).raw(true);
  yield* statement.iterate(params) as IterableIterator<unknown[]>;
}

/** A registration as the per-registration sheets show it. */
export interface RegistrationMeta {
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
export function* perRegistration(reader: Database.Database, f: SheetFilters, sql: string): Generator<[registration: RegistrationMeta, row: unknown[]]> {
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

export const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** What a sheet is built from: the database, the filters, the translation and the shared lookups. */
export interface SheetContext {
  reader: Database.Database;
  f: SheetFilters;
  t: Translate;
  labels: Labels;
  /** The calendar day of an instant in the movement's time zone. */
  day: (epochMs: number | null) => string | null;
  /** The movement and its days, as named SQL parameters. */
  base: { movement: number; starts: string; ends: string };
}

export function sheetContext(reader: Database.Database, f: SheetFilters, t: Translate): SheetContext {
  const m = f.movement;
  return { reader, f, t, labels: new Labels(t), day: dayOf(m.timezone), base: { movement: m.id, starts: m.startsOn, ends: m.endsOn } };
}

/** A sheet named in the export's language. */
export const sheet = (t: Translate, key: SheetKey, slug: string, columns: ColumnSpec[], rows: () => Iterable<CellValue[]>): SheetSpec => ({
  key,
  name: t(`export-sheet-${key}`),
  slug,
  columns,
  rows,
});
