/**
 * The OA's token pair. The access token lives about 25 hours; the refresh token is single-use, so
 * each refresh returns a new pair that must be stored before it is used, and two refreshes must
 * never run at once: one refresh promise per process, and a lease row in `settings` across processes.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { whileLocked } from '../../db/faults.ts';
import { releaseLease, takeLease } from '../../db/settings.ts';
import { readTokenPair, storeTokenPair, type TokenPair } from '../../db/zalo-tokens.ts';
import type { Clock } from '../../util/clock.ts';
import type { Logger } from '../../util/log.ts';
import { ZaloTokenError } from './errors.ts';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** After a failed refresh, calls in this process fail at once for a while instead of asking Zalo again each time. */
const REFRESH_COOLDOWN_MS = 60_000;
const LEASE_KEY = 'zalo.tokens.refresh_lease';

/** A token as Zalo issues it: one run of printable characters. */
export const tokenText = z.string().trim().min(16).max(4096).regex(/^[\x21-\x7e]+$/);

const refreshAnswer = z.object({
  access_token: tokenText,
  refresh_token: tokenText,
  // A string in Zalo's answers ("90000"), a number in some examples.
  expires_in: z.union([z.string().regex(/^\d{1,9}$/), z.number().int()]).transform(Number).pipe(z.number().int().positive()),
});
const refreshError = z.object({ error: z.number().optional(), error_name: z.string().optional(), error_description: z.string().optional() }).loose();


interface ZaloTokensOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  oauthBase: string;
  appId: string;
  appSecret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** How long a process may hold the refresh lease before others consider it crashed. */
  leaseMs?: number;
  /** How often a process waiting for another one's refresh looks again. */
  pollMs?: number;
}

/** How long a refreshed pair waits for the database (another process's lock) before it is given up: within the lease. */
const STORE_WAIT_MS = 20_000;

export class ZaloTokens {
  private inFlight: Promise<string> | undefined;
  private lastFailure: { at: number; error: unknown } | undefined;
  private readonly owner = randomUUID();
  private readonly fetch: typeof fetch;
  private readonly leaseMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: ZaloTokensOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
  }

  /** A valid access token, refreshed first when it expires within the margin. */
  async accessToken(): Promise<string> {
    const pair = readTokenPair(this.options.db);
    if (!pair) throw new ZaloTokenError('no Zalo tokens stored (thidua zalo-tokens)');
    const now = this.options.clock.now();
    if (pair.expiresAt - REFRESH_MARGIN_MS > now) return pair.accessToken;
    try {
      return await this.refresh(pair.accessToken);
    } catch (error) {
      // The old token still works for a few minutes: use it, the next call tries again.
      if (pair.expiresAt > now) {
        this.options.log.warn('zalo token refresh failed, using the current token', { error: String(error) });
        return pair.accessToken;
      }
      throw error;
    }
  }

  /**
   * A new access token to replace `stale` (expiring, or refused by Zalo with -216/-220). Callers in
   * this process share one refresh; if another process already replaced `stale`, its token is used.
   */
  refresh(stale: string): Promise<string> {
    const now = this.options.clock.now();
    if (this.lastFailure && now - this.lastFailure.at < REFRESH_COOLDOWN_MS) return Promise.reject(this.lastFailure.error);
    this.inFlight ??= this.refreshAcrossProcesses(stale)
      .then(
        (token) => {
          this.lastFailure = undefined;
          return token;
        },
        (error: unknown) => {
          this.lastFailure = { at: this.options.clock.now(), error };
          throw error;
        },
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  /** A pair someone else stored in place of `stale`, still good for a while. */
  private replaced(pair: TokenPair | undefined, stale: string): pair is TokenPair {
    return pair !== undefined && pair.accessToken !== stale && pair.expiresAt - REFRESH_MARGIN_MS > this.options.clock.now();
  }

  private async refreshAcrossProcesses(stale: string): Promise<string> {
    const started = Date.now();
    for (;;) {
      if (this.takeLease()) {
        try {
          return await this.refreshHoldingLease(stale);
        } finally {
          this.releaseLease();
        }
      }
      // Another process is refreshing: wait for it, then use the pair it stored.
      await sleep(this.pollMs);
      const pair = readTokenPair(this.options.db);
      if (this.replaced(pair, stale)) return pair.accessToken;
      if (Date.now() - started > this.leaseMs + this.timeoutMs()) throw new ZaloTokenError('timed out waiting for another process to refresh the Zalo token');
    }
  }

  private async refreshHoldingLease(stale: string): Promise<string> {
    const { db, clock, log } = this.options;
    const pair = readTokenPair(db);
    if (!pair) throw new ZaloTokenError('no Zalo tokens stored (thidua zalo-tokens)');
    if (pair.accessToken !== stale && pair.expiresAt - REFRESH_MARGIN_MS > clock.now()) return pair.accessToken;
    const next = await this.requestPair(pair.refreshToken);
    // Zalo took the old refresh token: the new pair must be kept, waiting out another process's lock (on timers).
    if (!(await whileLocked(() => storeTokenPair(db, next, clock.now(), pair.refreshToken), STORE_WAIT_MS)))
      throw new ZaloTokenError('the Zalo token pair changed during the refresh');
    log.info('zalo token refreshed', { expiresAt: new Date(next.expiresAt).toISOString() });
    return next.accessToken;
  }

  /** Asks Zalo's OAuth server for a new pair; throws (keeping the old pair) on any error answer. */
  private async requestPair(refreshToken: string): Promise<TokenPair> {
    const { oauthBase, appId, appSecret, clock } = this.options;
    let body: unknown;
    try {
      const response = await this.fetch(`${oauthBase}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: appSecret },
        body: new URLSearchParams({ refresh_token: refreshToken, app_id: appId, grant_type: 'refresh_token' }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs()),
      });
      body = await response.json();
    } catch (error) {
      throw new ZaloTokenError(`Zalo OAuth unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = refreshAnswer.safeParse(body);
    if (!parsed.success) {
      const failure = refreshError.safeParse(body);
      const detail = failure.success ? [failure.data.error, failure.data.error_name, failure.data.error_description].filter((x) => x !== undefined).join(' ') : '';
      throw new ZaloTokenError(`Zalo refused the token refresh${detail ? `: ${detail}` : ''}`);
    }
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: clock.now() + parsed.data.expires_in * 1000,
    };
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 10_000;
  }

  /** Takes the lease if it is free or its holder overran it (crashed); true when taken. */
  private takeLease(): boolean {
    return takeLease(this.options.db, LEASE_KEY, this.owner, this.options.clock.now(), this.leaseMs);
  }

  private releaseLease(): void {
    releaseLease(this.options.db, LEASE_KEY, this.owner);
  }
}
