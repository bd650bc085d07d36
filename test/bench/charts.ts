/**
 * Charts at scale: the export benchmark's movement (5,000 units × 20 targets in 50 clusters/blocks,
 * four quarterly reports), its figures gathered from the domain as the bot will gather them, then
 * each of the four charts drawn (Vega-Lite → SVG → PNG). The drawing runs in a child process of its
 * own so that its memory is its own. Per chart: the first drawing (the libraries load then) and the
 * median of five more, wall clock and CPU (CPU shows the cost on a busy machine). Targets: under
 * 300 ms a chart (the median) and under 150 MB more memory (peak RSS over the RSS before the first).
 *
 * Run alone: `npx tsx test/bench/charts.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderChart, type ChartRequest } from '../../src/charts/index.ts';
import type { GroupReporting } from '../../src/charts/figures.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { periodData } from '../../src/documents/period-data.ts';
import { findMovement, listPeriods } from '../../src/domain/movements.ts';
import { movementStatus } from '../../src/domain/status.ts';
import { localDate } from '../../src/domain/vn-input.ts';
import { translator } from '../../src/i18n/index.ts';
import { rssMB, runInChild } from './child.ts';
import { generate } from './export.ts';

const CODE = 'BENCH-2020';
const TODAY = '2020-07-20';
const THIS_FILE = fileURLToPath(import.meta.url);
const LIMITS = { ms: 300, extraMB: 150 };
const RUNS = 5;

/** The four charts' figures, from the domain functions that will feed them; how long each took. */
function gatherFigures(db: Db): { requests: ChartRequest[]; ms: Record<string, number> } {
  const t = translator('vi');
  const movement = findMovement(db, CODE);
  const ms: Record<string, number> = {};
  const timed = <T>(name: string, f: () => T): T => {
    const started = performance.now();
    const result = f();
    ms[name] = performance.now() - started;
    return result;
  };

  const status = timed('movementStatus', () => movementStatus(db, movement, TODAY));
  const groups = status.byGroup.map((g) => ({ ...g, label: g.name ?? g.code }));
  // First sendings by local day (registrations.first_submitted_at): one query, for the wiring to move into domain/.
  const sentByDay = timed('sentByDay', () => {
    const byDay = new Map<string, number>();
    for (const [at] of db.$client.prepare('SELECT first_submitted_at FROM registrations WHERE movement_id = ? AND first_submitted_at IS NOT NULL').raw(true).iterate(movement.id) as Iterable<[number]>) {
      const day = localDate(at, movement.timezone);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    return [...byDay].map(([day, units]) => ({ day, units }));
  });

  const period = listPeriods(db, movement.id).find((p) => p.kind === 'quarter' && p.endsOn === '2020-06-30')!;
  const data = timed('periodData', () => periodData(db, movement, period, TODAY, t));
  const reporting = new Map<string, GroupReporting>();
  for (const u of data.units) {
    const label = u.groupName ?? t('chart-no-group');
    const g = reporting.get(label) ?? reporting.set(label, { label, on_time: 0, late: 0, overdue: 0, not_due: 0 }).get(label)!;
    g[u.reportedOn === null ? (TODAY > period.dueOn ? 'overdue' : 'not_due') : u.lateReport ? 'late' : 'on_time']++;
  }

  const requests: ChartRequest[] = [
    { chart: 'registration-timeline', figures: { movement: movement.name, units: status.totals.units, deadline: movement.registrationDeadline, asOf: TODAY, opensOn: '2020-03-01', sentByDay } },
    { chart: 'group-status', figures: { movement: movement.name, asOf: TODAY, groups } },
    { chart: 'period-reporting', figures: { period: 'Quý II/2020', dueOn: period.dueOn, asOf: TODAY, groups: [...reporting.values()] } },
    { chart: 'target-outcomes', figures: { period: 'Quý II/2020', asOf: data.asOf, units: data.units.length, areas: data.byArea.map((a) => ({ label: a.title, ...a.counts })) } },
  ];
  return { requests, ms };
}

interface ChartFigures {
  chart: string;
  firstMs: number;
  medianMs: number;
  medianCpuMs: number;
  width: number;
  height: number;
  pngKB: number;
}

interface ChildResult {
  charts: ChartFigures[];
  baseMB: number;
  peakMB: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** In the child: every chart drawn once cold, then RUNS times (CHARTS_BENCH_KEEP=dir keeps the PNGs to look at). */
async function child(figuresPath: string): Promise<ChildResult> {
  const requests = JSON.parse(readFileSync(figuresPath, 'utf8')) as ChartRequest[];
  const baseMB = process.memoryUsage().rss / 1024 / 1024;
  const charts: ChartFigures[] = [];
  for (const request of requests) {
    const times: number[] = [];
    const cpu: number[] = [];
    let firstMs = 0;
    let last: Awaited<ReturnType<typeof renderChart>> | undefined;
    for (let run = 0; run <= RUNS; run++) {
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      last = await renderChart(request, 'vi');
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpuStarted);
      if (run === 0) firstMs = ms;
      else {
        times.push(ms);
        cpu.push((used.user + used.system) / 1000);
      }
    }
    if (last?.kind !== 'chart') throw new Error(`${request.chart}: no chart`);
    if (process.env.CHARTS_BENCH_KEEP) writeFileSync(join(process.env.CHARTS_BENCH_KEEP, `${request.chart}.png`), last.png);
    charts.push({ chart: request.chart, firstMs, medianMs: median(times), medianCpuMs: median(cpu), width: last.width, height: last.height, pngKB: last.png.length / 1024 });
  }
  return { charts, baseMB, peakMB: rssMB() };
}

export async function benchCharts(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-charts-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    generate(db);
    const { requests, ms } = gatherFigures(db);
    closeDatabase(db);
    const figuresPath = join(dir, 'figures.json');
    writeFileSync(figuresPath, JSON.stringify(requests));

    const result = await runInChild<ChildResult>(THIS_FILE, ['child', figuresPath]);
    const extraMB = result.peakMB - result.baseMB;
    const ok = result.charts.every((c) => c.medianMs < LIMITS.ms) && extraMB < LIMITS.extraMB;
    console.log('Charts: each chart drawn for 5,000 units × 20 targets (50 clusters/blocks, 9 content areas), PNG 1200 px wide');
    console.log(`  figures gathered            ${Object.entries(ms).map(([name, t]) => `${name} ${t.toFixed(0)} ms`).join(', ')}`);
    for (const c of result.charts) {
      console.log(
        `  ${c.chart.padEnd(26)}  ${c.medianMs.toFixed(0).padStart(4)} ms median of ${RUNS} (CPU ${c.medianCpuMs.toFixed(0)} ms; first ${c.firstMs.toFixed(0)} ms)   (target < ${LIMITS.ms} ms), ${c.width}×${c.height} px, ${c.pngKB.toFixed(0)} KB`,
      );
    }
    console.log(`  memory                      ${extraMB.toFixed(0)} MB more (peak ${result.peakMB.toFixed(0)} MB, ${result.baseMB.toFixed(0)} MB before)   (target < ${LIMITS.extraMB} MB)`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'child') {
    process.stdout.write(`${JSON.stringify(await child(process.argv[3]!))}\n`);
  } else {
    process.exitCode = (await benchCharts()) ? 0 : 1;
  }
}
