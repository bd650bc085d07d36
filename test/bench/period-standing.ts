/**
 * A period's standing at scale: the export benchmark's movement (5,000 units × 20 targets in 50
 * clusters/blocks, four quarterly reports, 400,000 progress lines), the standing of the 6-month
 * quarter Q2020-2 (every target judged for it) on 20/07/2020 as /tinhhinh and `thidua status
 * --period` ask for it: once cold (every target judged), then the median and worst of ten (the
 * judgements kept); after each of ten new reports (a unit's 20 lines: its targets judged again), as
 * in the reporting season; and scoped to one cluster, as a cluster head sees it. Target: under 100
 * ms, the median of the whole movement and the median after a new report.
 *
 * Run alone: `npx tsx test/bench/period-standing.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { findMovement, listPeriods } from '../../src/domain/movements.ts';
import { periodStanding } from '../../src/domain/period-standing.ts';
import { generate } from './export.ts';

const CODE = 'BENCH-2020';
const TODAY = '2020-07-20';
const LIMITS = { ms: 100 };

export async function benchPeriodStanding(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-standing-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    generate(db);
    const movement = findMovement(db, CODE);
    const period = listPeriods(db, movement.id).find((p) => p.code === 'Q2020-2')!;
    const groupId = (db.$client.prepare("SELECT id FROM groups WHERE movement_id = ? AND code = 'CUM-01'").get(movement.id) as { id: number }).id;
    const time = (scope?: { groupId: number }) => {
      const started = performance.now();
      const standing = periodStanding(db, movement, period, TODAY, scope);
      return { ms: performance.now() - started, standing };
    };
    const cold = time();
    const runs = Array.from({ length: 10 }, () => time().ms).sort((a, b) => a - b);
    const median = runs[5]!;
    const cluster = Array.from({ length: 5 }, () => time({ groupId })).sort((a, b) => a.ms - b.ms)[2]!;
    // A unit corrects its report for the quarter: one more revision, its 20 lines, then the standing.
    const correct = db.$client.prepare(
      `INSERT INTO progress_reports (registration_id, period_id, revision, reported_at)
       SELECT registration_id, period_id, max(revision) + 1, ? FROM progress_reports WHERE registration_id = ? AND period_id = ?`,
    );
    const copyLines = db.$client.prepare(
      `INSERT INTO progress_lines (report_id, target_id, value, cumulative, percent_of_plan, assessment)
       SELECT ?, pl.target_id, pl.value * 1.1, pl.cumulative, pl.percent_of_plan, pl.assessment FROM progress_lines pl
        JOIN progress_reports pr ON pr.id = pl.report_id WHERE pr.registration_id = ? AND pr.period_id = ? AND pr.revision = 1`,
    );
    const registrations = db.$client.prepare('SELECT id FROM registrations WHERE movement_id = ? ORDER BY id LIMIT 10').pluck().all(movement.id) as number[];
    const afterReport = registrations
      .map((reg) => {
        const reportId = Number(correct.run(Date.parse('2020-07-18T03:00:00Z'), reg, period.id).lastInsertRowid);
        copyLines.run(reportId, reg, period.id);
        return time().ms;
      })
      .sort((a, b) => a - b);
    closeDatabase(db);

    const { totals, byArea } = cold.standing;
    const targets = byArea.reduce((n, a) => n + a.exceeded + a.met + a.inProgress + a.notMet + a.notReported, 0);
    const ok = median < LIMITS.ms && afterReport[5]! < LIMITS.ms && totals.units > 0 && targets === totals.units * 20;
    console.log('Period standing: 5,000 units × 20 targets, 4 quarterly reports, Q2020-2 on 20/07/2020');
    console.log(`  units in the period         ${totals.units} (on time ${totals.onTime}, late ${totals.late}, overdue ${totals.overdue}, not due ${totals.notDue}); ${targets} targets judged`);
    console.log(`  periodStanding              ${cold.ms.toFixed(1)} ms cold; median ${median.toFixed(1)} ms, worst ${runs.at(-1)!.toFixed(1)} ms of 10   (target < ${LIMITS.ms} ms)`);
    console.log(`  after a new report          median ${afterReport[5]!.toFixed(1)} ms, worst ${afterReport.at(-1)!.toFixed(1)} ms of 10 (that unit's targets judged again)   (target < ${LIMITS.ms} ms)`);
    console.log(`  one cluster (${cluster.standing.totals.units} units)      median ${cluster.ms.toFixed(1)} ms of 5`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchPeriodStanding()) ? 0 : 1;
}
