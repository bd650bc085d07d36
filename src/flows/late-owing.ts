/**
 * What /dondoc urges about and who owes it, within the units the person may urge: the
 * registration (units whose registration is not with the Board) or a period's report (units that
 * report on the period and have not sent it: overdue, or not yet due), each unit with its
 * liaisons (name, phone) and how the latest reminder reached them.
 */
import type { FlowContext } from '../chat/engine.ts';
import { latestReminderOutcomes } from '../delivery/reach.ts';
import { listPeriods } from '../domain/movements.ts';
import { openPeriods } from '../domain/open-periods.ts';
import { periodLabel } from '../domain/period-labels.ts';
import { periodStanding } from '../domain/period-standing.ts';
import { inScope, liaisonContacts, readScope, type Contact } from '../domain/scope.ts';
import { movementStatus } from '../domain/status.ts';
import { periodObligation, type UrgeObligation } from '../domain/urges.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';
import type { Period } from '../domain/model.ts';
import { snapshot, unitsOwing } from '../reminders/obligations.ts';

/** Lines of the list shown in one message; the rest is counted. */
const SHOWN = 40;

export type Owed = { kind: 'registration' } | { kind: 'period'; period: Period };

export interface Owing {
  unitId: number;
  code: string;
  name: string;
  /** Where the unit stands on what is owed: "Chưa gửi · quá hạn chưa nộp", "chưa đến hạn (20/04/2020)". */
  standing: string;
  /** Its due day (the registration deadline, or the period's due day for the unit). */
  dueOn: string;
  contacts: Contact[];
}

export const today = (ctx: FlowContext) => localDate(ctx.now, ctx.movement!.timezone);

export const obligationOf = (owed: Owed): UrgeObligation => (owed.kind === 'registration' ? 'registration' : periodObligation(owed.period.id));

/** `registration` or `period:<id>` back to what it stands for; undefined for a period no longer in the movement. */
export function owedFrom(ctx: FlowContext, id: string | undefined): Owed | undefined {
  if (id === 'registration') return { kind: 'registration' };
  const period = listPeriods(ctx.db, ctx.movement!.id).find((p) => `period:${p.id}` === id);
  return period ? { kind: 'period', period } : undefined;
}

/** The lists already made while handling this message (a step's answer and the next prompt ask for the same one). */
const made = new WeakMap<FlowContext, Map<string, Owing[]>>();

/** The units in the person's scope owing the registration or the period's report, with their liaisons. */
export function owing(ctx: FlowContext, owed: Owed): Owing[] {
  const key = obligationOf(owed);
  let lists = made.get(ctx);
  if (!lists) made.set(ctx, (lists = new Map()));
  const known = lists.get(key);
  if (known) return known;
  const list = owingNow(ctx, owed);
  lists.set(key, list);
  return list;
}

function owingNow(ctx: FlowContext, owed: Owed): Owing[] {
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const day = today(ctx);
  let list: Omit<Owing, 'contacts'>[];
  if (owed.kind === 'registration') {
    const status = movementStatus(ctx.db, ctx.movement!, day);
    list = status.units
      .filter((u) => inScope(scope, u.unitId) && (u.status === 'none' || u.status === 'draft' || u.status === 'returned'))
      .map((u) => ({
        unitId: u.unitId,
        code: u.code,
        name: u.name,
        standing: `${ctx.t('registration-status', { status: u.status })}${u.lateness === 'overdue' ? ` · ${ctx.t('lateness', { kind: 'overdue' })}` : ''}`,
        dueOn: ctx.movement!.registrationDeadline,
      }));
  } else {
    const standing = periodStanding(ctx.db, ctx.movement!, owed.period, day, scope.all ? {} : { unitIds: scope.unitIds });
    // Owing the report: overdue, or not yet due and not sent (a period in course).
    list = standing.units
      .filter((u) => u.sentOn === null && (u.state === 'overdue' || u.state === 'not_due'))
      .map((u) => ({
        unitId: u.unitId,
        code: u.code,
        name: u.name,
        standing: ctx.t('late-report-standing', { state: u.state }),
        dueOn: u.dueOn,
      }));
  }
  const contacts = liaisonContacts(ctx.db, list.map((u) => u.unitId));
  return list.map((u) => ({ ...u, contacts: contacts.get(u.unitId) ?? [] }));
}

/**
 * What the person may urge about today, with how many units owe it: the registration first, then
 * the open periods, the one in course first. Counted from one snapshot of the movement (the
 * reminders' rule, as movementStatus's and periodStanding's), not a standing each.
 */
export function offered(ctx: FlowContext): { owed: Owed; count: number }[] {
  let known = counted.get(ctx);
  if (!known) counted.set(ctx, (known = countOwed(ctx)));
  return known;
}

/** The counts already made while handling this message (the command, then its question). */
const counted = new WeakMap<FlowContext, { owed: Owed; count: number }[]>();

function countOwed(ctx: FlowContext): { owed: Owed; count: number }[] {
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const snap = snapshot(ctx.db, ctx.movement!);
  const periods = openPeriods(snap.periods, today(ctx));
  let registration = 0;
  const counts = new Map<number, number>();
  for (const o of unitsOwing(snap, { registration: true, periods })) {
    if (!inScope(scope, o.unit.id)) continue;
    if (o.registration) registration++;
    for (const p of o.periods) counts.set(p.period.id, (counts.get(p.period.id) ?? 0) + 1);
  }
  return [
    ...(registration > 0 ? [{ owed: { kind: 'registration' } as Owed, count: registration }] : []),
    ...periods.flatMap((period) => (counts.has(period.id) ? [{ owed: { kind: 'period', period } as Owed, count: counts.get(period.id)! }] : [])),
  ];
}

/** Whether any period's reporting has opened (then "nothing owed" covers the reports too). */
export const anyPeriodOpen = (ctx: FlowContext) => openPeriods(listPeriods(ctx.db, ctx.movement!.id), today(ctx)).length > 0;

export const owedLabel = (ctx: FlowContext, owed: Owed) =>
  owed.kind === 'registration' ? ctx.t('late-what-registration') : ctx.t('late-what-report', { period: periodLabel(ctx.t, owed.period) });

function contactText(ctx: FlowContext, contacts: Contact[]): string {
  if (contacts.length === 0) return ctx.t('late-nobody');
  // How each one's latest reminder went (received on Zalo, Telegram, ZNS… or not reached: call them).
  const reached = new Map(latestReminderOutcomes(ctx.db, contacts.map((c) => c.id)).map((r) => [r.personId, r.outcome]));
  return contacts
    .map((c) => {
      const contact = c.phone ? ctx.t('late-contact-phone', { name: c.name, phone: c.phone }) : c.name;
      const outcome = reached.get(c.id);
      return outcome ? ctx.t('late-contact-outcome', { contact, outcome: ctx.t('reach-outcome', { outcome }) }) : contact;
    })
    .join('; ');
}

/** The list as a message: a title saying what is owed and by when, a line a unit, those nobody can receive counted. */
export function listText(ctx: FlowContext, owed: Owed, list: Owing[]): string {
  const lines = list.slice(0, SHOWN).map((o) => `• ${o.code} — ${o.name}: ${o.standing} · ${contactText(ctx, o.contacts)}`);
  if (list.length > SHOWN) lines.push(ctx.t('late-more', { count: list.length - SHOWN }));
  const nobody = list.filter((o) => o.contacts.length === 0).length;
  const day = today(ctx);
  const title =
    owed.kind === 'registration'
      ? ctx.t(day > ctx.movement!.registrationDeadline ? 'late-title-passed' : 'late-title-open', {
          count: list.length,
          deadline: formatVnDate(ctx.movement!.registrationDeadline),
        })
      : ctx.t(day > owed.period.dueOn ? 'late-report-title-passed' : 'late-report-title-open', {
          count: list.length,
          period: periodLabel(ctx.t, owed.period),
          deadline: formatVnDate(owed.period.dueOn),
        });
  return [title, ...lines, ...(nobody > 0 ? [ctx.t('late-nobody-count', { count: nobody })] : [])].join('\n');
}
