import { readFileSync } from 'node:fs';
import { cliActor } from '../../domain/audit.ts';
import { movementDefinition } from '../../domain/movement-definition.ts';
import { importMovement, referenceIssues } from '../../domain/movements.ts';
import { describeIssues, type FileProblem } from '../../domain/validation-report.ts';
import { zodLocale } from '../../i18n/index.ts';
import { parseJsonSource } from '../../io/json-source.ts';
import { createDefaultRules } from '../../reminders/rules.ts';
import { SAMPLE_MOVEMENT_PATH } from '../../sample/load.ts';
import type { CliContext, Command } from '../context.ts';


/** Validates a movement file completely before writing any of it. */
function importMovementFile(ctx: CliContext, path: string, dryRun: boolean): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    ctx.io.stderr(ctx.t('cli-file-unreadable', { path }));
    return 1;
  }
  const source = parseJsonSource(text);
  let problems: FileProblem[] = [];
  if (!source.ok) {
    problems = source.errors.map((e) => ({ line: e.line, field: '', message: ctx.t('cli-json-syntax', { column: e.column, code: e.code }) }));
  } else {
    const parsed = movementDefinition.safeParse(source.value, { error: zodLocale(ctx.locale) });
    if (!parsed.success) problems = describeIssues(parsed.error.issues, ctx.locale, source.lineOf);
    else {
      problems = describeIssues(referenceIssues(ctx.db(), parsed.data), ctx.locale, source.lineOf);
      if (problems.length === 0) {
        if (dryRun) {
          ctx.say(ctx.t('cli-import-valid', { path }));
          ctx.result({ valid: true, dryRun: true });
          return 0;
        }
        const summary = importMovement(ctx.db(), parsed.data, cliActor, ctx.clock.now());
        // A new movement starts with the usual reminders; an admin can pause or change them.
        const reminderRules = summary.movement === 'created' ? createDefaultRules(ctx.db(), summary.movementId, cliActor, ctx.clock.now()).length : 0;
        ctx.say(
          ctx.t('cli-movement-imported', {
            code: parsed.data.movement.code,
            change: summary.movement,
            areas: summary.contentAreas,
            periods: summary.periods,
            unitsCreated: summary.units.created,
            unitsUpdated: summary.units.updated,
            groupsCreated: summary.groups.created,
            groupsUpdated: summary.groups.updated,
            targets: summary.sampleTargets,
          }),
        );
        if (reminderRules > 0) ctx.say(ctx.t('cli-default-reminders', { count: reminderRules }));
        ctx.result({ imported: true, ...summary, reminderRules });
        return 0;
      }
    }
  }
  reportProblems(ctx, path, problems);
  return 1;
}

export function reportProblems(ctx: CliContext, path: string, problems: FileProblem[]): void {
  ctx.io.stderr(ctx.t('cli-file-refused', { path, count: problems.length }));
  for (const p of problems) ctx.io.stderr(ctx.t('cli-file-problem', { line: p.line, field: p.field || '-', message: p.message }));
  ctx.result({ imported: false, problems });
}

export const importMovementCommand: Command = {
  name: 'import-movement',
  args: '<file.json>',
  options: { 'dry-run': { type: 'boolean' } },
  run(ctx, positionals, options) {
    const path = positionals[0];
    if (!path) {
      ctx.io.stderr(ctx.t('cli-missing-argument', { name: 'file.json' }));
      return 2;
    }
    return importMovementFile(ctx, path, options['dry-run'] === true);
  },
};

export const loadSampleCommand: Command = {
  name: 'load-sample',
  options: {},
  run(ctx) {
    return importMovementFile(ctx, SAMPLE_MOVEMENT_PATH, false);
  },
};
