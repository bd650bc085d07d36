/**
 * `/dondoc` · `/cham`: what is owed, the registration or a period's report (the period in course
 * first; asked only when more than one is owed), then the units owing it within the person's
 * scope (all for the Board, its cluster/block for a cluster head), each with its liaison, phone
 * and how the latest reminder reached them; then urge them all or the units chosen: a message to
 * each unit's liaisons through the outbox, with a button to register or report. A unit is urged
 * at most once a day about each thing it owes (the urge log, domain/urges.ts); urged already, it
 * is said so and nothing is sent. Units with nobody linked are listed as such.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { deadlineFor } from '../domain/deadlines.ts';
import { periodLabel, periodLabelArgs } from '../domain/period-labels.ts';
import { findRegistration } from '../domain/registrations.ts';
import { can } from '../domain/scope.ts';
import { claimUrges } from '../domain/urges.ts';
import { formatVnDateTime } from '../domain/format-time.ts';
import { formatVnDate } from '../domain/vn-input.ts';
import { daysUntil } from '../reminders/messages.ts';
import { fold } from '../util/text.ts';
import { anyPeriodOpen, listText, obligationOf, offered, owedFrom, owedLabel, owing, today, type Owed, type Owing } from './late-owing.ts';

/** Units offered as buttons when choosing. */
const PICKABLE = 30;

const data = z.object({ what: z.string().optional(), chosen: z.array(z.number().int()).optional() });
type Data = z.infer<typeof data>;

/**
 * The key of a unit's urge on a day, one per obligation: `urge:<day>:<unit>` for the registration
 * (as it always was), `urge:<day>:p<period>:<unit>` for a period's report.
 */
const urgeKey = (day: string, owed: Owed, unitId: number) => (owed.kind === 'registration' ? `urge:${day}:${unitId}` : `urge:${day}:p${owed.period.id}:${unitId}`);

/** The message arguments of an urge: what, by when, how far off. */
function urgeMessage(ctx: FlowContext, owed: Owed, o: Owing): { id: string; args: Record<string, string | number>; button: (t: FlowContext['t']) => Choice[] } {
  const day = today(ctx);
  if (owed.kind === 'registration') {
    const deadline = deadlineFor(ctx.movement!, findRegistration(ctx.db, ctx.movement!.id, o.unitId));
    const days = daysUntil(day, deadline);
    return {
      id: 'urge-notice',
      args: { unit: o.name, year: ctx.movement!.endsOn.slice(0, 4), deadline: formatVnDate(deadline).slice(0, 5), when: days > 0 ? 'future' : days === 0 ? 'today' : 'past', days: Math.abs(days) },
      button: (t) => [{ id: 'go:register', label: t('menu-register') }],
    };
  }
  const days = daysUntil(day, o.dueOn);
  return {
    id: 'urge-report-notice',
    args: { unit: o.name, ...periodLabelArgs(owed.period), deadline: formatVnDate(o.dueOn).slice(0, 5), when: days > 0 ? 'future' : days === 0 ? 'today' : 'past', days: Math.abs(days) },
    button: (t) => [{ id: 'go:report', label: t('menu-report') }],
  };
}

/** Sends the urge to each unit's liaisons, at most once a unit a day; tells who was urged already (and when) and who could not be reached. */
function urge(ctx: FlowContext, owed: Owed, chosen: Owing[]): StepResult<Data> {
  const day = today(ctx);
  const withContacts = chosen.filter((o) => o.contacts.length > 0);
  const claimed = claimUrges(ctx.db, {
    movementId: ctx.movement!.id,
    obligation: obligationOf(owed),
    day,
    unitIds: withContacts.map((o) => o.unitId),
    byPersonId: ctx.person!.id,
    at: ctx.now,
  });
  const fresh = new Set(claimed.fresh);
  const reached = withContacts.filter((o) => fresh.has(o.unitId));
  for (const o of reached) {
    const message = urgeMessage(ctx, owed, o);
    ctx.notify(
      o.contacts.map((c) => c.id),
      urgeKey(day, owed, o.unitId),
      message.id,
      message.args,
      message.button,
    );
  }
  const unreached = chosen.filter((o) => o.contacts.length === 0).map((o) => o.code);
  const codes = new Map(chosen.map((o) => [o.unitId, o.code]));
  const already = claimed.already
    .map((a) => ({ code: codes.get(a.unitId) ?? '?', time: formatVnDateTime(a.at, ctx.movement!.timezone).slice(11) }))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => ctx.t('late-urged-at', a));
  const text = ctx.t('late-urged', { reached: reached.length, already: already.length, unreached: unreached.length, codes: unreached.join(', ') });
  return { kind: 'done', message: already.length > 0 ? `${text}\n${ctx.t('late-urged-already', { list: already.join(', ') })}` : text };
}

/** The list of what is owed, to show before asking whether to urge; or, as `done`, why there is nobody to urge. */
function listFor(ctx: FlowContext, owed: Owed): { done: string } | { note: string; data: Data } {
  const list = owing(ctx, owed);
  if (list.length === 0) return { done: ctx.t('late-none-for', { what: owedLabel(ctx, owed) }) };
  // Nobody to send to: say so and what to do, rather than ask a question whose only answer is "Không".
  if (list.every((o) => o.contacts.length === 0)) return { done: `${listText(ctx, owed, list)}\n\n${ctx.t('late-nobody-to-urge')}` };
  return { note: listText(ctx, owed, list), data: { what: obligationOf(owed) } };
}

/** What the conversation is about (the registration, should its period have left the movement). */
const owedOf = (ctx: FlowContext, d: Data): Owed => owedFrom(ctx, d.what ?? 'registration') ?? { kind: 'registration' };

export const lateFlow = defineFlow<Data>({
  id: 'late',
  version: 3,
  schema: data,
  commands: [{ en: 'late', vi: 'dondoc', aliases: ['cham'], menu: ['admin', 'cluster_head'], place: 30 }],
  requires: { movement: true, person: { may: can.urge, refusal: 'scope-urge-only' } },
  start(ctx) {
    const options = offered(ctx);
    // Nothing owed: all registered, and every report asked for so far sent.
    if (options.length === 0) return { kind: 'done', message: ctx.t(anyPeriodOpen(ctx) ? 'late-none-all' : 'late-none') };
    if (options.length === 1) {
      const shown = listFor(ctx, options[0]!.owed);
      return 'done' in shown ? { kind: 'done', message: shown.done } : { kind: 'start', step: 'confirm', data: shown.data, note: shown.note };
    }
    return { kind: 'start', step: 'what', data: {} };
  },
  steps: {
    what: {
      prompt(ctx) {
        const choices: Choice[] = offered(ctx).map(({ owed, count }) => ({
          id: obligationOf(owed),
          label: owed.kind === 'registration' ? ctx.t('late-what-registration-choice', { count }) : ctx.t('late-what-report-choice', { count, period: periodLabel(ctx.t, owed.period) }),
        }));
        return { text: ctx.t('late-what-prompt'), choices };
      },
      handle(ctx, _d, answer) {
        const owed = owedFrom(ctx, answer.choice?.id);
        if (!owed) return { kind: 'invalid', message: ctx.t('choice-expected') };
        const shown = listFor(ctx, owed);
        return 'done' in shown ? { kind: 'done', message: shown.done } : { kind: 'next', step: 'confirm', data: shown.data, note: shown.note };
      },
    },
    confirm: {
      prompt(ctx, d) {
        const reachable = owing(ctx, owedOf(ctx, d)).filter((o) => o.contacts.length > 0).length;
        const choices: Choice[] =
          reachable === 0
            ? []
            : [
                { id: 'urge', label: ctx.t('late-urge-all', { count: reachable }) },
                { id: 'pick', label: ctx.t('late-urge-pick') },
              ];
        return { text: ctx.t(reachable === 0 ? 'late-nobody-to-urge' : 'late-urge-prompt'), choices: [...choices, { id: 'no', label: ctx.t('choice-no') }] };
      },
      handle(ctx, d, answer) {
        if (answer.choice?.id === 'no') return { kind: 'done', message: ctx.t('late-not-urged') };
        if (answer.choice?.id === 'pick') return { kind: 'next', step: 'pick', data: { ...d, chosen: [] } };
        if (answer.choice?.id !== 'urge') return { kind: 'invalid', message: ctx.t('choice-expected') };
        const owed = owedOf(ctx, d);
        return urge(ctx, owed, owing(ctx, owed));
      },
      help: (ctx) => ctx.t('late-confirm-help'),
    },
    pick: {
      prompt(ctx, d) {
        const chosen = new Set(d.chosen ?? []);
        const units = owing(ctx, owedOf(ctx, d))
          .filter((o) => o.contacts.length > 0)
          .slice(0, PICKABLE);
        return {
          text: ctx.t('late-pick-prompt'),
          choices: [
            ...units.map((o) => ({ id: `u:${o.unitId}`, label: `${chosen.has(o.unitId) ? '☑' : '☐'} ${o.code} — ${o.name}` })),
            ...(chosen.size > 0 ? [{ id: 'send', label: ctx.t('late-pick-send', { count: chosen.size }) }] : []),
            { id: 'no', label: ctx.t('choice-no') },
          ],
        };
      },
      handle(ctx, d, answer) {
        const chosen = new Set(d.chosen ?? []);
        const owed = owedOf(ctx, d);
        const list = owing(ctx, owed);
        if (answer.choice?.id === 'no') return { kind: 'done', message: ctx.t('late-not-urged') };
        if (answer.choice?.id === 'send') return urge(ctx, owed, list.filter((o) => chosen.has(o.unitId)));
        // A button, or unit codes typed: "SYT, HHH".
        const ids = answer.choice?.id.startsWith('u:')
          ? [Number(answer.choice.id.slice(2))].filter((id) => list.some((o) => o.unitId === id))
          : (answer.text ?? '')
              .split(/[,;\s]+/)
              .map((code) => list.find((o) => fold(o.code) === fold(code))?.unitId)
              .filter((id): id is number => id !== undefined);
        if (ids.length === 0) return { kind: 'invalid', message: ctx.t('late-pick-expected') };
        for (const id of ids) {
          if (chosen.has(id)) chosen.delete(id);
          else chosen.add(id);
        }
        return { kind: 'next', step: 'pick', data: { ...d, chosen: [...chosen] } };
      },
      help: (ctx) => ctx.t('late-pick-help'),
    },
  },
});
