import type { Movement } from './model.ts';
/**
 * When a target may fall due. Within the movement is the rule; a date already past is possible (a
 * target met early, a registration sent late) but is most often a typing slip, so it is asked
 * about; a date in the first months of the next year (31/01 for the disbursement of public
 * investment) is allowed up to the movement's final review, with a warning.
 */

type DueDateCheck =
  | { kind: 'ok' }
  /** Before today: confirm it is meant. */
  | { kind: 'past' }
  /** After the movement ends, up to its final review: accepted with a warning. */
  | { kind: 'after-end'; finalReview: string }
  | { kind: 'refused'; from: string; to: string };

/** The year-end review closing the movement: as set, or 31/03 of the year after it ends. */
export function finalReviewDate(movement: Pick<Movement, 'endsOn' | 'finalReviewOn'>): string {
  return movement.finalReviewOn ?? `${Number(movement.endsOn.slice(0, 4)) + 1}-03-31`;
}

export function checkDueDate(date: string, movement: Pick<Movement, 'startsOn' | 'endsOn' | 'finalReviewOn'>, today: string): DueDateCheck {
  const finalReview = finalReviewDate(movement);
  if (date < movement.startsOn || date > finalReview) return { kind: 'refused', from: movement.startsOn, to: finalReview };
  if (date < today) return { kind: 'past' };
  if (date > movement.endsOn) return { kind: 'after-end', finalReview };
  return { kind: 'ok' };
}

/**
 * The deadline a unit is held to (for its registration, or a period's report): the general one, or
 * the unit's own when the Board extended it for the unit and it is still the later one (a later
 * extension for everyone counts).
 */
export function unitDeadline(movementDeadline: string, own: string | null | undefined): string {
  return own && own > movementDeadline ? own : movementDeadline;
}
