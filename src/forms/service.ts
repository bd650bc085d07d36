/**
 * The forms of a registration, as the chat and the CLI use them: the form written for a unit (its
 * targets, or last year's as a starting point; a period's report; its year-end self-assessment, see
 * score-service.ts), and a sent-back form read into a plan (applied once confirmed, see apply.ts).
 * Reading never writes the registration. This is the workbook half: the jobs load it on first use.
 */
import { desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { contentAreas, movements, reportingPeriods, units } from '../db/schema.ts';
import { deadlineFor } from '../domain/deadlines.ts';
import { DomainError } from '../domain/errors.ts';
import { listContentAreas } from '../domain/movements.ts';
import { periodLabel } from '../domain/period-labels.ts';
import { findRegistration, getRegistration, listTargets } from '../domain/registrations.ts';
import { localDate } from '../domain/vn-input.ts';
import { translator, type Locale } from '../i18n/index.ts';
import type { FormKind, FormReading } from './apply.ts';
import { readResultForm, writeResultForm } from './result-form.ts';
import { buildScoreForm } from './score-service.ts';
import { readTargetForm, writeTargetForm, type FormTarget } from './target-form.ts';
import { targetImportContext } from './target-import.ts';
import type { Movement, Period, Registration, Unit } from '../domain/model.ts';

interface Loaded {
  registration: Registration;
  movement: Movement;
  unit: Unit;
}

function load(db: DbOrTx, registrationId: number): Loaded {
  const registration = getRegistration(db, registrationId);
  const movement = db.select().from(movements).where(eq(movements.id, registration.movementId)).get()!;
  const unit = db.select().from(units).where(eq(units.id, registration.unitId)).get()!;
  return { registration, movement, unit };
}

function period(db: DbOrTx, movementId: number, periodId: number): Period {
  const row = db.select().from(reportingPeriods).where(eq(reportingPeriods.id, periodId)).get();
  if (!row || row.movementId !== movementId) throw new DomainError('err-period-unknown');
  return row;
}

/** The unit's targets of the latest earlier movement, moved to this one's areas (by number) and year. */
function lastYearsTargets(db: DbOrTx, loaded: Loaded): FormTarget[] {
  const earlier = db.select().from(movements).where(lt(movements.endsOn, loaded.movement.startsOn)).orderBy(desc(movements.endsOn)).get();
  const registration = earlier && findRegistration(db, earlier.id, loaded.unit.id);
  if (!earlier || !registration) return [];
  const areaByNumber = new Map(listContentAreas(db, loaded.movement.id).map((a) => [a.number, a.id]));
  const earlierAreas = new Map(db.select().from(contentAreas).where(eq(contentAreas.movementId, earlier.id)).all().map((a) => [a.id, a.number]));
  const years = Number(loaded.movement.endsOn.slice(0, 4)) - Number(earlier.endsOn.slice(0, 4));
  return listTargets(db, registration.id).flatMap((target) => {
    const area = areaByNumber.get(earlierAreas.get(target.contentAreaId) ?? -1);
    if (area === undefined) return [];
    const dueOn = target.dueOn ? `${Number(target.dueOn.slice(0, 4)) + years}${target.dueOn.slice(4)}` : null;
    return [{ ...target, id: null, contentAreaId: area, dueOn: dueOn && dueOn.endsWith('02-29') ? dueOn.replace('02-29', '02-28') : dueOn }];
  });
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');

/** The form for a registration (`periodId`: that period's report form), with a file name. */
export async function buildForm(db: DbOrTx, form: FormKind, registrationId: number, periodId: number | null, locale: Locale): Promise<{ bytes: Buffer; fileName: string }> {
  if (form === 'score') return buildScoreForm(db, registrationId, locale);
  const loaded = load(db, registrationId);
  const { movement, unit, registration } = loaded;
  if (form === 'results') {
    const p = period(db, movement.id, periodId!);
    const bytes = await writeResultForm({ locale, movement, unit, period: p, periodLabel: periodLabel(translator(locale), p), targets: listTargets(db, registration.id) });
    return { bytes, fileName: `bao-cao-${slug(unit.code)}-${slug(p.code)}.xlsx` };
  }
  const own = listTargets(db, registration.id);
  const carried = own.length === 0 ? lastYearsTargets(db, loaded) : [];
  const bytes = await writeTargetForm({
    locale,
    movement,
    unit,
    areas: listContentAreas(db, movement.id),
    targets: own.length > 0 ? own : carried,
    deadline: deadlineFor(movement, registration),
    fromLastYear: carried.length > 0,
  });
  return { bytes, fileName: `dang-ky-${slug(unit.code)}-${movement.endsOn.slice(0, 4)}.xlsx` };
}

/** Reads a sent-back form against the registration as it stands now. */
export async function readForm(db: DbOrTx, form: Exclude<FormKind, 'score'>, registrationId: number, periodId: number | null, bytes: Buffer, fileName: string, now: number): Promise<FormReading> {
  const { movement, unit, registration } = load(db, registrationId);
  if (form === 'results') return readResultForm(bytes, fileName, unit.code, period(db, movement.id, periodId!), listTargets(db, registration.id));
  const due = { movement, today: localDate(now, movement.timezone) };
  return readTargetForm(bytes, fileName, unit.code, targetImportContext(db, registration.id, listContentAreas(db, movement.id), due));
}
