/**
 * The sheets of a movement export, in their order in the workbook: one module per sheet, each
 * with its columns and the SQL that feeds it (see context.ts for what they share).
 */
import type Database from 'better-sqlite3';
import type { Translate } from '../../i18n/index.ts';
import type { SheetSpec } from '../model.ts';
import { sheetContext, type SheetFilters } from './context.ts';
import { groupsSheet } from './groups.ts';
import { resultsSheet } from './results.ts';
import { summarySheet } from './summary.ts';
import { targetsSheet } from './targets.ts';
import { titlesSheet } from './titles.ts';
import { unitsSheet } from './units.ts';
import type { Period } from '../../domain/model.ts';

export function buildSheets(reader: Database.Database, f: SheetFilters, t: Translate, periods: Period[]): SheetSpec[] {
  const c = sheetContext(reader, f, t);
  return [summarySheet(c), targetsSheet(c), titlesSheet(c), resultsSheet(c, periods), unitsSheet(c), groupsSheet(c)];
}
