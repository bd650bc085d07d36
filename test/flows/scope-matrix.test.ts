/**
 * The one scope rule (src/domain/scope.ts), walked as a matrix: every kind of person × every command
 * that shows or hands out units' data × the units in and out of their scope. Each answer is read,
 * and every row of every exported file (XLSX and CSV, opened from their bytes) is checked to belong
 * to a unit the person may see.
 *
 * The world: the sample 2020 movement (34 units, every one in a cluster or block), with SKHCN taken
 * out of its block (a unit in no cluster), eight units that sent a registration with a target named
 * after them and a first-quarter report, and on 15/07/2020 (after the deadline) these people:
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/chat/engine.ts';
import { encodeChoice } from '../../src/chat/types.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { currentMovement, listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { runExportJob } from '../../src/jobs/export-job.ts';
import { silentLogger } from '../../src/util/log.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { readDocx } from '../helpers/docx.ts';
import type { Role } from '../../src/domain/model.ts';

useTempDatabases();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Person {
  who: string;
  is: string;
  role: Role | null;
  unit: string | null;
  /** The unit codes the person may see; 'all' for every unit. */
  sees: 'all' | string[];
}

const PEOPLE: Person[] = [
  { who: '10', is: 'admin', role: 'admin', unit: null, sees: 'all' },
  { who: '11', is: 'viewer', role: 'viewer', unit: null, sees: 'all' },
  { who: '12', is: 'cluster head of the head unit (HHH heads CUM2)', role: 'cluster_head', unit: 'HHH', sees: ['HGT', 'HHH', 'HNH', 'HTN', 'HXT'] },
  { who: '13', is: 'cluster head of a member unit (STP, in KHOI-NC headed by SNV)', role: 'cluster_head', unit: 'STP', sees: ['SNV', 'STP', 'TTT', 'VPUBND'] },
  { who: '14', is: 'cluster head of a unit in no cluster (SKHCN)', role: 'cluster_head', unit: 'SKHCN', sees: ['SKHCN'] },
  { who: '15', is: 'liaison (SNV)', role: 'liaison', unit: 'SNV', sees: ['SNV'] },
  { who: '16', is: 'unlinked', role: null, unit: null, sees: [] },
];

/** Units that sent a registration (one target each, "Chỉ tiêu riêng của <code>") and reported the first quarter. */
const REGISTERED = ['SNV', 'STP', 'HHH', 'HXT', 'TPND', 'SYT', 'SKHCN', 'MTTQ'];
const targetText = (code: string) => `Chỉ tiêu riêng của ${code}`;

const JULY_15 = Date.parse('2020-07-15T03:00:00Z');
const liaisonActor: Actor = { label: 'telegram:1' };

const REFUSED = 'Anh/chị không có quyền xem đơn vị này.';
const URGE_ONLY = 'Việc này dành cho Ban Thi đua - Khen thưởng và cụm, khối trưởng.';
const EXPORT_ONLY = 'Việc này dành cho Ban Thi đua - Khen thưởng, lãnh đạo và cụm, khối trưởng.';
const ADMIN_ONLY = 'Việc này chỉ dành cho cán bộ Ban Thi đua - Khen thưởng.';
const ASKED_TO_LINK = 'mã mời';

interface World {
  h: ChatHarness;
  all: string[];
  unitId: (code: string) => number;
  codeOf: (id: number) => string;
  groupOf: Map<string, string>;
  sees: (p: Person) => string[];
}

function world(): World {
  const h = chatHarness();
  const db = h.db;
  const movement = currentMovement(db)!;
  const units = h.rows<{ id: number; code: string }>('SELECT id, code FROM units ORDER BY code');
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const codeOf = (id: number) => units.find((u) => u.id === id)!.code;
  db.$client.prepare('DELETE FROM group_members WHERE unit_id = ?').run(unitId('SKHCN'));

  const area = h.rows<{ id: number }>('SELECT id FROM content_areas WHERE movement_id = ? AND number = 1', movement.id)[0]!.id;
  const q1 = listPeriods(db, movement.id).find((p) => p.code === 'Q2020-1')!.id;
  const sentAt = Date.parse('2020-03-10T03:00:00Z');
  for (const code of REGISTERED) {
    const reg = ensureRegistration(db, movement.id, unitId(code), sentAt).id;
    const target = addTarget(db, reg, { contentAreaId: area, text: targetText(code), kind: 'quantitative', measure: '%', plannedValue: 90, direction: 'at_least' }, liaisonActor, sentAt);
    submitRegistration(db, reg, liaisonActor, sentAt);
    recordProgressReport(db, { registrationId: reg, periodId: q1, lines: [{ targetId: target.id, value: 40 }] }, liaisonActor, Date.parse('2020-04-05T02:00:00Z'));
  }
  h.clock.set(JULY_15);
  for (const p of PEOPLE) if (p.role) h.link(p.who, p.unit, p.role, `Người ${p.who}`);

  const groupOf = new Map(
    h.rows<{ unit: string; grp: string }>('SELECT u.code AS unit, g.code AS grp FROM group_members gm JOIN units u ON u.id = gm.unit_id JOIN groups g ON g.id = gm.group_id').map((r) => [r.unit, r.grp]),
  );
  const all = units.map((u) => u.code);
  return { h, all, unitId, codeOf, groupOf, sees: (p) => (p.sees === 'all' ? all : p.sees) };
}

const personId = (h: ChatHarness, who: string) => h.rows<{ id: number }>("SELECT person_id AS id FROM identities WHERE channel = 'telegram' AND external_id = ?", who)[0]!.id;
const identityId = (h: ChatHarness, who: string) => h.rows<{ id: number }>("SELECT id FROM identities WHERE channel = 'telegram' AND external_id = ?", who)[0]!.id;

let jobIds = 0;
/** Runs a job; returns what it queued in the outbox for the person: texts and files. */
async function run(h: ChatHarness, job: Job): Promise<{ texts: string[]; files: string[] }> {
  if (job.kind !== 'export' && job.kind !== 'document') throw new Error(`an export or document job was expected, not ${job.kind}`);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-scope-'));
  dirs.push(dir);
  h.db.$client.prepare('DELETE FROM outbox').run();
  await runExportJob(h.db, ++jobIds, job, dir, h.clock, silentLogger);
  const payloads = h.rows<{ payload: string }>('SELECT payload FROM outbox ORDER BY id').map((r) => JSON.parse(r.payload) as { text: string; file?: { path: string } });
  const files = payloads.flatMap((p) => (p.file ? [p.file.path] : []));
  for (const f of files) expect(f.startsWith(dir) && existsSync(f)).toBe(true);
  expect(readdirSync(dir).length, 'the files written are the files sent').toBe(files.length);
  return { texts: payloads.map((p) => p.text), files };
}

function askFor(h: ChatHarness, who: string, text: string) {
  return h.core.handle({ channel: 'telegram', externalId: who, text });
}

const texts = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n---\n');

function press(h: ChatHarness, who: string, id: string) {
  const seq = h.lastQuestion(who)?.seq ?? 0;
  return h.send(who, { choice: encodeChoice(seq, id) });
}

describe('the scope matrix: roles × commands × units', () => {
  it('/tinhhinh shows each person the units of their scope, counted, and their clusters only', () => {
    const w = world();
    for (const p of PEOPLE) {
      const reply = w.h.say(p.who, '/tinhhinh');
      if (p.role === null) {
        expect(reply, p.is).toContain(ASKED_TO_LINK);
        continue;
      }
      if (p.role === 'liaison') {
        // A liaison's status is their own unit.
        expect(reply, p.is).toContain('Sở Nội vụ');
        expect(reply, p.is).not.toContain('Tổng số');
        continue;
      }
      const sees = w.sees(p);
      expect(reply, p.is).toContain(`Tổng số: ${sees.length} đơn vị`);
      const groups = w.h.lastQuestion(p.who)!.choices!.filter((c) => c.id.startsWith('g:')).map((c) => c.id.slice(2));
      expect(groups.sort(), p.is).toEqual([...new Set(sees.map((u) => w.groupOf.get(u) ?? ''))].sort());
      // Every cluster page lists only units in scope.
      for (const g of groups) {
        w.h.say(p.who, '/tinhhinh');
        press(w.h, p.who, `g:${g}`);
        const listed = w.h.lastQuestion(p.who)!.choices!.filter((c) => c.id.startsWith('u:')).map((c) => w.codeOf(Number(c.id.slice(2))));
        expect(listed.length, `${p.is}: ${g}`).toBeGreaterThan(0);
        for (const u of listed) expect(sees, `${p.is}: ${g}`).toContain(u);
      }
    }
  });

  it('/tinhhinh <unit> opens a unit in scope and refuses every other, by code and by a forged button', () => {
    const w = world();
    const names = new Map(w.h.rows<{ code: string; name: string }>('SELECT code, name FROM units').map((u) => [u.code, u.name]));
    for (const p of PEOPLE) {
      const sees = w.sees(p);
      for (const code of w.all) {
        const reply = w.h.say(p.who, `/tinhhinh ${code}`);
        if (p.role === null) expect(reply, `${p.is} × ${code}`).toContain(ASKED_TO_LINK);
        else if (sees.includes(code)) expect(reply, `${p.is} × ${code}`).toContain(names.get(code)!);
        else expect(reply, `${p.is} × ${code}`).toBe(REFUSED);
      }
      if (p.role === null || p.role === 'liaison' || p.sees === 'all') continue;
      // A button for a unit out of scope (from a forged or an old message) opens nothing.
      const outside = w.all.find((c) => !sees.includes(c))!;
      w.h.say(p.who, '/tinhhinh');
      const forged = press(w.h, p.who, `u:${w.unitId(outside)}`).map((m) => m.text).join('\n');
      expect(forged, `${p.is} × forged ${outside}`).not.toContain(names.get(outside)!);
    }
    // A button offered before the person's scope changed: refused when pressed after.
    w.h.say('12', '/tinhhinh');
    press(w.h, '12', 'g:CUM2');
    w.h.db.$client.prepare('UPDATE people SET unit_id = ? WHERE id = ?').run(w.unitId('SKHCN'), personId(w.h, '12'));
    expect(press(w.h, '12', `u:${w.unitId('HGT')}`).map((m) => m.text).join('\n')).toContain(REFUSED);
  });

  it('/xuat exports only the units in scope: every row of every sheet, in XLSX and in CSV', async () => {
    const w = world();
    for (const p of PEOPLE) {
      const sees = w.sees(p);
      for (const format of ['xlsx', 'csv'] as const) {
        const result = askFor(w.h, p.who, `/xuat ${format}`);
        if (p.role === null) {
          expect(result.replies.map((r) => r.text).join('\n'), p.is).toContain(ASKED_TO_LINK);
          expect(result.jobs).toEqual([]);
          continue;
        }
        if (p.role === 'liaison') {
          expect(result.replies[0]!.text, p.is).toBe(EXPORT_ONLY);
          expect(result.jobs).toEqual([]);
          continue;
        }
        expect(result.jobs, `${p.is} ${format}`).toHaveLength(1);
        const { files } = await run(w.h, result.jobs[0]!);
        const sheets = format === 'xlsx' ? await xlsxSheets(files[0]!) : csvSheets(files);
        expect(Object.keys(sheets), `${p.is} ${format}`).toEqual(['Tổng hợp', 'Đăng ký chỉ tiêu', 'Danh hiệu', 'Kết quả', 'Đơn vị', 'Cụm, khối']);
        for (const [name, rows] of Object.entries(sheets)) {
          if (name === 'Cụm, khối') {
            const codes = column(rows, 'Mã cụm/khối');
            expect(codes.sort(), `${p.is} ${format} ${name}`).toEqual([...new Set(sees.map((u) => w.groupOf.get(u)).filter((g) => g !== undefined))].sort());
            continue;
          }
          for (const code of column(rows, 'Mã đơn vị')) expect(sees, `${p.is} ${format} ${name}`).toContain(code);
        }
        expect(column(sheets['Tổng hợp']!, 'Mã đơn vị').sort(), `${p.is} ${format}`).toEqual([...sees].sort());
        expect(column(sheets['Đơn vị']!, 'Mã đơn vị').sort(), `${p.is} ${format}`).toEqual([...sees].sort());
        const registered = REGISTERED.filter((u) => sees.includes(u)).sort();
        expect([...new Set(column(sheets['Đăng ký chỉ tiêu']!, 'Mã đơn vị'))].sort(), `${p.is} ${format}`).toEqual(registered);
        expect([...new Set(column(sheets['Kết quả']!, 'Mã đơn vị'))].sort(), `${p.is} ${format}`).toEqual(registered);
        // Nowhere in the bytes: no other unit's target.
        const bytes = files.map((f) => (format === 'xlsx' ? Object.values(unzipSync(readFileSync(f))).map((e) => strFromU8(e)).join('\n') : readFileSync(f, 'utf8'))).join('\n');
        for (const u of REGISTERED) expect(bytes.includes(targetText(u)), `${p.is} ${format}: ${u}'s target`).toBe(sees.includes(u));
      }
    }
  });

  it('documents: province-wide ones for the admin and viewer only, a unit\'s registration for a unit in scope only', async () => {
    const w = world();
    for (const p of PEOPLE) {
      const sees = w.sees(p);
      const opened = w.h.say(p.who, '/xuat');
      if (p.role === null || p.role === 'liaison') {
        expect(opened, p.is).toContain(p.role === null ? ASKED_TO_LINK : EXPORT_ONLY);
        continue;
      }
      const offered = w.h.lastQuestion(p.who)!.choices!.map((c) => c.id);
      // The year-end documents: the Board and leaders, and the head of a cluster that scores (HHH heads CUM2), not a member unit's head.
      const yearEnd = p.sees === 'all' || p.unit === 'HHH' ? ['yearend'] : [];
      expect(offered, p.is).toEqual([...(p.sees === 'all' ? ['xlsx', 'csv', 'summary', 'period', 'registration'] : ['xlsx', 'csv', 'registration']), ...yearEnd]);
      for (const code of REGISTERED) {
        w.h.say(p.who, '/xuat');
        press(w.h, p.who, 'registration');
        const asked = askFor(w.h, p.who, code);
        if (!sees.includes(code)) {
          expect(asked.replies[0]!.text.split('\n')[0], `${p.is} × ${code}`).toBe(REFUSED);
          expect(asked.jobs).toEqual([]);
          continue;
        }
        expect(asked.jobs, `${p.is} × ${code}`).toEqual([expect.objectContaining({ kind: 'document', document: 'registration', unitId: w.unitId(code) })]);
        const { files } = await run(w.h, asked.jobs[0]!);
        expect(readDocx(files[0]!).tables.flat(2).join(' '), `${p.is} × ${code}`).toContain(targetText(code));
      }
    }
  });

  it('a job asked for outside the scope (forged, or the person changed since) writes nothing and says why', async () => {
    const w = world();
    const movementId = currentMovement(w.h.db)!.id;
    const job = (who: string, rest: object) => ({ personId: personId(w.h, who), identityId: identityId(w.h, who), locale: 'vi', movementId, ...rest }) as Job;
    for (const p of PEOPLE) {
      if (p.role === null) continue;
      const sees = w.sees(p);
      const summary = await run(w.h, job(p.who, { kind: 'document', document: 'summary' }));
      if (p.sees === 'all') expect(summary.files, p.is).toHaveLength(1);
      else expect(summary, p.is).toEqual({ texts: [REFUSED], files: [] });
      const outside = REGISTERED.find((u) => !sees.includes(u));
      if (outside) expect(await run(w.h, job(p.who, { kind: 'document', document: 'registration', unitId: w.unitId(outside) })), `${p.is} × ${outside}`).toEqual({ texts: [REFUSED], files: [] });
      if (p.role === 'liaison') expect(await run(w.h, job(p.who, { kind: 'export', format: 'csv' })), p.is).toEqual({ texts: [EXPORT_ONLY], files: [] });
    }
    // A cluster head deactivated after asking gets nothing; one made a liaison is refused the export.
    const asked = askFor(w.h, '12', '/xuat xlsx').jobs[0]!;
    w.h.db.$client.prepare('UPDATE people SET active = 0 WHERE id = ?').run(personId(w.h, '12'));
    expect(await run(w.h, asked)).toEqual({ texts: [], files: [] });
    const asked13 = askFor(w.h, '13', '/xuat xlsx').jobs[0]!;
    w.h.db.$client.prepare("UPDATE people SET role = 'liaison' WHERE id = ?").run(personId(w.h, '13'));
    expect(await run(w.h, asked13)).toEqual({ texts: [EXPORT_ONLY], files: [] });
  });

  it('/dondoc lists and urges only the units in scope; the viewer, the liaison and the unlinked are refused', () => {
    const w = world();
    const h1 = `period:${listPeriods(w.h.db, currentMovement(w.h.db)!.id).find((x) => x.code === 'H2020-1')!.id}`;
    const listedCodes = (reply: string) => [...reply.matchAll(/^• (\S+) — /gm)].map((m) => m[1]!).sort();
    for (const p of PEOPLE) {
      let reply = w.h.say(p.who, '/dondoc');
      // On 15/07 the registration and the reports of Q2 and 6 months are owed: asked which, when more than one.
      const offered = w.h.lastQuestion(p.who)?.choices?.map((c) => c.id) ?? [];
      if (offered.includes(h1)) {
        // The 6-month report: the registered units in scope (none sent it; their Q1 report was sent).
        const report = texts(press(w.h, p.who, h1));
        expect(listedCodes(report), p.is).toEqual(w.sees(p).filter((u) => REGISTERED.includes(u)).sort());
        w.h.say(p.who, '/dondoc');
        reply = offered.includes('registration') ? texts(press(w.h, p.who, 'registration')) : reply;
      }
      if (p.role === null) {
        expect(reply, p.is).toContain(ASKED_TO_LINK);
        continue;
      }
      if (p.role === 'viewer' || p.role === 'liaison') {
        expect(reply, p.is).toBe(URGE_ONLY);
        continue;
      }
      const owing = w.sees(p).filter((u) => !REGISTERED.includes(u));
      if (owing.length === 0) {
        // Nothing owed on the registration: it is not offered, only the reports are.
        if (offered.length > 0) expect(offered, p.is).not.toContain('registration');
        else expect(reply, p.is).toBe('Tất cả đơn vị đã gửi bản đăng ký.');
        continue;
      }
      expect(listedCodes(reply), p.is).toEqual(owing.sort());
    }
    // Urging all: only liaisons of units in scope are sent anything.
    for (const u of ['HGT', 'TTT', 'SGTVT']) w.h.link(`l-${u}`, u);
    w.h.db.$client.prepare('DELETE FROM outbox').run();
    w.h.say('12', '/dondoc');
    if (w.h.lastQuestion('12')?.choices?.some((c) => c.id === 'registration')) press(w.h, '12', 'registration');
    press(w.h, '12', 'urge');
    const urged = w.h.rows<{ code: string }>("SELECT u.code FROM outbox o JOIN people p ON p.id = o.person_id JOIN units u ON u.id = p.unit_id WHERE o.dedupe_key LIKE 'urge:%'");
    expect(urged.map((r) => r.code)).toEqual(['HGT']);
  });

  it('/thongbao is for the admin, whose audience is every unit; everyone else is refused', () => {
    const w = world();
    for (const p of PEOPLE) {
      const reply = w.h.say(p.who, '/thongbao');
      if (p.role === null) expect(reply, p.is).toContain(ASKED_TO_LINK);
      else if (p.role === 'admin') expect(w.h.lastQuestion(p.who)!.choices!.map((c) => c.id)).toContain('all');
      else expect(reply, p.is).toBe(ADMIN_ONLY);
    }
    press(w.h, '10', 'all');
    expect(w.h.say('10', 'Kính gửi các đơn vị: họp sơ kết ngày 20/07.')).toContain(`gửi tới ${w.all.length} đơn vị`);
  });
});

type Rows = string[][];

/** The values of the column headed `header` (in the header row, below a workbook's heading rows), one per data row. */
function column(rows: Rows, header: string): string[] {
  const headerRow = rows.findIndex((r) => r.includes(header));
  expect(headerRow, `no column "${header}" in ${rows.slice(0, 6).map((r) => r.join(' | ')).join(' / ')}`).toBeGreaterThanOrEqual(0);
  const at = rows[headerRow]!.indexOf(header);
  return rows.slice(headerRow + 1).map((r) => r[at] ?? '');
}

async function xlsxSheets(path: string): Promise<Record<string, Rows>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out: Record<string, Rows> = {};
  for (const sheet of book.worksheets) {
    const rows: Rows = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    out[sheet.name] = rows;
  }
  return out;
}

/** The CSV files of one export, by sheet name (their first line is the header). */
function csvSheets(files: string[]): Record<string, Rows> {
  const bySlug: Record<string, string> = { 'tong-hop': 'Tổng hợp', 'dang-ky-chi-tieu': 'Đăng ký chỉ tiêu', 'danh-hieu': 'Danh hiệu', 'ket-qua': 'Kết quả', 'don-vi': 'Đơn vị', 'cum-khoi': 'Cụm, khối' };
  const out: Record<string, Rows> = {};
  for (const f of files) {
    const slug = Object.keys(bySlug).find((s) => f.endsWith(`-${s}.csv`));
    expect(slug, `an unexpected file ${f}`).toBeDefined();
    out[bySlug[slug!]!] = parseCsv(readFileSync(f, 'utf8')).map((r) => r.cells);
  }
  return Object.fromEntries(Object.values(bySlug).map((name) => [name, out[name]!]));
}
