import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { prepared } from '../db/prepared.ts';
import { auditLog } from '../db/schema.ts';

const p = sql.placeholder;

/** Who did something: a person in chat, or an operator/process named by a label ("cli", "system"). */
export interface Actor {
  personId?: number | null;
  label: string;
}

export const systemActor: Actor = { label: 'system' };
export const cliActor: Actor = { label: 'cli' };

interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log; call it inside the transaction that makes the change. */
export function recordAudit(db: DbOrTx, actor: Actor, at: number, entry: AuditEntry): void {
  prepared(db, 'audit.insert', (d) =>
    d
      .insert(auditLog)
      .values({ at: p('at'), actorPersonId: p('personId'), actor: p('actor'), action: p('action'), entity: p('entity'), entityId: p('entityId'), before: p('before'), after: p('after') })
      .prepare(),
  ).run({
    at,
    personId: actor.personId ?? null,
    actor: actor.label,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
