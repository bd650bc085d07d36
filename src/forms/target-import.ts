/**
 * A filled registration form (or lines typed in one message) against the registration as it is:
 * which targets it adds, changes and removes, and every problem by row and column. Nothing is
 * written until the plan is applied, in one transaction, after the person (or the Board) confirms.
 * No workbook code here: the form's rows are read in target-form.ts.
 */
import type { DbOrTx } from '../db/connection.ts';
import { inTransaction } from '../db/prepared.ts';
import type { Actor } from '../domain/audit.ts';
import { addTarget, listTargets, removeTarget, updateTarget, type TargetInput } from '../domain/registrations.ts';
import { readTargetRow, type DueReference, type TargetColumn, type TargetRowCells } from '../domain/target-fields.ts';
import { fileProblem, type FormProblem } from './problems.ts';
import type { ContentArea, Target } from '../domain/model.ts';

export interface TargetImportPlan {
  added: { line: number; input: TargetInput }[];
  changed: { line: number; targetId: number; input: TargetInput }[];
  removed: { targetId: number; text: string }[];
  unchanged: number;
  warnings: FormProblem[];
}

export type TargetImportReading = { ok: true; plan: TargetImportPlan } | { ok: false; problems: FormProblem[] };

/** What a plan rests on: the registration's live targets, the movement's areas, today. */
export interface TargetImportContext {
  existing: Target[];
  areas: ContentArea[];
  due: DueReference;
}

const SAME_FIELDS = ['contentAreaId', 'text', 'kind', 'measure', 'plannedValue', 'direction', 'dueOn', 'note'] as const;
const isSame = (target: Target, input: TargetInput) => SAME_FIELDS.every((f) => (target[f] ?? null) === (input[f] ?? null));

export interface RowToPlan {
  line: number;
  /** The hidden id cell: '' for a new target. */
  id: string;
  cells: TargetRowCells;
  formulas?: string[];
}

/**
 * Plans the rows. `complete`: the rows are the whole registration (a form), so an existing target
 * without its row is removed; lines typed in a message only add.
 */
export function planTargetRows(rows: RowToPlan[], context: TargetImportContext, columnName: (column: TargetColumn | 'id') => string, complete: boolean): TargetImportReading {
  const problems: FormProblem[] = [];
  const warnings: FormProblem[] = [];
  const plan: TargetImportPlan = { added: [], changed: [], removed: [], unchanged: 0, warnings };
  const byId = new Map(context.existing.map((t) => [String(t.id), t]));
  const seen = new Set<string>();
  for (const row of rows) {
    for (const column of row.formulas ?? []) problems.push({ line: row.line, column, message: { key: 'form-err-formula' } });
    const id = row.id.trim();
    if (id !== '' && (!byId.has(id) || seen.has(id))) {
      problems.push({ line: row.line, column: columnName('id'), message: { key: seen.has(id) ? 'form-err-id-twice' : 'form-err-id' } });
      continue;
    }
    const reading = readTargetRow(row.cells, context.areas, context.due);
    if (!reading.ok) {
      for (const p of reading.problems) problems.push({ line: row.line, column: columnName(p.column), message: p.problem });
      continue;
    }
    for (const w of reading.warnings) warnings.push({ line: row.line, column: columnName('due'), message: w });
    if (id === '') plan.added.push({ line: row.line, input: reading.input });
    else {
      seen.add(id);
      const target = byId.get(id)!;
      if (isSame(target, reading.input)) plan.unchanged++;
      else plan.changed.push({ line: row.line, targetId: target.id, input: reading.input });
    }
  }
  if (complete) for (const target of context.existing) if (!seen.has(String(target.id))) plan.removed.push({ targetId: target.id, text: target.text });
  if (problems.length > 0) return { ok: false, problems };
  if (plan.added.length + plan.changed.length + plan.removed.length === 0 && rows.length === 0) return { ok: false, problems: [fileProblem('form-file-no-rows')] };
  return { ok: true, plan };
}

/** The context for a registration as it stands. */
export function targetImportContext(db: DbOrTx, registrationId: number, areas: ContentArea[], due: DueReference): TargetImportContext {
  return { existing: listTargets(db, registrationId), areas, due };
}

/** Writes a plan: removals, changes, additions, each audited, all or nothing. */
export function applyTargetPlan(db: DbOrTx, registrationId: number, plan: TargetImportPlan, actor: Actor, now: number): void {
  inTransaction(db, () => {
    for (const r of plan.removed) removeTarget(db, registrationId, r.targetId, actor, now);
    for (const c of plan.changed) updateTarget(db, registrationId, c.targetId, c.input, actor, now);
    for (const a of plan.added) addTarget(db, registrationId, a.input, actor, now);
  });
}

