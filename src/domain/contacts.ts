/**
 * A person's phone as a way to reach them: Vietnamese mobile numbers read as people type them,
 * and their consent to Zalo's ZNS template messages (given at linking), stored as a `zns` account
 * of theirs whose id is the number in international form. Only reminders that reach the person
 * nowhere else ever go there.
 */
import type { DbOrTx } from '../db/connection.ts';
import { statement } from '../db/raw.ts';
import { recordAudit, type Actor } from './audit.ts';

/** A Vietnamese mobile number: 0 or +84/84, then 9 digits starting 3, 5, 7, 8 or 9. */
const MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

/** The number in both forms (`0912345678`, `84912345678`), or undefined when it is not a mobile number. */
export function readMobile(text: string): { national: string; international: string } | undefined {
  const m = MOBILE.exec(text.replace(/[\s.()-]/g, ''));
  return m ? { national: `0${m[1]}`, international: `84${m[1]}` } : undefined;
}

/** Whether ZNS is set up (the Zalo channel records it when it starts): only then is anyone asked for consent. */
export function znsEnabled(db: DbOrTx): boolean {
  return statement(db, "SELECT 1 AS x FROM settings WHERE key = 'zns.template'").get() !== undefined;
}

/** Records (or forgets) the ZNS template in use, as the Zalo channel starts. */
export function noteZnsTemplate(db: DbOrTx, templateId: string | undefined, now: number): void {
  if (templateId === undefined) statement(db, "DELETE FROM settings WHERE key = 'zns.template'").run();
  else
    statement(db, "INSERT INTO settings (key, value, updated_at) VALUES ('zns.template', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(
      templateId,
      now,
    );
}

/**
 * The person agreed to ZNS reminders at this number: it becomes their phone, and their only `zns`
 * account (a number someone else had agreed with moves to this person; an earlier number of theirs is let go).
 */
export function consentToZns(db: DbOrTx, personId: number, phone: string, actor: Actor, now: number): string {
  const number = readMobile(phone);
  if (!number) throw new Error(`not a mobile number: ${phone}`);
  statement(db, 'UPDATE people SET phone = ? WHERE id = ?').run(number.national, personId);
  statement(db, "UPDATE identities SET person_id = NULL WHERE person_id = ? AND channel = 'zns' AND external_id <> ?").run(personId, number.international);
  statement(
    db,
    `INSERT INTO identities (person_id, channel, external_id) VALUES (?, 'zns', ?)
       ON CONFLICT (channel, external_id) DO UPDATE SET person_id = excluded.person_id, unreachable_at = NULL, unreachable_reason = NULL`,
  ).run(personId, number.international);
  recordAudit(db, actor, now, { action: 'person.zns-consent', entity: 'person', entityId: personId, after: { phone: number.national } });
  return number.national;
}

/**
 * The person no longer wants ZNS reminders: their number is let go as a way to reach them (it stays
 * their phone, for the Board's calls), and ZNS messages still waiting for them are not sent.
 * Returns false when there was no consent to withdraw.
 */
export function withdrawZnsConsent(db: DbOrTx, personId: number, actor: Actor, now: number): boolean {
  const letGo = statement(db, "UPDATE identities SET person_id = NULL WHERE person_id = ? AND channel = 'zns'").run(personId).changes;
  if (letGo === 0) return false;
  statement(db, "UPDATE outbox SET status = 'failed', last_error = 'zns-consent-withdrawn', claimed_at = NULL WHERE person_id = ? AND channel = 'zns' AND status = 'pending'").run(personId);
  recordAudit(db, actor, now, { action: 'person.zns-withdrawn', entity: 'person', entityId: personId });
  return true;
}
