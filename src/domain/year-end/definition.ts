/**
 * The `yearEnd` section of a movement file: how each cluster/block closes its year. Every number a
 * province sets (the scoring table, quotas, quorum, threshold, dates) is data here, never a
 * constant in code (DOMAIN.md, "The year's end").
 */
import { z } from 'zod';
import { code, isoDate } from '../definition-fields.ts';
import { isValidIsoDate } from '../vn-input.ts';

/** A share between 0 and 1 (0.8 is 80%). */
const share = z.number().gt(0, 'def-share').max(1, 'def-share');

/** How a criterion counts: points earned up to its maximum, points taken off, or points added. */
const CRITERION_KINDS = ['score', 'deduction', 'bonus'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/**
 * Criteria the year's results fill in: the share of the unit's targets that ended vượt or đạt
 * (`targets-reached`), or vượt only (`targets-exceeded`), times the criterion's maximum.
 */
const RESULT_SOURCES = ['targets-reached', 'targets-exceeded'] as const;

const criterion = z.object({
  code,
  /** The criteria group the line belongs to ("I. Thực hiện nhiệm vụ chính trị"). */
  section: z.string().trim().min(1),
  title: z.string().trim().min(1),
  kind: z.enum(CRITERION_KINDS).default('score'),
  /** The most points the line gives (a score or a bonus) or takes off (a deduction). */
  max: z.number().positive('def-positive').max(1000),
  fromResults: z.enum(RESULT_SOURCES).optional(),
});

const voteRule = z.object({
  /** Share of all members that must be present (or give a written opinion) to close the vote. */
  quorum: share.default(2 / 3),
  /** Share of ALL members (not of those voting) a candidate needs (Nghị định 98/2023 Art. 30.7). */
  threshold: share.default(0.8),
});
export type VoteRule = z.infer<typeof voteRule>;

const scoringTable = z.object({
  code,
  /** The clusters/blocks (group codes) that score by this table; a group has one table at most. */
  groups: z.array(code).min(1),
  criteria: z.array(criterion).min(1),
  quotas: z.object({
    /** Units the cluster may propose for Cờ thi đua của UBND tỉnh. */
    flag: z.number().int().min(0).default(1),
    /** Units it may propose for Bằng khen của Chủ tịch UBND tỉnh. */
    certificate: z.number().int().min(0).default(0),
  }),
  vote: voteRule.default({ quorum: 2 / 3, threshold: 0.8 }),
});

export const yearEndDefinition = z
  .object({
    dates: z.object({
      selfAssessment: isoDate,
      clusterMeeting: isoDate,
      dossierDeadline: isoDate,
      council: isoDate,
    }),
    tables: z.array(scoringTable).min(1),
    /** Confirmations every dossier carries besides the law's documents (police, tax, social insurance…). */
    confirmations: z.array(z.object({ code, title: z.string().trim().min(1) })).default([]),
  })
  .superRefine((ye, ctx) => {
    const d = ye.dates;
    const order = ['selfAssessment', 'clusterMeeting', 'dossierDeadline', 'council'] as const;
    if (order.every((k) => isValidIsoDate(d[k])))
      order.slice(1).forEach((k, i) => {
        if (d[k] < d[order[i]!]) ctx.addIssue({ code: 'custom', path: ['dates', k], message: 'def-year-end-date-order' });
      });
    const tableOfGroup = new Map<string, string>();
    ye.tables.forEach((table, ti) => {
      table.groups.forEach((group, gi) => {
        const other = tableOfGroup.get(group);
        if (other !== undefined)
          ctx.addIssue({ code: 'custom', path: ['tables', ti, 'groups', gi], message: 'def-group-two-tables', params: { group, table: other } });
        tableOfGroup.set(group, table.code);
      });
      const seen = new Set<string>();
      table.criteria.forEach((c, ci) => {
        if (seen.has(c.code))
          ctx.addIssue({ code: 'custom', path: ['tables', ti, 'criteria', ci, 'code'], message: 'def-duplicate', params: { what: 'criterion' } });
        seen.add(c.code);
        if (c.fromResults !== undefined && c.kind !== 'score')
          ctx.addIssue({ code: 'custom', path: ['tables', ti, 'criteria', ci, 'fromResults'], message: 'def-results-only-score' });
      });
    });
    const seenConfirmation = new Set<string>();
    ye.confirmations.forEach((c, ci) => {
      if (seenConfirmation.has(c.code))
        ctx.addIssue({ code: 'custom', path: ['confirmations', ci, 'code'], message: 'def-duplicate', params: { what: 'confirmation' } });
      seenConfirmation.add(c.code);
    });
    const seenTable = new Set<string>();
    ye.tables.forEach((table, ti) => {
      if (seenTable.has(table.code))
        ctx.addIssue({ code: 'custom', path: ['tables', ti, 'code'], message: 'def-duplicate', params: { what: 'table' } });
      seenTable.add(table.code);
    });
  });

export type YearEndDefinition = z.infer<typeof yearEndDefinition>;
type ScoringTableDefinition = YearEndDefinition['tables'][number];
export type CriterionDefinition = ScoringTableDefinition['criteria'][number];
