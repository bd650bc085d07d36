/**
 * The year-end self-assessment form as a unit fills it: rows found by criterion code (column B),
 * points typed as a number or as text ("7,5"), an evidence link and a note; and a unit whose year's
 * results fill in the criteria that map to them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Db } from '../../src/db/connection.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { ensureRegistration } from '../../src/domain/registrations.ts';

export const SCORE_COLUMNS = { no: 1, code: 2, criterion: 3, kind: 4, max: 5, source: 6, points: 7, evidence: 8, note: 9 } as const;

type Column = keyof typeof SCORE_COLUMNS;

export class ScoreForm {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static async open(path: string): Promise<ScoreForm> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    return new ScoreForm(workbook);
  }

  get sheet(): ExcelJS.Worksheet {
    return this.workbook.worksheets[0]!;
  }

  /** The sheet's row number of a criterion. */
  rowOf(code: string): number {
    for (let r = 1; r <= this.sheet.rowCount; r++) if (this.sheet.getCell(r, SCORE_COLUMNS.code).value === code) return r;
    throw new Error(`no row for criterion ${code}`);
  }

  cell(code: string, column: Column): ExcelJS.Cell {
    return this.sheet.getCell(this.rowOf(code), SCORE_COLUMNS[column]);
  }

  /** The total row's points cell (the row whose criterion column says "Tổng điểm"). */
  totalCell(): ExcelJS.Cell {
    for (let r = 1; r <= this.sheet.rowCount; r++) if (String(this.sheet.getCell(r, SCORE_COLUMNS.criterion).value ?? '').startsWith('Tổng điểm')) return this.sheet.getCell(r, SCORE_COLUMNS.points);
    throw new Error('no total row');
  }

  set(code: string, values: Partial<Record<Column, ExcelJS.CellValue>>): this {
    const row = this.rowOf(code);
    for (const [column, value] of Object.entries(values)) this.sheet.getCell(row, SCORE_COLUMNS[column as Column]).value = value ?? null;
    return this;
  }

  /** Writes a whole row (a row pasted below the table). */
  setRow(row: number, values: Partial<Record<Column, ExcelJS.CellValue>>): this {
    for (const [column, value] of Object.entries(values)) this.sheet.getCell(row, SCORE_COLUMNS[column as Column]).value = value ?? null;
    return this;
  }

  async bytes(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  async save(path: string): Promise<string> {
    writeFileSync(path, await this.bytes());
    return path;
  }
}

/** A unit's registration with no target (enough for its form to be keyed on). */
export function registrationOf(db: Db, unitCode: string, now: number): number {
  const m = currentMovement(db)!;
  const unitId = (db.$client.prepare('SELECT id FROM units WHERE code = ?').get(unitCode) as { id: number }).id;
  return ensureRegistration(db, m.id, unitId, now).id;
}
