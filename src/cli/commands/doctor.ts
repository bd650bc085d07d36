import { formatVnDateTime } from '../../domain/format-time.ts';
import { runDoctorChecks, type Finding } from '../doctor-checks.ts';
import type { CliContext, Command } from '../context.ts';

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

function say(ctx: CliContext, finding: Finding): string {
  const times = Object.fromEntries(Object.entries(finding.times ?? {}).map(([k, ms]) => [k, formatVnDateTime(ms, ctx.config.TZ)]));
  return ctx.t(finding.text, { ...finding.args, ...times });
}

/** Checks the installation and the running bot's state, and says in plain words what to fix. */
export const doctorCommand: Command = {
  name: 'doctor',
  options: {},
  async run(ctx) {
    const findings = await runDoctorChecks({ config: ctx.config, db: ctx.db(), now: ctx.clock.now() });
    for (const f of findings) ctx.say(`${MARK[f.severity]} ${say(ctx, f)}`);
    const failing = findings.filter((f) => f.severity === 'fail').length;
    const warnings = findings.filter((f) => f.severity === 'warn').length;
    ctx.say('');
    ctx.say(failing > 0 ? ctx.t('doctor-summary-fail', { count: failing }) : warnings > 0 ? ctx.t('doctor-summary-warn', { count: warnings }) : ctx.t('doctor-summary-ok'));
    ctx.result({ ok: failing === 0, findings: findings.map((f) => ({ severity: f.severity, code: f.text, message: say(ctx, f) })) });
    return failing > 0 ? 1 : 0;
  },
};
