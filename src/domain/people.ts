/** People (the Board's staff and the units' liaisons) and the messenger accounts they write from. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { prepared } from '../db/prepared.ts';
import { identities, people } from '../db/schema.ts';
import type { Locale } from '../i18n/index.ts';
import type { Person } from './model.ts';

export function getPerson(db: DbOrTx, id: number): Person | undefined {
  return db.select().from(people).where(eq(people.id, id)).get();
}

export const adminPersonIds = (db: DbOrTx): number[] =>
  prepared(db, 'people.admins', (d) => d.select({ id: people.id }).from(people).where(eq(people.role, 'admin')).prepare())
    .all()
    .map((p) => p.id);

export function setPersonLocale(db: DbOrTx, personId: number, locale: Locale): void {
  db.update(people).set({ locale }).where(eq(people.id, personId)).run();
}

export function setIdentityLocale(db: DbOrTx, identityId: number, locale: Locale): void {
  db.update(identities).set({ locale }).where(eq(identities.id, identityId)).run();
}
