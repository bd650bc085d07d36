/**
 * Emulation titles a collective may register for with the province (labels in locales/,
 * `title-<code>`), and the rules of choosing them:
 * - Tập thể lao động tiên tiến and Tập thể lao động xuất sắc are alternatives (xuất sắc includes
 *   tiên tiến's conditions): choosing one drops the other.
 * - Giấy khen is granted by the unit's own head, so it is not registered with the province.
 * - The province's flag is proposed from the comparison inside a cluster or block, so it is
 *   offered to units in one; the Government's titles to units at provincial level (sở, ban-ngành,
 *   đoàn thể, huyện), not to communes or enterprises.
 * - Higher titles build on years of lower ones: the years the unit already registered for a title
 *   are read from earlier movements, to show how many consecutive years it has.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { movements, registrationTitles, registrations } from '../db/schema.ts';
import { DomainError } from './errors.ts';

export const TITLES = [
  'tap-the-lao-dong-tien-tien',
  'tap-the-lao-dong-xuat-sac',
  'bang-khen-ubnd-tinh',
  'co-thi-dua-ubnd-tinh',
  'bang-khen-thu-tuong',
  'co-thi-dua-chinh-phu',
] as const;
type Title = (typeof TITLES)[number];

const ALTERNATIVES: Partial<Record<Title, Title>> = {
  'tap-the-lao-dong-tien-tien': 'tap-the-lao-dong-xuat-sac',
  'tap-the-lao-dong-xuat-sac': 'tap-the-lao-dong-tien-tien',
};

const GOVERNMENT_TITLES: readonly Title[] = ['bang-khen-thu-tuong', 'co-thi-dua-chinh-phu'];
const PROVINCIAL_LEVEL_KINDS = ['so', 'ban-nganh', 'doan-the', 'huyen'];

/** The titles a unit of `kind` may register for, in the catalogue's order. */
export function titlesOffered(kind: string, inGroup: boolean): Title[] {
  return TITLES.filter((t) => {
    if (t === 'co-thi-dua-ubnd-tinh') return inGroup;
    if (GOVERNMENT_TITLES.includes(t)) return PROVINCIAL_LEVEL_KINDS.includes(kind);
    return true;
  });
}

/** Adds or removes `title`; adding one of two alternatives drops the other. */
export function toggleTitle(chosen: readonly string[], title: Title): Title[] {
  const set = new Set(chosen);
  if (set.has(title)) set.delete(title);
  else {
    set.add(title);
    const other = ALTERNATIVES[title];
    if (other) set.delete(other);
  }
  return TITLES.filter((t) => set.has(t));
}

/** Refuses a set of titles the rules do not allow for this unit (used when saving). */
export function checkTitles(titles: readonly string[], kind: string, inGroup: boolean): void {
  const offered = titlesOffered(kind, inGroup);
  for (const t of titles) if (!offered.includes(t as Title)) throw new DomainError('err-title-not-offered', { title: t });
  if (titles.includes('tap-the-lao-dong-tien-tien') && titles.includes('tap-the-lao-dong-xuat-sac')) throw new DomainError('err-titles-alternatives');
}

/**
 * The years before `year` in which the unit registered `title` (from earlier movements, a sent
 * registration), newest first, and how many of them run consecutively up to `year - 1`.
 */
export function titleHistory(db: DbOrTx, unitId: number, title: string, year: number): { years: number[]; consecutive: number } {
  const rows = db
    .select({ endsOn: movements.endsOn })
    .from(registrationTitles)
    .innerJoin(registrations, eq(registrations.id, registrationTitles.registrationId))
    .innerJoin(movements, eq(movements.id, registrations.movementId))
    .where(and(eq(registrations.unitId, unitId), eq(registrationTitles.title, title), gt(registrations.version, 0), lt(movements.endsOn, `${year}-01-01`)))
    .all();
  const years = [...new Set(rows.map((r) => Number(r.endsOn.slice(0, 4))))].sort((a, b) => b - a);
  let consecutive = 0;
  while (years.includes(year - 1 - consecutive)) consecutive++;
  return { years, consecutive };
}

/** Titles for which the earlier years are shown: those that build on years of lower ones. */
export const TITLES_WITH_HISTORY: readonly Title[] = ['co-thi-dua-ubnd-tinh', ...GOVERNMENT_TITLES];
