/** `thidua chart`: one chart written as a PNG from the database, its path printed; bad options refused in words. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { local, scriptedSeason, sixMonthReports } from '../helpers/chart-season.ts';
import { pngSize } from '../helpers/charts.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';

useCliSandboxes();

/** A sandbox on 16/07/2020 holding the scripted season and the 6-month reports (due 10/07). */
function seasonSandbox() {
  const cli = cliSandbox({}, local('2020-07-16 10:00'));
  const db = openDatabase(cli.dbPath);
  try {
    sixMonthReports(db, scriptedSeason(db));
  } finally {
    closeDatabase(db);
  }
  return cli;
}

describe('thidua chart', () => {
  it('registration: the status by cluster/block into the exports folder beside the database, its path printed', async () => {
    const cli = seasonSandbox();
    const run = await cli.run('chart', 'registration');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const path = run.stdout.trim();
    expect(path).toBe(join(cli.dir, 'exports', 'bieu-do-group-status-ND-2020-20200716-100000.png'));
    expect(pngSize(readFileSync(path)).width).toBe(1200);
    expect(readdirSync(join(cli.dir, 'exports'))).toEqual(['bieu-do-group-status-ND-2020-20200716-100000.png']);
  });

  it('--timeline, --json: the figures drawn with the file written where asked', async () => {
    const cli = seasonSandbox();
    const out = join(cli.dir, 'hop', 'tien-do.png');
    const run = await cli.run('chart', 'registration', '--timeline', '--out', out, '--json');
    expect(run.code).toBe(0);
    const written = JSON.parse(run.stdout) as { chart: string; path: string; width: number; height: number; figures: { units: number; sentByDay: unknown[] } };
    expect(written).toMatchObject({ chart: 'registration-timeline', path: out, width: 1200, height: 720 });
    expect(written.figures.units).toBe(34);
    expect(written.figures.sentByDay).toEqual([
      { day: '2020-03-05', units: 1 },
      { day: '2020-03-10', units: 1 },
      { day: '2020-03-11', units: 1 },
      { day: '2020-04-02', units: 1 },
    ]);
    expect(pngSize(readFileSync(out))).toEqual({ width: 1200, height: 720 });
  });

  it('period: a period and a cluster/block by code, whatever the case; --targets for the targets by content area', async () => {
    const cli = seasonSandbox();
    const reporting = await cli.run('chart', 'period', '--period', 'h2020-1', '--cluster', 'khoi-nc', '--json');
    expect(reporting.code).toBe(0);
    const written = JSON.parse(reporting.stdout) as { chart: string; path: string; figures: { groups: unknown[] } };
    expect(written.chart).toBe('period-reporting');
    expect(written.path).toBe(join(cli.dir, 'exports', 'bieu-do-period-reporting-ND-2020-H2020-1-KHOI-NC-20200716-100000.png'));
    expect(written.figures.groups).toEqual([{ label: 'Khối Nội chính', on_time: 1, late: 1, overdue: 0, not_due: 0 }]);
    const targets = await cli.run('chart', 'period', '--period', 'H2020-1', '--targets');
    expect(targets.code).toBe(0);
    expect(targets.stdout.trim()).toMatch(/bieu-do-target-outcomes-ND-2020-H2020-1-20200716-100000\.png$/);
    expect(existsSync(targets.stdout.trim())).toBe(true);
  });

  it('refuses an unknown chart, period or cluster/block, a missing period, options that do not fit, in words, writing nothing', async () => {
    const cli = seasonSandbox();
    const refused = async (args: string[], code: number, message: string | RegExp) => {
      const run = await cli.run('chart', ...args);
      expect(run.code, args.join(' ')).toBe(code);
      if (typeof message === 'string') expect(run.stderr).toBe(`${message}\n`);
      else expect(run.stderr).toMatch(message);
    };
    await refused(['pie'], 2, 'Biểu đồ "pie" không có: chọn registration hoặc period.');
    await refused(['period', '--period', 'Q2021-1'], 1, /^Phong trào ND-2020 không có kỳ báo cáo mã "Q2021-1"\. Các kỳ có: Q2020-1, /);
    await refused(['period'], 1, /^Cần chọn kỳ báo cáo \(--period MÃ\)\. Các kỳ của phong trào ND-2020: Q2020-1, /);
    await refused(['registration', '--cluster', 'CUM9'], 1, /^Phong trào ND-2020 không có cụm\/khối mã "CUM9"\. Các mã có: CUM1, CUM2, /);
    await refused(['registration', '--out', 'bieu-do.jpg'], 2, '--out: tệp ghi ra phải có đuôi .png');
    await refused(['registration', '--targets'], 2, '--targets: chỉ dùng với biểu đồ period');
    await refused(['period', '--period', 'H2020-1', '--timeline'], 2, '--timeline: chỉ dùng với biểu đồ registration');
    expect(existsSync(join(cli.dir, 'exports'))).toBe(false);
    const english = await cli.run('chart', 'pie', '--lang', 'en');
    expect(english.stderr).toBe('There is no "pie" chart: choose registration or period.\n');
  });

  it('fewer than two units: no file, and says why', async () => {
    const cli = seasonSandbox();
    const db = openDatabase(cli.dbPath);
    db.$client.prepare("UPDATE units SET valid_to = '2019-12-31' WHERE code <> 'SNV'").run();
    closeDatabase(db);
    const run = await cli.run('chart', 'registration');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Không vẽ biểu đồ: chỉ có 1 đơn vị (cần ít nhất 2).\n');
    expect(existsSync(join(cli.dir, 'exports'))).toBe(false);
  });
});
