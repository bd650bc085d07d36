/**
 * Creating an invite from chat (Ban TĐKT only): a role, a unit found by code or name, an optional
 * name; the answer is the single-use code and, when the Telegram bot is known, its deep link.
 * Admin rights are never handed out from chat: admin invites come from the CLI.
 */
import { z } from 'zod';
import { movementZone } from '../domain/time-zone.ts';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import { createInvite, telegramUsername } from '../domain/invites.ts';
import { can } from '../domain/scope.ts';
import { listUnits } from '../domain/units.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';
import { findByCodeOrName } from '../util/text.ts';
import { skipChoice } from './common.ts';

const ROLES = ['liaison', 'cluster_head', 'viewer'] as const;

const data = z.object({
  role: z.enum(ROLES).optional(),
  unitCode: z.string().optional(),
  matches: z.array(z.string()).optional(),
});
type Data = z.infer<typeof data>;

function create(ctx: FlowContext, d: Data, name: string | null): StepResult<Data> {
  const invite = createInvite(ctx.db, { unitCode: d.unitCode ?? null, role: d.role!, personName: name }, ctx.actor, ctx.now);
  const username = telegramUsername(ctx.db);
  const tz = movementZone(ctx.movement);
  return {
    kind: 'done',
    message: ctx.t('inv-created', {
      code: invite.code,
      role: ctx.t(`role-${d.role}`),
      unit: d.unitCode ?? '—',
      expires: formatVnDate(localDate(invite.expiresAt, tz)),
      link: username ? `https://t.me/${username}?start=${invite.code}` : '',
      hasLink: username ? 'yes' : 'no',
    }),
  };
}

export const inviteFlow = defineFlow<Data>({
  id: 'invite',
  version: 1,
  schema: data,
  commands: [{ en: 'invite', vi: 'moi', menu: ['admin'], place: 50 }],
  requires: { person: { may: can.invite, refusal: 'scope-admin-only' } },
  start() {
    return { kind: 'start', step: 'role', data: {} };
  },
  steps: {
    role: {
      progress: () => [1, 3],
      prompt: (ctx) => ({ text: ctx.t('inv-role-prompt'), choices: ROLES.map((r) => ({ id: r, label: ctx.t(`role-${r}`) })) }),
      handle(ctx, d, answer) {
        const role = ROLES.find((r) => r === answer.choice?.id);
        if (!role) return { kind: 'invalid', message: ctx.t('choice-expected') };
        return { kind: 'next', step: 'unit', data: { ...d, role } };
      },
    },
    unit: {
      progress: () => [2, 3],
      prompt(ctx, d) {
        const names = new Map(listUnits(ctx.db).map((u) => [u.code, u.name]));
        const choices = (d.matches ?? []).map((code) => ({ id: code, label: `${code} — ${names.get(code) ?? ''}` }));
        return { text: ctx.t(d.matches ? 'inv-unit-pick' : 'inv-unit-prompt'), choices };
      },
      handle(ctx, d, answer) {
        const query = answer.choice?.id ?? answer.text ?? '';
        const found = findByCodeOrName(listUnits(ctx.db), query);
        if (found.length === 0) return { kind: 'invalid', message: ctx.t('st-not-found', { query }) };
        if (found.length > 1) return { kind: 'next', step: 'unit', data: { ...d, matches: found.slice(0, 10).map((u) => u.code) } };
        return { kind: 'next', step: 'name', data: { role: d.role, unitCode: found[0]!.code }, note: ctx.t('inv-unit-chosen', { unit: found[0]!.name }) };
      },
    },
    name: {
      progress: () => [3, 3],
      prompt: (ctx) => ({ text: ctx.t('inv-name-prompt'), choices: [skipChoice(ctx.t)] }),
      handle(ctx, d, answer) {
        if (answer.choice?.id === 'skip') return create(ctx, d, null);
        const name = answer.text?.trim() ?? '';
        if (name.length < 2 || name.length > 100) return { kind: 'invalid', message: ctx.t('inv-name-expected') };
        return create(ctx, d, name);
      },
    },
  },
});
