/**
 * Filling the bot's forms as a person would, with exceljs: typing values into cells (numbers as
 * numbers or as text such as "98,5"), choosing a value offered by a drop-down (its text), adding a
 * row below the filled ones, deleting a row (the rows below move up, as Excel's "Delete row" does).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export const TARGET_COLUMNS = { no: 1, area: 2, text: 3, kind: 4, measure: 5, plan: 6, direction: 7, due: 8, note: 9, id: 10 } as const;
export const RESULT_COLUMNS = { no: 1, text: 2, measure: 3, plan: 4, due: 5, result: 6, basis: 7, evidence: 8, note: 9, id: 10 } as const;
export const FIRST_ROW = 6;

export type RowValues = Partial<Record<string, ExcelJS.CellValue>>;

export class FilledForm {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly columns: Record<string, number>,
  ) {}

  static async open(path: string, columns: Record<string, number> = TARGET_COLUMNS): Promise<FilledForm> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    return new FilledForm(workbook, columns);
  }

  get sheet(): ExcelJS.Worksheet {
    return this.workbook.worksheets[0]!;
  }

  /** Rows from the first data row down to the last one with a text. */
  filledRows(): number {
    let n = 0;
    while (this.sheet.getCell(FIRST_ROW + n, this.columns.text!).value !== null) n++;
    return n;
  }

  cell(row: number, column: string): ExcelJS.Cell {
    return this.sheet.getCell(FIRST_ROW + row - 1, this.columns[column]!);
  }

  /** Types into the cells of data row `row` (1 = the first data row). */
  set(row: number, values: RowValues): this {
    for (const [column, value] of Object.entries(values)) this.cell(row, column).value = value ?? null;
    return this;
  }

  /** Adds a row below the filled ones. */
  add(values: RowValues): this {
    return this.set(this.filledRows() + 1, values);
  }

  /** Deletes data row `row` as Excel does: the rows below move up. */
  deleteRow(row: number): this {
    this.sheet.spliceRows(FIRST_ROW + row - 1, 1);
    return this;
  }

  /** The options of the drop-down list of a column, as the sheet offers them. */
  listOptions(column: string): string[] {
    const validation = this.cell(1, column).dataValidation;
    const formula = validation?.formulae?.[0];
    if (!formula) return [];
    const m = /^(\w+)!\$(\w)\$1:\$\w\$(\d+)$/.exec(formula);
    if (!m) return formula.replace(/"/g, '').split(',');
    const list = this.workbook.getWorksheet(m[1]!)!;
    const col = m[2]!.charCodeAt(0) - 64;
    return Array.from({ length: Number(m[3]) }, (_, i) => String(list.getCell(i + 1, col).value));
  }

  async save(path: string): Promise<string> {
    writeFileSync(path, Buffer.from(await this.workbook.xlsx.writeBuffer()));
    return path;
  }
}
