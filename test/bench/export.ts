/**
 * Export at scale: 5,000 units with 20 targets each and 4 quarterly reports (400,000 progress
 * lines) in a SQLite file, exported as XLSX. The export runs in a child process so its peak memory
 * (maxRSS) is its own; in another child, in the same run, exceljs's streaming writer writes the same
 * cells from pre-built arrays (the floor: the library alone), and the ratio of the two is our
 * overhead. Also the movement's status (domain/status.ts) for those 5,000 units.
 *
 * Run alone: `npx tsx test/bench/export.ts`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { findMovement, importMovement, listPeriods } from '../../src/domain/movements.ts';
import { progressCountsByUnit } from '../../src/domain/progress.ts';
import { movementStatus } from '../../src/domain/status.ts';
import { exportMovement } from '../../src/export/index.ts';
import { EXCEL_MAX_ROWS } from '../../src/export/model.ts';
import { buildSheets } from '../../src/export/sheets/index.ts';
import { drain, xlsxCell, xlsxColumns, XLSX_HEADER_STYLE, XLSX_VIEWS } from '../../src/export/xlsx.ts';
import { translator } from '../../src/i18n/index.ts';
import { rssMB, runInChild } from './child.ts';

const UNITS = 5_000;
const TARGETS_PER_UNIT = 20;
const QUARTERS = 4;
const GROUPS = 50;
const CODE = 'BENCH-2020';
const NOW = Date.parse('2020-12-20T03:00:00Z');
const THIS_FILE = fileURLToPath(import.meta.url);

const LIMITS = { seconds: 25, peakMB: 400, ratio: 1.5, statusMs: 100 };

/** The movement, then every row with raw prepared inserts in one transaction. */
export function generate(db: Db): void {
  const areas = Array.from({ length: 9 }, (_, i) => ({ number: i + 1, title: `Nội dung thi đua số ${i + 1}: nhiệm vụ trọng tâm của năm` }));
  const def = movementDefinition.parse({
    movement: { code: CODE, name: 'Phong trào thi đua đo tải 2020', starts: '2020-01-01', ends: '2020-12-31', registrationDeadline: '2020-03-31' },
    contentAreas: areas,
  });
  const { movementId } = importMovement(db, def, cliActor, NOW);
  const client = db.$client;
  const areaIds = (client.prepare('SELECT id FROM content_areas WHERE movement_id = ? ORDER BY number').raw(true).all(movementId) as number[][]).map((r) => r[0]!);
  const quarters = listPeriods(db, movementId).filter((p) => p.kind === 'quarter');
  const kinds = ['so', 'ban-nganh', 'doan-the', 'huyen', 'xa'];
  const statuses = ['approved', 'approved', 'approved', 'submitted', 'returned', 'draft'];

  const insertUnit = client.prepare('INSERT INTO units (code, name, kind) VALUES (?, ?, ?)');
  const insertGroup = client.prepare('INSERT INTO groups (movement_id, code, kind, name, head_unit_id) VALUES (?, ?, ?, ?, ?)');
  const insertMember = client.prepare('INSERT INTO group_members (movement_id, group_id, unit_id) VALUES (?, ?, ?)');
  const insertReg = client.prepare(
    'INSERT INTO registrations (movement_id, unit_id, status, version, late, first_submitted_at, submitted_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)',
  );
  const insertTarget = client.prepare(
    'INSERT INTO targets (registration_id, content_area_id, text, kind, measure, planned_value, direction, due_on, note, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertReport = client.prepare('INSERT INTO progress_reports (registration_id, period_id, revision, reported_at) VALUES (?, ?, 1, ?)');
  const insertLine = client.prepare(
    'INSERT INTO progress_lines (report_id, target_id, value, cumulative, percent_of_plan, assessment, evidence_kind, evidence_ref, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  client.transaction(() => {
    const groupIds: number[] = [];
    for (let u = 0; u < UNITS; u++) {
      const unitId = Number(insertUnit.run(`DV${String(u).padStart(5, '0')}`, `Đơn vị thi đua số ${u + 1} của tỉnh`, kinds[u % kinds.length]).lastInsertRowid);
      const g = u % GROUPS;
      if (groupIds[g] === undefined) groupIds[g] = Number(insertGroup.run(movementId, `CUM-${String(g + 1).padStart(2, '0')}`, g % 2 ? 'khoi' : 'cum', `Cụm thi đua số ${g + 1}`, unitId).lastInsertRowid);
      insertMember.run(movementId, groupIds[g], unitId);
      const status = statuses[u % statuses.length]!;
      const submittedAt = status === 'draft' ? null : Date.parse('2020-03-15T03:00:00Z') + u * 60_000;
      const regId = Number(insertReg.run(movementId, unitId, status, u % 7 === 0 ? 1 : 0, submittedAt, submittedAt, NOW).lastInsertRowid);
      const targets: { id: number; plan: number | null; atMost: boolean }[] = [];
      for (let t = 0; t < TARGETS_PER_UNIT; t++) {
        const qualitative = t % 5 === 4;
        const atMost = t % 7 === 3;
        const plan = qualitative ? null : 10 + ((u * 31 + t * 17) % 990) + (t % 3 === 0 ? 0.5 : 0);
        const id = Number(
          insertTarget.run(
            regId,
            areaIds[t % areaIds.length],
            `Chỉ tiêu số ${t + 1}: nâng cao chất lượng, hiệu quả công tác chuyên môn của đơn vị`,
            qualitative ? 'qualitative' : 'quantitative',
            qualitative ? null : t % 2 ? '%' : 'sản phẩm',
            plan,
            qualitative ? null : atMost ? 'at_most' : 'at_least',
            '2020-12-31',
            t % 6 === 0 ? 'Theo kế hoạch số 12/KH-UBND, ưu tiên triển khai trong quý I' : null,
            t + 1,
          ).lastInsertRowid,
        );
        targets.push({ id, plan, atMost });
      }
      for (let q = 0; q < QUARTERS; q++) {
        const reportId = Number(insertReport.run(regId, quarters[q]!.id, Date.parse(quarters[q]!.dueOn) - 86_400_000).lastInsertRowid);
        for (const [t, target] of targets.entries()) {
          if (target.plan === null) {
            insertLine.run(reportId, target.id, null, 0, null, q === 3 ? 'met' : 'not_met', null, null, null);
            continue;
          }
          const total = Math.round(target.plan * (0.2 + 0.25 * q + ((u + t) % 10) / 100) * 10) / 10;
          const percent = Math.round((total / target.plan) * 1000) / 10;
          const assessment = target.atMost ? (total <= target.plan ? 'met' : 'not_met') : total > target.plan ? 'exceeded' : total === target.plan ? 'met' : 'not_met';
          const link = t % 4 === 0;
          insertLine.run(reportId, target.id, total, 1, percent, assessment, link ? 'link' : null, link ? `https://vanban.tinh.gov.vn/bao-cao/${u}/${q + 1}/${t + 1}.pdf` : null, t % 9 === 0 ? 'Số liệu đã được lãnh đạo đơn vị xác nhận' : null);
        }
      }
    }
  })();
}

interface ChildResult {
  seconds: number;
  peakMB: number;
  baseMB: number;
  rows: number;
  bytes: number;
}

const runChild = (mode: 'ours' | 'bare', dbPath: string, outDir: string) => runInChild<ChildResult>(THIS_FILE, ['child', mode, dbPath, outDir]);

/** In the child: our export, timed from the call to the file written. */
async function childOurs(dbPath: string, outDir: string): Promise<ChildResult> {
  const db = openDatabase(dbPath);
  const baseMB = rssMB();
  const started = process.hrtime.bigint();
  const result = await exportMovement(db, { movementCode: CODE, dir: outDir, now: NOW, format: 'xlsx' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeDatabase(db);
  return { seconds, peakMB: rssMB(), baseMB, rows: Object.values(result.rows).reduce((a, b) => a + b, 0), bytes: statSync(result.files[0]!).size };
}

/**
 * In the child: the same cells (values and styles, as our writer would set them) built in memory
 * first, untimed; then only exceljs's streaming writer is timed, writing them as plainly as it allows.
 */
async function childBare(dbPath: string, outDir: string): Promise<ChildResult> {
  const db = openDatabase(dbPath);
  const movement = findMovement(db, CODE);
  const t = translator('vi');
  const specs = buildSheets(db.$client, { movement, group: null, unitIds: null, period: null, allRevisions: false, includeDrafts: false, today: '2020-12-20' }, t, listPeriods(db, movement.id));
  const sheets = specs.map((spec) => ({
    spec,
    cells: Array.from(spec.rows(), (values) => spec.columns.map((c, i) => xlsxCell(c, values[i] ?? null))),
  }));
  closeDatabase(db);
  const baseMB = rssMB();
  const path = join(outDir, 'bare.xlsx');
  const started = process.hrtime.bigint();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  let rows = 0;
  for (const { spec, cells } of sheets) {
    if (cells.length + 1 > EXCEL_MAX_ROWS) throw new Error('the floor writes one sheet per kind');
    const worksheet = workbook.addWorksheet(spec.name, { views: XLSX_VIEWS });
    worksheet.columns = xlsxColumns(spec.columns);
    const header = worksheet.getRow(1);
    spec.columns.forEach((c, i) => Object.assign(header.getCell(i + 1), { value: c.header, style: XLSX_HEADER_STYLE }));
    header.commit();
    let n = 1;
    for (const row of cells) {
      const r = worksheet.getRow(++n);
      for (let i = 0; i < row.length; i++) {
        const [value, style] = row[i]!;
        if (value === null) continue;
        const cell = r.getCell(i + 1);
        cell.value = value;
        cell.style = style;
      }
      r.commit();
      if (n % 256 === 0) await drain(worksheet);
    }
    rows += cells.length;
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: n, column: spec.columns.length } };
    worksheet.commit();
  }
  await workbook.commit();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakMB: rssMB(), baseMB, rows, bytes: statSync(path).size };
}

export async function benchExport(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-export-'));
  try {
    const dbPath = join(dir, 'bench.db');
    const db = openDatabase(dbPath);
    const t0 = process.hrtime.bigint();
    generate(db);
    const generated = Number(process.hrtime.bigint() - t0) / 1e9;
    const counts = db.$client.prepare('SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM targets), (SELECT count(*) FROM progress_lines)').raw(true).get() as number[];

    // Status: once cold, then the median and worst of 10.
    const movement = findMovement(db, CODE);
    const timeStatus = () => {
      const s = process.hrtime.bigint();
      const status = movementStatus(db, movement, '2020-12-20');
      return { ms: Number(process.hrtime.bigint() - s) / 1e6, units: status.totals.units };
    };
    const cold = timeStatus();
    const warm = Array.from({ length: 10 }, timeStatus)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    const statusMedian = warm[5]!;
    const statusWorst = warm.at(-1)!;
    // What the chat's status adds: each unit's targets counted by where they stand.
    const p0 = process.hrtime.bigint();
    const withProgress = progressCountsByUnit(db, movement.id, movement.endsOn).size;
    const progressMs = Number(process.hrtime.bigint() - p0) / 1e6;
    const p1 = process.hrtime.bigint();
    progressCountsByUnit(db, movement.id, movement.endsOn);
    const progressAgainMs = Number(process.hrtime.bigint() - p1) / 1e6;
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db);

    const ours = await runChild('ours', dbPath, dir);
    const bare = await runChild('bare', dbPath, dir);
    const ratio = ours.seconds / bare.seconds;

    const ok = ours.seconds < LIMITS.seconds && ours.peakMB < LIMITS.peakMB && ratio < LIMITS.ratio && statusMedian < LIMITS.statusMs && cold.units === UNITS;
    console.log('Export: 5,000 units × 20 targets × 4 quarterly reports, XLSX with exceljs streaming');
    console.log(`  data                        ${counts[0]} units, ${counts[1]} targets, ${counts[2]} progress lines (generated in ${generated.toFixed(1)} s)`);
    console.log(`  rows written                ${ours.rows} in all sheets, ${(ours.bytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  export time                 ${ours.seconds.toFixed(2)} s   (target < ${LIMITS.seconds} s)`);
    console.log(`  peak memory (maxRSS)        ${ours.peakMB.toFixed(0)} MB, ${ours.baseMB.toFixed(0)} MB before the export   (target < ${LIMITS.peakMB} MB)`);
    console.log(`  bare exceljs, same cells    ${bare.seconds.toFixed(2)} s, ${(bare.bytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  ours / bare                 ${ratio.toFixed(2)}×   (target < ${LIMITS.ratio}×)`);
    console.log(`  movementStatus              ${cold.ms.toFixed(1)} ms cold; median ${statusMedian.toFixed(1)} ms, worst ${statusWorst.toFixed(1)} ms of 10   (target < ${LIMITS.statusMs} ms)`);
    console.log(`  progress by unit (chat)     ${progressMs.toFixed(1)} ms for ${withProgress} units with figures; ${progressAgainMs.toFixed(2)} ms again with no new report`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'child') {
    const [, , , mode, dbPath, outDir] = process.argv;
    const result = mode === 'bare' ? await childBare(dbPath!, outDir!) : await childOurs(dbPath!, outDir!);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.exitCode = (await benchExport()) ? 0 : 1;
  }
}
