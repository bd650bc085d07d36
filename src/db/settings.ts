/** The `settings` table as a small key/value store: marks, leases and remembered values the bot keeps between runs. */
import { and, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { settings } from './schema.ts';

export function readSetting(db: DbOrTx, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function writeSetting(db: DbOrTx, key: string, value: string, now: number): void {
  db.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
}

/** Writes the key only if it is not there yet; true when written (the first time). */
export function addSettingOnce(db: DbOrTx, key: string, value: string, now: number): boolean {
  return db.insert(settings).values({ key, value, updatedAt: now }).onConflictDoNothing().run().changes > 0;
}

/** Takes a lease kept under `key` if it is free or was last written at least `leaseMs` ago (its holder crashed); true when taken. */
export function takeLease(db: DbOrTx, key: string, owner: string, now: number, leaseMs: number): boolean {
  return (
    db
      .insert(settings)
      .values({ key, value: owner, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: owner, updatedAt: now }, setWhere: lte(settings.updatedAt, now - leaseMs) })
      .run().changes > 0
  );
}

/** Gives the lease back, if `owner` still holds it. */
export function releaseLease(db: DbOrTx, key: string, owner: string): void {
  db.delete(settings).where(and(eq(settings.key, key), eq(settings.value, owner))).run();
}
