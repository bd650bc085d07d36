import { describe, expect, it } from 'vitest';
import { asksRunningTotal, figureKind, figureUpTo, looksThousandfoldOff, readQuantity, type ReportedFigure } from '../../src/domain/figures.ts';

const q = (periodId: number, endsOn: string, value: number | null, cumulative: boolean, revision = 1, periodKind = 'quarter'): ReportedFigure => ({
  periodId,
  periodKind,
  endsOn,
  revision,
  value,
  cumulative,
});

describe('figures by kind', () => {
  it('a unit of measure tells a rate, an amount or a count', () => {
    expect(['%', 'tỷ lệ %', 'điểm', 'xếp hạng', 'chỉ số'].map(figureKind)).toEqual(['rate', 'rate', 'rate', 'rate', 'rate']);
    expect(['đồng', 'triệu đồng', 'tỷ đồng'].map(figureKind)).toEqual(['amount', 'amount', 'amount']);
    expect(['sản phẩm', 'xã', 'người', 'hồ sơ', null].map(figureKind)).toEqual(['count', 'count', 'count', 'count', 'count']);
  });

  it('a rate is never summed across periods: the latest value stands', () => {
    // Quý I 97,3 as running total, Quý II 98 as "this period only": the rate is 98, not 195,3.
    expect(figureUpTo('rate', [q(1, '2020-03-31', 97.3, true), q(2, '2020-06-30', 98, false)])).toBe(98);
  });

  it('a count is the sum of the periods or the last running total', () => {
    const figures = [q(1, '2020-03-31', 30, false), q(2, '2020-06-30', 25, false), q(3, '2020-09-30', 70, true), q(4, '2020-12-31', 12, false)];
    expect(figureUpTo('count', figures, { kind: 'quarter', endsOn: '2020-06-30' })).toBe(55);
    expect(figureUpTo('count', figures)).toBe(82);
  });

  it('only the latest revision of a period counts', () => {
    expect(figureUpTo('amount', [q(1, '2020-03-31', 10, false, 1), q(1, '2020-03-31', 12, false, 2), q(2, '2020-06-30', 5, false)])).toBe(17);
  });

  it('the period or running-total question is asked only for counts and amounts, never for the year period', () => {
    expect(asksRunningTotal('rate', 'quarter')).toBe(false);
    expect(asksRunningTotal('count', 'quarter')).toBe(true);
    expect(asksRunningTotal('amount', 'half')).toBe(true);
    expect(asksRunningTotal('count', 'year')).toBe(false);
  });
});

describe('reading a number with its unit', () => {
  it('an amount in đồng is converted to the unit the target uses', () => {
    expect(readQuantity('1.234.567.000 đồng', 'tỷ đồng')).toMatchObject({ kind: 'ok', value: 1.234567, typed: 'đồng' });
    expect(readQuantity('1,2 tỷ', 'tỷ đồng')).toMatchObject({ kind: 'ok', value: 1.2, typed: null });
    expect(readQuantity('1,2 tỷ đồng', 'triệu đồng')).toMatchObject({ kind: 'ok', value: 1200, typed: 'tỷ đồng' });
    expect(readQuantity('500 triệu', 'tỷ đồng')).toMatchObject({ kind: 'ok', value: 0.5, typed: 'triệu' });
  });

  it('nghìn, triệu and tỷ are multipliers', () => {
    expect(readQuantity('2 nghìn', 'người')).toMatchObject({ kind: 'ok', value: 2000, typed: null });
    expect(readQuantity('1,5 triệu người', 'người')).toMatchObject({ kind: 'ok', value: 1_500_000, typed: null });
  });

  it('a count with its own unit is read, and its dots are thousands separators without a question', () => {
    expect(readQuantity('120 người', 'người')).toMatchObject({ kind: 'ok', value: 120, typed: null });
    expect(readQuantity('25 xã', 'xã')).toMatchObject({ kind: 'ok', value: 25, typed: null });
    expect(readQuantity('1.234 hồ sơ', 'hồ sơ')).toMatchObject({ kind: 'ok', value: 1234, typed: null });
    expect(readQuantity('1.500', 'sản phẩm')).toMatchObject({ kind: 'ok', value: 1500, typed: null });
  });

  it('a rate reads its percent sign and keeps asking where the reading is truly ambiguous', () => {
    expect(readQuantity('98,5 %', '%')).toMatchObject({ kind: 'ok', value: 98.5, typed: null });
    expect(readQuantity('1.500', 'tỷ đồng')).toEqual({ kind: 'ambiguous', candidates: [1500, 1.5] });
  });

  it('a unit other than the target\'s is named back, not read', () => {
    expect(readQuantity('25 xã', 'sản phẩm')).toEqual({ kind: 'other-unit', unit: 'xã' });
    expect(readQuantity('hai mươi', 'xã')).toEqual({ kind: 'invalid' });
  });

  it('a value about 1,000 times off the plan is flagged', () => {
    expect(looksThousandfoldOff(1_200, 1.5)).toBe(true);
    expect(looksThousandfoldOff(0.0012, 1.5)).toBe(true);
    expect(looksThousandfoldOff(300, 1.5)).toBe(true); // 300 typed for 300 triệu
    expect(looksThousandfoldOff(1.2, 1.5)).toBe(false);
    expect(looksThousandfoldOff(35, 1.5)).toBe(false);
    expect(looksThousandfoldOff(0, 1.5)).toBe(false);
  });
});
