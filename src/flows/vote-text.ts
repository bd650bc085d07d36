/**
 * How a bình xét vote reads in chat: the ranking with ties flagged, a vote's state (attendance
 * against the quorum, who has taken part, never who voted how), one's own ballot, and after the
 * close each candidate's approvals as a share of all members against the threshold.
 */
import type { FlowContext } from '../chat/engine.ts';
import type { Translate } from '../i18n/index.ts';
import { getUnit } from '../domain/units.ts';
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import { TIE_PREFERENCE_SOURCE, type Ranked } from '../domain/year-end/ranking.ts';
import { groupVoteResults, ownGroupBallot, participation, voteAttendance, type StoredVote } from '../domain/year-end/votes-store.ts';

export const unitName = (ctx: FlowContext, unitId: number) => getUnit(ctx.db, unitId)?.name ?? `#${unitId}`;

const pct = (share: number) => `${formatVnNumber(share * 100, 1)}%`;

/** "1. TPND — 110 điểm", ties marked, the tie preference named once when any. */
export function rankingText(ctx: FlowContext, ranking: readonly Ranked[]): string {
  const lines = ranking.map((r) => ctx.t('vote-rank-line', { rank: r.rank, unit: unitName(ctx, r.unitId), total: formatVnNumber(r.total), tied: r.tied ? 'yes' : 'no' }));
  if (ranking.some((r) => r.tied)) lines.push(ctx.t('vote-tie-note', { source: TIE_PREFERENCE_SOURCE }));
  return lines.join('\n');
}

/** The vote's heading: title, state, end date, attendance against the quorum. */
function voteHeading(ctx: FlowContext, stored: StoredVote): string {
  const a = voteAttendance(stored);
  return ctx.t('vote-heading', {
    title: ctx.t(`title-${stored.row.title}`),
    closed: stored.row.closedOn === null ? 'no' : 'yes',
    endsOn: formatVnDate(stored.row.endsOn),
    closedOn: stored.row.closedOn === null ? '' : formatVnDate(stored.row.closedOn),
    present: a.present,
    written: a.written,
    members: a.members,
    quorum: pct(stored.row.quorum),
    quorumMet: a.quorumMet ? 'yes' : 'no',
  });
}

/** Each candidate with its total and rank when the vote opened. */
function candidatesText(ctx: FlowContext, stored: StoredVote): string {
  return stored.vote.candidates
    .map((unitId) => {
      const s = stored.standing.get(unitId);
      return ctx.t('vote-candidate-line', { unit: unitName(ctx, unitId), rank: s?.rank ?? '—', total: s?.total === null || s?.total === undefined ? '—' : formatVnNumber(s.total) });
    })
    .join('\n');
}

/** Who has taken part and who not yet: names only, no ballot. */
function participationText(ctx: FlowContext, stored: StoredVote): string {
  const p = participation(stored);
  const names = (ids: number[]) => (ids.length === 0 ? '—' : ids.map((id) => unitName(ctx, id)).join('; '));
  return ctx.t('vote-participation', { done: names(p.done), partly: names(p.partly), none: names(p.none) });
}

/** What the unit itself chose, candidate by candidate. */
function ownBallotText(ctx: FlowContext, stored: StoredVote, unitId: number): string {
  const own = ownGroupBallot(stored, unitId);
  return stored.vote.candidates
    .map((c) => ctx.t('vote-own-line', { unit: unitName(ctx, c), choice: own.has(c) ? (own.get(c) ? 'approve' : 'disapprove') : 'none' }))
    .join('\n');
}

/** After the close: each candidate's approvals of all members against the threshold; written opinions' notes. */
export function resultsText(ctx: FlowContext, stored: StoredVote, t: Translate = ctx.t): string {
  const lines = groupVoteResults(stored).map((r) =>
    t('vote-result-line', {
      unit: unitName(ctx, r.unitId),
      approve: r.approve,
      disapprove: r.disapprove,
      silent: r.silent,
      members: stored.vote.members.length,
      share: pct(r.share),
      threshold: pct(stored.row.threshold),
      passes: r.passes ? 'yes' : 'no',
    }),
  );
  for (const [unitId, note] of stored.notes) lines.push(t('vote-written-line', { unit: unitName(ctx, unitId), note }));
  return lines.join('\n');
}

/** The whole of what a member or the head may see of a vote now. */
export function voteText(ctx: FlowContext, stored: StoredVote, viewerUnitId: number | null): string {
  const parts = [voteHeading(ctx, stored), candidatesText(ctx, stored)];
  if (stored.row.closedOn === null) {
    parts.push(participationText(ctx, stored));
    if (viewerUnitId !== null && stored.vote.members.includes(viewerUnitId)) parts.push(`${ctx.t('vote-own-title')}\n${ownBallotText(ctx, stored, viewerUnitId)}`);
  } else parts.push(`${ctx.t('vote-results-title')}\n${resultsText(ctx, stored)}`);
  return parts.join('\n\n');
}
