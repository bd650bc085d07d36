import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { submitRegistration } from '../../src/domain/registrations.ts';
import { cliSandbox, queryDatabase as query, useCliSandboxes } from '../helpers/cli.ts';
import { FilledForm, RESULT_COLUMNS } from '../helpers/forms.ts';

useCliSandboxes();

const SNV_TARGETS = "SELECT t.text, t.planned_value FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.id";

describe('the Board enters a unit’s form with the CLI', () => {
  it('writes the form, checks a filled one with --dry-run, saves it as the Board, then does the same for a period’s report', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = join(cli.dir, 'snv.xlsx');
    const written = await cli.run('form', '--unit', 'SNV', '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Đã viết biểu mẫu của Sở Nội vụ: ${out}`);

    const form = await FilledForm.open(out);
    form.set(1, { area: '6', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', measure: '%', plan: '98,5' }).set(2, { area: '9', text: 'Tổ chức hội nghị điển hình tiên tiến', kind: 'Định tính' });
    const filled = await form.save(join(cli.dir, 'snv-filled.xlsx'));

    const dry = await cli.run('import-targets', filled, '--unit', 'SNV', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Thêm 2, sửa 0, xóa 0');
    expect(dry.stdout).toContain('Chạy thử: chưa ghi gì');
    expect(query(cli.dbPath, SNV_TARGETS)).toEqual([]);

    const saved = await cli.run('import-targets', filled, '--unit', 'SNV');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Đã lưu cho Sở Nội vụ');
    expect(query(cli.dbPath, SNV_TARGETS)).toEqual([
      { text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', planned_value: 98.5 },
      { text: 'Tổ chức hội nghị điển hình tiên tiến', planned_value: null },
    ]);
    expect(query<{ actor: string; action: string }>(cli.dbPath, "SELECT actor, action FROM audit_log WHERE action LIKE 'form.%' OR action = 'target.create' ORDER BY id").slice(-3)).toEqual([
      { actor: 'cli:board', action: 'target.create' },
      { actor: 'cli:board', action: 'target.create' },
      { actor: 'cli:board', action: 'form.import-targets' },
    ]);

    // The report form can be written once the registration was sent.
    expect((await cli.run('form', '--unit', 'SNV', '--period', 'Q2020-1')).stderr).toContain('chưa gửi bản đăng ký');
    const db = openDatabase(cli.dbPath);
    const reg = db.$client.prepare("SELECT r.id FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'").get() as { id: number };
    submitRegistration(db, reg.id, { label: 'test' }, Date.UTC(2020, 1, 15, 3));
    closeDatabase(db);
    const reportPath = join(cli.dir, 'snv-q1.xlsx');
    expect((await cli.run('form', '--unit', 'SNV', '--period', 'Q2020-1', '--out', reportPath)).code).toBe(0);
    const report = await FilledForm.open(reportPath, RESULT_COLUMNS);
    report.set(1, { result: 97 }).set(2, { result: 'Hoàn thành' });
    const reportFilled = await report.save(join(cli.dir, 'snv-q1-filled.xlsx'));
    const reportDry = await cli.run('import-results', reportFilled, '--unit', 'SNV', '--period', 'Q2020-1', '--dry-run');
    expect(reportDry.stdout).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn: 97%');
    expect(query(cli.dbPath, 'SELECT * FROM progress_reports')).toEqual([]);
    expect((await cli.run('import-results', reportFilled, '--unit', 'SNV', '--period', 'Q2020-1')).code).toBe(0);
    expect(query(cli.dbPath, 'SELECT l.value, l.assessment FROM progress_lines l ORDER BY l.id')).toEqual([
      { value: 97, assessment: 'in_progress' },
      { value: null, assessment: 'met' },
    ]);
  });

  it('refuses a file with errors with every problem and exit status 1, and saves nothing', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = join(cli.dir, 'snv.xlsx');
    await cli.run('form', '--unit', 'SNV', '--out', out);
    const form = await FilledForm.open(out);
    form.set(1, { area: '6', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', measure: '%', plan: 'chín mươi' });
    const bad = await cli.run('import-targets', await form.save(join(cli.dir, 'bad.xlsx')), '--unit', 'SNV');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Dòng 6, cột F (Kế hoạch): "chín mươi" không phải con số');
    expect(query(cli.dbPath, SNV_TARGETS)).toEqual([]);
    // Another unit's form is not taken for this one.
    expect((await cli.run('import-targets', out, '--unit', 'STP')).stderr).toContain('Biểu mẫu này của đơn vị SNV');
    expect((await cli.run('import-targets', out)).code).toBe(2);
  });
});
