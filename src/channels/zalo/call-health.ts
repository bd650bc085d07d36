/**
 * Reports every call to Zalo (OA API and OAuth) to the health record, by wrapping the fetch the
 * Zalo client and token refresher use. Zalo answers errors with HTTP 200 and a non-zero `error`.
 */
import { messengerCalls } from '../../health/messenger-calls.ts';
import { TOKEN_ERRORS } from './errors.ts';

const OAUTH_PATH = '/oa/access_token';

/** `fetchImpl`, reporting each call's outcome to the health record. */
export function recordZaloCalls(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const where = new URL(url).pathname;
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      messengerCalls.failed('zalo', 'unreachable', `${where}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    if (response.status >= 500 || response.status === 429) {
      messengerCalls.failed('zalo', 'unreachable', `${where}: HTTP ${response.status}`);
      return response;
    }
    const body = (await response.clone().json().catch(() => undefined)) as { error?: unknown; message?: unknown; error_name?: unknown } | undefined;
    const code = typeof body?.error === 'number' ? body.error : 0;
    // A refused refresh means the stored pair is no longer any good; -216/-220 that the access token is not.
    const tokenRefused = response.status === 401 || TOKEN_ERRORS.has(code) || (code !== 0 && where.endsWith(OAUTH_PATH));
    if (tokenRefused) messengerCalls.failed('zalo', 'token', `${where}: ${code || response.status} ${String(body?.message ?? body?.error_name ?? '')}`.trim());
    else messengerCalls.succeeded('zalo');
    return response;
  };
}
