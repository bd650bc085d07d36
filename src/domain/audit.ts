import type { DbOrTx } from '../db/connection.ts';
import { auditLog } from '../db/schema.ts';

/** Who did something: a person in chat, or an operator/process named by a label ("cli", "system"). */
export interface Actor {
  personId?: number | null;
  label: string;
}

export const systemActor: Actor = { label: 'system' };
export const cliActor: Actor = { label: 'cli' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log; call it inside the transaction that makes the change. */
export function recordAudit(db: DbOrTx, actor: Actor, at: number, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at,
      actorPersonId: actor.personId ?? null,
      actor: actor.label,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
