/**
 * The documents as LibreOffice prints them: each converted to PDF, its pages A4 (portrait, the
 * annexes landscape) and as many as a reader expects. Skipped, saying why, where LibreOffice is
 * not installed (`apt-get install libreoffice-writer`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDocument } from '../../src/documents/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { openTempDatabase, removeTempDatabases } from '../helpers/db.ts';
import { convertToPdf, findSoffice, isA4Landscape, isA4Portrait, pdfPages, type PdfPage } from '../helpers/libreoffice.ts';

const soffice = findSoffice();
if (!soffice) console.warn('test/documents/print.test.ts skipped: LibreOffice (soffice) is not installed, so the documents cannot be converted to PDF here');

describe.skipIf(!soffice)('printed with LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-print-'));
  afterAll(() => {
    removeTempDatabases();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each document converts to A4 pages: the text portrait, the annex tables landscape', async () => {
    const { db } = openTempDatabase();
    loadSampleMovement(db, { label: 'cli' }, Date.parse('2020-01-02T03:00:00Z'));
    const now = Date.parse('2020-07-15T03:00:00Z');
    const write = async (kind: 'registration' | 'summary' | 'period', extra: object = {}) => (await writeDocument(db, { kind, ...extra, dir, now })).path;
    const files = [await write('registration', { unit: 'SNNPTNT' }), await write('summary'), await write('period', { periodCode: 'H2020-1' })];
    const [registration, summary, period] = convertToPdf(soffice!, files, dir).map(pdfPages) as [PdfPage[], PdfPage[], PdfPage[]];

    // The sample's SNNPTNT has its three sample targets: one page, signature block included.
    expect(registration).toHaveLength(1);
    expect(registration.every(isA4Portrait)).toBe(true);

    // The report: two portrait pages of text, then the 34 units' annex on landscape pages.
    const portrait = summary.filter(isA4Portrait).length;
    const landscape = summary.filter(isA4Landscape).length;
    expect(portrait + landscape).toBe(summary.length);
    expect(portrait).toBeGreaterThanOrEqual(2);
    expect(portrait).toBeLessThanOrEqual(3);
    expect(landscape).toBeGreaterThanOrEqual(2);
    expect(landscape).toBeLessThanOrEqual(4);
    expect(isA4Portrait(summary[0]!)).toBe(true);
    expect(isA4Landscape(summary.at(-1)!)).toBe(true);

    expect(isA4Portrait(period[0]!)).toBe(true);
    expect(isA4Landscape(period.at(-1)!)).toBe(true);
    expect(period.length).toBeLessThanOrEqual(4);
  }, 180_000);
});
