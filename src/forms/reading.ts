/**
 * A sent-back file, checked before its rows are read: what it is (see file-check.ts), that it
 * opens, that it is not too long, and that it is the form asked for (the registration form, not
 * the report form; this unit's, not another's). An .xlsx is measured from the inside first
 * (workbook-inspect.ts), so exceljs only ever opens a form-sized workbook. Every refusal is a
 * FormProblem.
 */
import { z } from 'zod';
import { FORM_KINDS } from '../util/vocabulary.ts';
import { checkFormFile } from './file-check.ts';
import { GridTooLong, GridTooManyCells, MAX_FORM_CELLS, MAX_FORM_ROWS, readGrids, type ReadGrids } from './grid.ts';
import type { FormMeta } from './layout.ts';
import { fileProblem, type FormProblem } from './problems.ts';
import { inspectWorkbook } from './workbook-inspect.ts';

const formMeta = z
  .object({ form: z.enum(FORM_KINDS).optional(), unit: z.string().max(50).optional(), period: z.string().max(50).optional(), movement: z.string().max(50).optional() })
  .loose();

type Opened = { ok: true; grids: ReadGrids } | { ok: false; problems: FormProblem[] };

/** What a form of another kind is called: the registration, the report, or the self-assessment form. */
const otherFormKey = (sent: FormMeta['form'], expected: FormMeta['form']) => (expected === 'score' ? 'form-file-not-score' : `form-file-is-${sent}`);

/** Opens a file sent as `expected` form of unit `unitCode`. */
export async function openForm(bytes: Buffer, fileName: string, expected: Pick<FormMeta, 'form' | 'unit'>): Promise<Opened> {
  const check = checkFormFile(bytes, fileName);
  if (check.kind === 'refused') return { ok: false, problems: [fileProblem(`form-file-${check.reason}`)] };
  if (check.kind === 'xlsx') {
    const inside = await inspectWorkbook(bytes);
    if (!inside.ok) {
      if (inside.reason === 'too-long') return { ok: false, problems: [fileProblem('form-file-too-long', { rows: inside.rows, max: MAX_FORM_ROWS })] };
      if (inside.reason === 'too-many-cells') return { ok: false, problems: [fileProblem('form-file-too-many-cells', { max: MAX_FORM_CELLS })] };
      return { ok: false, problems: [fileProblem(`form-file-${inside.reason}`)] };
    }
  }
  let grids: ReadGrids;
  try {
    grids = await readGrids(bytes, check.kind);
  } catch (error) {
    if (error instanceof GridTooLong) return { ok: false, problems: [fileProblem('form-file-too-long', { rows: error.rows, max: MAX_FORM_ROWS })] };
    if (error instanceof GridTooManyCells) return { ok: false, problems: [fileProblem('form-file-too-many-cells', { max: MAX_FORM_CELLS })] };
    return { ok: false, problems: [fileProblem('form-file-not-workbook')] };
  }
  // The hidden sheet the bot wrote; a file made elsewhere has none, one edited by hand may be anything.
  const parsed = formMeta.safeParse(grids.meta);
  if (!parsed.success) return { ok: false, problems: [fileProblem('form-file-not-workbook')] };
  const meta = parsed.data;
  if (meta.form && meta.form !== expected.form) return { ok: false, problems: [fileProblem(otherFormKey(meta.form, expected.form))] };
  if (meta.unit && meta.unit.toUpperCase() !== expected.unit.toUpperCase()) return { ok: false, problems: [fileProblem('form-file-other-unit', { unit: meta.unit })] };
  return { ok: true, grids };
}
