/** `thidua document minutes|submission|scores --cluster CODE` and `thidua document proposals`, on the scripted year-end of Cụm 1. */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { readDocx } from '../helpers/docx.ts';
import { at, scriptYearEnd } from '../helpers/year-end-cluster.ts';

useCliSandboxes();

describe('thidua document for the year’s end', () => {
  it('writes a cluster’s minutes, submission and scores, and the Board’s summary of proposals; a missing or unknown cluster is named', async () => {
    const cli = cliSandbox({}, at('2020-12-12'));
    await cli.run('load-sample');
    const db = openDatabase(cli.dbPath);
    scriptYearEnd(db, { loaded: true });
    closeDatabase(db);
    const out = join(cli.dir, 'cuoi-nam');
    const written: Record<string, string> = {};
    for (const kind of ['minutes', 'submission', 'scores'] as const) {
      const run = await cli.run('document', kind, '--cluster', 'CUM1', '--out', out);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      written[kind] = run.stdout.trim();
    }
    expect(basename(written.minutes!)).toBe('bien-ban-binh-xet-CUM1-ND-2020-20201212-100000.docx');
    expect(readDocx(written.minutes!).paragraphs).toContain('Họp bình xét, suy tôn thi đua năm 2020 của Cụm thi đua số 1');
    expect(basename(written.submission!)).toBe('to-trinh-de-nghi-khen-thuong-CUM1-ND-2020-20201212-100000.docx');
    expect(basename(written.scores!)).toBe('bang-diem-thi-dua-CUM1-ND-2020-20201212-100000.docx');

    const proposals = await cli.run('document', 'proposals', '--out', out, '--json');
    expect(proposals.code).toBe(0);
    const result = JSON.parse(proposals.stdout) as { kind: string; name: string; group: string | null; path: string };
    expect(result).toMatchObject({ kind: 'proposals', name: 'tong-hop-de-nghi-khen-thuong-ND-2020-20201212-100000.docx', group: null });
    expect(readDocx(result.path).paragraphs).toContain('Tổng hợp đề nghị khen thưởng thành tích thi đua năm 2020');

    const missing = await cli.run('document', 'minutes', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Cần chọn cụm, khối (--cluster MÃ). Các cụm, khối: CUM1, CUM2, KHOI-DT, KHOI-KT, KHOI-NC, KHOI-VX\n');
    const unknown = await cli.run('document', 'scores', '--cluster', 'CUM7', '--out', out);
    expect(unknown.stderr).toMatch(/^Không tìm thấy cụm, khối "CUM7"/);
    const help = await cli.run('document', '--help');
    expect(help.stdout).toContain('--cluster');
  });
});
