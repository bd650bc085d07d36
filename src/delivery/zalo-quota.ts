/**
 * What the Zalo OA spends, and the month's budget. Zalo gives an OA 8 free replies within 48 h of
 * each message a person sends (counted only when the reply carries that message's id) and, for a
 * verified OA, 1,000 free proactive messages a month (reset at 00:00 on the 1st, Vietnamese time),
 * then charges. Every send is recorded here with the allowance Zalo said it used; the budget caps
 * the proactive ones, and the admin chooses what happens to a message beyond it.
 */
import { z } from 'zod';
import type { DbOrTx } from '../db/connection.ts';
import { statement } from '../db/raw.ts';
import { zoneOffsetMs } from '../util/time-zone.ts';

/** Zalo reckons its months in Vietnamese time, whatever the bot's own zone. */
const ZALO_ZONE = 'Asia/Ho_Chi_Minh';
/**
 * What Zalo gives for free, as its documents said when last checked (ZALO.md, December 2026): a
 * person's own message opens a window (48 h) in which answers cost nothing (8 replies to each
 * message under the older rules; the newer ones say unlimited), and a verified OA has 1,000
 * proactive messages a month. Each is configuration (ZALO_FREE_WINDOW_HOURS, ZALO_FREE_REPLIES,
 * ZALO_MONTHLY_BUDGET), and what Zalo's answers say wins over all of them.
 */
export interface ZaloAllowance {
  freeWindowMs: number;
  freeReplies: number;
}
const FREE_REPLIES = 8;
const REPLY_WINDOW_MS = 48 * 3_600_000;
export const DEFAULT_ALLOWANCE: ZaloAllowance = { freeWindowMs: REPLY_WINDOW_MS, freeReplies: FREE_REPLIES };
const DEFAULT_BUDGET = 1_000;

/** What a proactive message beyond the budget does: waits for next month, goes by the person's other channel, or is refused and reported. */
export const OVER_BUDGET = ['wait', 'fallback', 'report'] as const;
export type OverBudget = (typeof OVER_BUDGET)[number];
/** The outbox's last_error of a message the budget held back. */
export const BUDGET_SPENT = 'zalo-budget-spent';

type QuotaKind = 'reply' | 'proactive' | 'zns';

/** Zalo's `quota` object in a send's answer (strings or numbers, as its documentation and samples differ). */
export const zaloQuota = z
  .object({
    quota_type: z.string().optional(),
    remain: z.union([z.string(), z.number()]).optional(),
    total: z.union([z.string(), z.number()]).optional(),
  })
  .loose();
export type ZaloQuota = z.infer<typeof zaloQuota>;

const count = (value: string | number | undefined) => {
  const n = typeof value === 'string' && /^\d{1,12}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
};

/** `YYYY-MM` of Zalo's month at `now`. */
function zaloMonth(now: number): string {
  return new Date(now + zoneOffsetMs(now, ZALO_ZONE)).toISOString().slice(0, 7);
}

/** 00:00 on the 1st of the next month, Vietnamese time: when the proactive allowance starts again. */
export function nextMonthStart(now: number): number {
  const local = new Date(now + zoneOffsetMs(now, ZALO_ZONE));
  const firstUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
  return firstUtc - zoneOffsetMs(firstUtc, ZALO_ZONE);
}

/** Zalo's allowances that are spent per message beyond the free ones (the proactive budget). */
const PAID_QUOTAS = new Set(['sub_quota', 'purchase_quota', 'reward_quota']);

/**
 * The allowance a sent message used: as Zalo's answer says; when it says nothing we know, as it
 * was sent (an answer by the person's message id, or a follow-up within their free window, is free).
 */
export function quotaKind(quota: ZaloQuota | undefined, sentFree: boolean): Exclude<QuotaKind, 'zns'> {
  if (quota?.quota_type === 'reply') return 'reply';
  if (quota?.quota_type && PAID_QUOTAS.has(quota.quota_type)) return 'proactive';
  return sentFree ? 'reply' : 'proactive';
}

const RECORD = 'INSERT INTO zalo_quota_ledger (at, month, recipient, kind, quota_type, remain, total) VALUES (?, ?, ?, ?, ?, ?, ?)';

export function recordQuota(db: DbOrTx, entry: { at: number; recipient: string; kind: QuotaKind; quota?: ZaloQuota | undefined }): void {
  const { at, recipient, kind, quota } = entry;
  statement(db, RECORD).run(at, zaloMonth(at), recipient, kind, quota?.quota_type ?? null, count(quota?.remain), count(quota?.total));
}

/**
 * How many free replies to the message in `replyTo` may still be sent to this person: none once
 * the window has passed; else what Zalo's last answer to a reply since then said is left, or, if
 * it said nothing, the allowance less the replies sent since it.
 */
export function freeRepliesLeft(db: DbOrTx, recipient: string, replyTo: { at: number }, now: number, allowance: ZaloAllowance = DEFAULT_ALLOWANCE): number {
  if (now - replyTo.at >= allowance.freeWindowMs) return 0;
  const zalo = statement(db, "SELECT remain FROM zalo_quota_ledger WHERE recipient = ? AND quota_type = 'reply' AND at >= ? ORDER BY id DESC LIMIT 1").get(recipient, replyTo.at) as
    | { remain: number | null }
    | undefined;
  if (zalo?.remain != null) return zalo.remain;
  const used = statement(db, "SELECT count(*) AS n FROM zalo_quota_ledger WHERE recipient = ? AND kind = 'reply' AND at >= ?").get(recipient, replyTo.at) as { n: number };
  return Math.max(0, allowance.freeReplies - used.n);
}

/** Whether the person wrote to the OA within the free window: a message to them now costs nothing. */
export function inFreeWindow(lastInboundAt: number | null | undefined, now: number, allowance: ZaloAllowance = DEFAULT_ALLOWANCE): boolean {
  return lastInboundAt != null && now - lastInboundAt < allowance.freeWindowMs;
}

interface Budget {
  /** Proactive messages a month the Board allows itself (Zalo's free allowance by default). */
  monthly: number;
  over: OverBudget;
}

const BUDGET_KEY = 'zalo.budget';
const OVER_KEY = 'zalo.over-budget';
/** The configured budget (ZALO_MONTHLY_BUDGET), recorded by the Zalo channel as it starts: what applies until an admin sets one. */
const BUDGET_DEFAULT_KEY = 'zalo.budget-default';

const whole = (text: string | undefined) => (text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined);

export function readBudget(db: DbOrTx): Budget {
  const rows = statement(db, 'SELECT key, value FROM settings WHERE key IN (?, ?, ?)').all(BUDGET_KEY, OVER_KEY, BUDGET_DEFAULT_KEY) as { key: string; value: string }[];
  const value = new Map(rows.map((r) => [r.key, r.value]));
  const over = value.get(OVER_KEY);
  return {
    monthly: whole(value.get(BUDGET_KEY)) ?? whole(value.get(BUDGET_DEFAULT_KEY)) ?? DEFAULT_BUDGET,
    over: (OVER_BUDGET as readonly (string | undefined)[]).includes(over) ? (over as OverBudget) : 'fallback',
  };
}

export function saveBudget(db: DbOrTx, budget: Partial<Budget>, now: number): void {
  const save = statement(db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  if (budget.monthly !== undefined) save.run(BUDGET_KEY, String(budget.monthly), now);
  if (budget.over !== undefined) save.run(OVER_KEY, budget.over, now);
}

/** Records the configured monthly budget (the Zalo channel, as it starts). */
export function noteBudgetDefault(db: DbOrTx, monthly: number, now: number): void {
  statement(db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    BUDGET_DEFAULT_KEY,
    String(monthly),
    now,
  );
}

/** Proactive messages recorded this month. */
export function proactiveSpent(db: DbOrTx, now: number): number {
  return (statement(db, "SELECT count(*) AS n FROM zalo_quota_ledger WHERE month = ? AND kind = 'proactive'").get(zaloMonth(now)) as { n: number }).n;
}

interface QuotaSummary {
  month: string;
  budget: Budget;
  replies: number;
  proactive: number;
  zns: number;
  /** Proactive messages left in the budget this month. */
  left: number;
  /** Messages the budget holds back: refused this month, or waiting for next month. */
  held: number;
  /** What Zalo last said is left of its free proactive allowance, when it said. */
  zaloRemain: number | null;
  /** Whether anything was ever sent through the OA (the Board uses Zalo at all). */
  used: boolean;
}

export function quotaSummary(db: DbOrTx, now: number, month = zaloMonth(now)): QuotaSummary {
  const budget = readBudget(db);
  const by = new Map(
    (statement(db, 'SELECT kind, count(*) AS n FROM zalo_quota_ledger WHERE month = ? GROUP BY kind').all(month) as { kind: QuotaKind; n: number }[]).map((r) => [r.kind, r.n]),
  );
  const last = statement(db, "SELECT remain FROM zalo_quota_ledger WHERE month = ? AND quota_type = 'sub_quota' AND remain IS NOT NULL ORDER BY id DESC LIMIT 1").get(month) as
    | { remain: number }
    | undefined;
  const used = statement(db, 'SELECT 1 AS x FROM zalo_quota_ledger LIMIT 1').get() !== undefined;
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const first = Date.UTC(year, mon - 1, 1);
  const from = first - zoneOffsetMs(first, ZALO_ZONE);
  // Due this month or later: refused this month, or waiting for a month to come.
  const held = (statement(db, "SELECT count(*) AS n FROM outbox WHERE last_error = ? AND status IN ('pending', 'failed') AND not_before >= ?").get(BUDGET_SPENT, from) as { n: number }).n;
  const proactive = by.get('proactive') ?? 0;
  return {
    month,
    budget,
    replies: by.get('reply') ?? 0,
    proactive,
    zns: by.get('zns') ?? 0,
    left: Math.max(0, budget.monthly - proactive),
    held,
    zaloRemain: last?.remain ?? null,
    used,
  };
}
