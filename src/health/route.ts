/**
 * `GET /health`: 200 when all is well (`ok`) or only degraded by what passes by itself (another
 * process holds the database's lock), 503 otherwise. Anyone gets the status (`{"status":"ok"}` or
 * `{"status":"degraded"}`); the report with its problems, paths and error texts goes only to a
 * caller on this machine (not through a proxy) or one with HEALTH_TOKEN (src/health/who-sees-details.ts).
 */
import type { Route } from '../http/server.ts';
import type { Locale } from '../i18n/index.ts';
import { checkHealth, problemText, type HealthInputs, type HealthReport } from './check.ts';
import { seesDetails } from './who-sees-details.ts';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The report with times as ISO strings and each problem also said in words. */
function healthJson(report: HealthReport, locale: Locale, timeZone: string): Record<string, unknown> {
  const messengers = Object.fromEntries(
    Object.entries(report.messengers).map(([name, state]) => [
      name,
      {
        lastSuccessAt: iso(state.lastSuccessAt),
        lastFailure: state.lastFailure ? { at: iso(state.lastFailure.at), kind: state.lastFailure.kind, error: state.lastFailure.error } : null,
        failing: state.failing,
        failingSince: iso(state.failingSince),
      },
    ]),
  );
  const attempt = report.backup.lastAttempt;
  return {
    status: report.ok ? 'ok' : report.degraded ? 'degraded' : 'failing',
    problems: report.problems.map((p) => ({ code: p.code, message: problemText(p, locale, timeZone) })),
    checkedAt: iso(report.checkedAt),
    database: { writable: report.database.writable, busy: report.database.busy, error: report.database.error ?? null, freeBytes: report.database.freeBytes ?? null },
    messengers,
    outbox: { waiting: report.outbox.waiting, oldestWaitingSince: iso(report.outbox.oldestWaitingSince) },
    inbound: { failed: report.inbound.failed, lastFailedAt: iso(report.inbound.lastFailedAt) },
    backup: {
      last: report.backup.last ? { path: report.backup.last.path, at: iso(report.backup.last.at) } : null,
      lastAttempt: attempt ? { ...attempt, at: iso(attempt.at) } : null,
    },
  };
}

/** The route, checking afresh at each request with the inputs of that moment. */
export function healthRoute(inputs: () => HealthInputs, locale: Locale, timeZone: string, token?: string): Route {
  return {
    method: 'GET',
    path: '/health',
    handle(request) {
      const report = checkHealth(inputs());
      const body = seesDetails(request, token) ? healthJson(report, locale, timeZone) : { status: report.ok ? 'ok' : 'degraded' };
      return { status: report.ok || report.degraded ? 200 : 503, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
    },
  };
}
