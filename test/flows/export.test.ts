import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/jobs/export-job.ts';
import { silentLogger } from '../../src/util/log.ts';
import { chatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('/xuat in chat', () => {
  it('writes the workbook after the message and sends it to the person through the outbox', async () => {
    const h = chatHarness();
    h.link('50', null, 'admin', 'Trần Văn Ban');
    h.say('50', '/xuat');
    const result = h.core.handle({ channel: 'telegram', externalId: '50', choice: `${h.lastQuestion('50')!.seq}:xlsx` });
    expect(result.replies[0]!.text).toContain('Đang chuẩn bị tệp XLSX');
    expect(result.jobs).toEqual([expect.objectContaining({ kind: 'export', format: 'xlsx', movementId: expect.any(Number), locale: 'vi' })]);

    const dir = mkdtempSync(join(tmpdir(), 'thidua-exports-'));
    dirs.push(dir);
    await runExportJob(h.db, 1, result.jobs[0] as never, dir, h.clock, silentLogger);
    const [row] = h.rows<{ payload: string; status: string; channel: string }>('SELECT payload, status, channel FROM outbox');
    const payload = JSON.parse(row!.payload) as { text: string; file: { path: string; name: string } };
    expect(row).toMatchObject({ status: 'pending', channel: 'telegram' });
    expect(payload.text).toBe('📊 Số liệu Phong trào thi đua năm 2020 (1 tệp).');
    expect(existsSync(payload.file.path)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(payload.file.path);
    expect(workbook.worksheets.map((w) => w.name)).toContain('Tổng hợp');
  });

  it("limits a cluster head's export to their own cluster and refuses a liaison", async () => {
    const h = chatHarness();
    h.link('51', 'HHH', 'cluster_head');
    const result = h.core.handle({ channel: 'telegram', externalId: '51', text: '/xuat csv' });
    expect(result.jobs).toEqual([expect.objectContaining({ format: 'csv' })]);
    const dir = mkdtempSync(join(tmpdir(), 'thidua-exports-'));
    dirs.push(dir);
    await runExportJob(h.db, 1, result.jobs[0] as never, dir, h.clock, silentLogger);
    const files = h.rows<{ payload: string }>('SELECT payload FROM outbox').map((r) => (JSON.parse(r.payload) as { file: { name: string } }).file.name);
    expect(files[0]).toMatch(/^thidua-ND-2020-CUM2-.*-tong-hop\.csv$/);
    h.link('52', 'SNV');
    expect(h.say('52', '/xuat')).toContain('Việc này dành cho Ban Thi đua - Khen thưởng, lãnh đạo và cụm, khối trưởng.');
  });
});
