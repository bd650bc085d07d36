/**
 * Charts at scale: the export benchmark's movement (5,000 units × 20 targets in 50 clusters/blocks,
 * four quarterly reports), each of the four charts as the bot and the documents make it: its
 * figures read from the database (documents/chart-figures.ts: movementStatus, the first sendings by
 * day, periodStanding) and drawn (Vega-Lite → SVG → PNG). It runs in a child process of its own so
 * that its memory is its own. Per chart: the first time (the libraries load then) and the median
 * of five more, wall clock and CPU (CPU shows the cost on a busy machine), the figures' share of
 * it. Targets: under 300 ms a chart, figures and drawing together (the median), and under 150 MB
 * more memory to draw it: each chart in a child process of its own, the peak RSS once it was drawn
 * six times over the peak once its figures were read (the drawing libraries load within it). The
 * figures' own memory (a period's standing judged cold) is printed beside it.
 *
 * Run alone: `npx tsx test/bench/charts.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderChart, type ChartRequest } from '../../src/charts/index.ts';
import { unitsCharted } from '../../src/charts/figures.ts';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { chartFigures, type ChartWanted } from '../../src/documents/chart-figures.ts';
import { findMovement, listPeriods } from '../../src/domain/movements.ts';
import { translator } from '../../src/i18n/index.ts';
import { rssMB, runInChild } from './child.ts';
import { generate } from './export.ts';

const CODE = 'BENCH-2020';
const TODAY = '2020-07-20';
const THIS_FILE = fileURLToPath(import.meta.url);
const LIMITS = { ms: 300, extraMB: 150 };
const RUNS = 5;

/** What each chart drew, in a few words: its rows or days and the units it counts. */
function shape(request: ChartRequest): string {
  const units = unitsCharted(request);
  switch (request.chart) {
    case 'registration-timeline':
      return `${request.figures.sentByDay.length} days with sendings, ${units} units`;
    case 'group-status':
    case 'period-reporting':
      return `${request.figures.groups.length} clusters/blocks, ${units} units`;
    case 'target-outcomes':
      return `${request.figures.areas.length} content areas, ${request.figures.areas.reduce((n, a) => n + a.exceeded + a.met + a.inProgress + a.notMet + a.notReported, 0)} targets of ${units} units`;
  }
}

interface ChartFigures {
  chart: string;
  shape: string;
  /** Reading the figures from the database (median). */
  figuresMs: number;
  firstMs: number;
  medianMs: number;
  medianCpuMs: number;
  width: number;
  height: number;
  pngKB: number;
  /** Peak RSS with the database open, before anything was read, MB. */
  baseMB: number;
  /** How much the peak RSS grew while its figures were read (the first time), MB. */
  figuresGrewMB: number;
  /** How much the peak RSS grew while it was drawn (libraries loaded, then drawn six times), MB. */
  drawingGrewMB: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** In a child: one chart's figures read and drawn once cold, then RUNS times (CHARTS_BENCH_KEEP=dir keeps the PNG to look at). */
async function child(dbPath: string, chart: ChartWanted['chart']): Promise<ChartFigures> {
  const db = openDatabase(dbPath);
  const movement = findMovement(db, CODE);
  const period = listPeriods(db, movement.id).find((p) => p.kind === 'quarter' && p.endsOn === '2020-06-30')!;
  const what: ChartWanted = chart === 'period-reporting' || chart === 'target-outcomes' ? { chart, periodId: period.id } : { chart };
  const t = translator('vi');
  const baseMB = rssMB();
  const times: number[] = [];
  const cpu: number[] = [];
  const figureTimes: number[] = [];
  let firstMs = 0;
  let figuresGrewMB = 0;
  let drawingFromMB = 0;
  let last: Awaited<ReturnType<typeof renderChart>> | undefined;
  let request: ChartRequest | undefined;
  for (let run = 0; run <= RUNS; run++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    request = chartFigures(db, movement, what, TODAY, t);
    const figuresMs = performance.now() - started;
    if (run === 0) {
      figuresGrewMB = rssMB() - baseMB;
      drawingFromMB = rssMB();
    }
    last = await renderChart(request, 'vi');
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpuStarted);
    if (run === 0) firstMs = ms;
    else {
      times.push(ms);
      figureTimes.push(figuresMs);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  if (last?.kind !== 'chart') throw new Error(`${what.chart}: no chart`);
  if (process.env.CHARTS_BENCH_KEEP) writeFileSync(join(process.env.CHARTS_BENCH_KEEP, `${what.chart}.png`), last.png);
  closeDatabase(db);
  return {
    chart: what.chart,
    shape: shape(request!),
    figuresMs: median(figureTimes),
    firstMs,
    medianMs: median(times),
    medianCpuMs: median(cpu),
    width: last.width,
    height: last.height,
    pngKB: last.png.length / 1024,
    baseMB,
    figuresGrewMB,
    drawingGrewMB: rssMB() - drawingFromMB,
  };
}

const CHARTS: ChartWanted['chart'][] = ['registration-timeline', 'group-status', 'period-reporting', 'target-outcomes'];

export async function benchCharts(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-charts-'));
  try {
    const dbPath = join(dir, 'bench.db');
    const db = openDatabase(dbPath);
    generate(db);
    closeDatabase(db);

    const charts: ChartFigures[] = [];
    for (const chart of CHARTS) charts.push(await runInChild<ChartFigures>(THIS_FILE, ['child', dbPath, chart]));
    const ok = charts.every((c) => c.medianMs < LIMITS.ms && c.drawingGrewMB < LIMITS.extraMB);
    console.log('Charts: each chart read from the database and drawn for 5,000 units × 20 targets (50 clusters/blocks, 9 content areas), PNG 1200 px wide');
    for (const c of charts) {
      console.log(
        `  ${c.chart.padEnd(26)}  ${c.medianMs.toFixed(0).padStart(4)} ms median of ${RUNS}, figures ${c.figuresMs.toFixed(0)} ms of it (CPU ${c.medianCpuMs.toFixed(0)} ms; first ${c.firstMs.toFixed(0)} ms)   (target < ${LIMITS.ms} ms), ${c.width}×${c.height} px, ${c.pngKB.toFixed(0)} KB`,
      );
      console.log(
        `  ${''.padEnd(26)}  ${c.shape}; drawing took ${c.drawingGrewMB.toFixed(0)} MB more   (target < ${LIMITS.extraMB} MB); its figures, first read, ${c.figuresGrewMB.toFixed(0)} MB (over ${c.baseMB.toFixed(0)} MB with the database open)`,
      );
    }
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'child') {
    process.stdout.write(`${JSON.stringify(await child(process.argv[3]!, process.argv[4] as ChartWanted['chart']))}\n`);
  } else {
    process.exitCode = (await benchCharts()) ? 0 : 1;
  }
}
