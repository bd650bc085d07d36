import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/connection.ts';
import { groupMembers, groups, units } from '../db/schema.ts';
import type { Sheet } from '../io/table-reader.ts';
import { fold } from '../util/text.ts';
import type { Actor } from './audit.ts';
import type { FileProblem } from './validation-report.ts';
import { unitDiff, unitIdsByCode, upsertGroup, upsertUnit, type GroupInput, type UnitInput } from './units.ts';
import { isValidIsoDate, parseVnDate } from './vn-input.ts';
import { t, type Locale } from '../i18n/index.ts';
import { UNIT_KINDS, type UnitKind } from './model.ts';

/**
 * Reading the units lists that offices keep in Excel: one row per unit, headers in Vietnamese or
 * English, an optional column naming the unit's cluster/block and one for its role there.
 */
type Column = 'code' | 'name' | 'kind' | 'group' | 'groupRole' | 'validFrom' | 'validTo' | 'phone';

const HEADER_ALIASES: Record<Column, string[]> = {
  code: ['ma', 'ma don vi', 'ma dv', 'code', 'unit code'],
  name: ['ten', 'ten don vi', 'don vi', 'ten co quan', 'name', 'unit', 'unit name'],
  kind: ['loai', 'loai don vi', 'loai hinh', 'khoi nganh', 'kind', 'type'],
  group: ['cum khoi', 'cum khoi thi dua', 'cum', 'khoi', 'cum thi dua', 'khoi thi dua', 'group', 'cluster'],
  groupRole: ['vai tro', 'vai tro trong cum', 'vai tro trong cum khoi', 'chuc danh trong cum khoi', 'role', 'group role'],
  validFrom: ['hieu luc tu', 'tu ngay', 'valid from'],
  validTo: ['hieu luc den', 'den ngay', 'valid to'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'dt', 'phone', 'telephone'],
};

/** An office or mobile number as offices write it: digits with spaces, dots, dashes, brackets, a leading +. */
const PHONE = /^\+?[0-9 .()-]{8,20}$/;

const KIND_ALIASES: Record<string, UnitKind> = {
  so: 'so',
  'so nganh': 'so',
  'ban nganh': 'ban-nganh',
  ban: 'ban-nganh',
  nganh: 'ban-nganh',
  'doan the': 'doan-the',
  'to chuc chinh tri xa hoi': 'doan-the',
  hoi: 'doan-the',
  huyen: 'huyen',
  'huyen thanh pho': 'huyen',
  'ubnd huyen': 'huyen',
  'thanh pho': 'huyen',
  'thi xa': 'huyen',
  quan: 'huyen',
  xa: 'xa',
  'xa phuong': 'xa',
  phuong: 'xa',
  'thi tran': 'xa',
  'doanh nghiep': 'doanh-nghiep',
  khac: 'khac',
};

/** Folds a header or a value for matching: accents off, punctuation as spaces. */
const key = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();

function mapHeaders(headers: string[]): Partial<Record<Column, string>> {
  const found: Partial<Record<Column, string>> = {};
  for (const header of headers) {
    const k = key(header);
    for (const [column, aliases] of Object.entries(HEADER_ALIASES) as [Column, string[]][]) {
      if (found[column] === undefined && aliases.includes(k)) found[column] = header;
    }
  }
  return found;
}

function readKind(value: string, name: string): UnitKind | undefined {
  const k = key(value);
  if (k !== '') return (UNIT_KINDS as readonly string[]).includes(value.trim()) ? (value.trim() as UnitKind) : KIND_ALIASES[k];
  // No kind written: the name usually tells (Sở…, UBND huyện…, Hội…).
  const n = key(name);
  if (n.startsWith('so ')) return 'so';
  if (/^(ubnd )?(huyen|thanh pho|thi xa|quan) /.test(n)) return 'huyen';
  if (/^(ubnd )?(xa|phuong|thi tran) /.test(n)) return 'xa';
  if (/^(hoi|lien doan|tinh doan|uy ban mat tran|mat tran)/.test(n)) return 'doan-the';
  return undefined;
}

function readRole(value: string): 'head' | 'deputy' | 'member' | undefined {
  const k = key(value);
  if (k === '' || k === 'thanh vien' || k === 'member') return 'member';
  if (/^(cum |khoi )?truong$|^head$/.test(k)) return 'head';
  if (/^(cum |khoi )?pho$|^deputy$/.test(k)) return 'deputy';
  return undefined;
}

function readDate(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  if (isValidIsoDate(value.trim())) return value.trim();
  const reading = parseVnDate(value, new Date().getUTCFullYear());
  return reading.kind === 'ok' && !reading.yearAssumed ? reading.date : undefined;
}

const unitRow = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/),
  name: z.string().min(1),
});

interface UnitRowPlan extends UnitInput {
  line: number;
  group?: string;
  groupRole: 'head' | 'deputy' | 'member';
}

export interface UnitImportPlan {
  units: { code: string; name: string; change: 'create' | 'update' | 'same'; diff: Record<string, [unknown, unknown]> | null }[];
  groups: { code: string; name: string; change: 'create' | 'update' | 'same'; members: string[]; head: string | null; deputy: string | null }[];
}

type UnitImportReading = { ok: true; rows: UnitRowPlan[] } | { ok: false; problems: FileProblem[] };

/** Reads and checks every row; any problem refuses the whole file. */
export function readUnitRows(sheet: Sheet, locale: Locale): UnitImportReading {
  const columns = mapHeaders(sheet.headers);
  const problems: FileProblem[] = [];
  const problem = (line: number, field: string, id: string, args?: Record<string, string>) =>
    problems.push({ line, field, message: t(locale, id, args) });
  if (!columns.code || !columns.name) {
    problem(1, columns.code ? 'name' : 'code', 'import-missing-column', { columns: sheet.headers.join(', ') });
    return { ok: false, problems };
  }
  const rows: UnitRowPlan[] = [];
  const seen = new Map<string, number>();
  const get = (values: Record<string, string>, c: Column) => (columns[c] ? (values[columns[c]!] ?? '').trim() : '');
  for (const { line, values } of sheet.rows) {
    const code = get(values, 'code');
    const name = get(values, 'name');
    const shape = unitRow.safeParse({ code, name });
    if (!shape.success) {
      for (const issue of shape.error.issues)
        problem(line, String(issue.path[0]), issue.path[0] === 'code' ? 'import-bad-code' : 'import-missing-name', { value: code });
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) problem(line, 'code', 'import-duplicate-code', { value: code, line: String(earlier) });
    seen.set(code, line);
    const kindText = get(values, 'kind');
    const kind = readKind(kindText, name);
    if (!kind) problem(line, 'kind', kindText === '' ? 'import-missing-kind' : 'import-bad-kind', { value: kindText });
    const role = readRole(get(values, 'groupRole'));
    if (!role) problem(line, 'groupRole', 'import-bad-role', { value: get(values, 'groupRole') });
    const group = get(values, 'group');
    if (role && role !== 'member' && group === '') problem(line, 'group', 'import-role-without-group');
    const validFrom = readDate(get(values, 'validFrom'));
    const validTo = readDate(get(values, 'validTo'));
    if (validFrom === undefined) problem(line, 'validFrom', 'import-bad-date', { value: get(values, 'validFrom') });
    if (validTo === undefined) problem(line, 'validTo', 'import-bad-date', { value: get(values, 'validTo') });
    if (validFrom && validTo && validTo < validFrom) problem(line, 'validTo', 'import-dates-reversed');
    // An empty cell keeps the phone known; no phone column at all changes none.
    const phone = get(values, 'phone');
    if (phone !== '' && !PHONE.test(phone)) problem(line, 'phone', 'import-bad-phone', { value: phone });
    if (kind && role && validFrom !== undefined && validTo !== undefined)
      rows.push({ line, code, name, kind, validFrom, validTo, groupRole: role, ...(group ? { group } : {}), ...(phone ? { phone } : {}) });
  }
  // Two heads (or two deputies) named for one group.
  const roleHolder = new Map<string, string>();
  for (const row of rows) {
    if (!row.group || row.groupRole === 'member') continue;
    const k = `${key(row.group)}|${row.groupRole}`;
    const holder = roleHolder.get(k);
    if (holder !== undefined) problem(row.line, 'groupRole', 'import-two-holders', { group: row.group, unit: holder });
    roleHolder.set(k, row.code);
  }
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) } : { ok: true, rows };
}

/** Groups named in the file, matched to the movement's groups by code or by name (accents ignored). */
function groupInputs(db: DbOrTx, movementId: number, rows: UnitRowPlan[]): (GroupInput & { exists: boolean })[] {
  const existing = db.select().from(groups).where(eq(groups.movementId, movementId)).all();
  const byKey = new Map<string, GroupInput & { exists: boolean }>();
  for (const row of rows) {
    if (!row.group) continue;
    const k = key(row.group);
    let g = byKey.get(k);
    if (!g) {
      const match = existing.find((e) => key(e.code) === k || key(e.name) === k);
      g = match
        ? {
            code: match.code,
            kind: match.kind,
            name: match.name,
            // A file without a role column keeps the group's current head and deputy.
            head: unitCodeOf(db, match.headUnitId),
            deputy: unitCodeOf(db, match.deputyUnitId),
            members: [],
            exists: true,
            illustrative: match.illustrative,
          }
        : {
            code: k.toUpperCase().replace(/ /g, '-').slice(0, 40),
            kind: k.startsWith('khoi') ? 'khoi' : 'cum',
            name: row.group,
            members: [],
            exists: false,
          };
      byKey.set(k, g);
    }
    g.members.push(row.code);
    if (row.groupRole === 'head') g.head = row.code;
    if (row.groupRole === 'deputy') g.deputy = row.code;
  }
  // A head or deputy kept from before must still be a member.
  for (const g of byKey.values()) {
    if (g.head && !g.members.includes(g.head)) g.head = null;
    if (g.deputy && !g.members.includes(g.deputy)) g.deputy = null;
  }
  return [...byKey.values()];
}

function unitCodeOf(db: DbOrTx, unitId: number | null): string | null {
  if (unitId === null) return null;
  return db.select({ code: units.code }).from(units).where(eq(units.id, unitId)).get()?.code ?? null;
}

/** What importing the rows would change, without writing anything (the dry run). */
export function planUnitImport(db: DbOrTx, movementId: number | null, rows: UnitRowPlan[]): UnitImportPlan {
  const plan: UnitImportPlan = { units: [], groups: [] };
  for (const row of rows) {
    const existing = db.select().from(units).where(eq(units.code, row.code)).get();
    const diff = unitDiff(existing, row);
    plan.units.push({ code: row.code, name: row.name, change: !existing ? 'create' : diff ? 'update' : 'same', diff: existing ? diff : null });
  }
  if (movementId === null) return plan;
  for (const g of groupInputs(db, movementId, rows)) {
    let change: 'create' | 'update' | 'same' = 'create';
    if (g.exists) {
      const row = db.select().from(groups).where(and(eq(groups.movementId, movementId), eq(groups.code, g.code))).get()!;
      const members = db
        .select({ code: units.code })
        .from(groupMembers)
        .innerJoin(units, eq(units.id, groupMembers.unitId))
        .where(eq(groupMembers.groupId, row.id))
        .all()
        .map((m) => m.code)
        .sort();
      const ids = unitIdsByCode(db, [g.head, g.deputy].filter((c): c is string => !!c));
      const same =
        JSON.stringify(members) === JSON.stringify([...g.members].sort()) &&
        row.headUnitId === (g.head ? ids.get(g.head) ?? -1 : null) &&
        row.deputyUnitId === (g.deputy ? ids.get(g.deputy) ?? -1 : null);
      change = same ? 'same' : 'update';
    }
    plan.groups.push({ code: g.code, name: g.name, change, members: g.members, head: g.head ?? null, deputy: g.deputy ?? null });
  }
  return plan;
}

/** Writes the rows in one transaction: all of them or, on any error, none. */
export function applyUnitImport(
  db: Db,
  movementId: number | null,
  rows: UnitRowPlan[],
  actor: Actor,
  now: number,
  onProgress?: (done: number, total: number) => void,
): UnitImportPlan {
  return db.transaction((tx) => {
    const plan = planUnitImport(tx, movementId, rows);
    rows.forEach((row, i) => {
      upsertUnit(tx, row, actor, now);
      if ((i + 1) % 200 === 0 || i + 1 === rows.length) onProgress?.(i + 1, rows.length);
    });
    if (movementId !== null) for (const g of groupInputs(tx, movementId, rows)) upsertGroup(tx, movementId, g, actor, now);
    return plan;
  });
}
