/**
 * The figures of a cluster/block's year-end documents (the minutes of its bình xét meeting, its
 * tờ trình, its scoring table): its members' score sheets with their totals and ranking (the head's
 * adjustments counted), its closed votes, its proposals. Read in one go; laid out in
 * year-end-documents.ts.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { rowsStatement } from '../db/raw.ts';
import { groups, proposals, yearEnds } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import type { Movement, ProposalTitle } from '../domain/model.ts';
import { unitSigner, type UnitSigner } from '../domain/unit-signer.ts';
import type { Ranked } from '../domain/year-end/ranking.ts';
import { yearResultsByUnit } from '../domain/year-end/results.ts';
import type { ScoringTable } from '../domain/year-end/scoring.ts';
import { groupRanking, groupSheets, type StoredSheet } from '../domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../domain/year-end/store.ts';
import { PROPOSAL_TITLES } from '../util/vocabulary.ts';
import { closedVotes, type ClosedVote } from './closed-votes.ts';

interface ClusterGroup {
  id: number;
  code: string;
  name: string;
  kind: 'cum' | 'khoi';
  headUnitId: number | null;
}

export interface ClusterDocumentData {
  group: ClusterGroup;
  table: ScoringTable;
  /** Names of the units the documents speak of, by id. */
  units: ReadonlyMap<number, { code: string; name: string }>;
  /** Every member's sheet, best first (the ranking's order), with its rank. */
  sheets: (StoredSheet & Ranked)[];
  votes: ClosedVote[];
  /** The group's proposals still standing, in title order. */
  proposals: { id: number; title: ProposalTitle; unitId: number; voteId: number | null }[];
  clusterMeetingBy: string | null;
  /** Who signs for the cluster: its head unit's signer. */
  headSigner: UnitSigner | null;
}

/** The cluster/block of the movement by code, refused with the codes there are. */
export function findGroup(db: DbOrTx, movement: Pick<Movement, 'id' | 'code'>, code: string | undefined): ClusterGroup {
  const all = db
    .select({ id: groups.id, code: groups.code, name: groups.name, kind: groups.kind, headUnitId: groups.headUnitId })
    .from(groups)
    .where(eq(groups.movementId, movement.id))
    .orderBy(asc(groups.code))
    .all();
  const found = code ? all.find((g) => g.code.toUpperCase() === code.trim().toUpperCase()) : undefined;
  if (!found) throw new DomainError(code ? 'err-doc-cluster-unknown' : 'err-doc-cluster-needed', { code: code ?? '', groups: all.map((g) => g.code).join(', ') || '—' });
  return found;
}

/** The group by id within the movement (what a chat job names). */
export function groupById(db: DbOrTx, movement: Pick<Movement, 'id' | 'code'>, groupId: number): ClusterGroup {
  const found = db
    .select({ id: groups.id, code: groups.code, name: groups.name, kind: groups.kind, headUnitId: groups.headUnitId })
    .from(groups)
    .where(and(eq(groups.movementId, movement.id), eq(groups.id, groupId)))
    .get();
  if (!found) throw new DomainError('err-doc-cluster-unknown', { code: String(groupId), groups: '—' });
  return found;
}

/** Names of the units by id (read as arrays, the ids one JSON parameter: the Board's summary names 5,900). */
export function unitNames(db: DbOrTx, ids: Iterable<number>): Map<number, { code: string; name: string }> {
  const out = new Map<number, { code: string; name: string }>();
  for (const [id, code, name] of rowsStatement(db, 'SELECT id, code, name FROM units WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(ids)])) as [number, string, string][])
    out.set(id, { code, name });
  return out;
}

export function clusterData(db: DbOrTx, movement: Movement, group: ClusterGroup): ClusterDocumentData {
  const table = scoringTableOfGroup(db, group.id);
  if (!table) throw new DomainError('err-doc-cluster-no-table', { code: group.code });
  const sheets = groupSheets(db, table, group.id, yearResultsByUnit(db, movement));
  const sheetOf = new Map(sheets.map((s) => [s.unitId, s]));
  const ranked = groupRanking(sheets).map((r) => ({ ...sheetOf.get(r.unitId)!, ...r }));
  const votes = closedVotes(db, movement.id, group.id);
  const order = (t: ProposalTitle) => PROPOSAL_TITLES.indexOf(t);
  const standing = db
    .select({ id: proposals.id, title: proposals.title, unitId: proposals.unitId, voteId: proposals.voteId })
    .from(proposals)
    .where(and(eq(proposals.movementId, movement.id), eq(proposals.groupId, group.id), isNull(proposals.withdrawnAt)))
    .orderBy(asc(proposals.id))
    .all()
    .sort((a, b) => order(a.title) - order(b.title));
  const yearEnd = db.select({ meeting: yearEnds.clusterMeetingBy }).from(yearEnds).where(eq(yearEnds.movementId, movement.id)).get();
  const ids = [...sheets.map((s) => s.unitId), ...votes.flatMap((v) => v.members), ...standing.map((p) => p.unitId), ...(group.headUnitId ? [group.headUnitId] : [])];
  return {
    group,
    table,
    units: unitNames(db, ids),
    sheets: ranked,
    votes,
    proposals: standing,
    clusterMeetingBy: yearEnd?.meeting ?? null,
    headSigner: group.headUnitId ? unitSigner(db, group.headUnitId) : null,
  };
}
