/** `thidua export`: the same files from the command line, paths printed (JSON with --json). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';

useCliSandboxes();

const STAMP = '20200215-100000';

describe('thidua export', () => {
  it('writes the workbook of the open movement and prints where, sheet by sheet', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = join(cli.dir, 'xuat');
    const run = await cli.run('export', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const path = join(out, `thidua-ND-2020-${STAMP}.xlsx`);
    expect(existsSync(path)).toBe(true);
    expect(run.stdout).toBe(
      [
        'Đã xuất phong trào ND-2020 ra 1 tệp:',
        `  ${path}`,
        '    Tổng hợp: 34 dòng',
        '    Đăng ký chỉ tiêu: 0 dòng',
        '    Danh hiệu: 0 dòng',
        '    Kết quả: 0 dòng',
        '    Đơn vị: 34 dòng',
        '    Cụm, khối: 6 dòng',
        '',
      ].join('\n'),
    );
  });

  it('CSV for one cluster, as JSON for scripts', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = join(cli.dir, 'csv');
    const run = await cli.run('export', '--format', 'csv', '--cluster', 'KHOI-KT', '--period', 'Q2020-1', '--out', out, '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { files: string[]; rows: Record<string, number>; group: string; period: string; format: string };
    expect(result).toMatchObject({ format: 'csv', group: 'KHOI-KT', period: 'Q2020-1', rows: { summary: 8, units: 8, groups: 1, results: 0 } });
    expect(result.files).toHaveLength(6);
    expect(readdirSync(out).sort()).toEqual(result.files.map((f) => f.slice(out.length + 1)).sort());
    expect(readFileSync(result.files[0]!, 'utf8').startsWith('\uFEFFCụm/khối;Mã đơn vị;')).toBe(true);
  });

  it('refuses an unknown cluster, period or movement with a clear message and writes nothing', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = join(cli.dir, 'none');
    const cluster = await cli.run('export', '--cluster', 'CUM-9', '--out', out);
    expect(cluster.code).toBe(1);
    expect(cluster.stderr).toBe('Phong trào ND-2020 không có cụm/khối mã "CUM-9". Các mã có: CUM1, CUM2, KHOI-DT, KHOI-KT, KHOI-NC, KHOI-VX\n');
    const period = await cli.run('export', '--period', 'Q2019-4', '--out', out, '--lang', 'en');
    expect(period.code).toBe(1);
    expect(period.stderr).toMatch(/^Movement ND-2020 has no reporting period with code "Q2019-4"\. Periods: Q2020-1, /);
    const movement = await cli.run('export', '--movement', 'ND-2019', '--out', out, '--json');
    expect(movement.code).toBe(1);
    expect(JSON.parse(movement.stdout)).toEqual({ error: 'err-movement-unknown', code: 'ND-2019' });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a format it does not write, and documents its options', async () => {
    const cli = cliSandbox();
    const wrong = await cli.run('export', '--format', 'pdf');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('Định dạng "pdf" không hợp lệ: chọn xlsx hoặc csv.\n');
    const help = await cli.run('export', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--movement', '--cluster', '--period', '--format', '--out', '--all-revisions', '--include-drafts']) expect(help.stdout).toContain(option);
    // The example matches the codes the data uses.
    expect(help.stdout).toContain('ví dụ CUM1)');
    expect(help.stdout).toContain('Thư mục ghi tệp (mặc định ./exports)');
    const usage = await cli.run('help');
    expect(usage.stdout).toContain('export');
  });
});
