/**
 * The Board's reports (on registration; a period's) carry the matching charts as pictures: each a PNG in word/media, placed in
 * word/document.xml through its relationship, with a numbered caption; a movement of fewer than
 * two units gets no picture and no caption (and no empty place for one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { writeDocument } from '../../src/documents/index.ts';
import { resolveMovement } from '../../src/domain/movements.ts';
import { local, scriptedSeason, sixMonthReports } from '../helpers/chart-season.ts';
import { pngSize } from '../helpers/charts.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { readDocx, type DocxContent } from '../helpers/docx.ts';

useTempDatabases();

const NOW = local('2020-04-05 10:00');
let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-doc-charts-'));
  db = openTempDatabase().db;
  scriptedSeason(db);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pictures placed in the document, in order: the PNG each embeds (through word/_rels) and its alt text. */
function placedPictures(doc: DocxContent): { png: Buffer; name: string; alt: string }[] {
  const rels = doc.entries.get('word/_rels/document.xml.rels')!.toString('utf8');
  const target = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...doc.xml.matchAll(/<w:drawing>.*?<\/w:drawing>/gs)].map((m) => {
    const embed = /r:embed="([^"]+)"/.exec(m[0])![1]!;
    const name = `word/${target.get(embed)!}`;
    return { png: doc.entries.get(name)!, name, alt: /<wp:docPr [^>]*?descr="([^"]*)"/.exec(m[0])![1]! };
  });
}

describe('the aggregate report on registration', () => {
  it('carries the registration timeline and the status by cluster/block as PNG pictures, each with its caption', async () => {
    const doc = readDocx((await writeDocument(db, { kind: 'summary', dir, now: NOW })).path);
    const media = [...doc.entries.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(2);
    const pictures = placedPictures(doc);
    expect(pictures.map((p) => p.name).sort()).toEqual(media.sort());
    expect(pictures.map((p) => p.alt)).toEqual(['Tiến độ gửi bản đăng ký thi đua: Phong trào thi đua năm 2020', 'Tình hình đăng ký theo cụm, khối: Phong trào thi đua năm 2020']);
    for (const p of pictures) expect(pngSize(p.png).width).toBe(1200);
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining(['Biểu đồ 1. Tiến độ gửi bản đăng ký thi đua: Phong trào thi đua năm 2020', 'Biểu đồ 2. Tình hình đăng ký theo cụm, khối: Phong trào thi đua năm 2020']),
    );
    // The status chart follows the table by cluster/block it draws.
    const tableAt = doc.xml.indexOf('Cụm thi đua số 1');
    expect(doc.xml.indexOf('Biểu đồ 2.')).toBeGreaterThan(tableAt);
  });

  it('for fewer than two units: no picture, no caption', async () => {
    // Every unit but Sở Nội vụ closed before the movement began.
    db.$client.prepare("UPDATE units SET valid_to = '2019-12-31' WHERE code <> 'SNV'").run();
    const doc = readDocx((await writeDocument(db, { kind: 'summary', dir, now: NOW })).path);
    expect([...doc.entries.keys()].filter((name) => name.startsWith('word/media/'))).toEqual([]);
    expect(doc.xml).not.toContain('<w:drawing>');
    expect(doc.paragraphs.filter((p) => p.startsWith('Biểu đồ'))).toEqual([]);
  });
});

describe('the period report', () => {
  it("carries the period's reporting by cluster/block and its targets by content area as PNG pictures", async () => {
    sixMonthReports(db, resolveMovement(db, 'ND-2020'));
    const doc = readDocx((await writeDocument(db, { kind: 'period', periodCode: 'H2020-1', dir, now: local('2020-07-16 10:00') })).path);
    const pictures = placedPictures(doc);
    expect(pictures.map((p) => p.alt)).toEqual(['Báo cáo 6 tháng đầu năm 2020 theo cụm, khối', 'Kết quả thực hiện chỉ tiêu theo nội dung thi đua: 6 tháng đầu năm 2020']);
    expect([...doc.entries.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name))).toHaveLength(2);
    for (const p of pictures) expect(pngSize(p.png).width).toBe(1200);
    expect(doc.paragraphs).toEqual(expect.arrayContaining(['Biểu đồ 1. Báo cáo 6 tháng đầu năm 2020 theo cụm, khối', 'Biểu đồ 2. Kết quả thực hiện chỉ tiêu theo nội dung thi đua: 6 tháng đầu năm 2020']));
  });

  it('for a period with fewer than two units in it: no picture, no caption', async () => {
    // Every unit but Sở Nội vụ closed before the movement began: one unit in the period.
    db.$client.prepare("UPDATE units SET valid_to = '2019-12-31' WHERE code <> 'SNV'").run();
    const doc = readDocx((await writeDocument(db, { kind: 'period', periodCode: 'H2020-1', dir, now: local('2020-07-16 10:00') })).path);
    expect(doc.xml).not.toContain('<w:drawing>');
    expect([...doc.entries.keys()].filter((name) => name.startsWith('word/media/'))).toEqual([]);
    expect(doc.paragraphs.filter((p) => p.startsWith('Biểu đồ'))).toEqual([]);
  });
});
