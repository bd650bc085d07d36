/** `thidua document` and `thidua board`: the Board's documents from the command line, and who signs them. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { readDocx } from '../helpers/docx.ts';

useCliSandboxes();

describe('thidua document', () => {
  it('writes each document where asked and prints its path (JSON with --json)', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = join(cli.dir, 'van-ban');
    const summary = await cli.run('document', 'summary', '--out', out);
    expect(summary.stderr).toBe('');
    expect(summary.code).toBe(0);
    const path = summary.stdout.trim();
    expect(path).toBe(join(out, 'bao-cao-dang-ky-thi-dua-ND-2020-20200215-100000.docx'));
    expect(readDocx(path).paragraphs).toContain('Kết quả đăng ký thi đua năm 2020 của các cơ quan, đơn vị, địa phương');

    const registration = await cli.run('document', 'registration', '--unit', 'SNNPTNT', '--out', out, '--json');
    expect(registration.code).toBe(0);
    const written = JSON.parse(registration.stdout) as { kind: string; path: string; name: string; unit: string; bytes: number };
    expect(written).toMatchObject({ kind: 'registration', unit: 'SNNPTNT', movement: 'ND-2020', name: 'dang-ky-thi-dua-SNNPTNT-ND-2020-20200215-100000.docx' });
    expect(existsSync(written.path)).toBe(true);

    const period = await cli.run('document', 'period', '--period', 'Q2020-1', '--out', out);
    expect(period.code).toBe(0);
    expect(period.stdout.trim()).toMatch(/bao-cao-ket-qua-Q2020-1-ND-2020-20200215-100000\.docx$/);
  });

  it('refuses an unknown kind, a missing unit or period, with a clear message', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const kind = await cli.run('document', 'baocao');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toBe('Loại văn bản "baocao" không có: chọn registration, summary, period, minutes, submission, scores hoặc proposals.\n');
    const unit = await cli.run('document', 'registration', '--out', cli.dir);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toBe('Cần chọn đơn vị (--unit MÃ).\n');
    const period = await cli.run('document', 'period', '--out', cli.dir);
    expect(period.code).toBe(1);
    expect(period.stderr).toMatch(/^Cần chọn kỳ báo cáo \(--period MÃ\)\. Các kỳ của phong trào ND-2020: Q2020-1, /);
    const help = await cli.run('document', '--help');
    for (const option of ['--unit', '--period', '--movement', '--out']) expect(help.stdout).toContain(option);
  });
});

describe('thidua board', () => {
  it('shows the settings worked out from the movement, changes them, and the documents follow', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const shown = await cli.run('board');
    expect(shown.stdout).toContain('  --body          SỞ NỘI VỤ\n');
    expect(shown.stdout).toContain('  --abbreviation  SNV\n');
    const changed = await cli.run('board', '--signer', 'Nguyễn Văn An', '--signer-title', 'KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC', '--recipients', 'UBND tỉnh (để b/c);|Lưu: VT.');
    expect(changed.code).toBe(0);
    const path = (await cli.run('document', 'summary', '--out', cli.dir)).stdout.trim();
    const signature = readDocx(path).tables.find((t) => t[0]?.[0]?.startsWith('Nơi nhận:'))!;
    expect(signature[0]![0]).toBe('Nơi nhận:\n- UBND tỉnh (để b/c);\n- Lưu: VT.');
    expect(signature[0]![1]).toBe('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n\nNguyễn Văn An');

    const wrong = await cli.run('board', '--abbreviation', 'snv');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('--abbreviation: chữ viết tắt chỉ gồm chữ in hoa, chữ số, "-" và "." (ví dụ SNV), tối đa 20 ký tự\n');
    // Cleared: the default again.
    await cli.run('board', '--signer', '');
    expect((await cli.run('board', '--json')).stdout).toContain('"signerName": null');
  });
});

describe('thidua signer', () => {
  it("shows and changes who signs a unit's registration; the registration prints it; a bad name changes nothing", async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    expect((await cli.run('signer', '--unit', 'STP')).stdout).toBe('Sở Tư pháp: người ký — — —\n');
    const set = await cli.run('signer', '--unit', 'STP', '--title', 'kt. giám đốc|phó giám đốc', '--name', 'Lê Văn Tâm');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('Sở Tư pháp: người ký KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC — Lê Văn Tâm\n');
    const bad = await cli.run('signer', '--unit', 'STP', '--name', '42');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('"42" không phải họ tên; gõ họ tên người ký, ví dụ Nguyễn Văn An.\n');
    const path = (await cli.run('document', 'registration', '--unit', 'STP', '--out', cli.dir)).stdout.trim();
    expect(readDocx(path).tables.at(-1)![0]![1]).toMatch(/^KT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\(Ký tên, đóng dấu\)\n(\n)+Lê Văn Tâm$/);
  });
});
