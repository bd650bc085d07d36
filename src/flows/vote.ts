/**
 * `/binhxet` · `/vote`: the bình xét vote of a cluster/block.
 *   cluster head  opens a vote for Cờ or Bằng khen on candidates (the top of the ranking up to the
 *                 quota by default, ties at the edge flagged; the list may be changed) with an end
 *                 date; records an absent member's written opinion with a note; closes it (with the
 *                 quorum, or from the end date); votes for its own unit as any member.
 *   member        votes once per candidate (approve / not); sees its own ballot only.
 *   Board         reads every vote (attendance while open, the results once closed).
 * Members' liaisons are told when a vote opens and when it closes (with the results), the Board too.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { liaisonsOf } from '../domain/scope.ts';
import { formatVnDate, formatVnNumber, parseVnDate } from '../domain/vn-input.ts';
import { castGroupBallot, closeGroupVote, defaultCandidates, isVoteTitle, loadVote, openGroupVote, ownGroupBallot, participation, recordAbsentOpinion, votesOfGroup, votesOfMember, votesOfMovement, VOTE_TITLES, type StoredVote } from '../domain/year-end/votes-store.ts';
import { getGroup, groupHeadedBy, groupOfMember } from '../domain/year-end/groups.ts';
import { groupMemberIds } from '../domain/year-end/sheets.ts';
import { cleanText } from '../domain/text-input.ts';
import { adminIds } from './common.ts';
import { today } from './late-owing.ts';
import { rankingText, resultsText, unitName, voteText } from './vote-text.ts';

const data = z.object({
  groupId: z.number().int().optional(),
  voteId: z.number().int().optional(),
  title: z.enum(VOTE_TITLES).optional(),
  candidates: z.array(z.number().int()).optional(),
  absent: z.number().int().optional(),
  /** The absent member's opinion so far, candidate by candidate. */
  approvals: z.array(z.tuple([z.number().int(), z.enum(['yes', 'no', 'none'])])).optional(),
});
type Data = z.infer<typeof data>;

const back = (ctx: FlowContext): Choice => ({ id: 'back', label: ctx.t('st-back') });
const isHead = (ctx: FlowContext) => ctx.person?.role === 'cluster_head' && ctx.unit !== null && groupHeadedBy(ctx.db, ctx.movement!.id, ctx.unit.id) !== undefined;
const by = (ctx: FlowContext) => ({ personId: ctx.person?.id ?? null, now: ctx.now });

/** The votes the person acts in: the group it heads, else the votes its unit is a member of. */
function myVotes(ctx: FlowContext, d: Data) {
  return d.groupId !== undefined ? votesOfGroup(ctx.db, d.groupId) : votesOfMember(ctx.db, ctx.unit!.id);
}

/** A vote the person may see: the head's group's, or one its unit is a member of. */
function visibleVote(ctx: FlowContext, d: Data, voteId: number): StoredVote | undefined {
  if (!myVotes(ctx, d).some((v) => v.id === voteId)) return undefined;
  return loadVote(ctx.db, voteId);
}

/** The next candidate the unit has not voted on yet; undefined when done (or a written opinion stands for it). */
function nextCandidate(stored: StoredVote, unitId: number): number | undefined {
  if (stored.row.closedOn !== null || stored.vote.written.has(unitId)) return undefined;
  const own = ownGroupBallot(stored, unitId);
  return stored.vote.candidates.find((c) => !own.has(c));
}

function tellMembers(ctx: FlowContext, stored: StoredVote, event: 'opened' | 'closed'): void {
  const people = stored.vote.members.flatMap((unitId) => liaisonsOf(ctx.db, unitId));
  const args = { title: stored.row.title, group: getGroup(ctx.db, stored.row.groupId)?.name ?? '' };
  if (event === 'opened') {
    ctx.notify(people, `vote:${stored.row.id}:opened`, 'vote-opened-notice', { ...args, candidates: stored.vote.candidates.map((c) => unitName(ctx, c)).join('; '), endsOn: formatVnDate(stored.row.endsOn) }, (t) => [
      { id: 'go:vote', label: t('menu-vote') },
    ]);
    return;
  }
  ctx.notify([...new Set([...people, ...adminIds(ctx)])], `vote:${stored.row.id}:closed`, 'vote-closed-notice', (t) => ({ ...args, results: resultsText(ctx, stored, t) }));
}

const steps: Record<string, Step<Data>> = {
  /** The list of votes: the head's group's (with opening), or the unit's. */
  list: {
    prompt(ctx, d) {
      const rows = myVotes(ctx, d);
      const choices: Choice[] = [];
      if (d.groupId !== undefined) for (const title of VOTE_TITLES) choices.push({ id: `open:${title}`, label: ctx.t('vote-open-button', { title: ctx.t(`title-${title}`) }) });
      for (const row of rows) choices.push({ id: `v:${row.id}`, label: ctx.t('vote-list-button', { title: ctx.t(`title-${row.title}`), closed: row.closedOn === null ? 'no' : 'yes' }) });
      return { text: rows.length === 0 ? ctx.t('vote-none') : ctx.t('vote-list', { count: rows.length }), choices };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id ?? '';
      if (id.startsWith('open:') && d.groupId !== undefined) {
        const title = id.slice(5);
        if (!isVoteTitle(title)) return { kind: 'invalid', message: ctx.t('choice-expected') };
        const found = defaultCandidates(ctx.db, ctx.movement!, d.groupId, title);
        return { kind: 'next', step: 'candidates', data: { ...d, title, candidates: found.candidates } };
      }
      if (id.startsWith('v:')) return openVoteStep(ctx, d, Number(id.slice(2)));
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  /** Opening: the ranking, the default candidates; a member pressed is added or taken off. */
  candidates: {
    prompt(ctx, d) {
      const found = defaultCandidates(ctx.db, ctx.movement!, d.groupId!, d.title!);
      const chosen = new Set(d.candidates ?? []);
      const text = [
        ctx.t('vote-candidates-intro', { title: ctx.t(`title-${d.title!}`), quota: found.quota }),
        rankingText(ctx, found.ranking),
        ...(found.tiedAtEdge.length > 0 ? [ctx.t('vote-tied-at-edge', { units: found.tiedAtEdge.map((id) => unitName(ctx, id)).join('; ') })] : []),
        ctx.t('vote-candidates-chosen', { count: chosen.size, units: [...chosen].map((id) => unitName(ctx, id)).join('; ') }),
      ].join('\n\n');
      const members = groupMemberIds(ctx.db, d.groupId!);
      const choices: Choice[] = members.map((unitId) => ({ id: `u:${unitId}`, label: `${chosen.has(unitId) ? '☑' : '☐'} ${unitName(ctx, unitId)}` }));
      choices.push({ id: 'ok', label: ctx.t('vote-candidates-ok') }, back(ctx));
      return { text, choices };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id ?? '';
      if (id === 'back') return { kind: 'next', step: 'list', data: { groupId: d.groupId } };
      if (id === 'ok') {
        if ((d.candidates ?? []).length === 0) return { kind: 'invalid', message: ctx.t('err-vote-no-candidate') };
        return { kind: 'next', step: 'ends', data: d };
      }
      if (id.startsWith('u:')) {
        const unitId = Number(id.slice(2));
        const current = d.candidates ?? [];
        const candidates = current.includes(unitId) ? current.filter((c) => c !== unitId) : [...current, unitId];
        return { kind: 'next', step: 'candidates', data: { ...d, candidates } };
      }
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  /** Opening: the last day ballots are taken, typed dd/mm/yyyy. */
  ends: {
    prompt: (ctx) => ({ text: ctx.t('vote-ends-prompt'), choices: [back(ctx)], numbered: false }),
    handle(ctx, d, answer) {
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'candidates', data: d };
      const read = parseVnDate(answer.text ?? '', Number(today(ctx).slice(0, 4)));
      if (read.kind !== 'ok') return { kind: 'invalid', message: ctx.t('vote-ends-invalid', { value: answer.text ?? '' }) };
      const { ranking } = defaultCandidates(ctx.db, ctx.movement!, d.groupId!, d.title!);
      const voteId = openGroupVote(ctx.db, { groupId: d.groupId!, title: d.title!, candidates: d.candidates!, endsOn: read.date, headUnitId: ctx.unit!.id, personId: ctx.person!.id, today: today(ctx), now: ctx.now, ranking });
      const stored = loadVote(ctx.db, voteId);
      tellMembers(ctx, stored, 'opened');
      return { kind: 'next', step: 'manage', data: { groupId: d.groupId, voteId }, note: ctx.t('vote-opened'), saved: true };
    },
  },
  /** One vote: its state; the head's actions, the member's ballot. */
  manage: {
    prompt(ctx, d) {
      const stored = loadVote(ctx.db, d.voteId!);
      const open = stored.row.closedOn === null;
      const choices: Choice[] = [];
      if (nextCandidate(stored, ctx.unit!.id) !== undefined) choices.push({ id: 'ballot', label: ctx.t('vote-ballot-button') });
      if (open && d.groupId !== undefined) {
        if (participation(stored).none.length > 0) choices.push({ id: 'absent', label: ctx.t('vote-absent-button') });
        choices.push({ id: 'close', label: ctx.t('vote-close-button') });
      }
      choices.push(back(ctx));
      return { text: voteText(ctx, stored, ctx.unit!.id), choices };
    },
    handle(ctx, d, answer) {
      switch (answer.choice?.id) {
        case 'ballot':
          return { kind: 'next', step: 'ballot', data: d };
        case 'absent':
          return { kind: 'next', step: 'absent', data: d };
        case 'close': {
          closeGroupVote(ctx.db, d.voteId!, ctx.unit!.id, today(ctx), by(ctx));
          const stored = loadVote(ctx.db, d.voteId!);
          tellMembers(ctx, stored, 'closed');
          return { kind: 'done', message: `${ctx.t('vote-closed')}\n\n${voteText(ctx, stored, ctx.unit!.id)}` };
        }
        case 'back':
          return { kind: 'next', step: 'list', data: { ...(d.groupId !== undefined ? { groupId: d.groupId } : {}) } };
        default:
          return { kind: 'invalid', message: ctx.t('choice-expected') };
      }
    },
  },
  /** The unit's ballot, candidate by candidate. */
  ballot: {
    prompt(ctx, d) {
      const stored = loadVote(ctx.db, d.voteId!);
      // Closed while the unit was still voting (its answer refused): the results, not "your ballot is complete".
      if (stored.row.closedOn !== null) return { text: voteText(ctx, stored, ctx.unit!.id), choices: [back(ctx)] };
      const candidate = nextCandidate(stored, ctx.unit!.id);
      if (candidate === undefined) return { text: ctx.t('vote-ballot-done'), choices: [back(ctx)] };
      const s = stored.standing.get(candidate);
      return {
        text: ctx.t('vote-ballot-prompt', { title: ctx.t(`title-${stored.row.title}`), unit: unitName(ctx, candidate), rank: s?.rank ?? '—', total: s?.total === null || s?.total === undefined ? '—' : formatVnNumber(s.total) }),
        choices: [
          { id: `yes:${candidate}`, label: ctx.t('vote-approve') },
          { id: `no:${candidate}`, label: ctx.t('vote-disapprove') },
        ],
      };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id ?? '';
      if (id === 'back') return { kind: 'next', step: 'manage', data: d };
      const [choice, candidate] = id.split(':');
      if ((choice !== 'yes' && choice !== 'no') || candidate === undefined) return { kind: 'invalid', message: ctx.t('choice-expected') };
      castGroupBallot(ctx.db, d.voteId!, ctx.unit!.id, Number(candidate), choice === 'yes', by(ctx));
      const stored = loadVote(ctx.db, d.voteId!);
      const note = ctx.t('vote-ballot-kept', { unit: unitName(ctx, Number(candidate)), choice: choice === 'yes' ? 'approve' : 'disapprove' });
      if (nextCandidate(stored, ctx.unit!.id) === undefined) return { kind: 'next', step: 'manage', data: d, note: `${note}\n${ctx.t('vote-ballot-done')}`, saved: true };
      return { kind: 'next', step: 'ballot', data: d, note, saved: true };
    },
  },
  /** The head: which absent member gave a written opinion. */
  absent: {
    prompt(ctx, d) {
      const stored = loadVote(ctx.db, d.voteId!);
      const choices: Choice[] = participation(stored).none.map((unitId) => ({ id: `u:${unitId}`, label: unitName(ctx, unitId) }));
      return { text: ctx.t('vote-absent-prompt'), choices: [...choices, back(ctx)] };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id ?? '';
      if (id === 'back') return { kind: 'next', step: 'manage', data: d };
      if (!id.startsWith('u:')) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'opinion', data: { ...d, absent: Number(id.slice(2)), approvals: [] } };
    },
  },
  /** The head: the absent member's opinion on each candidate, as its letter says. */
  opinion: {
    prompt(ctx, d) {
      const stored = loadVote(ctx.db, d.voteId!);
      const candidate = stored.vote.candidates[(d.approvals ?? []).length]!;
      return {
        text: ctx.t('vote-opinion-prompt', { absent: unitName(ctx, d.absent!), unit: unitName(ctx, candidate) }),
        choices: [
          { id: 'yes', label: ctx.t('vote-approve') },
          { id: 'no', label: ctx.t('vote-disapprove') },
          { id: 'none', label: ctx.t('vote-no-opinion') },
        ],
      };
    },
    handle(ctx, d, answer) {
      const id = answer.choice?.id;
      if (id !== 'yes' && id !== 'no' && id !== 'none') return { kind: 'invalid', message: ctx.t('choice-expected') };
      const stored = loadVote(ctx.db, d.voteId!);
      const candidate = stored.vote.candidates[(d.approvals ?? []).length]!;
      const approvals: [number, 'yes' | 'no' | 'none'][] = [...(d.approvals ?? []), [candidate, id]];
      const step = approvals.length < stored.vote.candidates.length ? 'opinion' : 'note';
      return { kind: 'next', step, data: { ...d, approvals } };
    },
  },
  /** The head: the note on the written opinion (its letter's number and date…). */
  note: {
    prompt: (ctx, d) => ({ text: ctx.t('vote-note-prompt', { absent: unitName(ctx, d.absent!) }) }),
    handle(ctx, d, answer) {
      const note = cleanText(answer.text ?? '');
      if (note.length < 3 || note.length > 1000) return { kind: 'invalid', message: ctx.t('vote-note-expected') };
      // "No opinion" on a candidate is kept as nothing: the member is silent on it.
      const approvals = new Map((d.approvals ?? []).filter(([, a]) => a !== 'none').map(([c, a]) => [c, a === 'yes'] as const));
      recordAbsentOpinion(ctx.db, d.voteId!, ctx.unit!.id, d.absent!, approvals, note, by(ctx));
      return { kind: 'next', step: 'manage', data: { groupId: d.groupId, voteId: d.voteId }, note: ctx.t('vote-opinion-kept', { absent: unitName(ctx, d.absent!) }), saved: true };
    },
  },
};

/** Opens one vote: for a member with candidates left, straight to its ballot. */
function openVoteStep(ctx: FlowContext, d: Data, voteId: number): StepResult<Data> {
  const stored = visibleVote(ctx, d, voteId);
  if (!stored) return { kind: 'invalid', message: ctx.t('err-vote-unknown') };
  return { kind: 'next', step: 'manage', data: { ...d, voteId } };
}

/** The Board's reading: every vote of the movement, attendance while open, results once closed. */
function boardOverview(ctx: FlowContext): string {
  const rows = votesOfMovement(ctx.db, ctx.movement!.id);
  if (rows.length === 0) return ctx.t('vote-none');
  return rows.map((row) => `${row.groupCode}\n${voteText(ctx, loadVote(ctx.db, row.id), null)}`).join('\n\n———\n\n');
}

export const voteFlow = defineFlow<Data>({
  id: 'vote',
  version: 1,
  schema: data,
  start(ctx) {
    const role = ctx.person!.role;
    if (role === 'admin' || role === 'viewer') return { kind: 'done', message: boardOverview(ctx) };
    if (isHead(ctx)) return { kind: 'start', step: 'list', data: { groupId: groupHeadedBy(ctx.db, ctx.movement!.id, ctx.unit!.id)!.id } };
    if (!groupOfMember(ctx.db, ctx.movement!.id, ctx.unit!.id) && votesOfMember(ctx.db, ctx.unit!.id).length === 0) return { kind: 'refuse', message: ctx.t('vote-no-group') };
    const rows = votesOfMember(ctx.db, ctx.unit!.id);
    if (rows.length === 0) return { kind: 'done', message: ctx.t('vote-none') };
    const pending = rows.filter((r) => nextCandidate(loadVote(ctx.db, r.id), ctx.unit!.id) !== undefined);
    if (rows.length === 1 || pending.length === 1) {
      const voteId = (pending[0] ?? rows[0]!).id;
      return { kind: 'start', step: pending.length === 1 ? 'ballot' : 'manage', data: { voteId } };
    }
    return { kind: 'start', step: 'list', data: {} };
  },
  steps,
});

