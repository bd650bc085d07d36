/**
 * The chat core's queries: they run on every message, so they are plain statements prepared once
 * per connection (see src/db/raw.ts), and write nothing that did not change.
 */
import type { DbOrTx } from '../db/connection.ts';
import { rowShape, rowsStatement, statement } from '../db/raw.ts';
import { conversations, identities, people, units } from '../db/schema.ts';
import type { InboundEvent } from './types.ts';
import type { Locale } from '../i18n/index.ts';
import type { Identity, Person, Unit } from '../domain/model.ts';

const IDENTITY = rowShape(identities);
const FIND_IDENTITY = `SELECT ${IDENTITY.columns} FROM identities WHERE channel = ? AND external_id = ?`;
const INSERT_IDENTITY = `INSERT INTO identities (channel, external_id, display_name, locale, last_inbound_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT DO NOTHING RETURNING ${IDENTITY.columns.replaceAll('"identities".', '')}`;
const TOUCH_IDENTITY = `UPDATE identities SET last_inbound_at = ?, display_name = ?, unreachable_at = NULL, unreachable_reason = NULL WHERE id = ?`;
/** How stale "last wrote at" may get before it is written again: most messages then change nothing here. */
const LAST_INBOUND_RESOLUTION_MS = 60_000;

/**
 * Records that a person wrote: creates the messenger identity the first time, else notes the time
 * (to the minute) and clears an "unreachable" mark (writing to us reopens a channel, e.g. Zalo's
 * 7-day window).
 */
export function touchIdentity(db: DbOrTx, event: InboundEvent, locale: string | null, now: number): Identity {
  const row = rowsStatement(db, FIND_IDENTITY).get(event.channel, event.externalId);
  if (!row) {
    const inserted = rowsStatement(db, INSERT_IDENTITY).get(event.channel, event.externalId, event.displayName ?? null, locale, now);
    // Another process may have created it in between: then it is there to read.
    return IDENTITY.read((inserted ?? rowsStatement(db, FIND_IDENTITY).get(event.channel, event.externalId))!)!;
  }
  const found = IDENTITY.read(row)!;
  const displayName = event.displayName ?? found.displayName;
  const fresh = found.lastInboundAt !== null && now - found.lastInboundAt < LAST_INBOUND_RESOLUTION_MS;
  if (fresh && found.unreachableAt === null && displayName === found.displayName) return found;
  statement(db, TOUCH_IDENTITY).run(now, displayName, found.id);
  return { ...found, lastInboundAt: now, displayName, unreachableAt: null, unreachableReason: null };
}

const ACCOUNT_LOCALE = `SELECT p.locale AS personLocale, i.locale AS identityLocale FROM identities i LEFT JOIN people p ON p.id = i.person_id
  WHERE i.channel = ? AND i.external_id = ?`;

/** The language of whoever has this account: the person's, else the account's own (before linking); undefined for an unknown account. */
export function accountLocale(db: DbOrTx, channel: InboundEvent['channel'], externalId: string): Locale | undefined {
  const row = statement(db, ACCOUNT_LOCALE).get(channel, externalId) as { personLocale: Locale | null; identityLocale: Locale | null } | undefined;
  return row?.personLocale ?? row?.identityLocale ?? undefined;
}

const LINKED_ACCOUNT = `SELECT 1 FROM identities i JOIN people p ON p.id = i.person_id WHERE i.channel = ? AND i.external_id = ? AND p.active = 1`;

/**
 * What to tell someone who sent what the bot cannot read (a sticker, a location, a voice message):
 * what it can read, once linked; before that, how to link with an invite code, as for a photo or a file.
 */
export function unreadableMessageKey(db: DbOrTx, channel: InboundEvent['channel'], externalId: string): string {
  return statement(db, LINKED_ACCOUNT).get(channel, externalId) ? 'conv-unreadable-message' : 'conv-unreadable-unlinked';
}

const PERSON = rowShape(people, 'p');
const UNIT = rowShape(units, 'u');
const PERSON_WITH_UNIT = `SELECT ${PERSON.columns}, ${UNIT.columns} FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?`;

export function personWithUnit(db: DbOrTx, personId: number): { person: Person; unit: Unit | null } | undefined {
  const row = rowsStatement(db, PERSON_WITH_UNIT).get(personId);
  return row ? { person: PERSON.read(row)!, unit: UNIT.read(row, PERSON.width) ?? null } : undefined;
}

type ConversationRecord = typeof conversations.$inferSelect;
const CONVERSATION = rowShape(conversations);
const FIND_CONVERSATION = `SELECT ${CONVERSATION.columns} FROM conversations WHERE identity_id = ?`;
const SAVE_CONVERSATION = `INSERT INTO conversations (identity_id, flow, flow_version, step, seq, data, history, asked, started_at, updated_at, expires_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (identity_id) DO UPDATE SET flow = excluded.flow, flow_version = excluded.flow_version, step = excluded.step,
    seq = excluded.seq, data = excluded.data, history = excluded.history, asked = excluded.asked, started_at = excluded.started_at,
    updated_at = excluded.updated_at, expires_at = excluded.expires_at`;

export function findConversation(db: DbOrTx, identityId: number): ConversationRecord | undefined {
  const row = rowsStatement(db, FIND_CONVERSATION).get(identityId);
  return row ? CONVERSATION.read(row) : undefined;
}

export function saveConversation(db: DbOrTx, row: ConversationRecord): void {
  // Bound by position: named parameters are looked up on the object one by one.
  const { identityId, flow, flowVersion, step, seq, data, history, asked, startedAt, updatedAt, expiresAt } = row;
  statement(db, SAVE_CONVERSATION).run(identityId, flow, flowVersion, step, seq, data, history, asked, startedAt, updatedAt, expiresAt);
}

export function deleteConversation(db: DbOrTx, identityId: number): void {
  statement(db, 'DELETE FROM conversations WHERE identity_id = ?').run(identityId);
}
