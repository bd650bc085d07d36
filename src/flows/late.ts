/**
 * `/dondoc` · `/cham`: the units whose registration is not with the Board (quá hạn chưa nộp once
 * their deadline passed), each with its liaison and phone where known, then urge them all or the
 * units chosen: a message to each unit's liaisons through the outbox, with a button to register.
 * Units with nobody linked are listed as such; they cannot be urged by the bot.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { latestReminderOutcomes, queuedKeysStartingWith } from '../delivery/reach.ts';
import { deadlineFor } from '../domain/deadlines.ts';
import { findRegistration } from '../domain/registrations.ts';
import { can, inScope, liaisonContacts, readScope, type Contact } from '../domain/scope.ts';
import { movementStatus, type UnitStatus } from '../domain/status.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';
import { daysUntil } from '../reminders/messages.ts';
import { fold } from '../util/text.ts';

/** Lines of the list shown in one message; the rest is counted. */
const SHOWN = 40;
/** Units offered as buttons when choosing. */
const PICKABLE = 30;

const data = z.object({ chosen: z.array(z.number().int()).optional() });
type Data = z.infer<typeof data>;

interface Owing {
  unit: UnitStatus;
  contacts: Contact[];
}

function owing(ctx: FlowContext): Owing[] {
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const status = movementStatus(ctx.db, ctx.movement!, today(ctx));
  const units = status.units.filter((u) => inScope(scope, u.unitId) && (u.status === 'none' || u.status === 'draft' || u.status === 'returned'));
  const contacts = liaisonContacts(ctx.db, units.map((u) => u.unitId));
  return units.map((unit) => ({ unit, contacts: contacts.get(unit.unitId) ?? [] }));
}

const today = (ctx: FlowContext) => localDate(ctx.now, ctx.movement!.timezone);

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

function listText(ctx: FlowContext, list: Owing[]): string {
  const lines = list.slice(0, SHOWN).map(({ unit, contacts }) => {
    const late = unit.lateness === 'overdue' ? ` · ${ctx.t('lateness', { kind: 'overdue' })}` : '';
    return `• ${unit.code} — ${unit.name}: ${ctx.t('registration-status', { status: unit.status })}${late} · ${contactText(ctx, contacts)}`;
  });
  if (list.length > SHOWN) lines.push(ctx.t('late-more', { count: list.length - SHOWN }));
  const nobody = list.filter((o) => o.contacts.length === 0).length;
  const passed = today(ctx) > ctx.movement!.registrationDeadline;
  const title = ctx.t(passed ? 'late-title-passed' : 'late-title-open', { count: list.length, deadline: formatVnDate(ctx.movement!.registrationDeadline) });
  return [title, ...lines, ...(nobody > 0 ? [ctx.t('late-nobody-count', { count: nobody })] : [])].join('\n');
}

/** The key of a unit's urge on a day: each unit's liaisons are urged at most once a day. */
const urgeKey = (day: string, unitId: number) => `urge:${day}:${unitId}`;

/** Units already urged on `day` (their urge is in the outbox, sent or on its way). */
function urgedOn(ctx: FlowContext, day: string, unitIds: number[]): Set<number> {
  if (unitIds.length === 0) return new Set();
  const keys = queuedKeysStartingWith(ctx.db, `urge:${day}:`);
  return new Set(unitIds.filter((id) => keys.some((k) => k.startsWith(`${urgeKey(day, id)}:`))));
}

/** Sends the urge to each unit's liaisons, at most once a unit a day; tells who was urged already and who could not be reached. */
function urge(ctx: FlowContext, chosen: Owing[]): StepResult<Data> {
  const day = today(ctx);
  const year = ctx.movement!.endsOn.slice(0, 4);
  const withContacts = chosen.filter((o) => o.contacts.length > 0);
  const already = urgedOn(ctx, day, withContacts.map((o) => o.unit.unitId));
  const reached = withContacts.filter((o) => !already.has(o.unit.unitId));
  for (const { unit, contacts } of reached) {
    const deadline = deadlineFor(ctx.movement!, findRegistration(ctx.db, ctx.movement!.id, unit.unitId));
    const days = daysUntil(day, deadline);
    ctx.notify(
      contacts.map((c) => c.id),
      urgeKey(day, unit.unitId),
      'urge-notice',
      { unit: unit.name, year, deadline: formatVnDate(deadline).slice(0, 5), when: days > 0 ? 'future' : days === 0 ? 'today' : 'past', days: Math.abs(days) },
      (t) => [{ id: 'go:register', label: t('menu-register') }],
    );
  }
  const unreached = chosen.filter((o) => o.contacts.length === 0).map((o) => o.unit.code);
  return { kind: 'done', message: ctx.t('late-urged', { reached: reached.length, already: already.size, unreached: unreached.length, codes: unreached.join(', ') }) };
}

export const lateFlow = defineFlow<Data>({
  id: 'late',
  version: 2,
  schema: data,
  commands: [{ en: 'late', vi: 'dondoc', aliases: ['cham'], menu: ['admin', 'cluster_head'], place: 30 }],
  requires: { movement: true, person: { may: can.urge, refusal: 'scope-urge-only' } },
  start(ctx) {
    const list = owing(ctx);
    if (list.length === 0) return { kind: 'done', message: ctx.t('late-none') };
    // Nobody to send to: say so and what to do, rather than ask a question whose only answer is "Không".
    if (list.every((o) => o.contacts.length === 0)) return { kind: 'done', message: `${listText(ctx, list)}\n\n${ctx.t('late-nobody-to-urge')}` };
    return { kind: 'start', step: 'confirm', data: {}, note: listText(ctx, list) };
  },
  steps: {
    confirm: {
      prompt(ctx) {
        const reachable = owing(ctx).filter((o) => o.contacts.length > 0).length;
        const choices: Choice[] =
          reachable === 0
            ? []
            : [
                { id: 'urge', label: ctx.t('late-urge-all', { count: reachable }) },
                { id: 'pick', label: ctx.t('late-urge-pick') },
              ];
        return { text: ctx.t(reachable === 0 ? 'late-nobody-to-urge' : 'late-urge-prompt'), choices: [...choices, { id: 'no', label: ctx.t('choice-no') }] };
      },
      handle(ctx, _d, answer) {
        if (answer.choice?.id === 'no') return { kind: 'done', message: ctx.t('late-not-urged') };
        if (answer.choice?.id === 'pick') return { kind: 'next', step: 'pick', data: { chosen: [] } };
        if (answer.choice?.id !== 'urge') return { kind: 'invalid', message: ctx.t('choice-expected') };
        return urge(ctx, owing(ctx));
      },
      help: (ctx) => ctx.t('late-confirm-help'),
    },
    pick: {
      prompt(ctx, d) {
        const chosen = new Set(d.chosen ?? []);
        const units = owing(ctx).filter((o) => o.contacts.length > 0).slice(0, PICKABLE);
        return {
          text: ctx.t('late-pick-prompt'),
          choices: [
            ...units.map((o) => ({ id: `u:${o.unit.unitId}`, label: `${chosen.has(o.unit.unitId) ? '☑' : '☐'} ${o.unit.code} — ${o.unit.name}` })),
            ...(chosen.size > 0 ? [{ id: 'send', label: ctx.t('late-pick-send', { count: chosen.size }) }] : []),
            { id: 'no', label: ctx.t('choice-no') },
          ],
        };
      },
      handle(ctx, d, answer) {
        const chosen = new Set(d.chosen ?? []);
        const list = owing(ctx);
        if (answer.choice?.id === 'no') return { kind: 'done', message: ctx.t('late-not-urged') };
        if (answer.choice?.id === 'send') return urge(ctx, list.filter((o) => chosen.has(o.unit.unitId)));
        // A button, or unit codes typed: "SYT, HHH".
        const ids = answer.choice?.id.startsWith('u:')
          ? [Number(answer.choice.id.slice(2))]
          : (answer.text ?? '')
              .split(/[,;\s]+/)
              .map((code) => list.find((o) => fold(o.unit.code) === fold(code))?.unit.unitId)
              .filter((id): id is number => id !== undefined);
        if (ids.length === 0) return { kind: 'invalid', message: ctx.t('late-pick-expected') };
        for (const id of ids) {
          if (chosen.has(id)) chosen.delete(id);
          else chosen.add(id);
        }
        return { kind: 'next', step: 'pick', data: { chosen: [...chosen] } };
      },
    },
  },
});
