/**
 * POST /zalo/webhook: checks that the call comes from Zalo (signature over the exact bytes, a
 * timestamp within the redelivery horizon), reads the event, hands it on with its id and answers
 * at once. A refused call is logged with the reason only: its body may hold anyone's message.
 */
import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponse, Route } from '../../http/server.ts';
import { whileLocked } from '../../db/faults.ts';
import type { Clock } from '../../util/clock.ts';
import type { Logger } from '../../util/log.ts';
import { parseZaloEvent, type ZaloEvent } from './events.ts';
import { verifyZaloSignature } from './signature.ts';

const WEBHOOK_PATH = '/zalo/webhook';
/**
 * How long a call waits for the database when another process holds its lock (timers, not the
 * thread) before it is answered 503: within Zalo's 2 s, with room for a busy machine.
 */
const LOCK_WAIT_MS = 1_000;

/** A call stamped further ahead of our clock than this is refused (clocks drift; Zalo's never runs ahead by more). */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * What identifies an event across Zalo's deliveries of it (each is the same body, timestamp and
 * signature): its msg_id, or the hash of the exact body for events without one. Replays within the
 * horizon are recognised by it, not by the timestamp.
 */
export function zaloEventId(body: unknown, rawBody: Buffer): string {
  const message = body !== null && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  const msgId = message !== null && typeof message === 'object' ? (message as { msg_id?: unknown }).msg_id : undefined;
  if ((typeof msgId === 'string' && msgId !== '') || typeof msgId === 'number') return String(msgId);
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

interface WebhookOptions {
  appId: string;
  /** The key that signs the calls (ZALO_OA_SECRET_KEY). */
  secretKey: string;
  clock: Clock;
  log: Logger;
  /** How old a signed call may be and still be taken: Zalo's redeliveries keep the first timestamp (ZALO_REDELIVERY_HOURS). */
  maxAgeMs: number;
  /**
   * Takes the verified event and its id (zaloEventId: the same for every delivery of it); must be
   * quick (store, not process) and write all or nothing: it is tried again while the database is
   * locked. Throwing answers 503 (the database cannot take it now) or 500, so Zalo delivers it again.
   */
  accept(event: ZaloEvent, id: string): void;
}

const answer = (status: number, body = ''): HttpResponse => ({ status, body });

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function zaloWebhookRoute(options: WebhookOptions): Route {
  const { appId, secretKey, clock, log, maxAgeMs } = options;
  const refuse = (status: number, reason: string, request: HttpRequest) => {
    log.warn('zalo webhook refused', { reason, status, bytes: request.rawBody.length });
    return answer(status);
  };
  return {
    method: 'POST',
    path: WEBHOOK_PATH,
    async handle(request) {
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
      const age = clock.now() - Number(timestamp);
      if (!/^\d+$/.test(timestamp) || age > maxAgeMs || age < -MAX_CLOCK_SKEW_MS) return refuse(401, 'timestamp out of range', request);
      const event = parseZaloEvent(body);
      const id = zaloEventId(body, request.rawBody);
      await whileLocked(() => options.accept(event, id), LOCK_WAIT_MS);
      return answer(200, 'ok');
    },
  };
}
