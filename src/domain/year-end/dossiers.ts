/**
 * A proposal's dossier (Law Art. 84): the checklist the law asks — tờ trình, báo cáo thành tích,
 * and the biên bản (bình xét for an emulation title, xét khen thưởng for a commendation) — plus the
 * confirmations the movement lists; the files received for it (a later file for an item replaces
 * the earlier in the checklist, both kept); who may send; complete or not, and late when a file the
 * checklist counts came after the dossier deadline (kept all the same, and flagged).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { dossierFiles, groups, movements, people, proposals, units, yearEnds } from '../../db/schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { DomainError } from '../errors.ts';
import type { Proposal, ProposalTitle } from '../model.ts';
import { localDate } from '../vn-input.ts';
import type { Translate } from '../../i18n/index.ts';

/** The documents the law asks of every proposal, before the movement's confirmations. */
const LAW_ITEMS = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban'] as const;

const CONFIRMATION = 'confirmation:';

/** A commendation's minutes are of the "xét khen thưởng"; an emulation title's of the "bình xét". */
const isCommendation = (title: ProposalTitle) => title === 'bang-khen-ubnd-tinh';

interface Confirmation {
  code: string;
  title: string;
}

/** The checklist's item codes, in order: the law's three, then `confirmation:<code>` for each the movement lists. */
export function checklistItems(confirmations: readonly Confirmation[]): string[] {
  return [...LAW_ITEMS, ...confirmations.map((c) => `${CONFIRMATION}${c.code}`)];
}

/** The confirmation an item names, or undefined for one of the law's. */
function confirmationOf(item: string, confirmations: readonly Confirmation[]): Confirmation | undefined {
  return item.startsWith(CONFIRMATION) ? confirmations.find((c) => `${CONFIRMATION}${c.code}` === item) : undefined;
}

interface DossierYear {
  deadline: string;
  timezone: string;
  confirmations: Confirmation[];
}

/** The movement's dossier deadline and confirmations; undefined when its file has no year-end. */
export function dossierYear(db: DbOrTx, movement: { id: number; timezone: string }): DossierYear | undefined {
  const row = db.select({ deadline: yearEnds.dossierDeadline, confirmations: yearEnds.confirmations }).from(yearEnds).where(eq(yearEnds.movementId, movement.id)).get();
  return row ? { deadline: row.deadline, timezone: movement.timezone, confirmations: row.confirmations } : undefined;
}

/** The movement by id, as far as dossiers need it; undefined when it is gone. */
export function dossierMovement(db: DbOrTx, movementId: number): { id: number; timezone: string } | undefined {
  return db.select({ id: movements.id, timezone: movements.timezone }).from(movements).where(eq(movements.id, movementId)).get();
}

/** A file received after the deadline's day (in the movement's time zone) is late. */
const receivedLate = (year: DossierYear, receivedAt: number) => localDate(receivedAt, year.timezone) > year.deadline;

interface DossierLine {
  item: string;
  /** The latest file received for the item. */
  file?: { id: number; fileName: string; bytes: number; receivedAt: number; late: boolean };
}

type DossierStatus = 'complete' | 'late' | 'incomplete';

export interface Dossier {
  proposal: Pick<Proposal, 'id' | 'unitId' | 'title' | 'groupId' | 'voteId'>;
  unit: { id: number; code: string; name: string };
  group: { id: number; code: string; headUnitId: number | null } | null;
  lines: DossierLine[];
  /** Items still without a file. */
  missing: string[];
  /** Complete with every counted file by the deadline; complete with one after it; or items missing. */
  status: DossierStatus;
}

type ProposalRow = Dossier['proposal'] & { unitCode: string; unitName: string; groupCode: string | null; headUnitId: number | null };

function proposalRows(db: DbOrTx, movementId: number, proposalId?: number): ProposalRow[] {
  return db
    .select({
      id: proposals.id,
      unitId: proposals.unitId,
      title: proposals.title,
      groupId: proposals.groupId,
      voteId: proposals.voteId,
      unitCode: units.code,
      unitName: units.name,
      groupCode: groups.code,
      headUnitId: groups.headUnitId,
    })
    .from(proposals)
    .innerJoin(units, eq(units.id, proposals.unitId))
    .leftJoin(groups, eq(groups.id, proposals.groupId))
    .where(and(eq(proposals.movementId, movementId), isNull(proposals.withdrawnAt), proposalId === undefined ? undefined : eq(proposals.id, proposalId)))
    .orderBy(asc(proposals.id))
    .all();
}

function assemble(year: DossierYear, row: ProposalRow, files: (typeof dossierFiles.$inferSelect)[]): Dossier {
  const latest = new Map<string, (typeof files)[number]>();
  for (const f of files) {
    const kept = latest.get(f.item);
    if (!kept || f.receivedAt > kept.receivedAt || (f.receivedAt === kept.receivedAt && f.id > kept.id)) latest.set(f.item, f);
  }
  const lines = checklistItems(year.confirmations).map((item): DossierLine => {
    const f = latest.get(item);
    return f ? { item, file: { id: f.id, fileName: f.fileName, bytes: f.bytes, receivedAt: f.receivedAt, late: receivedLate(year, f.receivedAt) } } : { item };
  });
  const missing = lines.filter((l) => !l.file).map((l) => l.item);
  const status: DossierStatus = missing.length > 0 ? 'incomplete' : lines.some((l) => l.file!.late) ? 'late' : 'complete';
  return {
    proposal: { id: row.id, unitId: row.unitId, title: row.title, groupId: row.groupId, voteId: row.voteId },
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
    group: row.groupId === null ? null : { id: row.groupId, code: row.groupCode!, headUnitId: row.headUnitId },
    lines,
    missing,
    status,
  };
}

/** Every standing (not withdrawn) proposal's dossier in the movement, in the order proposed. */
export function movementDossiers(db: DbOrTx, movement: { id: number; timezone: string }): Dossier[] {
  const year = dossierYear(db, movement);
  if (!year) return [];
  const rows = proposalRows(db, movement.id);
  const files = new Map<number, (typeof dossierFiles.$inferSelect)[]>();
  for (const f of db.select().from(dossierFiles).innerJoin(proposals, eq(proposals.id, dossierFiles.proposalId)).where(eq(proposals.movementId, movement.id)).all()) {
    files.set(f.dossier_files.proposalId, [...(files.get(f.dossier_files.proposalId) ?? []), f.dossier_files]);
  }
  return rows.map((r) => assemble(year, r, files.get(r.id) ?? []));
}

/** One standing proposal's dossier; undefined when it is not one (withdrawn, another movement's, no year-end). */
export function proposalDossier(db: DbOrTx, movement: { id: number; timezone: string }, proposalId: number): Dossier | undefined {
  const year = dossierYear(db, movement);
  const row = year ? proposalRows(db, movement.id, proposalId)[0] : undefined;
  if (!year || !row) return undefined;
  return assemble(year, row, db.select().from(dossierFiles).where(eq(dossierFiles.proposalId, proposalId)).all());
}

interface Sender {
  role: string;
  unitId: number | null;
}

/** Who may send a dossier's files: the proposed unit's liaison, and for a cluster's proposal the head of that cluster. */
export function maySendDossier(person: Sender, dossier: Pick<Dossier, 'unit' | 'group'>): boolean {
  if (person.unitId === null) return false;
  if (person.role === 'liaison') return person.unitId === dossier.unit.id;
  if (person.role === 'cluster_head') return dossier.group !== null && dossier.group.headUnitId === person.unitId;
  return false;
}

/** The dossiers this person may send files for. */
export function dossiersToSend(db: DbOrTx, movement: { id: number; timezone: string }, person: Sender): Dossier[] {
  return movementDossiers(db, movement).filter((d) => maySendDossier(person, d));
}

interface ReceivedFile {
  proposalId: number;
  item: string;
  fileName: string;
  storedPath: string;
  bytes: number;
  receivedAt: number;
}

/**
 * Keeps a file received for a checklist item, after checking again (the job runs after the message)
 * that the proposal stands, the item is on its checklist and the person may send for it. Returns
 * the dossier as it stands with the file, and whether this file was late.
 */
export function recordDossierFile(db: DbOrTx, movement: { id: number; timezone: string }, personId: number, file: ReceivedFile, actor: Actor): { dossier: Dossier; late: boolean } {
  const dossier = proposalDossier(db, movement, file.proposalId);
  if (!dossier) throw new DomainError('err-dossier-not-found');
  const person = db.select({ role: people.role, unitId: people.unitId, active: people.active }).from(people).where(eq(people.id, personId)).get();
  if (!person?.active || !maySendDossier(person, dossier)) throw new DomainError('err-dossier-not-yours');
  if (!dossier.lines.some((l) => l.item === file.item)) throw new DomainError('err-dossier-item-unknown');
  const row = db.insert(dossierFiles).values({ ...file, receivedBy: personId }).returning({ id: dossierFiles.id }).get();
  recordAudit(db, actor, file.receivedAt, { action: 'dossier.file', entity: 'proposal', entityId: file.proposalId, after: { item: file.item, fileName: file.fileName, bytes: file.bytes, fileId: row.id } });
  const year = dossierYear(db, movement)!;
  return { dossier: proposalDossier(db, movement, file.proposalId)!, late: receivedLate(year, file.receivedAt) };
}

/** Counts of the Board's table: by status, per title and per cluster/block (a unit's own proposal under '—'). */
export function dossierTable(dossiers: readonly Dossier[]): { title: ProposalTitle; group: string | null; complete: number; late: number; incomplete: number }[] {
  const rows = new Map<string, { title: ProposalTitle; group: string | null; complete: number; late: number; incomplete: number }>();
  for (const d of dossiers) {
    const key = `${d.proposal.title}|${d.group?.code ?? ''}`;
    const row = rows.get(key) ?? { title: d.proposal.title, group: d.group?.code ?? null, complete: 0, late: 0, incomplete: 0 };
    row[d.status]++;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** An item's name in the person's language: the law's from locales/, a confirmation by the movement's own title. */
export function dossierItemLabel(t: Translate, item: string, title: ProposalTitle, confirmations: readonly Confirmation[]): string {
  const confirmation = confirmationOf(item, confirmations);
  if (confirmation) return confirmation.title;
  return t(`dossier-item-${item}`, { commendation: isCommendation(title) ? 'yes' : 'no' });
}

/** Files in, items in all, and the state: what the documents' summary needs of a proposal's dossier. */
export function dossierCompleteness(dossier: Dossier): { received: number; total: number; status: DossierStatus } {
  return { received: dossier.lines.length - dossier.missing.length, total: dossier.lines.length, status: dossier.status };
}
