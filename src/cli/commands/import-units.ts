import { cliActor } from '../../domain/audit.ts';
import { resolveMovement } from '../../domain/movements.ts';
import { applyUnitImport, planUnitImport, readUnitRows, type UnitImportPlan } from '../../domain/unit-import.ts';
import { readTable, TableReadError, type Sheet } from '../../io/table-reader.ts';
import { fold } from '../../util/text.ts';
import type { CliContext, Command } from '../context.ts';
import { reportProblems } from './import-movement.ts';

function printPlan(ctx: CliContext, plan: UnitImportPlan, dryRun: boolean): void {
  for (const u of plan.units) {
    if (u.change === 'create') ctx.say(ctx.t('cli-plan-unit-create', { code: u.code, name: u.name }));
    if (u.change === 'update')
      for (const [field, [before, after]] of Object.entries(u.diff ?? {}))
        ctx.say(ctx.t('cli-plan-unit-update', { code: u.code, field, before: String(before ?? '—'), after: String(after ?? '—') }));
  }
  for (const g of plan.groups) {
    if (g.change !== 'same')
      ctx.say(ctx.t(g.change === 'create' ? 'cli-plan-group-create' : 'cli-plan-group-update', { code: g.code, name: g.name, members: g.members.join(', ') }));
  }
  const count = (change: string) => plan.units.filter((u) => u.change === change).length;
  ctx.say(
    ctx.t(dryRun ? 'cli-units-dry-run' : 'cli-units-imported', {
      created: count('create'),
      updated: count('update'),
      same: count('same'),
      groups: plan.groups.filter((g) => g.change !== 'same').length,
    }),
  );
}

export const importUnitsCommand: Command = {
  name: 'import-units',
  args: '<file.csv|file.xlsx>',
  options: { movement: { type: 'string' }, sheet: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx, positionals, options) {
    const path = positionals[0];
    if (!path) {
      ctx.io.stderr(ctx.t('cli-missing-argument', { name: 'file' }));
      return 2;
    }
    let sheets: Sheet[];
    try {
      sheets = await readTable(path);
    } catch (error) {
      if (!(error instanceof TableReadError)) throw error;
      ctx.io.stderr(ctx.t(`cli-table-${error.code.replace('_', '-')}`, { path, detail: error.detail }));
      return 1;
    }
    const wanted = typeof options.sheet === 'string' ? fold(options.sheet) : undefined;
    const sheet = wanted ? sheets.find((s) => fold(s.name) === wanted) : sheets[0];
    if (!sheet) {
      ctx.io.stderr(ctx.t('cli-sheet-unknown', { sheet: String(options.sheet), sheets: sheets.map((s) => s.name).join(', ') }));
      return 1;
    }
    const reading = readUnitRows(sheet, ctx.locale);
    if (!reading.ok) {
      reportProblems(ctx, path, reading.problems);
      return 1;
    }
    const db = ctx.db();
    const needsMovement = reading.rows.some((r) => r.group !== undefined) || typeof options.movement === 'string';
    const movementId = needsMovement ? resolveMovement(db, options.movement as string | undefined).id : null;
    const dryRun = options['dry-run'] === true;
    const plan = dryRun
      ? planUnitImport(db, movementId, reading.rows)
      : applyUnitImport(db, movementId, reading.rows, cliActor, ctx.clock.now(), (done, total) => ctx.progress(done, total));
    printPlan(ctx, plan, dryRun);
    ctx.result({ dryRun, ...plan });
    return 0;
  },
};
