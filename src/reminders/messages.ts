/** The texts of reminders, escalations and digests, in each person's language. */
import type { Choice, OutboundMessage } from '../chat/types.ts';
import { formatVnDate, formatVnDateLong, localDate, type IsoDate } from '../domain/vn-input.ts';
import { periodLabel } from '../domain/period-labels.ts';
import { translator, type Locale, type Translate } from '../i18n/index.ts';
import type { GroupInfo, RegistrationOwed, UnitOwing } from './obligations.ts';
import type { Movement, Period } from '../domain/model.ts';

const DAY_MS = 86_400_000;

/** Whole days from `today` to `date` (both YYYY-MM-DD): positive when `date` is ahead. */
export function daysUntil(today: IsoDate, date: IsoDate): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** The arguments of `rem-when`: "còn 3 ngày", "hôm nay là hạn cuối", "đã quá hạn 2 ngày". */
function when(today: IsoDate, date: IsoDate) {
  const days = daysUntil(today, date);
  return { when: days > 0 ? 'future' : days === 0 ? 'today' : 'past', days: Math.abs(days) };
}

function registrationLine(t: Translate, unit: string, owed: RegistrationOwed, tz: string): string {
  switch (owed.state) {
    case 'none':
      return t('rem-reg-none', { unit });
    case 'draft':
      return t('rem-reg-draft', { unit, targets: owed.targets });
    case 'returned': {
      const lines = [t('rem-reg-returned', { unit, date: owed.returnedAt ? formatVnDate(localDate(owed.returnedAt, tz)) : '—' })];
      if (owed.reason) lines.push(t('rem-reg-reason', { reason: owed.reason }));
      return lines.join('\n');
    }
  }
}

interface ReminderContext {
  movementName: string;
  registrationDeadline: IsoDate;
  today: IsoDate;
  timeZone: string;
}

/** The reminder a liaison gets: exactly what the unit still owes, with a button for each flow to open. */
function reminderMessage(locale: Locale, ctx: ReminderContext, owing: UnitOwing): OutboundMessage {
  const t = translator(locale);
  const lines = [t('rem-title', { movement: ctx.movementName })];
  const choices: Choice[] = [];
  if (owing.registration) {
    lines.push(registrationLine(t, owing.unit.name, owing.registration, ctx.timeZone));
    lines.push(t('rem-reg-deadline', { deadline: formatVnDateLong(ctx.registrationDeadline, locale), ...when(ctx.today, ctx.registrationDeadline) }));
    choices.push({ id: 'go:register', label: t('menu-register') }, { id: 'go:register:form', label: t('menu-register-form') });
  }
  for (const p of owing.periods) {
    lines.push(
      t('rem-report', {
        unit: owing.unit.name,
        period: periodLabel(t, p.period),
        targets: p.targets,
        due: formatVnDateLong(p.period.dueOn, locale),
        ...when(ctx.today, p.period.dueOn),
      }),
    );
  }
  if (owing.periods.length > 0) choices.push({ id: 'go:report', label: t('menu-report') });
  lines.push(t(owing.registration && owing.periods.length > 0 ? 'rem-footer-both' : owing.registration ? 'rem-footer-register' : 'rem-footer-report'));
  return { text: lines.join('\n'), choices };
}

/**
 * Reminder texts for many units at once: units owing the same thing get the same text but for
 * their name, so each distinct case is formatted once with a stand-in for the name.
 */
export class ReminderTexts {
  private readonly cache = new Map<string, OutboundMessage>();
  private static readonly NAME = '\u0000unit\u0000';

  constructor(private readonly ctx: ReminderContext) {}

  for(locale: Locale, owing: UnitOwing): OutboundMessage {
    const r = owing.registration;
    const key = [locale, r ? `${r.state}|${r.targets}|${r.returnedAt}|${r.reason}` : '', ...owing.periods.map((p) => `${p.key}|${p.targets}`)].join('\u0001');
    let template = this.cache.get(key);
    if (!template) {
      template = reminderMessage(locale, this.ctx, { ...owing, unit: { ...owing.unit, name: ReminderTexts.NAME } });
      this.cache.set(key, template);
    }
    return { ...template, text: template.text.split(ReminderTexts.NAME).join(owing.unit.name) };
  }
}

/**
 * What a reminder says, field by field, for a template message (ZNS): the person, the unit, what
 * is missing, by when (the earliest date it is owed), and the movement.
 */
export function reminderNotice(locale: Locale, ctx: ReminderContext, owing: UnitOwing, personName: string): NonNullable<OutboundMessage['notice']> {
  const t = translator(locale);
  const dates = [...(owing.registration ? [ctx.registrationDeadline] : []), ...owing.periods.map((p) => p.period.dueOn)].sort();
  return { name: personName, unit: owing.unit.name, what: missingSummary(t, owing), due: dates[0] ? formatVnDate(dates[0]) : '', movement: ctx.movementName };
}

/** A reminder going to Zalo asks for the tap that keeps Zalo's 7-day window open. */
export function withTapForZalo(locale: Locale, message: OutboundMessage): OutboundMessage {
  return { ...message, text: `${message.text}\n${translator(locale)('rem-tap-zalo')}` };
}

/** "chưa gửi bản đăng ký; chưa báo cáo Quý I/2020" */
function missingSummary(t: Translate, owing: UnitOwing): string {
  const parts: string[] = [];
  if (owing.registration) parts.push(t('rem-missing-registration', { state: owing.registration.state }));
  for (const p of owing.periods) parts.push(t('rem-missing-report', { period: periodLabel(t, p.period) }));
  return parts.join('; ');
}

/** To a cluster/block head: its members that keep ignoring the reminders. */
export function escalationMessage(locale: Locale, movementName: string, group: GroupInfo, members: { owing: UnitOwing; ignored: number }[]): OutboundMessage {
  const t = translator(locale);
  const lines = [t('rem-escalation-title', { group: group.name, groupKind: group.kind, movement: movementName, count: members.length })];
  for (const m of members) lines.push(t('rem-escalation-unit', { unit: m.owing.unit.name, missing: missingSummary(t, m.owing), count: m.ignored }));
  return { text: lines.join('\n') };
}

/** What a digest tells: units overdue on their registration, and the periods some unit owes the report of. */
export interface DigestContent {
  registration: UnitOwing[];
  periods: {
    period: Period;
    /** Units reporting on the period, and how many of them sent it (which: sentIds). */
    units: number;
    sent: number;
    sentIds: number[];
    owing: UnitOwing[];
  }[];
}

/** Unit lines a digest section shows; the rest is counted. */
const DIGEST_SHOWN = 30;

/** A section's units, by cluster/block (in their order, those in none last). */
function byGroupLines(t: Translate, members: UnitOwing[], groups: Map<number, GroupInfo>, line: (m: UnitOwing) => string): string[] {
  const byGroup = new Map<number | null, UnitOwing[]>();
  for (const u of members) {
    const key = u.unit.groupId !== null && groups.has(u.unit.groupId) ? u.unit.groupId : null;
    byGroup.set(key, [...(byGroup.get(key) ?? []), u]);
  }
  const lines: string[] = [];
  let shown = 0;
  for (const id of [...groups.values()].map((g) => g.id as number | null).concat([null])) {
    const list = byGroup.get(id);
    if (!list) continue;
    if (shown >= DIGEST_SHOWN) break;
    lines.push(id === null ? t('rem-digest-no-group', { count: list.length }) : t('rem-digest-group', { group: groups.get(id)!.name, count: list.length }));
    for (const m of list.slice(0, DIGEST_SHOWN - shown)) lines.push(line(m));
    shown += Math.min(list.length, DIGEST_SHOWN - shown);
  }
  if (members.length > shown) lines.push(t('rem-digest-more', { count: members.length - shown }));
  return lines;
}

/** The digest to an admin or a cluster/block head: the registration overdue, then each period owed, the one in course first. */
export function digestMessage(locale: Locale, movement: Pick<Movement, 'name' | 'registrationDeadline'>, today: IsoDate, content: DigestContent, groups: Map<number, GroupInfo>): OutboundMessage {
  const t = translator(locale);
  const lines = [t('rem-digest-title', { movement: movement.name, date: formatVnDateLong(today, locale) })];
  if (content.registration.length > 0) {
    lines.push('', t('rem-digest-registration', { count: content.registration.length, deadline: formatVnDate(movement.registrationDeadline) }));
    lines.push(...byGroupLines(t, content.registration, groups, (m) => t('rem-digest-unit', { unit: m.unit.name, missing: missingSummary(t, m) })));
  }
  for (const p of content.periods) {
    lines.push('', t('rem-digest-period', { period: periodLabel(t, p.period), due: formatVnDate(p.period.dueOn), ...when(today, p.period.dueOn), sent: p.sent, units: p.units, count: p.owing.length }));
    lines.push(...byGroupLines(t, p.owing, groups, (m) => t('rem-digest-unit-name', { unit: m.unit.name })));
  }
  return { text: lines.join('\n') };
}

/** A broadcast as its recipient sees it. */
export function broadcastMessage(locale: Locale, text: string): OutboundMessage {
  return { text: `${translator(locale)('bc-header')}\n\n${text}` };
}
