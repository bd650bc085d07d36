import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { auditLog, identities, invites, people } from '../../src/db/schema.ts';
import {
  createInvite,
  DEFAULT_INVITE_DAYS,
  normaliseCode,
  redeemInvite,
  type CreatedInvite,
  type IdentityRef,
} from '../../src/domain/invites.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { domainError } from '../helpers/errors.ts';
import { admin } from '../helpers/movement.ts';

useTempDatabases();

const DAY = 86_400_000;
const NOW = Date.parse('2020-02-01T01:00:00Z');
/** Crockford base32: digits and letters without I, L, O, U. */
const CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{7}$/;

const alice: IdentityRef = { channel: 'telegram', externalId: '1001', displayName: 'Alice Telegram' };
const bob: IdentityRef = { channel: 'zalo', externalId: 'z-2002', displayName: 'Bob Zalo' };


/** Another verifier of the same length, certainly different from the right one. */
function wrongVerifier(code: string): string {
  const [selector, verifier] = code.split('-') as [string, string];
  const other = verifier.startsWith('2') ? '3' : '2';
  return `${selector}-${other}${verifier.slice(1)}`;
}

describe('invites', () => {
  let db: Db;
  let hhh: number;

  beforeEach(() => {
    db = openTempDatabase().db;
    hhh = upsertUnit(db, { code: 'HHH', name: 'Huyện Hải Hậu', kind: 'huyen' }, admin, NOW).id;
  });

  const inviteRow = (id: number) => db.select().from(invites).where(eq(invites.id, id)).get()!;
  const liaisonInvite = (extra: { personName?: string; phone?: string; validDays?: number } = {}) =>
    createInvite(db, { unitCode: 'HHH', role: 'liaison', ...extra }, admin, NOW);

  describe('createInvite', () => {
    it('returns a code XXXXX-XXXXXXX valid for 14 days by default', () => {
      const invite = liaisonInvite();
      expect(invite.code).toMatch(CODE_FORMAT);
      expect(invite.expiresAt).toBe(NOW + DEFAULT_INVITE_DAYS * DAY);
      expect(liaisonInvite({ validDays: 3 }).expiresAt).toBe(NOW + 3 * DAY);
      expect(inviteRow(invite.id)).toMatchObject({ unitId: hhh, role: 'liaison', expiresAt: invite.expiresAt, createdBy: 'test-admin' });
    });

    it('stores only the selector and a hash of the verifier; the verifier appears nowhere in the database', () => {
      const invite = liaisonInvite({ personName: 'Nguyễn Văn A' });
      const [selector, verifier] = invite.code.split('-') as [string, string];
      const row = inviteRow(invite.id);
      expect(row.selector).toBe(selector);
      expect(row.verifierHash).toBe(createHash('sha256').update(verifier).digest('hex'));
      for (const value of Object.values(row)) expect(String(value)).not.toContain(verifier);
      expect(JSON.stringify(row)).not.toContain(verifier);
      const audit = db.select().from(auditLog).all();
      expect(audit.map((a) => a.action)).toContain('invite.create');
      expect(JSON.stringify(audit)).not.toContain(verifier);
    });

    it('gives every invite its own selector', () => {
      const selectors = new Set(Array.from({ length: 30 }, () => liaisonInvite().code.slice(0, 5)));
      expect(selectors.size).toBe(30);
    });

    it('refuses an unknown unit', () => {
      const error = domainError(() => createInvite(db, { unitCode: 'NOPE', role: 'liaison' }, admin, NOW));
      expect(error.code).toBe('err-unit-unknown');
      expect(error.args).toEqual({ code: 'NOPE' });
      expect(countRows(db, 'invites')).toBe(0);
    });

    it.each(['liaison', 'cluster_head'] as const)('refuses a %s invite without a unit', (role) => {
      const error = domainError(() => createInvite(db, { role }, admin, NOW));
      expect(error.code).toBe('err-invite-needs-unit');
      expect(countRows(db, 'invites')).toBe(0);
    });

    it.each(['admin', 'viewer'] as const)('accepts an %s invite without a unit', (role) => {
      const invite = createInvite(db, { role }, admin, NOW);
      expect(inviteRow(invite.id)).toMatchObject({ role, unitId: null });
    });
  });

  describe('redeemInvite', () => {
    it('binds the identity and creates the person with the invite’s unit and role', () => {
      const invite = liaisonInvite({ personName: 'Nguyễn Văn A', phone: '0912 345 678' });
      const result = redeemInvite(db, invite.code, alice, NOW + DAY);
      expect(result).toMatchObject({ ok: true, role: 'liaison', unitId: hhh });
      if (!result.ok) return;

      // The phone given with the invite is the person's, shown to whoever urges the unit.
      expect(db.select().from(people).all()).toEqual([
        expect.objectContaining({ id: result.personId, fullName: 'Nguyễn Văn A', phone: '0912 345 678', role: 'liaison', unitId: hhh, active: true }),
      ]);
      expect(db.select().from(identities).all()).toEqual([
        expect.objectContaining({
          id: result.identityId,
          personId: result.personId,
          channel: 'telegram',
          externalId: '1001',
          displayName: 'Alice Telegram',
        }),
      ]);
      expect(inviteRow(invite.id)).toMatchObject({ usedAt: NOW + DAY, usedByPersonId: result.personId, failedAttempts: 0 });
      const redeemed = db.select().from(auditLog).where(eq(auditLog.action, 'invite.redeem')).all();
      expect(redeemed).toHaveLength(1);
      expect(redeemed[0]).toMatchObject({ actorPersonId: result.personId, entity: 'person', entityId: String(result.personId) });
    });

    it('names the person after the messenger account when the invite has no name', () => {
      const result = redeemInvite(db, liaisonInvite().code, bob, NOW);
      expect(result.ok).toBe(true);
      expect(db.select().from(people).get()!.fullName).toBe('Bob Zalo');
    });

    it('binds an identity the bot already knew instead of creating a second one', () => {
      const known = db.insert(identities).values({ channel: 'telegram', externalId: '1001' }).returning().get();
      const result = redeemInvite(db, liaisonInvite().code, alice, NOW);
      expect(result).toMatchObject({ ok: true, identityId: known.id });
      expect(countRows(db, 'identities')).toBe(1);
      expect(db.select().from(identities).get()).toMatchObject({ id: known.id, displayName: 'Alice Telegram' });
    });

    it('is single use: the second redemption is refused, even by another identity', () => {
      const invite = liaisonInvite();
      expect(redeemInvite(db, invite.code, alice, NOW).ok).toBe(true);
      expect(redeemInvite(db, invite.code, alice, NOW + 1)).toEqual({ ok: false, reason: 'used' });
      expect(redeemInvite(db, invite.code, bob, NOW + 2)).toEqual({ ok: false, reason: 'used' });
      expect(countRows(db, 'people')).toBe(1);
      expect(countRows(db, 'identities')).toBe(1);
      expect(inviteRow(invite.id).usedAt).toBe(NOW);
    });

    it('expires at expiresAt', () => {
      const a = liaisonInvite({ validDays: 1 });
      const b = liaisonInvite({ validDays: 1 });
      expect(redeemInvite(db, a.code, alice, a.expiresAt)).toEqual({ ok: false, reason: 'expired' });
      expect(redeemInvite(db, a.code, alice, a.expiresAt + DAY)).toEqual({ ok: false, reason: 'expired' });
      expect(inviteRow(a.id).usedAt).toBeNull();
      expect(redeemInvite(db, b.code, bob, b.expiresAt - 1).ok).toBe(true);
      expect(countRows(db, 'people')).toBe(1);
    });

    describe('accepts the code as people type it', () => {
      it.each([
        ['lower case', (code: string) => code.toLowerCase()],
        ['without the hyphen', (code: string) => code.replace('-', '')],
        ['with spaces', (code: string) => ` ${code.slice(0, 3)} ${code.slice(3, 8)} ${code.slice(8)} `],
        ['with a space instead of the hyphen', (code: string) => code.replace('-', ' ')],
        ['lower case, spaced, no hyphen', (code: string) => code.replace('-', '').toLowerCase().split('').join(' ')],
      ])('%s', (_label, variant) => {
        const invite = liaisonInvite();
        expect(redeemInvite(db, variant(invite.code), alice, NOW)).toMatchObject({ ok: true, unitId: hhh });
      });

      it('with the letter O for the digit 0 and I or l for 1', () => {
        // Codes are random: make invites until one contains a 0 and one contains a 1.
        const withDigit = (digit: string): CreatedInvite => {
          for (let i = 0; i < 200; i++) {
            const invite = liaisonInvite();
            if (invite.code.includes(digit)) return invite;
          }
          throw new Error(`no code with ${digit} in 200 tries`);
        };
        const zero = withDigit('0');
        expect(redeemInvite(db, zero.code.replaceAll('0', 'O'), alice, NOW).ok).toBe(true);
        const one = withDigit('1');
        expect(redeemInvite(db, one.code.replaceAll('1', 'l').toLowerCase(), bob, NOW).ok).toBe(true);
        const oneAgain = withDigit('1');
        expect(redeemInvite(db, oneAgain.code.replaceAll('1', 'I'), { channel: 'console', externalId: 'c' }, NOW).ok).toBe(true);
      });

      it('normaliseCode maps what people confuse', () => {
        expect(normaliseCode(' ab0o1-il_xyz ')).toBe('AB00111XYZ');
      });
    });

    it('answers a wrong verifier for a real selector exactly as a code nobody issued, and counts it without ever locking the invite', () => {
      const invite = liaisonInvite();
      const [selector, verifier] = invite.code.split('-') as [string, string];
      const wrong = wrongVerifier(invite.code);
      const unissued = `${selector === 'ZZZZZ' ? 'YYYYY' : 'ZZZZZ'}-${verifier}`;
      expect(redeemInvite(db, wrong, alice, NOW)).toEqual(redeemInvite(db, unissued, alice, NOW));
      // A stranger guessing many times: each answer the same, the invite counted but never locked.
      const answers = Array.from({ length: 20 }, (_, i) => redeemInvite(db, wrong, bob, NOW + i));
      expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: false, reason: 'unknown' })]));
      expect(inviteRow(invite.id)).toMatchObject({ failedAttempts: 21, lockedAt: null, usedAt: null });
      expect(db.select().from(auditLog).where(eq(auditLog.action, 'invite.lock')).all()).toHaveLength(0);
      expect(countRows(db, 'people')).toBe(0);
      // The person the invite is for still redeems it.
      expect(redeemInvite(db, invite.code, alice, NOW + 30)).toMatchObject({ ok: true, unitId: hhh });
    });

    it('tells only the holder of the whole right code that an invite was used or has expired', () => {
      const used = liaisonInvite();
      expect(redeemInvite(db, used.code, alice, NOW).ok).toBe(true);
      expect(redeemInvite(db, wrongVerifier(used.code), bob, NOW + 1)).toEqual({ ok: false, reason: 'unknown' });
      expect(redeemInvite(db, used.code, bob, NOW + 1)).toEqual({ ok: false, reason: 'used' });
      const old = liaisonInvite();
      const later = NOW + (DEFAULT_INVITE_DAYS + 1) * DAY;
      expect(redeemInvite(db, wrongVerifier(old.code), bob, later)).toEqual({ ok: false, reason: 'unknown' });
      expect(redeemInvite(db, old.code, bob, later)).toEqual({ ok: false, reason: 'expired' });
    });

    it('wrong tries on one invite do not count against another', () => {
      const a = liaisonInvite();
      const b = liaisonInvite();
      for (let i = 0; i < 5; i++) redeemInvite(db, wrongVerifier(a.code), alice, NOW);
      expect(inviteRow(b.id)).toMatchObject({ failedAttempts: 0, lockedAt: null });
      expect(redeemInvite(db, b.code, alice, NOW).ok).toBe(true);
    });

    it('a right code after a few wrong tries still works', () => {
      const invite = liaisonInvite();
      redeemInvite(db, wrongVerifier(invite.code), alice, NOW);
      redeemInvite(db, wrongVerifier(invite.code), alice, NOW);
      expect(redeemInvite(db, invite.code, alice, NOW).ok).toBe(true);
    });

    it('says unknown for a well-formed code whose selector was never issued', () => {
      const invite = liaisonInvite();
      const [selector, verifier] = invite.code.split('-') as [string, string];
      const otherSelector = selector === 'ZZZZZ' ? 'YYYYY' : 'ZZZZZ';
      expect(redeemInvite(db, `${otherSelector}-${verifier}`, alice, NOW)).toEqual({ ok: false, reason: 'unknown' });
      expect(inviteRow(invite.id).failedAttempts).toBe(0);
      expect(countRows(db, 'people')).toBe(0);
    });

    it.each(['', 'hello', 'ABCDE-123456', 'ABCDE-12345678', 'ABCDE-1234U67', '12345-67890!!', '🙂🙂🙂🙂🙂-🙂🙂🙂🙂🙂🙂🙂'])(
      'says malformed for %j',
      (garbage) => {
        liaisonInvite();
        expect(redeemInvite(db, garbage, alice, NOW)).toEqual({ ok: false, reason: 'malformed' });
        expect(countRows(db, 'identities')).toBe(0);
      },
    );
  });
});
