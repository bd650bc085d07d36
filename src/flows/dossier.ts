/**
 * /hoso (en /dossier): a proposal's dossier. Whoever may send for it (the proposed unit's liaison;
 * for a cluster's proposal, the cluster's head too) sees its checklist, picks an item and sends
 * the file (PDF, DOC, DOCX), fetched and checked after the message (Job 'dossier-in'). The Board
 * (and a viewer) gets the table of dossiers: complete, late, incomplete, by title and cluster.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import type { Person } from '../domain/model.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';
import {
  dossierItemLabel,
  dossiersToSend,
  dossierTable,
  dossierYear,
  maySendDossier,
  movementDossiers,
  proposalDossier,
  type Dossier,
} from '../domain/year-end/dossiers.ts';

const data = z.object({ proposalId: z.number().int().optional(), item: z.string().max(80).optional() });
type Data = z.infer<typeof data>;

/** What a sent file's name may end in; its bytes are checked when it is fetched. */
const DOCUMENT_NAME = /\.(pdf|docx?)$/i;
/** Dossiers listed one per line in the Board's table before the rest are counted. */
const LISTED = 30;

const seesAll = (p: Person) => p.role === 'admin' || p.role === 'viewer';

/** The dossier, when it stands and this person may send for it now. */
function ownDossier(ctx: FlowContext, proposalId: number | undefined): Dossier | undefined {
  const dossier = proposalId === undefined ? undefined : proposalDossier(ctx.db, ctx.movement!, proposalId);
  return dossier && maySendDossier(ctx.person!, dossier) ? dossier : undefined;
}

const titleOf = (ctx: FlowContext, d: Dossier) => `${ctx.t(`title-${d.proposal.title}`)} — ${d.unit.name}`;

/** The checklist: each item with its file (name, date, late) or still missing. */
function checklistText(ctx: FlowContext, d: Dossier): string {
  const year = dossierYear(ctx.db, ctx.movement!)!;
  const lines = d.lines.map((l) => {
    const label = dossierItemLabel(ctx.t, l.item, d.proposal.title, year.confirmations);
    if (!l.file) return ctx.t('dos-line-missing', { item: label });
    return ctx.t('dos-line-received', { item: label, name: l.file.fileName, on: formatVnDate(localDate(l.file.receivedAt, year.timezone)), late: l.file.late ? 'yes' : 'no' });
  });
  return [
    ctx.t('dos-checklist', { proposal: titleOf(ctx, d), deadline: formatVnDate(year.deadline), status: d.status, received: d.lines.length - d.missing.length, total: d.lines.length }),
    ...lines,
  ].join('\n');
}

/** The Board's table: counts by title and cluster, then the dossiers not complete on time. */
function boardTable(ctx: FlowContext): string {
  const year = dossierYear(ctx.db, ctx.movement!);
  if (!year) return ctx.t('dos-no-year-end');
  const all = movementDossiers(ctx.db, ctx.movement!);
  if (all.length === 0) return ctx.t('dos-none-board');
  const counts = dossierTable(all).map((r) => ctx.t('dos-table-row', { title: ctx.t(`title-${r.title}`), group: r.group ?? '—', complete: r.complete, late: r.late, incomplete: r.incomplete }));
  const open = all.filter((d) => d.status !== 'complete');
  const listed = open.slice(0, LISTED).map((d) =>
    ctx.t('dos-table-open', {
      status: d.status,
      proposal: titleOf(ctx, d),
      missing: d.missing.map((item) => dossierItemLabel(ctx.t, item, d.proposal.title, year.confirmations)).join('; ') || '—',
    }),
  );
  const more = open.length > LISTED ? [ctx.t('dos-table-more', { count: open.length - LISTED })] : [];
  return [ctx.t('dos-table-title', { deadline: formatVnDate(year.deadline), count: all.length }), ...counts, ...(listed.length ? ['', ...listed, ...more] : [])].join('\n');
}

const toList = (ctx: FlowContext): StepResult<Data> => {
  const mine = dossiersToSend(ctx.db, ctx.movement!, ctx.person!);
  if (mine.length === 1) return { kind: 'next', step: 'items', data: { proposalId: mine[0]!.proposal.id } };
  return { kind: 'next', step: 'pick', data: {} };
};

/** The dossier is no longer this person's (withdrawn, or their role changed): said, and the flow ends. */
const gone = (ctx: FlowContext): StepResult<Data> => ({ kind: 'done', message: ctx.t('err-dossier-not-yours') });

const steps: Record<string, Step<Data>> = {
  pick: {
    prompt(ctx) {
      const mine = dossiersToSend(ctx.db, ctx.movement!, ctx.person!);
      const choices: Choice[] = mine.map((d) => ({ id: `p:${d.proposal.id}`, label: `${titleOf(ctx, d)} (${d.lines.length - d.missing.length}/${d.lines.length})` }));
      return { text: mine.length === 0 ? ctx.t('dos-none') : ctx.t('dos-pick', { count: mine.length }), choices };
    },
    handle(ctx, _d, answer) {
      const id = answer.choice?.id;
      if (id?.startsWith('p:')) {
        const dossier = ownDossier(ctx, Number(id.slice(2)));
        return dossier ? { kind: 'next', step: 'items', data: { proposalId: dossier.proposal.id } } : gone(ctx);
      }
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  items: {
    prompt(ctx, d) {
      const dossier = ownDossier(ctx, d.proposalId);
      if (!dossier) return { text: ctx.t('err-dossier-not-yours') };
      const year = dossierYear(ctx.db, ctx.movement!)!;
      const choices: Choice[] = dossier.lines.map((l) => ({
        id: `i:${l.item}`,
        label: `${l.file ? '✅' : '📎'} ${dossierItemLabel(ctx.t, l.item, dossier.proposal.title, year.confirmations)}`,
      }));
      if (dossiersToSend(ctx.db, ctx.movement!, ctx.person!).length > 1) choices.push({ id: 'back', label: ctx.t('st-back') });
      choices.push({ id: 'end', label: ctx.t('dos-end') });
      return { text: `${checklistText(ctx, dossier)}\n\n${ctx.t('dos-items-prompt')}`, choices };
    },
    handle(ctx, d, answer) {
      const dossier = ownDossier(ctx, d.proposalId);
      if (!dossier) return gone(ctx);
      const id = answer.choice?.id;
      if (id === 'back') return { kind: 'next', step: 'pick', data: {} };
      if (id === 'end') return { kind: 'done', message: checklistText(ctx, dossier) };
      if (id?.startsWith('i:') && dossier.lines.some((l) => l.item === id.slice(2))) return { kind: 'next', step: 'file', data: { ...d, item: id.slice(2) } };
      if (answer.file) return { kind: 'invalid', message: ctx.t('dos-item-first') };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },
  file: {
    prompt(ctx, d) {
      const dossier = ownDossier(ctx, d.proposalId);
      const year = dossierYear(ctx.db, ctx.movement!);
      if (!dossier || !year) return { text: ctx.t('err-dossier-not-yours') };
      return { text: ctx.t('dos-file-prompt', { item: dossierItemLabel(ctx.t, d.item!, dossier.proposal.title, year.confirmations) }), choices: [{ id: 'back', label: ctx.t('st-back') }], acceptsFile: true };
    },
    handle(ctx, d, answer) {
      const dossier = ownDossier(ctx, d.proposalId);
      if (!dossier || !dossier.lines.some((l) => l.item === d.item)) return gone(ctx);
      if (answer.choice?.id === 'back') return { kind: 'next', step: 'items', data: { proposalId: d.proposalId } };
      const file = answer.file;
      if (!file) return { kind: 'invalid', message: ctx.t('dos-file-expected') };
      const name = file.name ?? '';
      // A file without a name (some messengers send none) is judged by its bytes alone when fetched.
      if (file.kind === 'photo' || (name !== '' && !DOCUMENT_NAME.test(name))) return { kind: 'invalid', message: ctx.t('dos-file-kind') };
      ctx.schedule({ kind: 'dossier-in', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, movementId: ctx.movement!.id, proposalId: dossier.proposal.id, item: d.item!, file });
      return { kind: 'next', step: 'items', data: { proposalId: d.proposalId }, note: ctx.t('dos-file-taken', { name: name || ctx.t('form-file-unnamed') }) };
    },
  },
};

export const dossierFlow = defineFlow<Data>({
  id: 'dossier',
  version: 1,
  schema: data,
  start(ctx) {
    if (seesAll(ctx.person!)) return { kind: 'done', message: boardTable(ctx) };
    if (!dossierYear(ctx.db, ctx.movement!)) return { kind: 'done', message: ctx.t('dos-no-year-end') };
    const mine = dossiersToSend(ctx.db, ctx.movement!, ctx.person!);
    if (mine.length === 0) return { kind: 'done', message: ctx.t('dos-none') };
    const first = toList(ctx);
    return first.kind === 'next' ? { kind: 'start', step: first.step, data: first.data } : { kind: 'done', message: ctx.t('dos-none') };
  },
  steps,
});
