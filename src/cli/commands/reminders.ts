import { cliActor } from '../../domain/audit.ts';
import { resolveMovement } from '../../domain/movements.ts';
import { formatVnDate, localDate } from '../../domain/vn-input.ts';
import { localMinutes } from '../../reminders/calendar.ts';
import { calendarFor } from '../../reminders/planner.ts';
import { addRule, createDefaultRules, getRule, listRules, setRulePaused, type RuleInput } from '../../reminders/rules.ts';
import { nextDelivery } from '../../reminders/slots.ts';
import type { CliContext, Command } from '../context.ts';
import type { Movement, ReminderRule } from '../../domain/model.ts';

const KINDS: Record<string, RuleInput['kind']> = {
  registration: 'registration_deadline',
  registration_deadline: 'registration_deadline',
  period: 'period_due',
  report: 'period_due',
  period_due: 'period_due',
  cron: 'cron',
  dossier: 'dossier_deadline',
  dossier_deadline: 'dossier_deadline',
  score: 'self_assessment',
  self_assessment: 'self_assessment',
};
const SUBJECTS = ['registration', 'report', 'any', 'digest'] as const;
const ACTIONS = ['list', 'add', 'pause', 'resume', 'defaults'] as const;

/** "31/03/2020 08:00" in the movement's time zone. */
function formatWhen(epochMs: number, tz: string): string {
  const minutes = localMinutes(epochMs, tz);
  return `${formatVnDate(localDate(epochMs, tz))} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The rule in words: "Đăng ký: 7 ngày trước hạn, lúc 08:00". */
function describeRule(ctx: Pick<CliContext, 't'>, rule: ReminderRule): string {
  const offset = rule.offsetDays ?? 0;
  const dir = offset < 0 ? 'before' : offset > 0 ? 'after' : 'on';
  const what =
    rule.kind === 'cron'
      ? ctx.t('cli-reminder-what-cron', { cron: rule.cron ?? '', subject: rule.subject })
      : ctx.t(rule.kind === 'registration_deadline' ? 'cli-reminder-what-registration' : rule.kind === 'dossier_deadline' ? 'cli-reminder-what-dossier' : rule.kind === 'self_assessment' ? 'cli-reminder-what-score' : 'cli-reminder-what-period', { dir, days: Math.abs(offset), at: rule.atTime });
  const escalate = rule.escalateAfter !== null ? ctx.t('cli-reminder-escalate', { count: rule.escalateAfter }) : '';
  return `${what}${escalate}${rule.label ? ` — ${rule.label}` : ''}`;
}

function integer(ctx: CliContext, value: string | boolean | undefined, option: string): number | null | false {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[+-]?\d{1,4}$/.test(value.trim())) {
    ctx.io.stderr(ctx.t('cli-reminders-bad-number', { value: String(value), option }));
    return false;
  }
  return Number(value.trim());
}

function ruleJson(rule: ReminderRule, movement: Movement, now: number, ctx: CliContext) {
  const next = rule.paused ? undefined : nextDelivery(ctx.db(), rule, movement, now, calendarFor(movement));
  return {
    id: rule.id,
    kind: rule.kind,
    subject: rule.subject,
    offsetDays: rule.offsetDays,
    atTime: rule.kind === 'cron' ? null : rule.atTime,
    cron: rule.cron,
    escalateAfter: rule.escalateAfter,
    paused: rule.paused,
    label: rule.label,
    next: next ? new Date(next.deliverAt).toISOString() : null,
    nextLocal: next ? formatWhen(next.deliverAt, movement.timezone) : null,
  };
}

/** `thidua reminders list|add|pause <id>|resume <id>|defaults` */
export const remindersCommand: Command = {
  name: 'reminders',
  args: 'list|add|pause <id>|resume <id>|defaults',
  options: {
    movement: { type: 'string' },
    kind: { type: 'string' },
    offset: { type: 'string' },
    at: { type: 'string' },
    cron: { type: 'string' },
    subject: { type: 'string' },
    'escalate-after': { type: 'string' },
    label: { type: 'string' },
  },
  run(ctx, positionals, options) {
    const [action = 'list', idText] = positionals;
    if (!(ACTIONS as readonly string[]).includes(action)) {
      ctx.io.stderr(ctx.t('cli-reminders-usage'));
      return 2;
    }
    const db = ctx.db();
    const now = ctx.clock.now();

    if (action === 'pause' || action === 'resume') {
      const id = integer(ctx, idText, 'id');
      if (id === null || id === false) {
        ctx.io.stderr(ctx.t('cli-reminders-missing-id', { action }));
        return 2;
      }
      getRule(db, id);
      const rule = setRulePaused(db, id, action === 'pause', cliActor, now);
      ctx.say(ctx.t(action === 'pause' ? 'cli-reminder-paused' : 'cli-reminder-resumed', { id }));
      ctx.result({ id: rule.id, paused: rule.paused });
      return 0;
    }

    const movement = resolveMovement(db, options.movement as string | undefined);
    if (action === 'defaults') {
      const created = createDefaultRules(db, movement.id, cliActor, now);
      ctx.say(ctx.t('cli-reminders-defaults', { count: created.length, code: movement.code }));
      for (const rule of created) ctx.say(`  #${rule.id} ${describeRule(ctx, rule)}`);
      ctx.result({ created: created.map((r) => ruleJson(r, movement, now, ctx)) });
      return 0;
    }

    if (action === 'add') {
      const kind = KINDS[String(options.kind ?? '')];
      if (!kind) {
        ctx.io.stderr(ctx.t('cli-reminders-bad-kind', { value: String(options.kind ?? '') }));
        return 2;
      }
      const subject = options.subject as string | undefined;
      if (subject !== undefined && !(SUBJECTS as readonly string[]).includes(subject)) {
        ctx.io.stderr(ctx.t('cli-reminders-bad-subject', { value: subject, subjects: SUBJECTS.join(', ') }));
        return 2;
      }
      const offsetDays = integer(ctx, options.offset, 'offset');
      const escalateAfter = integer(ctx, options['escalate-after'], 'escalate-after');
      if (offsetDays === false || escalateAfter === false) return 2;
      const rule = addRule(
        db,
        movement.id,
        {
          kind,
          offsetDays,
          cron: (options.cron as string | undefined) ?? null,
          atTime: (options.at as string | undefined) ?? null,
          escalateAfter,
          subject: (subject as RuleInput['subject']) ?? null,
          label: (options.label as string | undefined) ?? null,
        },
        cliActor,
        now,
      );
      ctx.say(ctx.t('cli-reminder-added', { id: rule.id, what: describeRule(ctx, rule) }));
      const next = ruleJson(rule, movement, now, ctx);
      if (next.nextLocal) ctx.say(ctx.t('cli-reminder-next', { when: next.nextLocal }));
      ctx.result(next);
      return 0;
    }

    const rules = listRules(db, movement.id);
    const list = rules.map((r) => ruleJson(r, movement, now, ctx));
    if (rules.length === 0) ctx.say(ctx.t('cli-reminders-none', { code: movement.code }));
    else ctx.say(ctx.t('cli-reminders-title', { code: movement.code, count: rules.length, tz: movement.timezone }));
    for (const [i, rule] of rules.entries()) {
      ctx.say(
        ctx.t('cli-reminders-line', {
          id: rule.id,
          what: describeRule(ctx, rule),
          paused: rule.paused ? 'yes' : 'no',
          next: list[i]!.nextLocal ?? ctx.t('cli-reminder-next-none'),
        }),
      );
    }
    ctx.result(list);
    return 0;
  },
};
