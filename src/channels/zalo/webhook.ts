/**
 * POST /zalo/webhook: checks that the call comes from Zalo (signature over the exact bytes, a
 * recent timestamp), reads the event, hands it on and answers at once. A refused call is logged
 * with the reason only: its body may hold anyone's message.
 */
import type { HttpRequest, HttpResponse, Route } from '../../http/server.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Logger } from '../../util/log.ts';
import { parseZaloEvent, type ZaloEvent } from './events.ts';
import { verifyZaloSignature } from './signature.ts';

export const WEBHOOK_PATH = '/zalo/webhook';
/** A call whose timestamp is further than this from our clock is refused as a replay. */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

export interface WebhookOptions {
  appId: string;
  /** The key that signs the calls (ZALO_OA_SECRET_KEY). */
  secretKey: string;
  clock: Clock;
  log: Logger;
  /** Takes the verified event; must be quick (store, not process). Throwing answers 503 (the database cannot take it now) or 500, so Zalo delivers it again. */
  accept(event: ZaloEvent): void;
}

const answer = (status: number, body = ''): HttpResponse => ({ status, body });

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function zaloWebhookRoute(options: WebhookOptions): Route {
  const { appId, secretKey, clock, log } = options;
  const refuse = (status: number, reason: string, request: HttpRequest) => {
    log.warn('zalo webhook refused', { reason, status, bytes: request.rawBody.length });
    return answer(status);
  };
  return {
    method: 'POST',
    path: WEBHOOK_PATH,
    handle(request) {
      const signature = headerValue(request.headers['x-zevent-signature']);
      if (!signature) return refuse(401, 'no signature', request);
      let body: unknown;
      try {
        body = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        return refuse(400, 'malformed JSON', request);
      }
      const stamp = body !== null && typeof body === 'object' ? (body as { timestamp?: unknown }).timestamp : undefined;
      const timestamp = typeof stamp === 'string' || typeof stamp === 'number' ? String(stamp) : '';
      if (!verifyZaloSignature(signature, { appId, rawBody: request.rawBody, timestamp, key: secretKey })) {
        return refuse(401, 'bad signature', request);
      }
      const sentAt = Number(timestamp);
      if (!/^\d+$/.test(timestamp) || Math.abs(clock.now() - sentAt) > MAX_CLOCK_SKEW_MS) return refuse(401, 'timestamp out of range', request);
      options.accept(parseZaloEvent(body));
      return answer(200, 'ok');
    },
  };
}
