/**
 * The movement at a glance for the Ban TĐKT, leaders and cluster heads: totals by status, by
 * cluster and by kind of unit, then drill-down to a cluster (paged) and to a unit, or straight to
 * a unit found by code or name; the same for each reporting period (status-period.ts). Everyone
 * sees only the units in their scope.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type Prompt, type StartResult, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { deadlineFor, extendDeadline, reopenRegistration, unitsToTellOfExtension } from '../domain/deadlines.ts';
import { findRegistration } from '../domain/registrations.ts';
import { quotaSummary } from '../delivery/zalo-quota.ts';
import { can, inScope, liaisonsOf, readScope, type Scope } from '../domain/scope.ts';
import { addToCounts, emptyCounts, movementStatus, type MovementStatus, type StatusCounts, type UnitStatus } from '../domain/status.ts';
import { addProgressCounts, emptyProgressCounts, progressCountsByUnit, type ProgressCounts } from '../domain/progress.ts';
import { getUnit, groupName } from '../domain/units.ts';
import { formatVnDate, localDate, parseVnDate } from '../domain/vn-input.ts';
import { findByCodeOrName } from '../util/text.ts';
import { CHART, chartChoice, chartsOfScreen, requestChart } from './chart.ts';
import { readReason } from './common.ts';
import { describeUnit } from './my-unit.ts';
import { extendPeriodFor, periodExtendPrompt, periodGroupPage, periodOf, periodOverview, periodUnit, viewChoices } from './status-period.ts';

const PAGE = 8;

const data = z.object({
  /** The cluster/block being browsed, or none for the overview. */
  group: z.string().nullable(),
  page: z.number().int().nonnegative(),
  /** Units offered after a search with several matches. */
  matches: z.array(z.number().int()).optional(),
  /** The unit shown. */
  unitId: z.number().int().optional(),
  /** An extension being asked for: of the unit shown, or of every unit. */
  extendAll: z.boolean().optional(),
  /** The reporting period shown; none: registration. */
  periodId: z.number().int().optional(),
});
type Data = z.infer<typeof data>;

const ICON: Record<string, string> = { none: '⚪', draft: '✏️', submitted: '🕓', returned: '↩️', approved: '✅' };

function scopedStatus(ctx: FlowContext): { status: MovementStatus; scope: Scope; units: UnitStatus[]; progress: Map<number, ProgressCounts> } {
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const today = localDate(ctx.now, ctx.movement!.timezone);
  const status = movementStatus(ctx.db, ctx.movement!, today);
  const progress = progressCountsByUnit(ctx.db, ctx.movement!.id, today);
  return { status, scope, units: status.units.filter((u) => inScope(scope, u.unitId)), progress };
}

/** The units' targets counted together; undefined when none of them has a target sent yet. */
function progressOf(units: UnitStatus[], progress: Map<number, ProgressCounts>): ProgressCounts | undefined {
  const of = units.map((u) => progress.get(u.unitId)).filter((p): p is ProgressCounts => p !== undefined);
  return of.length === 0 ? undefined : of.reduce(addProgressCounts, emptyProgressCounts());
}

function countLine(ctx: FlowContext, label: string, c: StatusCounts, progress?: ProgressCounts): string {
  const counts = ctx.t('st-counts', { label, units: c.units, none: c.none, draft: c.draft, submitted: c.submitted, returned: c.returned, approved: c.approved, submittedLate: c.submittedLate, overdue: c.overdue });
  return progress === undefined ? counts : `${counts}\n${ctx.t('st-progress', { ...progress })}`;
}

function count(units: UnitStatus[]): StatusCounts {
  const c = emptyCounts();
  for (const u of units) addToCounts(c, u);
  return c;
}

const unitLabel = (ctx: FlowContext, u: UnitStatus) =>
  `${ICON[u.status]} ${u.code} — ${u.name}: ${ctx.t('registration-status', { status: u.status })}${u.lateness ? ` — ${ctx.t('lateness', { kind: u.lateness })}` : ''}`;

function overview(ctx: FlowContext): Prompt {
  const { status, units, progress } = scopedStatus(ctx);
  const line = (label: string, of: UnitStatus[]) => countLine(ctx, label, count(of), progressOf(of, progress));
  const lines = [
    ctx.t('st-title', { movement: ctx.movement!.name, deadline: formatVnDate(ctx.movement!.registrationDeadline), passed: status.deadlinePassed ? 'yes' : 'no' }),
    line(ctx.t('st-total'), units),
  ];
  const groupsInScope = status.byGroup.filter((g) => units.some((u) => u.groupCode === g.code));
  if (groupsInScope.length > 0) {
    lines.push('', ctx.t('st-by-group'));
    for (const g of groupsInScope) lines.push(line(g.name ?? ctx.t('cli-status-no-group'), units.filter((u) => u.groupCode === g.code)));
  }
  const kinds = [...new Set(units.map((u) => u.kind))];
  if (kinds.length > 1) {
    lines.push('', ctx.t('st-by-kind'));
    for (const k of kinds) lines.push(line(ctx.t(`unit-kind-${k}`), units.filter((u) => u.kind === k)));
  }
  if (ctx.person?.role === 'admin') lines.push(...zaloQuotaLines(ctx));
  const choices: Choice[] = groupsInScope.map((g) => ({ id: `g:${g.code ?? ''}`, label: g.name ?? ctx.t('cli-status-no-group') }));
  choices.push({ id: 'search', label: ctx.t('st-search') }, ...viewChoices(ctx, null));
  if (ctx.person && can.review(ctx.person)) choices.push({ id: 'extend-all', label: ctx.t('st-extend-all') });
  choices.push(chartChoice(ctx));
  return { text: `${lines.join('\n')}\n\n${ctx.t('st-pick')}`, choices };
}

/** For the admins, once the Board sends through the Zalo OA: this month's messages against the budget. */
function zaloQuotaLines(ctx: FlowContext): string[] {
  const q = quotaSummary(ctx.db, ctx.now);
  if (!q.used) return [];
  const [year, month] = q.month.split('-');
  const status = ctx.t('zalo-quota-status', { month: `${month}/${year}`, proactive: q.proactive, budget: q.budget.monthly, left: q.left, replies: q.replies, zns: q.zns, held: q.held });
  return ['', status, ctx.t('zalo-quota-over', { over: q.budget.over })];
}

function groupPage(ctx: FlowContext, data: Data): Prompt {
  const { units: inScopeUnits, progress } = scopedStatus(ctx);
  const members = inScopeUnits.filter((u) => (u.groupCode ?? '') === data.group);
  const pages = Math.max(1, Math.ceil(members.length / PAGE));
  const page = Math.min(data.page, pages - 1);
  const shown = members.slice(page * PAGE, page * PAGE + PAGE);
  const name = data.group ? groupName(ctx.db, ctx.movement!.id, data.group) ?? data.group : ctx.t('cli-status-no-group');
  const choices: Choice[] = shown.map((u) => ({ id: `u:${u.unitId}`, label: unitLabel(ctx, u) }));
  if (page > 0) choices.push({ id: 'prev', label: ctx.t('st-prev') });
  if (page < pages - 1) choices.push({ id: 'next', label: ctx.t('st-next') });
  if (data.group) choices.push(chartChoice(ctx));
  choices.push({ id: 'back', label: ctx.t('st-back') });
  return { text: `${countLine(ctx, name, count(members), progressOf(members, progress))}\n${ctx.t('st-page', { page: page + 1, pages })}`, choices };
}

/** The overview of what is shown (registration, or the period chosen), keeping which. */
const overviewOf = (d: Data): Data => ({ group: null, page: 0, ...(d.periodId !== undefined ? { periodId: d.periodId } : {}) });

/**
 * What /tinhhinh shows: registration, or a period (d.periodId). Its "📊 Biểu đồ" choice (chart.ts)
 * asks for the charts of what is on screen, answered in `browse`.
 */
function browsePrompt(ctx: FlowContext, d: Data): Prompt {
  const period = d.periodId === undefined ? undefined : periodOf(ctx, d.periodId);
  if (!period) return d.group === null ? overview(ctx) : groupPage(ctx, d);
  return d.group === null ? periodOverview(ctx, period) : periodGroupPage(ctx, period, d.group, d.page, PAGE).prompt;
}

/** Switches between registration (`v:reg`) and a period of the movement (`v:<id>`). */
function switchView(ctx: FlowContext, id: string): StepResult<Data> {
  if (id === 'v:reg') return { kind: 'next', step: 'browse', data: { group: null, page: 0 } };
  const period = periodOf(ctx, Number(id.slice(2)));
  if (!period) return { kind: 'invalid', message: ctx.t('choice-expected') };
  return { kind: 'next', step: 'browse', data: { group: null, page: 0, periodId: period.id } };
}

function showFound(ctx: FlowContext, data: Data, query: string): StepResult<Data> {
  const found = findByCodeOrName(scopedStatus(ctx).status.units, query);
  if (found.length === 0) return { kind: 'invalid', message: ctx.t('st-not-found', { query }) };
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const allowed = found.filter((u) => inScope(scope, u.unitId));
  if (allowed.length === 0) return { kind: 'invalid', message: ctx.t('scope-refused') };
  if (allowed.length === 1) return { kind: 'next', step: 'unit', data: { ...data, unitId: allowed[0]!.unitId } };
  return { kind: 'next', step: 'matches', data: { ...data, matches: allowed.slice(0, 10).map((u) => u.unitId) } };
}

/** Opens a unit chosen by button: only one in the person's scope (a button from an older or forged message is refused). */
function openUnit(ctx: FlowContext, data: Data, unitId: number): StepResult<Data> {
  if (!Number.isSafeInteger(unitId) || !inScope(readScope(ctx.db, ctx.person!, ctx.movement!.id), unitId)) return { kind: 'invalid', message: ctx.t('scope-refused') };
  return { kind: 'next', step: 'unit', data: { ...data, unitId } };
}

function start(ctx: FlowContext, args: string): StartResult<Data> {
  const initial: Data = { group: null, page: 0 };
  if (args.trim() !== '') {
    const result = showFound(ctx, initial, args.trim());
    if (result.kind === 'invalid') return { kind: 'refuse', message: result.message };
    if (result.kind === 'next') return { kind: 'start', step: result.step, data: result.data };
  }
  if (ctx.person?.role === 'liaison') return { kind: 'switch', flow: 'myunit' };
  return { kind: 'start', step: 'browse', data: initial };
}

export const statusFlow = defineFlow<Data>({
  id: 'status',
  version: 1,
  schema: data,
  commands: [{ en: 'status', vi: 'tinhhinh', menu: ['admin', 'cluster_head', 'viewer'], place: 10 }],
  requires: { movement: true },
  start,
  steps: {
    browse: {
      prompt: browsePrompt,
      handle(ctx, d, answer) {
        const id = answer.choice?.id;
        if (!id) return answer.text ? showFound(ctx, d, answer.text) : { kind: 'invalid', message: ctx.t('choice-expected') };
        if (id === 'search') return { kind: 'next', step: 'search', data: d };
        if (id === CHART) return { kind: 'done', message: requestChart(ctx, ...chartsOfScreen(ctx, d.periodId, d.group)) };
        if (id === 'extend-all' && can.review(ctx.person!)) return { kind: 'next', step: 'extend', data: { ...d, extendAll: true } };
        if (id === 'back') return { kind: 'next', step: 'browse', data: overviewOf(d) };
        if (id.startsWith('v:')) return switchView(ctx, id);
        if (id === 'next' || id === 'prev') return { kind: 'next', step: 'browse', data: { ...d, page: d.page + (id === 'next' ? 1 : -1) } };
        if (id.startsWith('g:')) return { kind: 'next', step: 'browse', data: { ...overviewOf(d), group: id.slice(2) } };
        if (id.startsWith('u:')) return openUnit(ctx, d, Number(id.slice(2)));
        return { kind: 'invalid', message: ctx.t('choice-expected') };
      },
    },
    search: {
      prompt: (ctx) => ({ text: ctx.t('st-search-prompt') }),
      handle: (ctx, d, answer) => (answer.text ? showFound(ctx, d, answer.text) : { kind: 'invalid', message: ctx.t('st-search-prompt') }),
    },
    matches: {
      prompt(ctx, d) {
        const units = scopedStatus(ctx).units.filter((u) => d.matches?.includes(u.unitId));
        return { text: ctx.t('st-matches'), choices: units.map((u) => ({ id: `u:${u.unitId}`, label: unitLabel(ctx, u) })) };
      },
      handle(ctx, d, answer) {
        const id = answer.choice?.id;
        if (!id?.startsWith('u:')) return { kind: 'invalid', message: ctx.t('choice-expected') };
        return openUnit(ctx, d, Number(id.slice(2)));
      },
    },
    unit: {
      prompt(ctx, d) {
        const period = d.periodId === undefined ? undefined : periodOf(ctx, d.periodId);
        if (period) return periodUnit(ctx, period, d.unitId!);
        const unit = getUnit(ctx.db, d.unitId!);
        const choices: Choice[] = [];
        if (unit && ctx.person && can.review(ctx.person)) {
          const status = findRegistration(ctx.db, ctx.movement!.id, unit.id)?.status;
          // A deadline is extended for a registration still to be sent, never for one sent or approved.
          if (status !== 'submitted' && status !== 'approved') choices.push({ id: 'extend', label: ctx.t('st-extend-unit') });
          if (status === 'approved') choices.push({ id: 'reopen', label: ctx.t('st-reopen') });
        }
        choices.push({ id: 'back', label: ctx.t('st-back') });
        return { text: unit ? describeUnit(ctx, unit) : ctx.t('st-not-found', { query: String(d.unitId) }), choices };
      },
      handle(ctx, d, answer) {
        const id = answer.choice?.id;
        if ((id === 'extend' || (id === 'reopen' && d.periodId === undefined)) && can.review(ctx.person!)) return { kind: 'next', step: id, data: { ...d, extendAll: false } };
        if (id !== 'back') return { kind: 'invalid', message: ctx.t('choice-expected') };
        return { kind: 'next', step: 'browse', data: { ...overviewOf(d), group: d.group, page: d.page } };
      },
    },
    extend: {
      prompt(ctx, d) {
        // A unit's due day for the period shown (status-period.ts), or its registration deadline.
        const period = d.extendAll || d.periodId === undefined ? undefined : periodOf(ctx, d.periodId);
        if (period) return periodExtendPrompt(ctx, period, d.unitId!);
        const reg = d.extendAll ? undefined : findRegistration(ctx.db, ctx.movement!.id, d.unitId!);
        return { text: ctx.t('st-extend-prompt', { all: d.extendAll ? 'yes' : 'no', deadline: formatVnDate(deadlineFor(ctx.movement!, reg)) }), choices: [{ id: 'back', label: ctx.t('st-back') }], numbered: false };
      },
      handle(ctx, d, answer) {
        if (answer.choice?.id === 'back') return { kind: 'next', step: d.extendAll ? 'browse' : 'unit', data: d };
        const period = d.extendAll || d.periodId === undefined ? undefined : periodOf(ctx, d.periodId);
        if (period) return extendPeriodFor(ctx, period, d.unitId!, answer.text);
        const reading = parseVnDate(answer.text ?? '', Number(ctx.movement!.endsOn.slice(0, 4)));
        if (reading.kind !== 'ok') return { kind: 'invalid', message: ctx.t('date-invalid') };
        const { until } = extendDeadline(ctx.db, ctx.movement!, { ...(d.extendAll ? {} : { unitId: d.unitId! }), until: reading.date }, ctx.actor, ctx.now);
        // Those still owing a registration are told the new date.
        const told = d.extendAll ? unitsToTellOfExtension(ctx.db, ctx.movement!, until) : [d.unitId!];
        for (const unitId of told)
          ctx.notify(liaisonsOf(ctx.db, unitId), `extend:${unitId}:${until}`, 'st-extended-notice', { deadline: formatVnDate(until) }, (t) => [{ id: 'go:register', label: t('menu-register') }]);
        return { kind: 'done', message: ctx.t('st-extended', { all: d.extendAll ? 'yes' : 'no', deadline: formatVnDate(until) }) };
      },
    },
    reopen: {
      prompt: (ctx) => ({ text: ctx.t('st-reopen-prompt'), choices: [{ id: 'back', label: ctx.t('st-back') }] }),
      handle(ctx, d, answer) {
        if (answer.choice?.id === 'back') return { kind: 'next', step: 'unit', data: d };
        const read = readReason(ctx, answer.text);
        if ('error' in read) return { kind: 'invalid', message: read.error };
        const { reason } = read;
        const reg = reopenRegistration(ctx.db, findRegistration(ctx.db, ctx.movement!.id, d.unitId!)!.id, reason, ctx.actor, ctx.now);
        ctx.notify(liaisonsOf(ctx.db, d.unitId!), `reopen:${reg.id}:v${reg.version}`, 'st-reopened-notice', { version: reg.version, reason }, (t) => [{ id: 'go:register', label: t('menu-register') }]);
        return { kind: 'next', step: 'unit', data: d, note: ctx.t('st-reopened'), saved: true };
      },
    },
  },
});
