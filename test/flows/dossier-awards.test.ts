/**
 * What the Board recorded after the year: the awarded titles among the "earlier years" at the next
 * year's registration, and at the terminal `thidua dossiers` and `thidua awards --csv`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { currentMovement, importMovement, listContentAreas } from '../../src/domain/movements.ts';
import { addTarget, ensureRegistration } from '../../src/domain/registrations.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { recordDecision } from '../../src/domain/year-end/decisions.ts';
import { admin } from '../helpers/movement.ts';
import { chatHarness } from '../helpers/chat.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { proposalRow } from '../helpers/dossier-rows.ts';

useTempDatabases();
useCliSandboxes();

const SAMPLE = JSON.parse(readFileSync(new URL('../../src/sample/nam-dinh-2020.json', import.meta.url), 'utf8'));

/** The sample movement a year on: ND-2021, every date a year later, no year-end yet. */
function nextYear() {
  const def = structuredClone(SAMPLE);
  def.movement = { ...def.movement, code: 'ND-2021', starts: '2021-01-01', ends: '2021-12-31', registrationDeadline: '2021-03-31' };
  delete def.yearEnd;
  return movementDefinition.parse(def);
}

describe('titles awarded', () => {
  it("are shown among the earlier years when the unit registers next year; one not awarded is not", () => {
    const h = chatHarness();
    h.link('hml', 'HML');
    const movementId = h.rows<{ id: number }>("SELECT id FROM movements WHERE code = 'ND-2020'")[0]!.id;
    const flag = proposalRow(h.db, 'HML', 'co-thi-dua-ubnd-tinh', 'CUM1');
    const excellent = proposalRow(h.db, 'HML', 'tap-the-lao-dong-xuat-sac');
    recordDecision(h.db, movementId, flag, { outcome: 'awarded', number: '125/QĐ-UBND', decidedOn: '2021-01-20' }, admin, 1);
    recordDecision(h.db, movementId, excellent, { outcome: 'not_awarded', number: '126/QĐ-UBND', decidedOn: '2021-01-20' }, admin, 1);
    importMovement(h.db, nextYear(), admin, Date.UTC(2021, 0, 2));
    h.clock.set(Date.UTC(2021, 1, 15, 2));
    // A target entered already, so /dangky opens on the registration's menu.
    const next = currentMovement(h.db)!;
    const reg = ensureRegistration(h.db, next.id, h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'HML'")[0]!.id, h.clock.now());
    addTarget(h.db, reg.id, { contentAreaId: listContentAreas(h.db, next.id)[0]!.id, text: 'Chỉ tiêu năm 2021', kind: 'qualitative' }, cliActor, h.clock.now());

    h.restart(); // the core reads the open movement at start, as the bot does after an import
    h.say('hml', '/dangky');
    const titles = h.press('hml', 'Danh hiệu đăng ký');
    expect(titles).toContain('Đã được tặng Cờ thi đua của UBND tỉnh: năm 2020');
    expect(titles).not.toContain('Đã được tặng Tập thể lao động xuất sắc');
  });
});

describe('thidua dossiers and thidua awards', () => {
  it("list each dossier's state and write the awarded titles as CSV", async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const db = openDatabase(cli.dbPath);
    let flag: number;
    try {
      flag = proposalRow(db, 'HML', 'co-thi-dua-ubnd-tinh', 'CUM1');
      proposalRow(db, 'HVB', 'tap-the-lao-dong-tien-tien');
      const movementId = (db.$client.prepare("SELECT id FROM movements WHERE code = 'ND-2020'").get() as { id: number }).id;
      db.$client.prepare("INSERT INTO dossier_files (proposal_id, item, file_name, stored_path, bytes, received_at) VALUES (?, 'to-trinh', 'tt.pdf', '/x', 10, ?)").run(flag, Date.UTC(2020, 11, 11, 3));
      recordDecision(db, movementId, flag, { outcome: 'awarded', number: '125/QĐ-UBND', decidedOn: '2021-01-20' }, admin, 1);
    } finally {
      closeDatabase(db);
    }

    const table = await cli.run('dossiers');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('HML · Cờ thi đua của UBND tỉnh · CUM1: ⬜ Chưa đủ hồ sơ (1/6) — thiếu: Báo cáo thành tích;');
    expect(table.stdout).toContain('HVB · Tập thể lao động tiên tiến · —: ⬜ Chưa đủ hồ sơ (0/6)');
    const json = JSON.parse((await cli.run('dossiers', '--json')).stdout) as { unit: string; items: { item: string; file: { late: boolean } | null }[] }[];
    expect(json.map((d) => d.unit)).toEqual(['HML', 'HVB']);
    expect(json[0]!.items[0]).toMatchObject({ item: 'to-trinh', file: { late: true } });

    const out = join(cli.dir, 'khen-thuong.csv');
    expect((await cli.run('awards', '--out', out)).stdout).toContain(`Đã ghi 1 dòng vào ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(`\uFEFFMã đơn vị;Đơn vị;Danh hiệu;Cụm/khối;Số quyết định;Ngày quyết định\r\nHML;UBND huyện Mỹ Lộc;Cờ thi đua của UBND tỉnh;CUM1;125/QĐ-UBND;20/01/2021\r\n`);
    expect((await cli.run('awards')).stdout).toContain('UBND huyện Mỹ Lộc — Cờ thi đua của UBND tỉnh: Quyết định số 125/QĐ-UBND ngày 20/01/2021');
  });
});
