/** Zalo's failures, and what each one means for a message: retry later, give up on this person, or drop it. */
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

export const TOKEN_ERRORS = new Set([-216, -220]);
const RATE_LIMITED = -32;

/** Why a person cannot be reached on Zalo, stored as identities.unreachable_reason. */
export const UNREACHABLE: Record<number, string> = {
  [-230]: 'window-expired',
  [-213]: 'not-follower',
  [-227]: 'user-inactive',
};
export const UNFOLLOWED = 'unfollowed';

/** The outcome of a failed send, in the outbox's terms. */
export function sendFailure(error: unknown): Exclude<SendResult, { ok: true }> {
  if (error instanceof ZaloApiError) {
    const unreachable = UNREACHABLE[error.code];
    if (unreachable) return { ok: false, kind: 'unreachable', error: unreachable };
    // Token errors get here only when the refresh and the one retry did not help.
    if (error.code === RATE_LIMITED || TOKEN_ERRORS.has(error.code)) return { ok: false, kind: 'temporary', error: error.message };
    return { ok: false, kind: 'permanent', error: error.message };
  }
  if (error instanceof ZaloTransportError || error instanceof ZaloTokenError) return { ok: false, kind: 'temporary', error: error.message };
  return { ok: false, kind: 'permanent', error: error instanceof Error ? error.message : String(error) };
}
