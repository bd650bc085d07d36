import { describe, expect, it } from 'vitest';
import { checkDueDate, finalReviewDate } from '../../src/domain/due-dates.ts';
import { movementZone } from '../../src/domain/time-zone.ts';

const movement = { startsOn: '2020-01-01', endsOn: '2020-12-31', finalReviewOn: null };

describe('due dates', () => {
  it('a due date within the movement and not past is taken as it is', () => {
    expect(checkDueDate('2020-09-30', movement, '2020-03-15')).toEqual({ kind: 'ok' });
    expect(checkDueDate('2020-03-15', movement, '2020-03-15')).toEqual({ kind: 'ok' });
  });

  it('a due date already past is asked about, not taken silently', () => {
    expect(checkDueDate('2020-02-28', movement, '2020-03-15')).toEqual({ kind: 'past' });
  });

  it('a due date early next year is allowed up to the final review, with a warning', () => {
    expect(finalReviewDate(movement)).toBe('2021-03-31');
    expect(checkDueDate('2021-01-31', movement, '2020-03-15')).toEqual({ kind: 'after-end', finalReview: '2021-03-31' });
    expect(checkDueDate('2021-04-01', movement, '2020-03-15')).toEqual({ kind: 'refused', from: '2020-01-01', to: '2021-03-31' });
    expect(checkDueDate('2021-02-15', { ...movement, finalReviewOn: '2021-02-10' }, '2020-03-15')).toEqual({ kind: 'refused', from: '2020-01-01', to: '2021-02-10' });
  });

  it('a due date before the movement starts is refused', () => {
    expect(checkDueDate('2019-12-31', movement, '2020-03-15').kind).toBe('refused');
  });
});

describe('one time zone', () => {
  it('a movement is reckoned in its own zone; one defined without a zone takes TZ, else Asia/Ho_Chi_Minh', () => {
    expect(movementZone({ timezone: 'Asia/Bangkok' }, { TZ: 'UTC' })).toBe('Asia/Bangkok');
    expect(movementZone({ timezone: null }, { TZ: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(movementZone(undefined, {})).toBe('Asia/Ho_Chi_Minh');
  });
});
