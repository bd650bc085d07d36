/**
 * Exports of a movement's figures for the Board: a workbook (XLSX) or one CSV file per sheet, with
 * the summary by unit, the registered targets (form Mẫu 1a, with each registration's status,
 * version and return reason), the titles sought, the progress results, the units and the
 * clusters/blocks. Filters: a cluster/block, a period. Used by `thidua export` and the chat's
 * /export.
 *
 * The rows are read from a separate read-only connection inside one read transaction: the export
 * sees one consistent snapshot, and the bot keeps writing on its own connection meanwhile.
 * Files are written under a temporary name and renamed at the end, so a failed export leaves nothing.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { groups, movements } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { listPeriods, resolveMovement } from '../domain/movements.ts';
import { formatVnDateTime } from '../domain/format-time.ts';
import { periodTitle } from '../domain/period-labels.ts';
import { localDate } from '../domain/vn-input.ts';
import { DEFAULT_LOCALE, translator, type Locale } from '../i18n/index.ts';
import { writeCsv } from './csv.ts';
import { SHEET_KEYS, type SheetKey } from './model.ts';
import { buildSheets } from './sheets/index.ts';
import { writeXlsx } from './xlsx.ts';
import type { Movement } from '../domain/model.ts';

const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (v: unknown): v is ExportFormat => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);

export interface ExportOptions {
  /** The movement, by id or by code; neither: the open movement. */
  movementId?: number;
  movementCode?: string;
  /** Only this cluster/block (its code, e.g. CUM1). */
  groupCode?: string | null;
  /** Only these units: the scope of the person asking (src/domain/scope.ts); null or absent: every unit. */
  unitIds?: readonly number[] | null;
  /** Only this period's results (its code, e.g. Q2020-1); % of plan as of its end. */
  periodCode?: string | null;
  format?: ExportFormat;
  /** Folder for the files (created if needed). */
  dir: string;
  /** Language of headers and labels (default Vietnamese). */
  locale?: Locale;
  /** The moment of the export (file names, who is late); default now. */
  now?: number;
  /** Every revision of each progress report, not only the latest (default false). */
  allRevisions?: boolean;
  /** Registrations never sent (Chưa gửi) in the targets, titles and results too (default false). */
  includeDrafts?: boolean;
  /** Rows per sheet, header included, before continuing on "Kết quả (2)"; default Excel's 1,048,576. */
  maxRowsPerSheet?: number;
}

interface ExportedSheet {
  key: SheetKey;
  /** As shown in the workbook: "Kết quả", "Kết quả (2)". */
  name: string;
  file: string;
  /** Data rows (the header not counted). */
  rows: number;
}

interface ExportResult {
  movement: { id: number; code: string; name: string };
  group: string | null;
  period: string | null;
  format: ExportFormat;
  /** Paths of the files written, in order. */
  files: string[];
  sheets: ExportedSheet[];
  /** Data rows per sheet, continuations included. */
  rows: Record<SheetKey, number>;
}

function findMovementById(db: Db, id: number): Movement {
  const row = db.select().from(movements).where(eq(movements.id, id)).get();
  if (!row) throw new DomainError('err-movement-unknown', { code: String(id) });
  return row;
}

const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The movement, cluster/block and period asked for, checked before anything is written. */
function resolveExportFilters(db: Db, options: Pick<ExportOptions, 'movementId' | 'movementCode' | 'groupCode' | 'periodCode'>) {
  const movement = options.movementId !== undefined ? findMovementById(db, options.movementId) : resolveMovement(db, options.movementCode);
  let group: { id: number; code: string; name: string } | null = null;
  if (options.groupCode) {
    const rows = db.select({ id: groups.id, code: groups.code, name: groups.name }).from(groups).where(eq(groups.movementId, movement.id)).all();
    group = rows.find((g) => sameCode(g.code, options.groupCode!)) ?? null;
    if (!group)
      throw new DomainError('err-export-group-unknown', { code: options.groupCode, movement: movement.code, groups: rows.map((g) => g.code).join(', ') || '—' });
  }
  const periods = listPeriods(db, movement.id);
  let period = null;
  if (options.periodCode) {
    period = periods.find((p) => sameCode(p.code, options.periodCode!)) ?? null;
    if (!period)
      throw new DomainError('err-export-period-unknown', { code: options.periodCode, movement: movement.code, periods: periods.map((p) => p.code).join(', ') || '—' });
  }
  return { movement, group, period, periods };
}

/** A read-only connection to the same file, in a read transaction: one snapshot for the whole export. */
function openSnapshot(db: Db): { reader: Database.Database; close(): void } {
  const client = db.$client;
  // Without WAL a long read transaction would hold writers off: read on the bot's own connection then.
  const wal = !client.memory && client.name !== '' && existsSync(client.name) && client.pragma('journal_mode', { simple: true }) === 'wal';
  if (!wal) return { reader: client, close: () => undefined };
  const reader = new Database(client.name, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM movements').get(); // the snapshot starts with the first read
  return {
    reader,
    close: () => {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    },
  };
}

/** A code as it may stand in a file name. */
export const safe = (code: string) => code.replace(/[^A-Za-z0-9_.-]+/g, '_');

/** 20200215-100000 in the movement's time zone. */
export function stamp(now: number, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
}

/**
 * Writes the export and returns what was written. Unknown movement, cluster/block or period: a
 * DomainError (err-movement-unknown, err-export-group-unknown, err-export-period-unknown, with
 * localized texts) and no file.
 */
export async function exportMovement(db: Db, options: ExportOptions): Promise<ExportResult> {
  const format = options.format ?? 'xlsx';
  if (!isExportFormat(format)) throw new DomainError('err-export-format', { format: String(format) });
  const { movement, group, period, periods } = resolveExportFilters(db, options);
  const now = options.now ?? Date.now();
  const t = translator(options.locale ?? DEFAULT_LOCALE);
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });

  const baseName = ['thidua', safe(movement.code), group && safe(group.code), period && safe(period.code), stamp(now, movement.timezone)]
    .filter(Boolean)
    .join('-');
  // Never overwrite an earlier export made in the same second.
  let base = baseName;
  const taken = (b: string) => (format === 'xlsx' ? existsSync(join(dir, `${b}.xlsx`)) : existsSync(join(dir, `${b}-tong-hop.csv`)));
  for (let n = 2; taken(base); n++) base = `${baseName}-${n}`;

  const snapshot = openSnapshot(db);
  const temporary: [string, string][] = [];
  const staged = (path: string) => {
    temporary.push([`${path}.part`, path]);
    return `${path}.part`;
  };
  try {
    const sheets = buildSheets(snapshot.reader, { movement, group, unitIds: options.unitIds ?? null, period, allRevisions: options.allRevisions ?? false, includeDrafts: options.includeDrafts ?? false, today: localDate(now, movement.timezone) }, t, periods);
    let written: ExportedSheet[];
    if (format === 'xlsx') {
      // Each sheet opens with what it is, of which movement (and cluster/block, period), and when.
      const scope = [movement.name, group && t('export-heading-group', { name: group.name }), period && t('export-heading-period', { period: periodTitle(t, period) })].filter(Boolean).join(' · ');
      const when = t('export-heading-date', { at: formatVnDateTime(now, movement.timezone) });
      for (const sheet of sheets) sheet.heading = [t('export-heading', { sheet: sheet.key }), scope, when];
      const path = join(dir, `${base}.xlsx`);
      const result = await writeXlsx(staged(path), sheets, { maxRowsPerSheet: options.maxRowsPerSheet, title: movement.name, created: new Date(now) });
      written = result.sheets.map((s) => ({ ...s, file: path }));
    } else {
      const parts = await writeCsv(sheets, (sheet, part) => staged(join(dir, `${base}-${sheet.slug}${part > 1 ? `-${part}` : ''}.csv`)), {
        maxRowsPerSheet: options.maxRowsPerSheet,
      });
      written = parts.map((p) => ({ key: p.key, name: p.name, file: p.path.replace(/\.part$/, ''), rows: p.rows }));
    }
    for (const [from, to] of temporary) renameSync(from, to);
    const rows = Object.fromEntries(SHEET_KEYS.map((k) => [k, 0])) as Record<SheetKey, number>;
    for (const s of written) rows[s.key] += s.rows;
    return {
      movement: { id: movement.id, code: movement.code, name: movement.name },
      group: group?.code ?? null,
      period: period?.code ?? null,
      format,
      files: temporary.map(([, to]) => to),
      sheets: written,
      rows,
    };
  } catch (error) {
    for (const [from] of temporary) rmSync(from, { force: true });
    throw error;
  } finally {
    snapshot.close();
  }
}
