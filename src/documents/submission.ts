/**
 * The cluster's Tờ trình đề nghị khen thưởng: the units its bình xét passed and it proposes, by
 * title (Cờ thi đua, Bằng khen), each with its score, rank and the vote's share of all members,
 * addressed to the provincial Council through the standing body, signed for the cluster by its
 * head. The figures come from cluster-data.ts; this is their layout.
 */
import { DomainError } from '../domain/errors.ts';
import { formatVnDate, formatVnNumber } from '../domain/vn-input.ts';
import type { ClusterDocumentData } from './cluster-data.ts';
import type { DocumentContext } from './common.ts';
import { body, documentTitle, grid, nationalHeader, officialDocument, para, signatureBlock } from './layout.ts';
import { clusterHeader, clusterSigner, points, sharePercent, titleLabel, unitName } from './year-end-common.ts';

export function submissionDocument(ctx: DocumentContext, data: ClusterDocumentData) {
  const { t, movement, settings } = ctx;
  if (data.proposals.length === 0) throw new DomainError('err-doc-submission-none', { group: data.group.name });
  const year = movement.endsOn.slice(0, 4);
  const standing = movement.standingBody ?? t('doc-default-standing-body');
  const council = t('doc-ye-council', { province: settings.place });
  const rankOf = new Map(data.sheets.map((s) => [s.unitId, s]));
  const lastVote = data.votes.at(-1);
  const children = [
    nationalHeader(clusterHeader(ctx, data, t('doc-ye-submission-number-kind'))),
    ...documentTitle(t('doc-ye-submission-kind'), t('doc-ye-submission-title', { year })),
    para(t('doc-ye-submission-to', { council, standingBody: settings.bodyName }), { align: 'center', before: 6, after: 12 }),
    body(
      t('doc-ye-submission-intro', {
        group: data.group.name,
        year,
        hasVote: lastVote ? 'yes' : 'no',
        date: lastVote ? formatVnDate(lastVote.closedOn) : '',
      }),
    ),
  ];
  const titles = [...new Set(data.proposals.map((p) => p.title))];
  titles.forEach((title, n) => {
    const list = data.proposals.filter((p) => p.title === title);
    children.push(para(`${n + 1}. ${t('doc-ye-submission-line', { title: titleLabel(t, title), count: list.length })}`, { bold: true, indent: 10, before: 6, after: 4, keepNext: true }));
    children.push(
      grid(
        ctx.rows,
        [
          { header: t('doc-col-index'), weight: 7, align: 'center' },
          { header: t('doc-col-unit'), weight: 43 },
          { header: t('doc-ye-col-total'), weight: 12, align: 'center' },
          { header: t('doc-ye-col-rank'), weight: 11, align: 'center' },
          { header: t('doc-ye-col-share'), weight: 27, align: 'center' },
        ],
        list.map((p, i) => {
          const vote = data.votes.find((v) => v.id === p.voteId) ?? data.votes.findLast((v) => v.title === p.title && v.candidates.some((c) => c.unitId === p.unitId));
          const c = vote?.candidates.find((x) => x.unitId === p.unitId);
          const sheet = rankOf.get(p.unitId);
          return {
            cells: [
              formatVnNumber(i + 1),
              unitName(data, p.unitId),
              points(sheet?.total ?? null),
              sheet ? formatVnNumber(sheet.rank) : '',
              vote && c ? t('doc-ye-share-of', { approve: c.approve, members: vote.members.length, share: sharePercent(c.share) }) : '',
            ],
          };
        }),
      ),
    );
  });
  children.push(body(t('doc-ye-submission-closing', { council, group: data.group.name })));
  const signer = clusterSigner(t, data);
  children.push(
    signatureBlock({
      recipientsLabel: t('doc-recipients'),
      recipients: t('doc-ye-submission-recipients', { standingBody: standing }).split('\n'),
      signerTitle: signer.title,
      signHint: t('doc-sign-hint'),
      signerName: signer.name,
    }),
  );
  return officialDocument({ title: t('doc-ye-submission-title', { year }), subject: `${data.group.code} · ${movement.code}`, creator: t('doc-creator') }, [{ children }]);
}
