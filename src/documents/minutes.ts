/**
 * The cluster's Biên bản họp bình xét (the minutes of its bình xét meeting): the date, who took
 * part against the quorum, the members' scores and ranking (ties flagged, the legal preference
 * named, never applied), each candidate's votes as a share of ALL members against the threshold,
 * the absent members' written opinions, and the conclusions. The figures come from cluster-data.ts;
 * this is their layout. Signed by the secretary and by the head who chaired.
 */
import { DomainError } from '../domain/errors.ts';
import { TIE_PREFERENCE_SOURCE } from '../domain/year-end/ranking.ts';
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import type { ClusterDocumentData } from './cluster-data.ts';
import type { ClosedVote } from './closed-votes.ts';
import type { DocumentContext } from './common.ts';
import { body, documentTitle, grid, heading, nationalHeader, officialDocument, para, twoSignatures, type GridRow } from './layout.ts';
import { clusterHeader, clusterSigner, points, selfTotal, sharePercent, titleLabel, unitName } from './year-end-common.ts';

/** The minutes need a closed vote; the document bears the day the last one closed. */
export function minutesDate(data: ClusterDocumentData): string {
  const last = data.votes.at(-1);
  if (!last) throw new DomainError('err-doc-minutes-no-vote', { group: data.group.name });
  return last.closedOn;
}

function voteSection(ctx: DocumentContext, data: ClusterDocumentData, vote: ClosedVote, number: number) {
  const { t } = ctx;
  const a = vote.attendance;
  const needed = Math.ceil(vote.quorum * a.members - 1e-9);
  const out = [
    para(`${number}. ${titleLabel(t, vote.title)}`, { bold: true, italics: true, indent: 10, before: 6, after: 4, keepNext: true }),
    body(
      t('doc-ye-attendance', {
        members: a.members,
        present: a.present,
        written: a.written,
        taking: a.present + a.written,
        share: sharePercent((a.present + a.written) / Math.max(1, a.members)),
        quorum: sharePercent(vote.quorum),
        needed,
        met: a.quorumMet ? 'yes' : 'no',
        endsOn: formatVnDate(vote.endsOn),
      }),
    ),
    grid(
      ctx.rows,
      [
        { header: t('doc-col-index'), weight: 5, align: 'center' },
        { header: t('doc-col-unit'), weight: 27 },
        { header: t('doc-ye-col-total'), weight: 9, align: 'center' },
        { header: t('doc-ye-col-rank'), weight: 8, align: 'center' },
        { header: t('doc-ye-col-approve'), weight: 9, align: 'center' },
        { header: t('doc-ye-col-disapprove'), weight: 9, align: 'center' },
        { header: t('doc-ye-col-silent'), weight: 9, align: 'center' },
        { header: t('doc-ye-col-share'), weight: 12, align: 'center' },
        { header: t('doc-ye-col-outcome'), weight: 12, align: 'center' },
      ],
      vote.candidates.map((c, i) => ({
        cells: [
          formatVnNumber(i + 1),
          unitName(data, c.unitId),
          points(c.total),
          c.rank === null ? '' : formatVnNumber(c.rank),
          formatVnNumber(c.approve),
          formatVnNumber(c.disapprove),
          formatVnNumber(c.silent),
          t('doc-ye-share-of', { approve: c.approve, members: a.members, share: sharePercent(c.share) }),
          t('doc-ye-passes', { passes: c.passes ? 'yes' : 'no', threshold: sharePercent(vote.threshold) }),
        ],
      })),
    ),
  ];
  if (vote.written.length > 0) {
    out.push(para(t('doc-ye-written-heading'), { italics: true, indent: 10, before: 6, after: 2, keepNext: true }));
    for (const w of vote.written) {
      const names = (approve: boolean) => vote.candidates.filter((c) => w.approvals.get(c.unitId) === approve).map((c) => unitName(data, c.unitId)).join(', ') || '—';
      out.push(para(`- ${t('doc-ye-written-line', { unit: unitName(data, w.unitId), note: w.note, approve: names(true), disapprove: names(false) })}`, { align: 'justify', indent: 10, after: 2 }));
    }
  }
  if (vote.absent.length > 0) out.push(body(t('doc-ye-absent', { count: vote.absent.length, names: vote.absent.map((u) => unitName(data, u)).join('; ') })));
  return out;
}

export function minutesDocument(ctx: DocumentContext, data: ClusterDocumentData) {
  const { t, movement } = ctx;
  const year = movement.endsOn.slice(0, 4);
  const held = minutesDate(data);
  const head = unitName(data, data.group.headUnitId);
  const children = [
    nationalHeader(clusterHeader(ctx, data, t('doc-ye-minutes-number-kind'))),
    ...documentTitle(t('doc-ye-minutes-kind'), t('doc-ye-minutes-title', { year, group: data.group.name })),
    body(t('doc-ye-minutes-opening', { date: formatVnDate(held), group: data.group.name, year, head: head || '—', kind: data.group.kind })),
    heading(t('doc-ye-minutes-h-members')),
    body(t('doc-ye-minutes-members', { count: data.sheets.length, group: data.group.name })),
    heading(t('doc-ye-minutes-h-scores')),
    body(t('doc-ye-minutes-scores-intro', { table: data.table.code })),
    grid(
      ctx.rows,
      [
        { header: t('doc-col-index'), weight: 6, align: 'center' },
        { header: t('doc-col-unit'), weight: 40 },
        { header: t('doc-ye-col-self'), weight: 14, align: 'center' },
        { header: t('doc-ye-col-final'), weight: 14, align: 'center' },
        { header: t('doc-ye-col-rank'), weight: 10, align: 'center' },
        { header: t('doc-col-note'), weight: 16 },
      ],
      data.sheets.map(
        (s, i): GridRow => ({
          cells: [
            formatVnNumber(i + 1),
            unitName(data, s.unitId),
            points(selfTotal(data.table, s)),
            points(s.total),
            formatVnNumber(s.rank),
            [s.tied ? t('doc-ye-tied') : '', s.sentAt === null ? t('doc-ye-not-sent') : '', s.lines.some((l) => l.adjustment) ? t('doc-ye-adjusted') : ''].filter(Boolean).join('; '),
          ],
        }),
      ),
    ),
  ];
  if (data.sheets.some((s) => s.tied)) children.push(body(t('doc-ye-tie-note', { source: TIE_PREFERENCE_SOURCE }), { italics: true }));
  children.push(heading(t('doc-ye-minutes-h-vote')));
  data.votes.forEach((vote, i) => children.push(...voteSection(ctx, data, vote, i + 1)));

  children.push(heading(t('doc-ye-minutes-h-conclusion')));
  for (const vote of data.votes) {
    const passing = vote.candidates.filter((c) => c.passes).map((c) => unitName(data, c.unitId));
    const failing = vote.candidates.filter((c) => !c.passes).map((c) => unitName(data, c.unitId));
    const title = titleLabel(t, vote.title);
    if (passing.length > 0) children.push(body(t('doc-ye-conclusion-pass', { title, names: passing.join('; '), count: passing.length, threshold: sharePercent(vote.threshold), group: data.group.name })));
    if (failing.length > 0) children.push(body(t('doc-ye-conclusion-fail', { title, names: failing.join('; '), count: failing.length, threshold: sharePercent(vote.threshold) })));
    if (!vote.attendance.quorumMet) children.push(body(t('doc-ye-conclusion-no-quorum', { title, endsOn: formatVnDate(vote.endsOn) })));
  }
  children.push(body(t('doc-ye-minutes-closing', { group: data.group.name, standingBody: movement.standingBody ?? t('doc-default-standing-body') })));
  children.push(twoSignatures({ title: t('doc-ye-secretary'), name: null }, { title: t('doc-ye-chair'), name: clusterSigner(t, data).name }));
  return officialDocument({ title: t('doc-ye-minutes-title', { year, group: data.group.name }), subject: `${data.group.code} · ${movement.code}`, creator: t('doc-creator') }, [{ children }]);
}
