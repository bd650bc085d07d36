/**
 * How each person's latest reminder went: received on Zalo, Telegram, the Zalo Bot or by ZNS,
 * still being sent, or not reached at all (then the Board calls: the person's and the unit's
 * phone are given).
 */
import type { DbOrTx } from '../db/connection.ts';
import { statement } from '../db/raw.ts';
import type { Channel } from '../domain/model.ts';

type ReminderOutcome = Channel | 'pending' | 'none';

interface PersonReach {
  personId: number;
  name: string;
  phone: string | null;
  unitCode: string | null;
  unit: string | null;
  unitPhone: string | null;
  outcome: ReminderOutcome;
  /** When the reminder was due to go out. */
  at: number;
}

/** The latest reminder (`rm:` rows: not escalations or digests) of each person who got one, optionally only these people. */
export function latestReminderOutcomes(db: DbOrTx, personIds?: readonly number[]): PersonReach[] {
  const rows = statement(
    db,
    `SELECT o.person_id AS personId, o.channel, o.status, o.not_before AS at, p.full_name AS name, p.phone, u.code AS unitCode, u.name AS unit, u.phone AS unitPhone
         FROM outbox o JOIN people p ON p.id = o.person_id LEFT JOIN units u ON u.id = p.unit_id
        WHERE o.id IN (SELECT max(id) FROM outbox WHERE rule_id IS NOT NULL AND dedupe_key LIKE 'rm:%' GROUP BY person_id)
        ORDER BY u.code, p.full_name`,
  ).all() as (Omit<PersonReach, 'outcome'> & { channel: Channel; status: string })[];
  const wanted = personIds ? new Set(personIds) : undefined;
  return rows
    .filter((r) => !wanted || wanted.has(r.personId))
    .map(({ channel, status, ...r }) => ({ ...r, outcome: status === 'sent' ? channel : status === 'pending' || status === 'sending' ? 'pending' : 'none' }));
}
