/**
 * The chat core's queries, prepared once per connection: they run on every message, so they must
 * cost as little as the database work itself (see src/db/prepared.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { prepared } from '../db/prepared.ts';
import { conversations, identities, people, units } from '../db/schema.ts';
import type { InboundEvent } from './types.ts';

const p = sql.placeholder;

/**
 * Records that a person wrote: creates the messenger identity the first time, else notes the time
 * (to the minute) and clears an "unreachable" mark (writing to us reopens a channel, e.g. Zalo's
 * 7-day window).
 */
export function touchIdentity(db: DbOrTx, event: InboundEvent, locale: string | null, now: number) {
  return prepared(db, 'chat.touchIdentity', (d) =>
    d
      .insert(identities)
      .values({ channel: p('channel'), externalId: p('externalId'), displayName: p('displayName'), locale: p('locale'), lastInboundAt: p('now') })
      .onConflictDoUpdate({
        target: [identities.channel, identities.externalId],
        set: {
          lastInboundAt: sql`excluded.last_inbound_at`,
          displayName: sql`coalesce(excluded.display_name, ${identities.displayName})`,
          unreachableAt: null,
          unreachableReason: null,
        },
        // Written only when something changed, or a minute has passed: most messages change nothing here.
        setWhere: sql`${identities.lastInboundAt} IS NULL OR excluded.last_inbound_at - ${identities.lastInboundAt} >= 60000
          OR ${identities.unreachableAt} IS NOT NULL
          OR coalesce(excluded.display_name, ${identities.displayName}) IS NOT ${identities.displayName}`,
      })
      .returning()
      .prepare(),
  ).get({ channel: event.channel, externalId: event.externalId, displayName: event.displayName ?? null, locale, now }) ??
    // Nothing to update: RETURNING gives no row, so read it.
    prepared(db, 'chat.identity', (d) =>
      d
        .select()
        .from(identities)
        .where(and(eq(identities.channel, p('channel')), eq(identities.externalId, p('externalId'))))
        .prepare(),
    ).get({ channel: event.channel, externalId: event.externalId })!;
}

export function personWithUnit(db: DbOrTx, personId: number) {
  return prepared(db, 'chat.personWithUnit', (d) =>
    d.select({ person: people, unit: units }).from(people).leftJoin(units, eq(units.id, people.unitId)).where(eq(people.id, p('id'))).prepare(),
  ).get({ id: personId });
}

export function findConversation(db: DbOrTx, identityId: number) {
  return prepared(db, 'chat.findConversation', (d) => d.select().from(conversations).where(eq(conversations.identityId, p('id'))).prepare()).get({
    id: identityId,
  });
}

export function saveConversation(db: DbOrTx, row: typeof conversations.$inferInsert): void {
  prepared(db, 'chat.saveConversation', (d) =>
    d
      .insert(conversations)
      .values({
        identityId: p('identityId'),
        flow: p('flow'),
        flowVersion: p('flowVersion'),
        step: p('step'),
        seq: p('seq'),
        data: p('data'),
        history: p('history'),
        startedAt: p('startedAt'),
        updatedAt: p('updatedAt'),
        expiresAt: p('expiresAt'),
      })
      .onConflictDoUpdate({
        target: conversations.identityId,
        set: {
          flow: sql`excluded.flow`,
          flowVersion: sql`excluded.flow_version`,
          step: sql`excluded.step`,
          seq: sql`excluded.seq`,
          data: sql`excluded.data`,
          history: sql`excluded.history`,
          startedAt: sql`excluded.started_at`,
          updatedAt: sql`excluded.updated_at`,
          expiresAt: sql`excluded.expires_at`,
        },
      })
      .prepare(),
  ).run({ seq: 0, ...row });
}

export function deleteConversation(db: DbOrTx, identityId: number): void {
  prepared(db, 'chat.deleteConversation', (d) => d.delete(conversations).where(eq(conversations.identityId, p('id'))).prepare()).run({ id: identityId });
}
