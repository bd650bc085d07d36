import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyZaloSignature, zaloMac } from '../../../src/channels/zalo/signature.ts';
import { fixtureJson } from './fake-zalo.ts';

const vector = fixtureJson<{ app_id: string; timestamp: string; oa_secret_key: string; expected_header_value: string; expected_mac_hex: string }>(
  'signature_test_vector.json',
);
/** The exact bytes the vector was computed over (whitespace and newlines included). */
const rawBody = readFileSync(new URL('../../fixtures/zalo/user_send_text.official-example.json', import.meta.url));
const input = { appId: vector.app_id, rawBody, timestamp: vector.timestamp, key: vector.oa_secret_key };

describe('X-ZEvent-Signature', () => {
  it('is sha256(app_id + raw body + timestamp + key), as in the test vector', () => {
    expect(zaloMac(input)).toBe(vector.expected_mac_hex);
    expect(verifyZaloSignature(vector.expected_header_value, input)).toBe(true);
    expect(verifyZaloSignature(vector.expected_header_value.toUpperCase().replace('MAC=', 'mac='), input)).toBe(true);
  });

  it('is computed over the bytes received, not over the JSON they mean', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8'))));
    expect(verifyZaloSignature(vector.expected_header_value, { ...input, rawBody: reserialised })).toBe(false);
  });

  it('refuses another key, timestamp or app id, and malformed or missing headers', () => {
    expect(verifyZaloSignature(vector.expected_header_value, { ...input, key: 'another key' })).toBe(false);
    expect(verifyZaloSignature(vector.expected_header_value, { ...input, timestamp: '154390853475' })).toBe(false);
    expect(verifyZaloSignature(vector.expected_header_value, { ...input, appId: '1' })).toBe(false);
    for (const header of [undefined, '', vector.expected_mac_hex, 'mac=', 'mac=abc', `mac=${'z'.repeat(64)}`, `sha256=${vector.expected_mac_hex}`]) {
      expect(verifyZaloSignature(header, input)).toBe(false);
    }
  });
});
