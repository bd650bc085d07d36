/**
 * The Board's aggregate report on registration for 5,000 units × 20 targets (the export
 * benchmark's movement, with titles sought added): time and peak memory of `writeDocument`
 * (figures read, the .docx packed and written), in a child process so the peak is its own.
 * Targets: under 10 s and under 400 MB. The period report of the same movement is timed alongside.
 *
 * Run alone: `npx tsx test/bench/documents.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { writeDocument } from '../../src/documents/index.ts';
import type { DocumentKind } from '../../src/domain/model.ts';
import { rssMB, runInChild } from './child.ts';
import { generate } from './export.ts';

const CODE = 'BENCH-2020';
const NOW = Date.parse('2020-12-20T03:00:00Z');
const THIS_FILE = fileURLToPath(import.meta.url);
const LIMITS = { seconds: 10, peakMB: 400 };

interface ChildResult {
  seconds: number;
  peakMB: number;
  baseMB: number;
  bytes: number;
}

/** In the child: one document, timed from the call to the file written. */
async function child(kind: DocumentKind, dbPath: string, outDir: string): Promise<ChildResult> {
  const db = openDatabase(dbPath);
  const baseMB = rssMB();
  const started = process.hrtime.bigint();
  const written = await writeDocument(db, { kind, movementCode: CODE, periodCode: kind === 'period' ? 'H2020-2' : undefined, dir: outDir, now: NOW });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeDatabase(db);
  return { seconds, peakMB: rssMB(), baseMB, bytes: written.bytes };
}

const runChild = (kind: DocumentKind, dbPath: string, outDir: string) => runInChild<ChildResult>(THIS_FILE, ['child', kind, dbPath, outDir]);

export async function benchDocuments(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-documents-'));
  try {
    const dbPath = join(dir, 'bench.db');
    const db = openDatabase(dbPath);
    generate(db);
    // Titles sought: every sent registration one of the two alternatives, one unit in ten the province's flag too.
    db.$client.exec(`
      INSERT INTO registration_titles (registration_id, title)
        SELECT id, CASE WHEN id % 3 = 0 THEN 'tap-the-lao-dong-xuat-sac' ELSE 'tap-the-lao-dong-tien-tien' END FROM registrations WHERE version > 0;
      INSERT INTO registration_titles (registration_id, title) SELECT id, 'co-thi-dua-ubnd-tinh' FROM registrations WHERE version > 0 AND id % 10 = 0;`);
    const counts = db.$client.prepare('SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM targets), (SELECT count(*) FROM progress_lines)').raw(true).get() as number[];
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db);

    const summary = await runChild('summary', dbPath, dir);
    const period = await runChild('period', dbPath, dir);
    const ok = summary.seconds < LIMITS.seconds && summary.peakMB < LIMITS.peakMB;
    console.log('Documents: the aggregate report on registration (.docx) for 5,000 units × 20 targets');
    console.log(`  data                        ${counts[0]} units, ${counts[1]} targets, ${counts[2]} progress lines`);
    console.log(`  summary report              ${summary.seconds.toFixed(2)} s   (target < ${LIMITS.seconds} s), ${(summary.bytes / 1024 / 1024).toFixed(1)} MB .docx`);
    console.log(`  peak memory (maxRSS)        ${summary.peakMB.toFixed(0)} MB, ${summary.baseMB.toFixed(0)} MB before   (target < ${LIMITS.peakMB} MB)`);
    console.log(`  period report (6 months)    ${period.seconds.toFixed(2)} s, ${period.peakMB.toFixed(0)} MB peak, ${(period.bytes / 1024 / 1024).toFixed(1)} MB .docx`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'child') {
    const [, , , kind, dbPath, outDir] = process.argv;
    process.stdout.write(`${JSON.stringify(await child(kind as DocumentKind, dbPath!, outDir!))}\n`);
  } else {
    process.exitCode = (await benchDocuments()) ? 0 : 1;
  }
}
