import { exportMovement, isExportFormat } from '../../export/index.ts';
import type { Command } from '../context.ts';

/** `thidua export [--movement CODE] [--cluster CODE] [--period CODE] [--format xlsx|csv] [--out DIR] [--all-revisions] [--include-drafts]` */
export const exportCommand: Command = {
  name: 'export',
  options: {
    movement: { type: 'string' },
    cluster: { type: 'string' },
    period: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'all-revisions': { type: 'boolean' },
    'include-drafts': { type: 'boolean' },
  },
  async run(ctx, _positionals, options) {
    const format = typeof options.format === 'string' ? options.format.toLowerCase() : 'xlsx';
    if (!isExportFormat(format)) {
      ctx.io.stderr(ctx.t('err-export-format', { format }));
      return 2;
    }
    const result = await exportMovement(ctx.db(), {
      movementCode: options.movement as string | undefined,
      groupCode: options.cluster as string | undefined,
      periodCode: options.period as string | undefined,
      format,
      dir: typeof options.out === 'string' ? options.out : 'exports',
      locale: ctx.locale,
      now: ctx.clock.now(),
      allRevisions: options['all-revisions'] === true,
      includeDrafts: options['include-drafts'] === true,
    });
    ctx.say(ctx.t('cli-export-done', { code: result.movement.code, count: result.files.length }));
    for (const file of result.files) {
      ctx.say(ctx.t('cli-export-file', { path: file }));
      for (const sheet of result.sheets.filter((s) => s.file === file)) ctx.say(ctx.t('cli-export-sheet', { sheet: sheet.name, rows: sheet.rows }));
    }
    ctx.result(result);
    return 0;
  },
};
