import { describe, expect, it } from 'vitest';
import { holidayName, isAllowed, isWorkingDay, nextAllowed, policy, publicHolidays, zonedTime } from '../../src/reminders/calendar.ts';
import { hungKingsDate, jdFromDate, jdToDate, lunarToSolar, solarToLunar, tetDate } from '../../src/reminders/lunar.ts';
import { vn, vnText } from './helpers.ts';

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết on the known dates', () => {
    expect(tetDate(2020)).toBe('2020-01-25');
    expect(tetDate(2021)).toBe('2021-02-12');
    expect(tetDate(2022)).toBe('2022-02-01');
    expect(tetDate(2023)).toBe('2023-01-22');
    expect(tetDate(2024)).toBe('2024-02-10');
    expect(tetDate(2025)).toBe('2025-01-29');
    expect(tetDate(2026)).toBe('2026-02-17');
  });

  it('follows the UTC+7 meridian where Vietnam and China differ', () => {
    // 1985: Vietnam celebrated on 21/01, China on 20/02; 2007: 17/02 in Vietnam, 18/02 in China.
    expect(tetDate(1985)).toBe('1985-01-21');
    expect(tetDate(2007)).toBe('2007-02-17');
    expect(solarToLunar(18, 2, 2007, 8)).toEqual({ day: 1, month: 1, year: 2007, leap: false });
    expect(solarToLunar(18, 2, 2007)).toEqual({ day: 2, month: 1, year: 2007, leap: false });
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 lunar) on the known dates', () => {
    expect(hungKingsDate(2020)).toBe('2020-04-02');
    expect(hungKingsDate(2021)).toBe('2021-04-21');
    expect(hungKingsDate(2023)).toBe('2023-04-29');
    expect(hungKingsDate(2024)).toBe('2024-04-18');
    expect(hungKingsDate(2025)).toBe('2025-04-07');
  });

  it('knows leap months (2020 had a leap 4th month, 2023 a leap 2nd month)', () => {
    expect(solarToLunar(23, 5, 2020)).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(lunarToSolar(1, 4, 2020, true)).toEqual([23, 5, 2020]);
    expect(solarToLunar(22, 3, 2023)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(1, 3, 2021, true)).toBeUndefined();
  });

  it('converts every day of 2000–2100 to the lunar calendar and back', () => {
    let previous = solarToLunar(31, 12, 1999);
    let tets = 0;
    for (let jd = jdFromDate(1, 1, 2000); jd <= jdFromDate(31, 12, 2100); jd++) {
      const [d, m, y] = jdToDate(jd);
      const lunar = solarToLunar(d, m, y);
      expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap)).toEqual([d, m, y]);
      // Days run 1, 2, … and a month has 29 or 30 of them.
      if (lunar.day !== 1) expect(lunar.day).toBe(previous.day + 1);
      else expect([29, 30]).toContain(previous.day);
      if (lunar.day === 1 && lunar.month === 1 && !lunar.leap) {
        tets++;
        expect(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).toBe(tetDate(y));
        // Tết falls between 21 January and 20 February.
        expect(m * 100 + d).toBeGreaterThanOrEqual(121);
        expect(m * 100 + d).toBeLessThanOrEqual(220);
      }
      previous = lunar;
    }
    expect(tets).toBe(101);
  }, 60_000);
});

describe('public holidays', () => {
  it('2020: New Year, Tết (29 Chạp to mùng 5), Giỗ Tổ, 30/4, 1/5, 2/9 and the day after', () => {
    expect([...publicHolidays(2020).entries()].sort()).toEqual([
      ['2020-01-01', 'new-year'],
      ['2020-01-23', 'tet'],
      ['2020-01-24', 'tet'],
      ['2020-01-25', 'tet'],
      ['2020-01-26', 'tet'],
      ['2020-01-27', 'tet'],
      ['2020-01-28', 'tet'],
      ['2020-01-29', 'tet'],
      ['2020-04-02', 'hung-kings'],
      ['2020-04-30', 'reunification'],
      ['2020-05-01', 'labour'],
      ['2020-09-02', 'national'],
      ['2020-09-03', 'national'],
    ]);
  });

  it('a holiday on a weekend is made up on the next working day (2022: 1/1 Sat, Giỗ Tổ Sun, 30/4 Sat and 1/5 Sun)', () => {
    expect(holidayName('2022-01-03')).toBe('compensatory');
    expect(holidayName('2022-04-11')).toBe('compensatory');
    expect(holidayName('2022-05-02')).toBe('compensatory');
    expect(holidayName('2022-05-03')).toBe('compensatory');
    expect(holidayName('2022-05-04')).toBeUndefined();
  });

  it('Tết 2024 and 2025 match the official days off', () => {
    // 2024: Thursday 08/02 to Wednesday 14/02; 2025: Saturday 25/01 to Sunday 02/02 (with weekends).
    for (const day of ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2025-01-27', '2025-01-31']) expect(isWorkingDay(day)).toBe(false);
    expect(isWorkingDay('2024-02-07')).toBe(true);
    expect(isWorkingDay('2024-02-15')).toBe(true);
    expect(isWorkingDay('2025-02-03')).toBe(true);
  });

  it('extra days off can be added, and weekends or holidays can be let through', () => {
    expect(isWorkingDay('2025-09-01')).toBe(true);
    expect(isWorkingDay('2025-09-01', policy({ extraHolidays: ['2025-09-01'] }))).toBe(false);
    expect(isWorkingDay('2020-03-28', policy({ skipWeekends: false }))).toBe(true);
    expect(isWorkingDay('2020-04-30', policy({ skipHolidays: false }))).toBe(true);
  });
});

describe('when a reminder may go out (Asia/Ho_Chi_Minh)', () => {
  const next = (iso: string, p = policy()) => vnText(nextAllowed(vn(iso), p));

  it('quiet hours 21:00–07:00', () => {
    expect(isAllowed(vn('2020-03-17T07:00'))).toBe(true);
    expect(isAllowed(vn('2020-03-17T20:59'))).toBe(true);
    expect(isAllowed(vn('2020-03-17T21:00'))).toBe(false);
    expect(isAllowed(vn('2020-03-17T06:59'))).toBe(false);
    expect(next('2020-03-17T21:30')).toBe('2020-03-18 07:00');
    expect(next('2020-03-18T03:00')).toBe('2020-03-18 07:00');
    expect(next('2020-03-18T10:15')).toBe('2020-03-18 10:15');
  });

  it('weekends: Friday night and Saturday go to Monday 07:00', () => {
    expect(next('2020-03-27T22:00')).toBe('2020-03-30 07:00');
    expect(next('2020-03-28T08:00')).toBe('2020-03-30 07:00');
  });

  it('holidays: Giỗ Tổ 2020, 30/4–1/5 2020, 2/9 2020, Tết 2021 and the New Year 2021', () => {
    expect(next('2020-04-02T08:00')).toBe('2020-04-03 07:00');
    expect(next('2020-04-30T08:00')).toBe('2020-05-04 07:00');
    expect(next('2020-09-02T08:00')).toBe('2020-09-04 07:00');
    // Tết Tân Sửu: Friday 12/02/2021; days off Wednesday 10/02 to Tuesday 16/02.
    expect(next('2021-02-09T20:30')).toBe('2021-02-09 20:30');
    expect(next('2021-02-09T21:30')).toBe('2021-02-17 07:00');
    expect(next('2021-02-12T08:00')).toBe('2021-02-17 07:00');
    expect(next('2020-12-31T21:00')).toBe('2021-01-04 07:00');
  });

  it('other quiet hours and a daytime break', () => {
    expect(next('2020-03-17T19:00', policy({ quietStart: '18:00', quietEnd: '08:00' }))).toBe('2020-03-18 08:00');
    expect(next('2020-03-17T12:10', policy({ quietStart: '12:00', quietEnd: '13:30' }))).toBe('2020-03-17 13:30');
  });

  it('local times convert for the zone', () => {
    expect(zonedTime('2020-03-31', '08:00', 'Asia/Ho_Chi_Minh')).toBe(Date.UTC(2020, 2, 31, 1, 0));
    expect(zonedTime('2020-03-31', '08:00', 'Europe/Paris')).toBe(Date.UTC(2020, 2, 31, 6, 0));
  });
});
