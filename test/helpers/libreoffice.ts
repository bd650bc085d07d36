/**
 * LibreOffice, where the machine has it, to see a file as an officer would print it: converted to
 * PDF in a profile of its own (so it runs beside another LibreOffice), then the PDF's pages read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The LibreOffice program, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return null;
}

/** Converts the files to PDF in `outDir`, in one run of LibreOffice; returns the PDFs' paths. */
export function convertToPdf(soffice: string, files: string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
  try {
    execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      stdio: 'ignore',
      timeout: 120_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf')));
}

export interface PdfPage {
  /** Points. */
  width: number;
  height: number;
}

/** The pages of a PDF written by LibreOffice (page objects are not compressed there), in file order. */
export function pdfPages(path: string): PdfPage[] {
  const text = readFileSync(path).toString('latin1');
  const pages: PdfPage[] = [];
  for (const object of text.split('endobj')) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(object)) continue;
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(object);
    if (!box) continue;
    pages.push({ width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) });
  }
  return pages;
}

/** A4 in points, either way round. */
export const isA4Portrait = (p: PdfPage) => Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1;
export const isA4Landscape = (p: PdfPage) => Math.abs(p.width - 841.9) < 1 && Math.abs(p.height - 595.3) < 1;
