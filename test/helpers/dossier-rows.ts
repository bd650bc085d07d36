/**
 * Rows the other year-end parts write (proposals, a dossier's files), written straight into their
 * tables for the dossier's and the decision's tests; and small real files of each kind a dossier takes.
 */
import { zipSync, strToU8 } from 'fflate';
import type { Db } from '../../src/db/connection.ts';
import type { ProposalTitle } from '../../src/domain/model.ts';

const idOf = (db: Db, sql: string, ...params: unknown[]) => (db.$client.prepare(sql).get(...params) as { id: number } | undefined)?.id;

/** A standing proposal of `unit` for `title` (a cluster's when `group` is given); its id. */
export function proposalRow(db: Db, unit: string, title: ProposalTitle, group?: string, movement = 'ND-2020'): number {
  const movementId = idOf(db, 'SELECT id FROM movements WHERE code = ?', movement) ?? idOf(db, 'SELECT id FROM movements ORDER BY id LIMIT 1')!;
  const unitId = idOf(db, 'SELECT id FROM units WHERE code = ?', unit)!;
  const groupId = group ? idOf(db, 'SELECT id FROM groups WHERE code = ? AND movement_id = ?', group, movementId)! : null;
  return idOf(db, 'INSERT INTO proposals (movement_id, unit_id, title, group_id, declared, proposed_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', movementId, unitId, title, groupId, '{}', Date.UTC(2020, 11, 6))!;
}

/** The person linked for a unit with a role (first found), for domain calls. */
export function personOf(db: Db, unit: string | null, role: string): { id: number; role: string; unitId: number | null } {
  const sql = unit === null ? 'SELECT id, role, unit_id AS unitId FROM people WHERE role = ? AND unit_id IS NULL' : 'SELECT p.id, p.role, p.unit_id AS unitId FROM people p JOIN units u ON u.id = p.unit_id WHERE p.role = ? AND u.code = ?';
  return db.$client.prepare(sql).get(...(unit === null ? [role] : [role, unit])) as { id: number; role: string; unitId: number | null };
}

export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const DOC_BYTES = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
export const DOCX_BYTES = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
export const XLSX_BYTES = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }));
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
