import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../domain/audit.ts';
import { movementDefinition } from '../domain/movement-definition.ts';
import { importMovement, type ImportSummary } from '../domain/movements.ts';

/** The 2020 Nam Định movement (dispatch 77/UBND-VP8), bundled so a new install has something to try. */
export const SAMPLE_MOVEMENT_PATH = fileURLToPath(new URL('./nam-dinh-2020.json', import.meta.url));

export function loadSampleMovement(db: Db, actor: Actor, now: number): ImportSummary {
  return importMovement(db, movementDefinition.parse(JSON.parse(readFileSync(SAMPLE_MOVEMENT_PATH, 'utf8'))), actor, now);
}
