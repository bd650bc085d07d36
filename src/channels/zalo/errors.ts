/**
 * Zalo's failures, and whose fault each one is: the person's (not reachable there: the contact is
 * marked), a passing one (retried), the account's (balance, package, template, token, limits: no
 * person is marked, the message waits or goes another way and the admins are told), or the
 * message's own (refused for good). Codes from Zalo's OA API and ZNS error tables, rechecked
 * December 2026 (../shared/ZALO.md); a code not listed is taken for a bad request, so an unknown
 * answer never writes a person off.
 */
import type { SendResult } from '../../chat/channel.ts';

/** Zalo answered with `error != 0` (usually with HTTP 200). */
export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`zalo ${code}: ${message}`);
  }
}

/** Zalo could not be reached, or answered with an HTTP error and no readable body. */
export class ZaloTransportError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/** Zalo said it worked, but the answer was not what we expected: not retried, it may have gone through. */
export class ZaloResponseError extends Error {}

/** No usable access token: none was set (thidua zalo-tokens), or refreshing it failed. */
export class ZaloTokenError extends Error {}

/** The OA's token refused (-216 invalid, -220 expired), and ZNS's (-124): refreshed once, the call tried once more. */
export const TOKEN_ERRORS = new Set([-216, -220, -124]);

const ERROR_CLASSES = ['unreachable', 'retry', 'account', 'bad-request'] as const;
type ZaloErrorClass = (typeof ERROR_CLASSES)[number];

/** Why a person cannot be reached on Zalo, stored as identities.unreachable_reason. */
const UNREACHABLE: Record<number, string> = {
  // OA API
  [-230]: 'window-expired',
  [-232]: 'window-expired',
  [-213]: 'not-follower',
  [-227]: 'user-inactive',
  [-217]: 'user-blocked',
  [-244]: 'user-blocked',
  // ZNS
  [-108]: 'phone-invalid',
  [-110]: 'zalo-outdated',
  [-114]: 'zns-refused',
  [-118]: 'not-on-zalo',
  [-119]: 'zns-refused',
  [-139]: 'zns-refused',
};
export const UNFOLLOWED = 'unfollowed';

/** Failures that pass: Zalo's own trouble, the rate limit (4,000 calls a minute), a token refused again right after its refresh. */
const RETRY = new Set([-32, -100, -216, -220]);

/**
 * The account's problems, not the person's: billing and packages (-211 quota, -224 package,
 * -320 no Zalo Cloud Account, -321 its balance, -115 ZNS balance, -137 payment), the app or OA
 * not allowed (-101…-105, -117, -120, -125, -221, -223), the template (-109 invalid, -112 its
 * data, -116 its text, -131 not approved), limits of the day (-144), the night-time ban (-133),
 * the ZNS token (-124, after its refresh).
 */
const ACCOUNT = new Set([-101, -102, -103, -104, -105, -109, -112, -115, -116, -117, -120, -124, -125, -131, -133, -137, -144, -211, -221, -223, -224, -320, -321]);
/** ZNS may not be sent between 22:00 and 06:00: tried again at 06:00. */
export const NIGHT_BAN = -133;
/** The day's limit: tried again after midnight. */
export const DAILY_LIMIT = -144;

export function classifyZaloError(code: number): ZaloErrorClass {
  if (UNREACHABLE[code] !== undefined) return 'unreachable';
  if (RETRY.has(code)) return 'retry';
  if (ACCOUNT.has(code)) return 'account';
  return 'bad-request';
}

/** The outcome of a failed send, in the outbox's terms; an account problem is tried again after `accountRetryMs`. */
export function sendFailure(error: unknown, accountRetryMs = 3_600_000): Exclude<SendResult, { ok: true }> {
  if (error instanceof ZaloApiError) {
    switch (classifyZaloError(error.code)) {
      case 'unreachable':
        return { ok: false, kind: 'unreachable', error: UNREACHABLE[error.code]! };
      case 'retry':
        return { ok: false, kind: 'temporary', error: error.message };
      case 'account':
        return { ok: false, kind: 'account', error: error.message, code: error.code, retryAfterMs: accountRetryMs };
      case 'bad-request':
        return { ok: false, kind: 'permanent', error: error.message };
    }
  }
  if (error instanceof ZaloTransportError || error instanceof ZaloTokenError) return { ok: false, kind: 'temporary', error: error.message };
  return { ok: false, kind: 'permanent', error: error instanceof Error ? error.message : String(error) };
}
