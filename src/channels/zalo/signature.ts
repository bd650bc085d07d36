/**
 * Zalo signs each webhook call with `X-ZEvent-Signature: mac=<hex>`, where <hex> is a plain
 * SHA-256 (not an HMAC) of app_id + raw body + the body's `timestamp` + the OA secret key.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

interface SignatureInput {
  appId: string;
  /** The exact bytes received: re-serialised JSON would not match. */
  rawBody: Buffer;
  timestamp: string;
  key: string;
}

export function zaloMac({ appId, rawBody, timestamp, key }: SignatureInput): string {
  return createHash('sha256').update(appId, 'utf8').update(rawBody).update(timestamp, 'utf8').update(key, 'utf8').digest('hex');
}

const HEADER = /^\s*mac=([0-9a-fA-F]{64})\s*$/;

/** True when `header` carries the mac of `input`; compared in constant time. */
export function verifyZaloSignature(header: string | undefined, input: SignatureInput): boolean {
  const match = header === undefined ? null : HEADER.exec(header);
  if (!match) return false;
  const expected = Buffer.from(zaloMac(input), 'hex');
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
