/**
 * `/denghi` · `/propose`: proposals of titles.
 *   cluster head  after a closed vote, proposes the candidates that passed it (within the quota);
 *                 the proposed unit's liaisons are told.
 *   liaison       proposes its own unit for Tập thể lao động xuất sắc or tiên tiến; declares the
 *                 conditions of its unit's proposals (also those its cluster made for it).
 *   both          see each proposal's conditions as met / not met / not declared / for people to
 *                 judge, and withdraw a proposal.
 *   Board         reads every proposal with its conditions.
 * The bot flags and computes; it never decides a title.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import type { Proposal } from '../domain/model.ts';
import { liaisonsOf } from '../domain/scope.ts';
import { TASK_RATINGS, type DeclaredConditions } from '../domain/year-end/conditions.ts';
import {
  DECLARED_FIELDS,
  getProposal,
  mayChangeProposal,
  OWN_TITLES,
  proposalConditions,
  proposalsOfGroup,
  proposalsOfMovement,
  proposalsOfUnit,
  proposeFromVote,
  proposeOwn,
  saveDeclared,
  withdrawProposal,
} from '../domain/year-end/proposals.ts';
import { groupVoteResults, loadVote, votesOfGroup } from '../domain/year-end/votes-store.ts';
import { groupHeadedBy } from '../domain/year-end/groups.ts';
import { parseVnNumber } from '../domain/vn-input.ts';
import { skipChoice } from './common.ts';
import { unitName } from './vote-text.ts';

const data = z.object({
  groupId: z.number().int().optional(),
  proposalId: z.number().int().optional(),
  /** The declarations so far, and which one is asked. */
  declared: z.record(z.string(), z.unknown()).optional(),
  field: z.number().int().nonnegative().optional(),
});
type Data = z.infer<typeof data>;

const back = (ctx: FlowContext): Choice => ({ id: 'back', label: ctx.t('st-back') });
const actor = (ctx: FlowContext) => ({ role: ctx.person!.role, unitId: ctx.unit?.id ?? null });
const headedGroup = (ctx: FlowContext) => (ctx.person?.role === 'cluster_head' && ctx.unit ? groupHeadedBy(ctx.db, ctx.movement!.id, ctx.unit.id) : undefined);

/** The proposals the person works on: its group's and its own unit's. */
function myProposals(ctx: FlowContext, d: Data): Proposal[] {
  const out = new Map<number, Proposal>();
  if (d.groupId !== undefined) for (const p of proposalsOfGroup(ctx.db, ctx.movement!.id, d.groupId)) out.set(p.id, p);
  if (ctx.unit) for (const p of proposalsOfUnit(ctx.db, ctx.movement!.id, ctx.unit.id)) out.set(p.id, p);
  return [...out.values()].sort((a, b) => a.id - b.id);
}

/** The candidates of the group's closed votes that passed and are not proposed yet. */
function passedNotProposed(ctx: FlowContext, groupId: number): { voteId: number; unitId: number; title: string }[] {
  const proposed = new Set(proposalsOfGroup(ctx.db, ctx.movement!.id, groupId).map((p) => `${p.title}:${p.unitId}`));
  return votesOfGroup(ctx.db, groupId)
    .filter((v) => v.closedOn !== null)
    .flatMap((v) => groupVoteResults(loadVote(ctx.db, v.id)).filter((r) => r.passes && !proposed.has(`${v.title}:${r.unitId}`)).map((r) => ({ voteId: v.id, unitId: r.unitId, title: v.title })));
}

/** A proposal with its conditions, each with its status and source. */
function proposalText(ctx: FlowContext, proposal: Proposal): string {
  const lines = [ctx.t('prop-heading', { unit: unitName(ctx, proposal.unitId), title: ctx.t(`title-${proposal.title}`), cluster: proposal.groupId === null ? 'no' : 'yes' })];
  for (const c of proposalConditions(ctx.db, ctx.movement!, proposal))
    lines.push(ctx.t('prop-condition-line', { condition: ctx.t(`cond-${c.code}`), status: ctx.t('cond-status', { status: c.status }), source: c.source, practice: c.practice ? 'yes' : 'no' }));
  lines.push(ctx.t('prop-people-decide'));
  return lines.join('\n');
}

/** The question for one declaration: its choices, or a typed number. */
function declarationPrompt(ctx: FlowContext, field: keyof DeclaredConditions): { text: string; choices: Choice[]; numbered?: boolean } {
  const skip = skipChoice(ctx.t);
  switch (field) {
    case 'taskRating':
    case 'previousYearRating':
      return { text: ctx.t(`prop-ask-${field === 'taskRating' ? 'rating' : 'previous-rating'}`), choices: [...TASK_RATINGS.map((r) => ({ id: r, label: ctx.t('task-rating', { rating: r }) })), skip] };
    case 'disciplined':
    case 'pendingCase':
      return {
        text: ctx.t(field === 'disciplined' ? 'prop-ask-disciplined' : 'prop-ask-pending'),
        choices: [
          { id: 'yes', label: ctx.t('prop-yes') },
          { id: 'no', label: ctx.t('choice-no') },
          skip,
        ],
      };
    case 'membersCompletingShare':
    case 'advancedShare':
      return { text: ctx.t(field === 'advancedShare' ? 'prop-ask-advanced' : 'prop-ask-completing'), choices: [skip], numbered: false };
    case 'emulationSoldiers':
      return { text: ctx.t('prop-ask-soldiers'), choices: [skip], numbered: false };
  }
}

/** Reads the answer to one declaration: its value, undefined for "skip", or an error message. */
function readDeclaration(ctx: FlowContext, field: keyof DeclaredConditions, answer: { text?: string; choice?: Choice }): { value: unknown } | { error: string } {
  const id = answer.choice?.id;
  if (id === 'skip') return { value: undefined };
  switch (field) {
    case 'taskRating':
    case 'previousYearRating':
      return id && (TASK_RATINGS as readonly string[]).includes(id) ? { value: id } : { error: ctx.t('choice-expected') };
    case 'disciplined':
    case 'pendingCase':
      return id === 'yes' || id === 'no' ? { value: id === 'yes' } : { error: ctx.t('choice-expected') };
    case 'membersCompletingShare':
    case 'advancedShare': {
      const read = parseVnNumber(answer.text ?? '');
      if (read.kind !== 'ok' || read.value < 0 || read.value > 100) return { error: ctx.t('prop-share-invalid', { value: answer.text ?? '' }) };
      return { value: read.value / 100 };
    }
    case 'emulationSoldiers': {
      const read = parseVnNumber(answer.text ?? '');
      if (read.kind !== 'ok' || read.percent || !Number.isInteger(read.value) || read.value < 0 || read.value > 100_000) return { error: ctx.t('prop-count-invalid', { value: answer.text ?? '' }) };
      return { value: read.value };
    }
  }
}

function toDetail(d: Data, proposalId: number, note?: string): StepResult<Data> {
  return { kind: 'next', step: 'detail', data: { ...(d.groupId !== undefined ? { groupId: d.groupId } : {}), proposalId }, ...(note ? { note, saved: true } : {}) };
}

const steps: Record<string, Step<Data>> = {
  list: {
    prompt(ctx, d) {
      const mine = myProposals(ctx, d);
      const choices: Choice[] = [];
      if (d.groupId !== undefined)
        for (const c of passedNotProposed(ctx, d.groupId))
          choices.push({ id: `c:${c.voteId}:${c.unitId}`, label: ctx.t('prop-from-vote-button', { unit: unitName(ctx, c.unitId), title: ctx.t(`title-${c.title}`) }) });
      if (ctx.unit && ctx.person!.role === 'liaison' && !mine.some((p) => p.unitId === ctx.unit!.id && (OWN_TITLES as readonly string[]).includes(p.title)))
        for (const title of OWN_TITLES) choices.push({ id: `own:${title}`, label: ctx.t('prop-own-button', { title: ctx.t(`title-${title}`) }) });
      for (const p of mine) choices.push({ id: `p:${p.id}`, label: `${unitName(ctx, p.unitId)} — ${ctx.t(`title-${p.title}`)}` });
      return { text: mine.length === 0 ? ctx.t('prop-none') : ctx.t('prop-list', { count: mine.length }), choices };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id ?? '';
      if (id.startsWith('p:')) {
        const proposalId = Number(id.slice(2));
        if (!myProposals(ctx, d).some((p) => p.id === proposalId)) return { kind: 'invalid', message: ctx.t('err-proposal-not-yours') };
        return toDetail(d, proposalId);
      }
      if (id.startsWith('own:')) {
        const proposalId = proposeOwn(ctx.db, { movementId: ctx.movement!.id, unitId: ctx.unit!.id, title: id.slice(4), personId: ctx.person!.id, now: ctx.now });
        return { kind: 'next', step: 'declare', data: { ...d, proposalId, declared: {}, field: 0 }, note: ctx.t('prop-made', { title: ctx.t(`title-${id.slice(4)}`), unit: ctx.unit!.name }), saved: true };
      }
      if (id.startsWith('c:') && d.groupId !== undefined) {
        const [, voteId, unitId] = id.split(':').map(Number);
        const [proposalId] = proposeFromVote(ctx.db, { movementId: ctx.movement!.id, voteId: voteId!, unitIds: [unitId!], headUnitId: ctx.unit!.id, personId: ctx.person!.id, now: ctx.now });
        const proposal = getProposal(ctx.db, proposalId!);
        ctx.notify(liaisonsOf(ctx.db, unitId!), `proposal:${proposalId}:made`, 'prop-made-notice', { title: proposal.title, group: ctx.unit!.name }, (t) => [{ id: 'go:proposal', label: t('menu-proposal') }]);
        return toDetail(d, proposalId!, ctx.t('prop-made', { title: ctx.t(`title-${proposal.title}`), unit: unitName(ctx, unitId!) }));
      }
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  detail: {
    prompt(ctx, d) {
      const proposal = getProposal(ctx.db, d.proposalId!);
      const may = mayChangeProposal(ctx.db, proposal, actor(ctx)) && proposal.outcome === null;
      const choices: Choice[] = may
        ? [
            { id: 'declare', label: ctx.t('prop-declare-button') },
            { id: 'withdraw', label: ctx.t('prop-withdraw-button') },
          ]
        : [];
      return { text: proposalText(ctx, proposal), choices: [...choices, back(ctx)] };
    },
    handle(ctx, d, answer) {
      switch (answer.choice?.id) {
        case 'declare':
          return { kind: 'next', step: 'declare', data: { ...d, declared: { ...getProposal(ctx.db, d.proposalId!).declared }, field: 0 } };
        case 'withdraw':
          return { kind: 'next', step: 'withdraw', data: d };
        case 'back':
          return { kind: 'next', step: 'list', data: { ...(d.groupId !== undefined ? { groupId: d.groupId } : {}) } };
        default:
          return { kind: 'invalid', message: ctx.t('choice-expected') };
      }
    },
  },
  /** The unit's declarations, one question each; the answers are kept at the last. */
  declare: {
    progress: (d) => [(d.field ?? 0) + 1, null],
    prompt(ctx, d) {
      const proposal = getProposal(ctx.db, d.proposalId!);
      return declarationPrompt(ctx, DECLARED_FIELDS[proposal.title][d.field ?? 0]!);
    },
    handle(ctx, d, answer) {
      const proposal = getProposal(ctx.db, d.proposalId!);
      const fields = DECLARED_FIELDS[proposal.title];
      const field = fields[d.field ?? 0]!;
      const read = readDeclaration(ctx, field, answer);
      if ('error' in read) return { kind: 'invalid', message: read.error };
      const declared = { ...(d.declared ?? {}) };
      if (read.value === undefined) delete declared[field];
      else declared[field] = read.value;
      const next = (d.field ?? 0) + 1;
      if (next < fields.length) return { kind: 'next', step: 'declare', data: { ...d, declared, field: next } };
      saveDeclared(ctx.db, proposal.id, declared, actor(ctx));
      return { kind: 'done', message: `${ctx.t('prop-declared')}\n\n${proposalText(ctx, getProposal(ctx.db, proposal.id))}` };
    },
  },
  withdraw: {
    prompt: (ctx, d) => {
      const proposal = getProposal(ctx.db, d.proposalId!);
      return {
        text: ctx.t('prop-withdraw-confirm', { unit: unitName(ctx, proposal.unitId), title: ctx.t(`title-${proposal.title}`) }),
        choices: [
          { id: 'yes', label: ctx.t('prop-withdraw-button') },
          back(ctx),
        ],
      };
    },
    handle(ctx, d, answer) {
      if (answer.choice?.id === 'back') return toDetail(d, d.proposalId!);
      if (answer.choice?.id !== 'yes') return { kind: 'invalid', message: ctx.t('choice-expected') };
      withdrawProposal(ctx.db, d.proposalId!, actor(ctx), ctx.now);
      return { kind: 'done', message: ctx.t('prop-withdrawn') };
    },
  },
};

/** How many proposals the Board's chat lists by name; the rest, with every condition, are in the summary document. */
const BOARD_LISTED = 30;

/**
 * The Board's reading: the live proposals counted by title, the first ones by name. Each one's
 * conditions are in the Board's summary of proposals (/xuat), which a province's thousands of
 * proposals fit and a chat message does not.
 */
function boardOverview(ctx: FlowContext): string {
  const all = proposalsOfMovement(ctx.db, ctx.movement!.id);
  if (all.length === 0) return ctx.t('prop-none');
  const byTitle = new Map<string, number>();
  for (const p of all) byTitle.set(p.title, (byTitle.get(p.title) ?? 0) + 1);
  return [
    ctx.t('prop-board-heading', { count: all.length }),
    ...[...byTitle].map(([title, count]) => ctx.t('prop-board-count', { title: ctx.t(`title-${title}`), count })),
    '',
    ...all.slice(0, BOARD_LISTED).map((p) => ctx.t('prop-heading', { unit: unitName(ctx, p.unitId), title: ctx.t(`title-${p.title}`), cluster: p.groupId === null ? 'no' : 'yes' })),
    ...(all.length > BOARD_LISTED ? [ctx.t('prop-board-more', { count: all.length - BOARD_LISTED })] : []),
    '',
    ctx.t('prop-board-document'),
  ].join('\n');
}

export const proposalFlow = defineFlow<Data>({
  id: 'proposal',
  version: 1,
  schema: data,
  start(ctx) {
    const role = ctx.person!.role;
    if (role === 'admin' || role === 'viewer') return { kind: 'done', message: boardOverview(ctx) };
    const group = headedGroup(ctx);
    return { kind: 'start', step: 'list', data: group ? { groupId: group.id } : {} };
  },
  steps,
});
