/**
 * `/xuat` · `/export`: the movement's figures as a workbook (XLSX) or CSV files, or one of the
 * Board's documents (.docx: the aggregate report on registration, a period's report, a unit's
 * registration), sent into the chat. What a person gets is limited by the one scope rule
 * (domain/scope.ts), checked here for what is offered and again by the job when it runs: a
 * cluster head gets its own cluster's figures and its units' registrations; the documents that
 * speak for the whole province are for the Board and leaders. At the year's end a cluster head gets
 * its cluster's minutes, tờ trình and scoring table; the Board any cluster's, and the summary of
 * proposals for the Council.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import { listPeriods } from '../domain/movements.ts';
import { periodLabel, periodTitle } from '../domain/period-labels.ts';
import { can, inScope, readScope } from '../domain/scope.ts';
import { hasUnit } from './common.ts';
import { participatingUnits } from '../domain/status.ts';
import { documentGroupsOf } from '../domain/year-end/groups.ts';
import { findByCodeOrName } from '../util/text.ts';
import { CLUSTER_DOCUMENT_KINDS } from '../util/vocabulary.ts';
import { isClusterDocumentKind, type ClusterDocumentKind, type DocumentKind } from '../domain/model.ts';

const data = z.object({});
/** The year-end steps keep which cluster document was asked for while the cluster is chosen. */
const exportData = z.object({ document: z.enum(CLUSTER_DOCUMENT_KINDS).optional() });
type ExportData = z.infer<typeof exportData>;

const provinceDocuments = (ctx: FlowContext) => !!ctx.person && can.provinceDocuments(ctx.person);

/** The participating units the query names; empty, or all of them out of the person's scope: said so. */
function findUnitsForDocument(ctx: FlowContext, query: string): { found: { id: number; code: string; name: string }[] } | { refused: string } {
  const all = participatingUnits(ctx.db, ctx.movement!);
  const exact = all.find((u) => u.code.toUpperCase() === query.trim().toUpperCase());
  const named = exact ? [exact] : findByCodeOrName(all, query);
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const found = named.filter((u) => inScope(scope, u.id));
  return named.length > 0 && found.length === 0 ? { refused: ctx.t('scope-refused') } : { found };
}

function start(ctx: FlowContext, format: 'xlsx' | 'csv'): StepResult<object> {
  ctx.schedule({ kind: 'export', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, movementId: ctx.movement!.id, format });
  return { kind: 'done', message: ctx.t('exp-started', { format: format.toUpperCase() }) };
}

/** The clusters whose year-end documents this person may have (domain/year-end/groups.ts). */
const documentGroups = (ctx: FlowContext) => (ctx.person ? documentGroupsOf(ctx.db, ctx.person, ctx.movement!.id) : []);

/** A cluster's document for the cluster named by a button or typed code, among those the person may have. */
function clusterDocument(ctx: FlowContext, kind: ClusterDocumentKind, answer: string): StepResult<ExportData> {
  const groups = documentGroups(ctx);
  const group = groups.find((g) => g.code.toUpperCase() === answer.trim().toUpperCase());
  if (!group) return { kind: 'invalid', message: ctx.t('err-doc-cluster-unknown', { code: answer, groups: groups.map((g) => g.code).join(', ') || '—' }) };
  return document(ctx, kind, { groupId: group.id, name: group.name });
}

function document(
  ctx: FlowContext,
  kind: DocumentKind,
  extra: { unitId?: number; periodCode?: string; groupId?: number; name?: string } = {},
): StepResult<object> {
  const { name, ...target } = extra;
  ctx.schedule({ kind: 'document', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, movementId: ctx.movement!.id, document: kind, ...target });
  return { kind: 'done', message: ctx.t('doc-started', { kind, name: name ?? '' }) };
}

export const exportFlow = defineFlow<ExportData>({
  id: 'export',
  version: 1,
  schema: exportData,
  commands: [{ en: 'export', vi: 'xuat', menu: ['admin', 'cluster_head', 'viewer'], place: 110 }],
  requires: { movement: true, person: { may: can.export, refusal: 'scope-export-only' } },
  start(ctx, args) {
    const format = args.trim().toLowerCase();
    if (format === 'xlsx' || format === 'csv') {
      const result = start(ctx, format);
      return result.kind === 'done' ? result : { kind: 'refuse', message: ctx.t('choice-expected') };
    }
    return { kind: 'start', step: 'format', data: {} };
  },
  steps: {
    format: {
      prompt: (ctx) => ({
        text: ctx.t('exp-format-prompt'),
        choices: [
          { id: 'xlsx', label: ctx.t('exp-xlsx') },
          { id: 'csv', label: ctx.t('exp-csv') },
          ...(provinceDocuments(ctx)
            ? [
                { id: 'summary', label: ctx.t('exp-doc-summary') },
                { id: 'period', label: ctx.t('exp-doc-period') },
              ]
            : []),
          { id: 'registration', label: ctx.t('exp-doc-registration') },
          ...(provinceDocuments(ctx) || documentGroups(ctx).length > 0 ? [{ id: 'yearend', label: ctx.t('exp-doc-yearend') }] : []),
        ],
      }),
      handle(ctx, _d, answer) {
        const id = answer.choice?.id;
        if (id === 'xlsx' || id === 'csv') return start(ctx, id);
        if (id === 'registration') return { kind: 'next', step: 'unit', data: {} };
        if (id === 'yearend' && (provinceDocuments(ctx) || documentGroups(ctx).length > 0)) return { kind: 'next', step: 'yearend', data: {} };
        if (provinceDocuments(ctx)) {
          if (id === 'summary') return document(ctx, 'summary');
          if (id === 'period') return { kind: 'next', step: 'period', data: {} };
        }
        return { kind: 'invalid', message: ctx.t('choice-expected') };
      },
    },
    // The year-end documents: a cluster's three (its head, or the Board for any cluster), the Board's summary of proposals.
    yearend: {
      prompt: (ctx) => ({
        text: ctx.t('exp-doc-yearend-prompt'),
        choices: [
          ...(documentGroups(ctx).length > 0 ? CLUSTER_DOCUMENT_KINDS.map((kind) => ({ id: kind, label: ctx.t(`exp-doc-${kind}`) })) : []),
          ...(provinceDocuments(ctx) ? [{ id: 'proposals', label: ctx.t('exp-doc-proposals') }] : []),
        ],
      }),
      handle(ctx, _d, answer) {
        const id = answer.choice?.id;
        if (id === 'proposals' && provinceDocuments(ctx)) return document(ctx, 'proposals');
        if (!isClusterDocumentKind(id)) return { kind: 'invalid', message: ctx.t('choice-expected') };
        const groups = documentGroups(ctx);
        if (groups.length === 0) return { kind: 'invalid', message: ctx.t('scope-refused') };
        if (groups.length === 1) return clusterDocument(ctx, id, groups[0]!.code);
        return { kind: 'next', step: 'cluster', data: { document: id } };
      },
    },
    cluster: {
      prompt: (ctx) => ({ text: ctx.t('exp-doc-cluster-prompt'), choices: documentGroups(ctx).map((g) => ({ id: g.code, label: `${g.code} · ${g.name}` })) }),
      handle(ctx, d, answer) {
        if (!d.document) return { kind: 'invalid', message: ctx.t('choice-expected') };
        return clusterDocument(ctx, d.document, answer.choice?.id ?? answer.text ?? '');
      },
    },
    period: {
      prompt: (ctx) => ({
        text: ctx.t('exp-doc-period-prompt'),
        choices: listPeriods(ctx.db, ctx.movement!.id).map((p) => ({ id: p.code, label: periodTitle(ctx.t, p) })),
      }),
      handle(ctx, _d, answer) {
        if (!provinceDocuments(ctx)) return { kind: 'invalid', message: ctx.t('scope-refused') };
        const period = listPeriods(ctx.db, ctx.movement!.id).find((p) => p.code === answer.choice?.id);
        if (!period) return { kind: 'invalid', message: ctx.t('choice-expected') };
        return document(ctx, 'period', { periodCode: period.code, name: periodLabel(ctx.t, period) });
      },
    },
    unit: {
      prompt: (ctx) => ({ text: ctx.t('exp-doc-unit-prompt') }),
      handle(ctx, _d, answer) {
        const query = answer.choice?.id ?? answer.text ?? '';
        const search = findUnitsForDocument(ctx, query);
        if ('refused' in search) return { kind: 'invalid', message: search.refused };
        const { found } = search;
        if (found.length === 1) return document(ctx, 'registration', { unitId: found[0]!.id, name: found[0]!.name });
        return { kind: 'invalid', message: ctx.t(found.length === 0 ? 'exp-doc-unit-none' : 'exp-doc-unit-many', { query, count: found.length, examples: found.slice(0, 5).map((u) => `${u.code} (${u.name})`).join(', ') }) };
      },
    },
  },
});

/**
 * "Tải bản đăng ký để trình ký": the liaison's own unit's registration as a Word document, to be
 * printed, signed and stamped (offered after sending it, and by command). The signer's position
 * and name are asked the first time (flows/signer.ts), then kept.
 */
export const registrationFormFlow = defineFlow<object>({
  id: 'regform',
  version: 1,
  schema: data,
  commands: [{ en: 'regform', vi: 'taidangky', menu: ['liaison'], place: 90 }],
  requires: { movement: true, person: { may: hasUnit, refusal: 'reg-not-allowed' } },
  start() {
    return { kind: 'switch', flow: 'signer', args: 'download' };
  },
  steps: {},
});
