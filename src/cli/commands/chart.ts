import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { renderChart } from '../../charts/index.ts';
import { exportDir } from '../../config.ts';
import { chartFigures, type ChartWanted } from '../../documents/chart-figures.ts';
import { DomainError } from '../../domain/errors.ts';
import { listPeriods, resolveMovement } from '../../domain/movements.ts';
import { listGroups } from '../../domain/units.ts';
import { localDate } from '../../domain/vn-input.ts';
import { safe, stamp } from '../../export/index.ts';
import { zodLocale } from '../../i18n/index.ts';
import type { Command } from '../context.ts';

/** What `thidua chart` is asked, checked before anything is read; a message that is a locale id is translated. */
const chartOptions = z
  .object({
    kind: z.enum(['registration', 'period'], { error: 'err-chart-kind' }),
    movement: z.string().trim().min(1).optional(),
    period: z.string().trim().min(1).optional(),
    cluster: z.string().trim().min(1).optional(),
    timeline: z.boolean().default(false),
    targets: z.boolean().default(false),
    out: z.string().trim().regex(/\.png$/i, { error: 'err-chart-out-png' }).optional(),
  })
  .refine((o) => !(o.timeline && o.kind !== 'registration'), { error: 'err-chart-timeline-registration', path: ['timeline'] })
  .refine((o) => !(o.targets && o.kind !== 'period'), { error: 'err-chart-targets-period', path: ['targets'] })
  .refine((o) => !(o.period && o.kind !== 'period'), { error: 'err-chart-period-option', path: ['period'] });

const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * `thidua chart registration [--timeline] | period --period CODE [--targets] [--cluster CODE] [--movement CODE] [--out FILE.png]`:
 * one chart as a PNG. registration: the units by status and cluster/block (`--timeline`: sent day
 * by day toward the deadline); period: the period's reporting by cluster/block (`--targets`: its
 * targets by content area and outcome). Default file: the exports folder beside the database. Prints its path.
 */
export const chartCommand: Command = {
  name: 'chart',
  args: 'registration|period',
  options: {
    movement: { type: 'string' },
    period: { type: 'string' },
    cluster: { type: 'string' },
    timeline: { type: 'boolean' },
    targets: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(ctx, positionals, options) {
    const parsed = chartOptions.safeParse({ ...options, kind: positionals.length === 1 ? positionals[0] : positionals.join(' ') }, { error: zodLocale(ctx.locale) });
    if (!parsed.success) {
      const words = (message: string) => (/^[a-z]+(-[a-z]+)+$/.test(message) ? ctx.t(message, { kind: positionals.join(' ') }) : message);
      for (const issue of parsed.error.issues) ctx.io.stderr(issue.path[0] === 'kind' ? words(issue.message) : `--${issue.path.join('.')}: ${words(issue.message)}`);
      return 2;
    }
    const o = parsed.data;
    const db = ctx.db();
    const movement = resolveMovement(db, o.movement);
    const now = ctx.clock.now();
    const today = localDate(now, movement.timezone);

    let group: { id: number; code: string } | undefined;
    if (o.cluster) {
      const groups = listGroups(db, movement.id);
      group = groups.find((g) => sameCode(g.code, o.cluster!));
      if (!group) throw new DomainError('err-export-group-unknown', { code: o.cluster, movement: movement.code, groups: groups.map((g) => g.code).join(', ') || '—' });
    }
    let what: ChartWanted;
    let period: { id: number; code: string } | undefined;
    if (o.kind === 'registration') what = { chart: o.timeline ? 'registration-timeline' : 'group-status', groupId: group?.id };
    else {
      const periods = listPeriods(db, movement.id);
      period = o.period ? periods.find((p) => sameCode(p.code, o.period!)) : undefined;
      if (!period)
        throw new DomainError(o.period ? 'err-export-period-unknown' : 'err-doc-period-needed', {
          code: o.period ?? '',
          movement: movement.code,
          periods: periods.map((p) => p.code).join(', ') || '—',
        });
      what = { chart: o.targets ? 'target-outcomes' : 'period-reporting', periodId: period.id, groupId: group?.id };
    }

    const request = chartFigures(db, movement, what, today, ctx.t);
    const chart = await renderChart(request, ctx.locale);
    if (chart.kind !== 'chart') throw new DomainError('cli-chart-too-few', { units: chart.units });

    const name = ['bieu-do', what.chart, movement.code, period?.code, group?.code].filter(Boolean).map((s) => safe(s!)).join('-');
    const path = resolve(o.out ?? join(exportDir(ctx.config.DATABASE_PATH), `${name}-${stamp(now, movement.timezone)}.png`));
    mkdirSync(dirname(path), { recursive: true });
    const part = `${path}.part`;
    try {
      writeFileSync(part, chart.png);
      renameSync(part, path);
    } catch (error) {
      rmSync(part, { force: true });
      throw error;
    }
    ctx.say(path);
    ctx.result({ chart: chart.chart, path, title: chart.title, width: chart.width, height: chart.height, bytes: chart.png.length, figures: request.figures });
    return 0;
  },
};
