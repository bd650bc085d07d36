/**
 * The figures of the Board's tổng hợp đề nghị khen thưởng for the Council: every proposal still
 * standing, by title, with the unit's cluster/block, its score and rank there, its cluster's vote
 * on it (approvals of all members against the threshold), the conditions a tool can check
 * (conditions.ts: met, not met, not declared, for people to judge) and its dossier's completeness.
 * The bot flags and computes; the Council and the Chairman decide.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { rowsStatement } from '../db/raw.ts';
import { proposals, yearEnds } from '../db/schema.ts';
import type { ProgressCounts } from '../domain/assessment.ts';
import type { Movement, ProposalTitle } from '../domain/model.ts';
import { checkConditions, declaredConditions, type ConditionCheck } from '../domain/year-end/conditions.ts';
import { awardedYearsByUnit } from '../domain/year-end/decisions.ts';
import { rankTotals, type Ranked } from '../domain/year-end/ranking.ts';
import { yearResultsOfUnits } from '../domain/year-end/results.ts';
import { scoringTablesByGroup } from '../domain/year-end/tables.ts';
import { groupTotals } from '../domain/year-end/totals.ts';
import { PROPOSAL_TITLES } from '../util/vocabulary.ts';
import { unitNames } from './cluster-data.ts';
import { closedVotes, type ClosedVote } from './closed-votes.ts';
import { dossierCompleteness, type DossierCompleteness } from './dossier-completeness.ts';

export interface ProposalLine {
  id: number;
  title: ProposalTitle;
  unitId: number;
  unitCode: string;
  unitName: string;
  /** The unit's cluster/block in this movement. */
  groupCode: string | null;
  groupName: string | null;
  /** Proposed by its cluster/block after a vote (Cờ, Bằng khen), not by the unit itself. */
  byGroup: boolean;
  total: number | null;
  rank: number | null;
  tied: boolean;
  vote: { approve: number; members: number; share: number; threshold: number; passes: boolean } | null;
  conditions: ConditionCheck[];
  dossier: DossierCompleteness;
}

export interface ProposalsData {
  year: number;
  titles: { title: ProposalTitle; lines: ProposalLine[] }[];
  total: number;
  complete: number;
  late: number;
  dossierDeadline: string | null;
  councilOn: string | null;
}

/** A unit's result in the vote that proposed it: the proposal's own vote, else its cluster's latest closed vote on the title naming it. */
function voteOf(votes: ClosedVote[], p: { title: ProposalTitle; unitId: number; voteId: number | null; groupId: number | null }) {
  const found = p.voteId !== null ? votes.find((v) => v.id === p.voteId) : votes.findLast((v) => v.title === p.title && v.candidates.some((c) => c.unitId === p.unitId));
  const c = found?.candidates.find((x) => x.unitId === p.unitId);
  return found && c ? { approve: c.approve, members: found.members.length, share: c.share, threshold: found.threshold, passes: c.passes } : null;
}

export function proposalsData(db: DbOrTx, movement: Movement): ProposalsData {
  const year = Number(movement.endsOn.slice(0, 4));
  const standing = db
    .select({ id: proposals.id, title: proposals.title, unitId: proposals.unitId, groupId: proposals.groupId, voteId: proposals.voteId, declared: proposals.declared })
    .from(proposals)
    .where(and(eq(proposals.movementId, movement.id), isNull(proposals.withdrawnAt)))
    .orderBy(asc(proposals.id))
    .all();
  const membership = new Map<number, { groupId: number; code: string; name: string }>();
  const members = rowsStatement(db, 'SELECT m.unit_id, g.id, g.code, g.name FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.movement_id = ?');
  for (const [unitId, groupId, code, name] of members.all(movement.id) as [number, number, string, string][]) membership.set(unitId, { groupId, code, name });
  // Each cluster's ranking, for the clusters whose units are proposed, read together. The year's
  // results are judged for the units that need them only: members whose lines leave a mapped
  // criterion empty (a sent sheet keeps what the results filled in), and the Cờ candidates (their
  // targets exceeded is a condition), together in one judging.
  const flagUnits = standing.filter((p) => p.title === 'co-thi-dua-ubnd-tinh').map((p) => p.unitId);
  let results: ReadonlyMap<number, ProgressCounts> | undefined;
  const judge = (unitIds: number[]) => (results = yearResultsOfUnits(db, movement, [...unitIds, ...flagUnits]));
  const proposedGroups = new Set(standing.map((p) => membership.get(p.unitId)?.groupId));
  const tables = new Map([...scoringTablesByGroup(db, movement.id)].filter(([groupId]) => proposedGroups.has(groupId)));
  const rankOf = new Map<number, Ranked>();
  for (const totals of groupTotals(db, tables, judge).values()) for (const r of rankTotals(totals)) rankOf.set(r.unitId, r);
  const yearResults = results ?? (flagUnits.length > 0 ? judge([]) : new Map<number, ProgressCounts>());
  const votes = closedVotes(db, movement.id);
  const votesOfGroup = new Map<number, ClosedVote[]>();
  for (const v of votes) votesOfGroup.set(v.groupId, [...(votesOfGroup.get(v.groupId) ?? []), v]);
  // Years the units were awarded Tập thể lao động xuất sắc, from the decisions recorded.
  const excellentYears = awardedYearsByUnit(db, 'tap-the-lao-dong-xuat-sac', year);
  const dossiers = dossierCompleteness(db, movement, standing.map((p) => p.id));
  const names = unitNames(db, standing.map((p) => p.unitId));
  const yearEnd = db.select({ deadline: yearEnds.dossierDeadline, council: yearEnds.councilOn }).from(yearEnds).where(eq(yearEnds.movementId, movement.id)).get();

  const lines: ProposalLine[] = standing.map((p) => {
    const group = membership.get(p.unitId);
    const rank = rankOf.get(p.unitId);
    const vote = voteOf(votesOfGroup.get(p.groupId ?? group?.groupId ?? -1) ?? [], p);
    // What the unit declared, read as the schema allows (a field kept wrong is left undeclared).
    const parsed = declaredConditions.safeParse(p.declared);
    const declared = parsed.success ? parsed.data : {};
    const conditions = checkConditions(p.title, declared, {
      inGroup: group !== undefined,
      ...(rank ? { rank: rank.rank } : {}),
      ...(vote ? { votePassed: vote.passes } : {}),
      ...(yearResults.has(p.unitId) ? { yearResults: yearResults.get(p.unitId)! } : {}),
      excellentYears: excellentYears.get(p.unitId) ?? [],
      year,
    });
    const unit = names.get(p.unitId);
    return {
      id: p.id,
      title: p.title,
      unitId: p.unitId,
      unitCode: unit?.code ?? String(p.unitId),
      unitName: unit?.name ?? String(p.unitId),
      groupCode: group?.code ?? null,
      groupName: group?.name ?? null,
      byGroup: p.groupId !== null,
      total: rank?.total ?? null,
      rank: rank?.rank ?? null,
      tied: rank?.tied ?? false,
      vote,
      conditions,
      dossier: dossiers.get(p.id)!,
    };
  });
  // localeCompare's own order (the default locale's collation), its collator made once for 5,900 lines.
  const compare = new Intl.Collator().compare;
  const byGroupThenRank = (a: ProposalLine, b: ProposalLine) =>
    compare(a.groupCode ?? '\uffff', b.groupCode ?? '\uffff') || (a.rank ?? Infinity) - (b.rank ?? Infinity) || compare(a.unitCode, b.unitCode);
  return {
    year,
    titles: PROPOSAL_TITLES.map((title) => ({ title, lines: lines.filter((l) => l.title === title).sort(byGroupThenRank) })).filter((x) => x.lines.length > 0),
    total: lines.length,
    complete: lines.filter((l) => l.dossier.complete).length,
    late: lines.filter((l) => l.dossier.late).length,
    dossierDeadline: yearEnd?.deadline ?? null,
    councilOn: yearEnd?.council ?? null,
  };
}
