/**
 * The one numbering of a unit's targets: the printed registration's order, by content area, then
 * as entered within an area. The chat, the forms, the `1: 97,5` lines, the exports and the
 * documents all number targets this way, so that "chỉ tiêu 2" on the signed paper is the target 2
 * an officer types.
 */
import { asc } from 'drizzle-orm';
import { contentAreas, targets } from '../db/schema.ts';

/** ORDER BY for targets joined with their content area (drizzle). */
export const TARGET_ORDER = [asc(contentAreas.number), asc(targets.position), asc(targets.id)] as const;

/** The same order in hand-written SQL, with `ca` the content area and `t` the target. */
export const TARGET_ORDER_SQL = 'ca.number, t.position, t.id';
