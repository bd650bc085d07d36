/**
 * A file sent for a dossier, after the message that brought it: fetched from the person's
 * messenger (at once: Zalo's links do not last), checked by its bytes (PDF, DOC, DOCX, not too
 * large), kept under dossiers/ beside the database, recorded in dossier_files (the person's right
 * to send checked again now), and the person told what the dossier still lacks, with the file's
 * lateness, in the transaction that closes the job.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Job } from '../chat/engine.ts';
import { FileSourceRefused, FileTooLarge } from '../chat/files.ts';
import { inTransaction } from '../db/prepared.ts';
import { writeJobMessages } from '../delivery/outbox-writer.ts';
import { DomainError } from '../domain/errors.ts';
import { dossierItemLabel, dossierMovement, dossierYear, proposalDossier, recordDossierFile } from '../domain/year-end/dossiers.ts';
import { checkDossierFile, MAX_DOSSIER_FILE_BYTES } from '../forms/dossier-file.ts';
import { translator } from '../i18n/index.ts';
import type { Channel } from '../domain/model.ts';
import type { FormJobDeps } from './form-job.ts';
import { finishJob } from './store.ts';

type DossierJob = Extract<Job, { kind: 'dossier-in' }>;

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(-100) || 'tep';

/** Fetches, checks, keeps and records the file; the person is told either way. */
export async function runDossierIn(deps: FormJobDeps & { dossierDir: string }, row: { id: number; channel: Channel; createdAt: number }, job: DossierJob): Promise<void> {
  const { db, clock, log } = deps;
  const t = translator(job.locale);
  const fileName = job.file.name ?? 'ho-so.pdf';
  /** Writes the answer (computed in the transaction, with what it records) and closes the job. */
  const tell = (text: () => string) =>
    inTransaction(db, () => {
      writeJobMessages(db, row.id, job, [{ text: text() }], clock.now());
      finishJob(db, row.id, clock.now());
    });
  const movement = dossierMovement(db, job.movementId);
  const year = movement && dossierYear(db, movement);
  const before = movement && proposalDossier(db, movement, job.proposalId);
  if (!movement || !year || !before) return tell(() => t('dos-gone'));
  let bytes: Buffer;
  try {
    const fetch = deps.fetchers[row.channel];
    if (!fetch) throw new Error(`no file fetcher for ${row.channel}`);
    bytes = await fetch(job.file, MAX_DOSSIER_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof FileTooLarge)) log.warn('dossier file not fetched', { channel: row.channel, error: String(error) });
    const reason = error instanceof FileTooLarge ? 'too-big' : error instanceof FileSourceRefused ? 'source' : 'not-fetched';
    return tell(() => t('dos-file-refused', { name: fileName, reason }));
  }
  const checked = checkDossierFile(bytes, fileName);
  if ('refused' in checked) return tell(() => t('dos-file-refused', { name: fileName, reason: checked.refused }));
  const storedPath = join(deps.dossierDir, String(job.proposalId), `${row.createdAt}-${row.id}-${safeName(fileName)}`);
  mkdirSync(join(deps.dossierDir, String(job.proposalId)), { recursive: true });
  writeFileSync(storedPath, bytes);
  const label = dossierItemLabel(t, job.item, before.proposal.title, year.confirmations);
  try {
    tell(() => {
      const { dossier, late } = recordDossierFile(db, movement, job.personId, { proposalId: job.proposalId, item: job.item, fileName, storedPath, bytes: bytes.length, receivedAt: row.createdAt }, { personId: job.personId, label: `person:${job.personId}` });
      const missing = dossier.missing.map((item) => dossierItemLabel(t, item, dossier.proposal.title, year.confirmations));
      return t('dos-received', { item: label, name: fileName, late: late ? 'yes' : 'no', received: dossier.lines.length - dossier.missing.length, total: dossier.lines.length, missing: missing.join('; ') || '—' });
    });
  } catch (error) {
    // Refused by the rules now (no longer theirs, withdrawn meanwhile): nothing was recorded; the kept file stays.
    if (!(error instanceof DomainError)) throw error;
    tell(() => t(error.code, error.args));
  }
}
