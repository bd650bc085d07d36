import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { identities, invites, people, units } from '../db/schema.ts';
import { readSetting, writeSetting } from '../db/settings.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DomainError } from './errors.ts';
import type { Channel, Role } from './model.ts';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed on a phone is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SELECTOR_LENGTH = 5;
const VERIFIER_LENGTH = 7;
export const DEFAULT_INVITE_DAYS = 14;
const DAY = 86_400_000;

const randomString = (length: number) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const hashVerifier = (verifier: string) => createHash('sha256').update(verifier).digest('hex');

/** Upper-cases, drops separators and maps the letters people confuse with digits (O→0, I/L→1). */
export function normaliseCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s_-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${SELECTOR_LENGTH + VERIFIER_LENGTH}}$`);

/** Whether text has the shape of an invite code at all (a greeting is not a wrong code). */
export const looksLikeCode = (raw: string) => CODE_PATTERN.test(normaliseCode(raw));

/** Where the Telegram bot's @username is kept, for invite links made in chat or with the CLI. */
const TELEGRAM_USERNAME = 'telegram.username';

/** The Telegram bot's @username as last learnt (at the bot's start, or by the CLI); undefined before that. */
export function telegramUsername(db: DbOrTx): string | undefined {
  return readSetting(db, TELEGRAM_USERNAME);
}

export function rememberTelegramUsername(db: DbOrTx, username: string, now: number): void {
  writeSetting(db, TELEGRAM_USERNAME, username, now);
}

export interface CreatedInvite {
  id: number;
  /** Shown once: only its hash is stored. Format XXXXX-XXXXXXX. */
  code: string;
  expiresAt: number;
}

export function createInvite(
  db: Db,
  input: { unitCode?: string | null; role: Role; personName?: string | null; phone?: string | null; validDays?: number },
  actor: Actor,
  now: number,
): CreatedInvite {
  return db.transaction((tx) => {
    let unitId: number | null = null;
    if (input.unitCode) {
      const unit = tx.select().from(units).where(eq(units.code, input.unitCode)).get();
      if (!unit) throw new DomainError('err-unit-unknown', { code: input.unitCode });
      unitId = unit.id;
    }
    if (unitId === null && input.role !== 'admin' && input.role !== 'viewer') throw new DomainError('err-invite-needs-unit', { role: input.role });
    const selector = randomString(SELECTOR_LENGTH);
    const verifier = randomString(VERIFIER_LENGTH);
    const expiresAt = now + (input.validDays ?? DEFAULT_INVITE_DAYS) * DAY;
    const row = tx
      .insert(invites)
      .values({
        selector,
        verifierHash: hashVerifier(verifier),
        unitId,
        role: input.role,
        personName: input.personName?.trim() || null,
        phone: input.phone?.trim() || null,
        expiresAt,
        createdBy: actor.label,
      })
      .returning({ id: invites.id })
      .get();
    recordAudit(tx, actor, now, {
      action: 'invite.create',
      entity: 'invite',
      entityId: row.id,
      after: { unitId, role: input.role, expiresAt },
    });
    return { id: row.id, code: `${selector}-${verifier}`, expiresAt };
  });
}

type RedeemResult =
  | { ok: true; personId: number; identityId: number; role: Role; unitId: number | null }
  | { ok: false; reason: 'malformed' | 'unknown' | 'locked' | 'expired' | 'used' };

export interface IdentityRef {
  channel: Channel;
  externalId: string;
  displayName?: string | null;
}

/** Compared against when no invite has the selector, so that an unknown code costs what a wrong one does. */
const NO_INVITE_HASH = hashVerifier('no invite has this selector');

/**
 * Redeems a code for a messenger identity: creates the person (named as the invite says, or by the
 * messenger's display name) and binds the identity. An unknown code and a wrong one get the same
 * answer (`unknown`), so the first five characters cannot be probed; wrong tries are counted on the
 * invite for the Board to see, but never lock it: the lock-out is per sender (src/flows/link.ts), so
 * a stranger's guesses cannot spoil a real invite. Only the whole right code learns that its invite
 * was used, has expired or was locked.
 */
export function redeemInvite(db: Db, rawCode: string, who: IdentityRef, now: number): RedeemResult {
  const code = normaliseCode(rawCode);
  if (!CODE_PATTERN.test(code)) return { ok: false, reason: 'malformed' };
  const selector = code.slice(0, SELECTOR_LENGTH);
  const verifier = code.slice(SELECTOR_LENGTH);
  return db.transaction((tx): RedeemResult => {
    const invite = tx.select().from(invites).where(eq(invites.selector, selector)).get();
    const given = Buffer.from(hashVerifier(verifier), 'hex');
    const right = timingSafeEqual(given, Buffer.from(invite?.verifierHash ?? NO_INVITE_HASH, 'hex'));
    if (!invite) return { ok: false, reason: 'unknown' };
    if (!right) {
      tx.update(invites)
        .set({ failedAttempts: invite.failedAttempts + 1 })
        .where(eq(invites.id, invite.id))
        .run();
      return { ok: false, reason: 'unknown' };
    }
    if (invite.lockedAt !== null) return { ok: false, reason: 'locked' };
    if (invite.usedAt !== null) return { ok: false, reason: 'used' };
    if (invite.expiresAt <= now) return { ok: false, reason: 'expired' };

    const identity =
      tx
        .select()
        .from(identities)
        .where(and(eq(identities.channel, who.channel), eq(identities.externalId, who.externalId)))
        .get() ??
      tx
        .insert(identities)
        .values({ channel: who.channel, externalId: who.externalId, displayName: who.displayName ?? null })
        .returning()
        .get();
    const person = tx
      .insert(people)
      .values({
        fullName: invite.personName ?? who.displayName ?? `${who.channel}:${who.externalId}`,
        phone: invite.phone,
        role: invite.role,
        unitId: invite.unitId,
      })
      .returning()
      .get();
    tx.update(identities)
      .set({ personId: person.id, linkFailures: 0, lockedUntil: null, displayName: who.displayName ?? identity.displayName })
      .where(eq(identities.id, identity.id))
      .run();
    tx.update(invites).set({ usedAt: now, usedByPersonId: person.id }).where(eq(invites.id, invite.id)).run();
    // Re-linked with a new code (a new role or unit): the person it replaces, if no other
    // account of theirs remains, is retired rather than left dangling.
    if (identity.personId !== null) {
      const others = tx.select({ id: identities.id }).from(identities).where(eq(identities.personId, identity.personId)).all();
      if (others.length === 0) tx.update(people).set({ active: false }).where(eq(people.id, identity.personId)).run();
    }
    const actor: Actor = { personId: person.id, label: `${who.channel}:${who.externalId}` };
    recordAudit(tx, actor, now, {
      action: 'invite.redeem',
      entity: 'person',
      entityId: person.id,
      after: { person, identityId: identity.id, inviteId: invite.id },
    });
    return { ok: true, personId: person.id, identityId: identity.id, role: invite.role, unitId: invite.unitId };
  });
}

/** A wrong code's count on this account and, at the fifth, until when the account may not try again. */
export function setLinkFailures(db: DbOrTx, identityId: number, linkFailures: number, lockedUntil: number | null): void {
  db.update(identities).set({ linkFailures, lockedUntil }).where(eq(identities.id, identityId)).run();
}
