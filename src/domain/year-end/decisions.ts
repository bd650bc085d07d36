/**
 * The Chairman's decision on each proposal, as the Board records it: awarded or not, the decision's
 * number and date. The bot never decides; it records, tells the unit, and keeps the awarded titles
 * for the exports and for next year's registration ("earlier years").
 */
import { z } from 'zod';
import { and, asc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groups, movements, proposals, units } from '../../db/schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { DomainError } from '../errors.ts';
import type { DecisionOutcome, ProposalTitle } from '../model.ts';
import { DECISION_OUTCOMES } from '../../util/vocabulary.ts';
import { isValidIsoDate } from '../vn-input.ts';

/** A decision's number as printed on it ("125/QĐ-UBND"): a short line of letters, digits and / - . */
export const decisionNumber = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}/.\- ]*$/u);

const decisionInput = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  number: decisionNumber,
  decidedOn: z.string().refine(isValidIsoDate),
});
type DecisionInput = z.infer<typeof decisionInput>;

/**
 * Records (or corrects) the decision on a standing proposal of the movement; the audit keeps what
 * it replaced. Returns whether the unit is yet to be told (a correction of the outcome tells again).
 */
export function recordDecision(db: DbOrTx, movementId: number, proposalId: number, input: DecisionInput, actor: Actor, now: number): { unitId: number; title: ProposalTitle; tell: boolean } {
  const decision = decisionInput.parse(input);
  const before = db.select().from(proposals).where(and(eq(proposals.id, proposalId), eq(proposals.movementId, movementId))).get();
  if (!before || before.withdrawnAt !== null) throw new DomainError('err-decision-no-proposal');
  const tell = before.outcome !== decision.outcome || before.notifiedAt === null;
  db.update(proposals)
    .set({
      outcome: decision.outcome,
      decisionNumber: decision.number,
      decidedOn: decision.decidedOn,
      decisionRecordedBy: actor.personId ?? null,
      decisionRecordedAt: now,
      ...(tell ? { notifiedAt: now } : {}),
    })
    .where(eq(proposals.id, proposalId))
    .run();
  recordAudit(db, actor, now, {
    action: 'proposal.decision',
    entity: 'proposal',
    entityId: proposalId,
    before: { outcome: before.outcome, decisionNumber: before.decisionNumber, decidedOn: before.decidedOn },
    after: { outcome: decision.outcome, decisionNumber: decision.number, decidedOn: decision.decidedOn },
  });
  return { unitId: before.unitId, title: before.title, tell };
}

export interface DecisionRow {
  proposalId: number;
  unitCode: string;
  unitName: string;
  title: ProposalTitle;
  groupCode: string | null;
  outcome: DecisionOutcome | null;
  decisionNumber: string | null;
  decidedOn: string | null;
}

/** The movement's standing proposals with their decision (none yet: null), in the order proposed. */
export function movementDecisions(db: DbOrTx, movementId: number, onlyAwarded = false): DecisionRow[] {
  return db
    .select({
      proposalId: proposals.id,
      unitCode: units.code,
      unitName: units.name,
      title: proposals.title,
      groupCode: groups.code,
      outcome: proposals.outcome,
      decisionNumber: proposals.decisionNumber,
      decidedOn: proposals.decidedOn,
    })
    .from(proposals)
    .innerJoin(units, eq(units.id, proposals.unitId))
    .leftJoin(groups, eq(groups.id, proposals.groupId))
    .where(and(eq(proposals.movementId, movementId), isNull(proposals.withdrawnAt), onlyAwarded ? eq(proposals.outcome, 'awarded') : undefined))
    .orderBy(asc(proposals.id))
    .all();
}

/**
 * The years before `year` in which each unit (of `unitIds`, else every unit) was awarded `title`
 * (a decision recorded as awarded), newest first.
 */
export function awardedYearsByUnit(db: DbOrTx, title: string, year: number, unitIds?: readonly number[]): Map<number, number[]> {
  const rows = db
    .select({ unitId: proposals.unitId, endsOn: movements.endsOn })
    .from(proposals)
    .innerJoin(movements, eq(movements.id, proposals.movementId))
    .where(
      and(
        eq(proposals.title, title as ProposalTitle),
        eq(proposals.outcome, 'awarded'),
        isNotNull(proposals.decidedOn),
        isNull(proposals.withdrawnAt),
        lt(movements.endsOn, `${year}-01-01`),
        unitIds ? inArray(proposals.unitId, [...unitIds]) : undefined,
      ),
    )
    .all();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const years = out.get(r.unitId) ?? [];
    const y = Number(r.endsOn.slice(0, 4));
    if (!years.includes(y)) years.push(y);
    out.set(r.unitId, years);
  }
  for (const years of out.values()) years.sort((a, b) => b - a);
  return out;
}

/** The years before `year` in which the unit was awarded `title`, newest first. */
export const awardedYears = (db: DbOrTx, unitId: number, title: string, year: number): number[] => awardedYearsByUnit(db, title, year, [unitId]).get(unitId) ?? [];
