import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { cliSandbox, queryDatabase as query, useCliSandboxes } from '../helpers/cli.ts';
import { ScoreForm } from '../helpers/score-form.ts';
import { hmlWithYearResults } from '../helpers/year-end-fixtures.ts';

useCliSandboxes();

const NOV_20 = Date.UTC(2020, 10, 20, 3, 0);
const HML_LINES = "SELECT l.criterion_code AS code, l.self, l.evidence_ref AS evidence FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id JOIN units u ON u.id = s.unit_id WHERE u.code = 'HML' ORDER BY l.criterion_code";

describe('the Board enters a unit’s self-assessment with the CLI', () => {
  it('writes HML’s sheet, checks a filled one with --dry-run, refuses one with errors, and saves it as the Board', async () => {
    const cli = cliSandbox({}, NOV_20);
    await cli.run('load-sample');
    expect((await cli.run('form', 'score', '--unit', 'HML')).stderr).toContain('Đơn vị HML chưa có bản đăng ký thi đua trong phong trào này.');
    const db = openDatabase(cli.dbPath);
    hmlWithYearResults(db, NOV_20);
    closeDatabase(db);

    const out = join(cli.dir, 'hml.xlsx');
    const written = await cli.run('form', 'score', '--unit', 'HML', '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Đã viết biểu mẫu của UBND huyện Mỹ Lộc: ${out}`);
    const form = await ScoreForm.open(out);
    expect(form.cell('I.1', 'points').value).toBe(30);

    form.set('I.3', { points: '11' });
    const wrong = await cli.run('import-scores', await form.save(join(cli.dir, 'hml-sai.xlsx')), '--unit', 'HML');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`Dòng ${form.rowOf('I.3')}, cột G (Điểm tự chấm): "11" ngoài khoảng cho phép: từ 0 đến 10 điểm.`);

    form.set('I.3', { points: '8,5', evidence: 'https://hml.namdinh.gov.vn/bc-2020' }).set('II.1', { points: 4 });
    const filled = await form.save(join(cli.dir, 'hml-filled.xlsx'));
    const dry = await cli.run('import-scores', filled, '--unit', 'HML', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Điểm sẽ lưu: 2 tiêu chí; giữ điểm theo kết quả năm: 2; để trống: 9.');
    expect(dry.stdout).toContain('Tổng điểm sau khi lưu: 47,5 (còn tiêu chí chưa chấm).');
    expect(dry.stdout).toContain('Chạy thử: chưa ghi gì');
    expect(query(cli.dbPath, HML_LINES)).toEqual([]);

    const saved = await cli.run('import-scores', filled, '--unit', 'HML');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('✔ Đã lưu cho UBND huyện Mỹ Lộc');
    expect(query(cli.dbPath, HML_LINES)).toEqual([
      { code: 'I.3', self: 8.5, evidence: 'https://hml.namdinh.gov.vn/bc-2020' },
      { code: 'II.1', self: 4, evidence: null },
    ]);
    expect(query(cli.dbPath, "SELECT actor, action FROM audit_log WHERE action = 'score.self-form'")).toEqual([{ actor: 'cli:board', action: 'score.self-form' }]);
    expect(query(cli.dbPath, 'SELECT form, applied_at IS NOT NULL AS applied FROM form_uploads')).toEqual([{ form: 'score', applied: 1 }]);
  });
});
