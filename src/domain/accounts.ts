/**
 * A person's accounts on the messengers (the `identities` rows) as the channels ask about them:
 * who an account belongs to, when it last wrote, its name and the menu its role gets.
 */
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { prepared } from '../db/prepared.ts';
import { statement } from '../db/raw.ts';
import { identities, people } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import type { Locale } from '../i18n/index.ts';
import type { Channel, Person, Role } from './model.ts';



const byAccount = (channel: Channel, externalId: string) => and(eq(identities.channel, channel), eq(identities.externalId, externalId));

// Asked for every Zalo event and every Zalo send: prepared once per connection.
const accountFields = (db: DbOrTx) =>
  prepared(db, 'accounts.fields', (d) =>
    d
      .select({ personId: identities.personId, lastInboundAt: identities.lastInboundAt })
      .from(identities)
      .where(and(eq(identities.channel, sql.placeholder('channel')), eq(identities.externalId, sql.placeholder('externalId'))))
      .prepare(),
  );

/** The person an account is linked to; undefined when it is not (or there is no such account). */
export function linkedPersonId(db: DbOrTx, channel: Channel, externalId: string): number | undefined {
  return accountFields(db).get({ channel, externalId })?.personId ?? undefined;
}

/** When the account last wrote to the bot; undefined if never (or no such account). */
export function lastMessageAt(db: DbOrTx, channel: Channel, externalId: string): number | undefined {
  return accountFields(db).get({ channel, externalId })?.lastInboundAt ?? undefined;
}

/** True when the account exists and has no display name yet. */
export function isNameless(db: DbOrTx, identityId: number): boolean {
  const row = db.select({ displayName: identities.displayName }).from(identities).where(eq(identities.id, identityId)).get();
  return row !== undefined && !row.displayName;
}

/** Marks an account unreachable (a Zalo user who unfollowed the OA; a send's result is settled by the outbox: settleRow). */
export function markAccountUnreachable(db: DbOrTx, channel: Channel, externalId: string, reason: string, now: number): void {
  db.update(identities).set({ unreachableAt: now, unreachableReason: reason }).where(byAccount(channel, externalId)).run();
}

/** The accounts of a channel marked unreachable for a reason like `pattern` (SQL LIKE). */
export function accountsMarkedFor(db: DbOrTx, channel: Channel, pattern: string): { id: number; reason: string }[] {
  return db
    .select({ id: identities.id, reason: identities.unreachableReason })
    .from(identities)
    .where(and(eq(identities.channel, channel), like(identities.unreachableReason, pattern)))
    .all() as { id: number; reason: string }[];
}

/** Takes an account's unreachable mark back; false when it had none. */
export function clearUnreachable(db: DbOrTx, identityId: number): boolean {
  return db.update(identities).set({ unreachableAt: null, unreachableReason: null }).where(eq(identities.id, identityId)).run().changes > 0;
}

export function setDisplayName(db: DbOrTx, identityId: number, name: string): void {
  db.update(identities).set({ displayName: name }).where(eq(identities.id, identityId)).run();
}

const ACCOUNT_ROLE = `SELECT p.role AS role, p.active AS active, p.locale AS locale FROM identities i LEFT JOIN people p ON p.id = i.person_id WHERE i.id = ?`;

/** The role, standing and language of whoever has the account (nulls before it is linked); asked after every Telegram update. */
export function accountRole(db: DbOrTx, identityId: number): { role: Role | null; active: boolean | null; locale: Locale | null } | undefined {
  const row = statement(db, ACCOUNT_ROLE).get(identityId) as { role: Role | null; active: number | null; locale: Locale | null } | undefined;
  return row && { role: row.role, active: row.active === null ? null : row.active === 1, locale: row.locale };
}

/** Who the terminal chat plays (`/as SNV`, `/as admin`): the account, and the person it should be. */
interface Persona {
  externalId: string;
  role: Role;
  unitId: number | null;
  fullName: string;
  locale: Locale;
}

/**
 * The person behind a console account: the one it is bound to if it still fits, else one the
 * console made earlier for the same role and unit, else a new one. The account is created or
 * rebound as needed, in one transaction, and recorded in the audit log.
 */
export function consolePersona(db: Db, { externalId, role, unitId, fullName, locale }: Persona, now: number): Person {
  return db.transaction((tx) => {
    const fits = (p: Person | undefined): p is Person => p !== undefined && p.active && p.role === role && p.unitId === unitId;
    const identity = tx
      .select()
      .from(identities)
      .where(byAccount('console', externalId))
      .get();
    const bound = identity?.personId ? tx.select().from(people).where(eq(people.id, identity.personId)).get() : undefined;
    if (fits(bound)) return bound;
    let person = tx
      .select()
      .from(people)
      .where(
        and(
          eq(people.role, role),
          unitId === null ? isNull(people.unitId) : eq(people.unitId, unitId),
          eq(people.fullName, fullName),
          eq(people.active, true),
        ),
      )
      .orderBy(asc(people.id))
      .get();
    const actor = { label: `console:${externalId}` };
    if (!person) {
      person = tx.insert(people).values({ fullName, role, unitId, locale }).returning().get();
      recordAudit(tx, actor, now, { action: 'console.persona', entity: 'person', entityId: person.id, after: person });
    }
    if (identity) {
      tx.update(identities).set({ personId: person.id }).where(eq(identities.id, identity.id)).run();
    } else {
      tx.insert(identities).values({ channel: 'console', externalId, personId: person.id, locale }).run();
    }
    recordAudit(tx, actor, now, { action: 'console.bind', entity: 'identity', entityId: externalId, after: { personId: person.id } });
    return person;
  });
}
