import { z } from 'zod';
import { GROUP_KINDS, MOVEMENT_STATUSES, PERIOD_KINDS } from '../util/vocabulary.ts';
import { boardSettings } from './board-settings.ts';
import { isValidIsoDate } from './vn-input.ts';
import { UNIT_KINDS } from './model.ts';
import { yearEndDefinition } from './year-end/definition.ts';
import { code, isoDate } from './definition-fields.ts';

const unitDefinition = z.object({
  code,
  name: z.string().trim().min(1),
  kind: z.enum(UNIT_KINDS),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
});

const groupDefinition = z.object({
  code,
  kind: z.enum(GROUP_KINDS),
  name: z.string().trim().min(1),
  head: code.optional(),
  deputy: code.optional(),
  members: z.array(code).min(1),
  illustrative: z.boolean().default(false),
});

const periodDefinition = z.object({
  code,
  kind: z.enum(PERIOD_KINDS),
  starts: isoDate,
  ends: isoDate,
  due: isoDate,
});

const sampleTargetDefinition = z
  .object({
    unit: code,
    area: z.number().int().positive(),
    text: z.string().trim().min(1),
    kind: z.enum(['quantitative', 'qualitative']),
    measure: z.string().trim().min(1).optional(),
    planned: z.number().finite().optional(),
    comparison: z.enum(['at-least', 'at-most']).optional(),
  })
  .refine((t) => t.kind === 'qualitative' || (t.planned !== undefined && t.measure !== undefined), {
    message: 'def-quantitative-needs-plan',
  });

export const movementDefinition = z
  .object({
    about: z.string().optional(),
    movement: z.object({
      code,
      name: z.string().trim().min(1),
      province: z.string().optional(),
      theme: z.string().optional(),
      document: z
        .object({
          number: z.string().min(1),
          date: isoDate,
          issuer: z.string().optional(),
          signer: z.string().optional(),
          signerTitle: z.string().optional(),
        })
        .optional(),
      standingBody: z.string().optional(),
      /** Who issues the Board's documents and signs them (all optional). */
      board: boardSettings.optional(),
      starts: isoDate,
      ends: isoDate,
      registrationDeadline: isoDate,
      /** The year-end review closing the movement (targets may fall due up to it). */
      finalReview: isoDate.optional(),
      /** The movement's time zone; absent: the process's TZ (domain/time-zone.ts movementZone). */
      timezone: z.string().optional(),
      status: z.enum(MOVEMENT_STATUSES).default('open'),
      /** Which periods progress is reported for, when `reportingPeriods` does not list them. */
      reporting: z
        .object({
          kinds: z.array(z.enum(['month', 'quarter', 'half', 'year'])).min(1),
          dueDaysAfterEnd: z.number().int().min(0).max(60).default(10),
        })
        .default({ kinds: ['quarter', 'half', 'year'], dueDaysAfterEnd: 10 }),
    }),
    reportingPeriods: z.array(periodDefinition).optional(),
    contentAreas: z
      .array(z.object({ number: z.number().int().positive(), title: z.string().trim().min(1), titleEn: z.string().optional() }))
      .min(1),
    units: z.array(unitDefinition).default([]),
    groups: z.array(groupDefinition).default([]),
    sampleTargets: z.array(sampleTargetDefinition).default([]),
    /** How each cluster/block closes the year: scoring table, quotas, vote rule, dates. */
    yearEnd: yearEndDefinition.optional(),
  })
  .superRefine((def, ctx) => {
    const m = def.movement;
    // Date order is only worth checking between dates that are themselves valid.
    if ([m.starts, m.ends, m.registrationDeadline].some((d) => !isValidIsoDate(d))) return;
    if (m.ends < m.starts) ctx.addIssue({ code: 'custom', path: ['movement', 'ends'], message: 'def-ends-before-start' });
    if (m.registrationDeadline < m.starts || m.registrationDeadline > m.ends)
      ctx.addIssue({
        code: 'custom',
        path: ['movement', 'registrationDeadline'],
        message: 'def-deadline-outside',
      });
    if (m.finalReview !== undefined && isValidIsoDate(m.finalReview) && m.finalReview < m.ends)
      ctx.addIssue({ code: 'custom', path: ['movement', 'finalReview'], message: 'def-final-review-before-end' });
    duplicates(def.contentAreas.map((a) => a.number)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['contentAreas', i, 'number'], message: 'def-duplicate', params: { what: 'area' } }),
    );
    duplicates(def.units.map((u) => u.code)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['units', i, 'code'], message: 'def-duplicate', params: { what: 'unit' } }),
    );
    duplicates(def.groups.map((g) => g.code)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['groups', i, 'code'], message: 'def-duplicate', params: { what: 'group' } }),
    );
    const seenMember = new Map<string, string>();
    def.groups.forEach((g, gi) => {
      g.members.forEach((member, mi) => {
        const other = seenMember.get(member);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['groups', gi, 'members', mi],
            message: 'def-member-twice',
            params: { unit: member, group: other },
          });
        seenMember.set(member, g.code);
      });
      for (const role of ['head', 'deputy'] as const) {
        const unit = g[role];
        if (unit !== undefined && !g.members.includes(unit))
          ctx.addIssue({ code: 'custom', path: ['groups', gi, role], message: 'def-role-not-member', params: { unit } });
      }
    });
    const areaNumbers = new Set(def.contentAreas.map((a) => a.number));
    def.sampleTargets.forEach((t, i) => {
      if (!areaNumbers.has(t.area))
        ctx.addIssue({ code: 'custom', path: ['sampleTargets', i, 'area'], message: 'def-no-area', params: { area: t.area } });
    });
    def.reportingPeriods?.forEach((p, i) => {
      if (p.ends < p.starts) ctx.addIssue({ code: 'custom', path: ['reportingPeriods', i, 'ends'], message: 'def-ends-before-start' });
    });
    duplicates((def.reportingPeriods ?? []).map((p) => p.code)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['reportingPeriods', i, 'code'], message: 'def-duplicate', params: { what: 'period' } }),
    );
    const groupCodes = new Set(def.groups.map((g) => g.code));
    def.yearEnd?.tables.forEach((table, ti) =>
      table.groups.forEach((group, gi) => {
        if (!groupCodes.has(group))
          ctx.addIssue({ code: 'custom', path: ['yearEnd', 'tables', ti, 'groups', gi], message: 'def-no-group', params: { group } });
      }),
    );
  });

export type MovementDefinition = z.infer<typeof movementDefinition>;

/** Indexes of the elements that repeat an earlier one. */
function duplicates<T>(values: T[]): number[] {
  const seen = new Set<T>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
