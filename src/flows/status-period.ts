/**
 * /tinhhinh for a reporting period: who sent the period's report on time, late (named, with the
 * day), who is overdue (named) and who is not due yet; by cluster/block and by kind of unit, then a
 * cluster/block's units and a unit's targets judged for the period; the targets by content area.
 * The screens only; the steps that lead here are in status.ts. Everyone sees only their scope.
 */
import type { FlowContext, Prompt, StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { extendPeriodDue, periodDueFor } from '../domain/deadlines.ts';
import { listPeriods } from '../domain/movements.ts';
import { periodLabel, periodTitle } from '../domain/period-labels.ts';
import { periodsCurrentFirst, periodStanding, unitPeriodTargets, type PeriodCounts, type PeriodStanding, type UnitPeriodStanding } from '../domain/period-standing.ts';
import { addProgressCounts, emptyProgressCounts } from '../domain/progress.ts';
import { can, liaisonsOf, readScope } from '../domain/scope.ts';
import { formatVnDate, localDate, parseVnDate } from '../domain/vn-input.ts';
import type { Period } from '../domain/model.ts';
import { chartChoice } from './chart.ts';

/** How many units are named in a list of late or overdue ones before "and N more". */
const NAMED = 20;
const ICON: Record<UnitPeriodStanding['state'], string> = { on_time: '✅', late: '⏰', overdue: '⛔', not_due: '⏳' };

const today = (ctx: FlowContext) => localDate(ctx.now, ctx.movement!.timezone);

/** The movement's period by id, or undefined (a button from another movement, or forged). */
export function periodOf(ctx: FlowContext, periodId: number): Period | undefined {
  return listPeriods(ctx.db, ctx.movement!.id).find((p) => p.id === periodId);
}

/**
 * The buttons that switch what /tinhhinh shows: registration and each period, the one in course
 * first, less the one on screen (`shown`: a period id, or null for registration).
 */
export function viewChoices(ctx: FlowContext, shown: number | null): Choice[] {
  const choices: Choice[] = shown === null ? [] : [{ id: 'v:reg', label: ctx.t('st-view-registration') }];
  for (const p of periodsCurrentFirst(listPeriods(ctx.db, ctx.movement!.id), today(ctx)))
    if (p.id !== shown) choices.push({ id: `v:${p.id}`, label: ctx.t('st-view-period', { period: periodTitle(ctx.t, p) }) });
  return choices;
}

/** The period's standing for the units the person may read. */
function scopedStanding(ctx: FlowContext, period: Period): PeriodStanding {
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  return periodStanding(ctx.db, ctx.movement!, period, today(ctx), scope.all ? {} : { unitIds: scope.unitIds });
}

function countLine(ctx: FlowContext, label: string, c: PeriodCounts): string {
  return ctx.t('stp-counts', { label, units: c.units, onTime: c.onTime, late: c.late, overdue: c.overdue, notDue: c.notDue });
}

/** The units sent late (with the day) and overdue, by name, a long list cut short. */
function namedLines(ctx: FlowContext, units: UnitPeriodStanding[]): string[] {
  const lines: string[] = [];
  for (const state of ['late', 'overdue'] as const) {
    const of = units.filter((u) => u.state === state);
    if (of.length === 0) continue;
    const names = of.slice(0, NAMED).map((u) => (u.sentOn ? ctx.t('stp-named-day', { unit: u.name, day: formatVnDate(u.sentOn) }) : u.name));
    const more = of.length > NAMED ? ctx.t('stp-more', { count: of.length - NAMED }) : '';
    lines.push(ctx.t('stp-named', { state, count: of.length, units: names.join(', ') + more }));
  }
  return lines;
}

const outcomesLine = (ctx: FlowContext, units: UnitPeriodStanding[]) => ctx.t('st-progress', { ...units.map((u) => u.outcomes).reduce(addProgressCounts, emptyProgressCounts()) });

function title(ctx: FlowContext, s: PeriodStanding): string {
  return ctx.t('stp-title', { period: periodLabel(ctx.t, s.period), due: formatVnDate(s.period.dueOn), passed: s.today > s.period.dueOn ? 'yes' : 'no', today: formatVnDate(s.today) });
}

/** A period at a glance: counts, who is late or overdue, by cluster/block and kind, targets by content area. */
export function periodOverview(ctx: FlowContext, period: Period): Prompt {
  const s = scopedStanding(ctx, period);
  // The clusters/blocks with a unit in the period (one with none has nothing to show).
  const groups = s.byGroup.filter((g) => g.units > 0);
  const lines = [title(ctx, s)];
  if (s.units.length === 0) lines.push(ctx.t('stp-nobody'));
  else {
    lines.push(countLine(ctx, ctx.t('st-total'), s.totals), outcomesLine(ctx, s.units), ...namedLines(ctx, s.units));
    if (groups.length > 1 || groups[0]?.id !== null) {
      lines.push('', ctx.t('st-by-group'));
      for (const g of groups) lines.push(countLine(ctx, g.name ?? ctx.t('cli-status-no-group'), g));
    }
    if (s.byKind.length > 1) {
      lines.push('', ctx.t('st-by-kind'));
      for (const k of s.byKind) lines.push(countLine(ctx, ctx.t(`unit-kind-${k.kind}`), k));
    }
    lines.push('', ctx.t('stp-by-area'));
    for (const a of s.byArea) lines.push(ctx.t('stp-area', { number: a.number, area: a.area, exceeded: a.exceeded, met: a.met, inProgress: a.inProgress, notMet: a.notMet, notReported: a.notReported }));
  }
  const choices: Choice[] = groups.map((g) => ({ id: `g:${g.code ?? ''}`, label: g.name ?? ctx.t('cli-status-no-group') }));
  choices.push({ id: 'search', label: ctx.t('st-search') }, ...viewChoices(ctx, period.id));
  if (s.units.length > 0) choices.push(chartChoice(ctx));
  return { text: `${lines.join('\n')}\n\n${ctx.t('st-pick')}`, choices };
}

/** A unit as listed on a cluster/block's page: its state, and the day it sent. */
export const periodUnitLabel = (ctx: FlowContext, u: UnitPeriodStanding) =>
  `${ICON[u.state]} ${u.code} — ${u.name}: ${ctx.t('stp-state', { state: u.state, day: u.sentOn ? formatVnDate(u.sentOn) : '' })}`;

/** One cluster/block (`group`: its code, '' for the units in none) for the period, a page of its units. */
export function periodGroupPage(ctx: FlowContext, period: Period, group: string, page: number, pageSize: number): { prompt: Prompt; units: UnitPeriodStanding[] } {
  const s = scopedStanding(ctx, period);
  const members = s.units.filter((u) => (u.groupCode ?? '') === group);
  const counts = s.byGroup.find((g) => (g.code ?? '') === group);
  const pages = Math.max(1, Math.ceil(members.length / pageSize));
  const at = Math.min(page, pages - 1);
  const shown = members.slice(at * pageSize, at * pageSize + pageSize);
  const name = counts?.name ?? (group === '' ? ctx.t('cli-status-no-group') : group);
  const lines = [title(ctx, s), countLine(ctx, name, counts ?? { units: 0, onTime: 0, late: 0, overdue: 0, notDue: 0 })];
  if (members.length > 0) lines.push(outcomesLine(ctx, members), ...namedLines(ctx, members));
  lines.push(ctx.t('st-page', { page: at + 1, pages }));
  const choices: Choice[] = shown.map((u) => ({ id: `u:${u.unitId}`, label: periodUnitLabel(ctx, u) }));
  if (at > 0) choices.push({ id: 'prev', label: ctx.t('st-prev') });
  if (at < pages - 1) choices.push({ id: 'next', label: ctx.t('st-next') });
  if (group !== '' && members.length > 0) choices.push(chartChoice(ctx));
  choices.push({ id: 'back', label: ctx.t('st-back') });
  return { prompt: { text: lines.join('\n'), choices }, units: members };
}

/** One unit for the period: its state and its targets judged for the period; the admin may give it more time while it owes the report. */
export function periodUnit(ctx: FlowContext, period: Period, unitId: number): Prompt {
  const back = { id: 'back', label: ctx.t('st-back') };
  const s = periodStanding(ctx.db, ctx.movement!, period, today(ctx), { unitId });
  const unit = s.units[0];
  if (!unit) return { text: ctx.t('stp-unit-not-in-period', { period: periodLabel(ctx.t, period) }), choices: [back] };
  const lines = [
    ctx.t('stp-unit-title', { unit: unit.name, period: periodLabel(ctx.t, period), due: formatVnDate(unit.dueOn) }),
    `${ICON[unit.state]} ${ctx.t('stp-state', { state: unit.state, day: unit.sentOn ? formatVnDate(unit.sentOn) : '' })}`,
    ctx.t('st-progress', { ...unit.outcomes }),
  ];
  for (const target of unitPeriodTargets(ctx.db, ctx.movement!, period, s.today, unitId))
    lines.push(ctx.t('stp-target', { number: target.areaNumber, text: target.text, outcome: target.outcome }));
  const owes = unit.sentOn === null && !!ctx.person && can.review(ctx.person);
  return { text: lines.join('\n'), choices: owes ? [{ id: 'extend', label: ctx.t('stp-extend-unit') }, back] : [back] };
}

/** Asks the admin for the unit's new due day for the period's report. */
export function periodExtendPrompt(ctx: FlowContext, period: Period, unitId: number): Prompt {
  return { text: ctx.t('stp-extend-prompt', { period: periodLabel(ctx.t, period), deadline: formatVnDate(periodDueFor(ctx.db, period, unitId)) }), choices: [{ id: 'back', label: ctx.t('st-back') }], numbered: false };
}

/** Gives the unit until the day typed for the period's report, and tells its liaisons. */
export function extendPeriodFor<D>(ctx: FlowContext, period: Period, unitId: number, typed: string | undefined): StepResult<D> {
  const reading = parseVnDate(typed ?? '', Number(ctx.movement!.endsOn.slice(0, 4)));
  if (reading.kind !== 'ok') return { kind: 'invalid', message: ctx.t('date-invalid') };
  const { until } = extendPeriodDue(ctx.db, ctx.movement!, period, { unitId, until: reading.date }, ctx.actor, ctx.now);
  const args = { period: periodLabel(ctx.t, period), deadline: formatVnDate(until) };
  ctx.notify(liaisonsOf(ctx.db, unitId), `extend:${unitId}:p${period.id}:${until}`, 'stp-extended-notice', args, (t) => [{ id: 'go:report', label: t('menu-report') }]);
  return { kind: 'done', message: ctx.t('stp-extended', args) };
}
