import { describe, expect, it } from 'vitest';
import { readArea, readDirection, readTargetRow, type TargetRowCells } from '../../src/domain/target-fields.ts';
import { readResult } from '../../src/domain/result-fields.ts';
import type { ContentArea } from '../../src/domain/model.ts';

const areas = [1, 2, 6, 9].map((number) => ({ id: 100 + number, movementId: 1, number, title: number === 6 ? 'Cải cách hành chính' : `Nội dung ${number}` })) as ContentArea[];
const due = { movement: { startsOn: '2020-01-01', endsOn: '2020-12-31', finalReviewOn: null }, today: '2020-02-15' };
const row = (cells: Partial<TargetRowCells>) => readTargetRow({ area: '6', text: 'Tỷ lệ hồ sơ đúng hạn', plan: '', ...cells }, areas, due);

describe('a target written as one row', () => {
  it('reads the plan with its direction and unit, or from the unit column', () => {
    expect(row({ plan: '≥ 98,5 %' })).toMatchObject({ ok: true, input: { contentAreaId: 106, kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31' } });
    expect(row({ plan: 'tối đa 3 vụ' })).toMatchObject({ ok: true, input: { measure: 'vụ', plannedValue: 3, direction: 'at_most' } });
    expect(row({ plan: '1,2 tỷ', measure: 'tỷ đồng' })).toMatchObject({ ok: true, input: { measure: 'tỷ đồng', plannedValue: 1.2 } });
    expect(row({ plan: '1.500', measure: 'hồ sơ' })).toMatchObject({ ok: true, input: { plannedValue: 1500 } });
  });

  it('takes a blank or "hoàn thành" plan as qualitative, unless a unit says a figure is meant', () => {
    expect(row({ plan: '' })).toMatchObject({ ok: true, input: { kind: 'qualitative', plannedValue: null, measure: null, direction: null } });
    expect(row({ plan: 'Hoàn thành' })).toMatchObject({ ok: true, input: { kind: 'qualitative' } });
    expect(row({ plan: '', measure: '%' })).toEqual({ ok: false, problems: [{ column: 'plan', problem: { key: 'form-err-required' } }] });
  });

  it('reports every problem of the row, each with its column', () => {
    const read = row({ area: '12', text: 'abc', plan: '1.500', measure: '%', due: '31/02', direction: 'nhiều' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => [p.column, p.problem.key])).toEqual([
      ['area', 'form-err-area'],
      ['text', 'reg-text-too-short'],
      ['direction', 'form-err-direction'],
      ['plan', 'form-err-number-ambiguous'],
      ['due', 'form-err-date'],
    ]);
  });

  it('refuses a due date outside the movement and warns of one already past', () => {
    expect(row({ due: '15/06/2021' })).toMatchObject({ ok: false, problems: [{ column: 'due', problem: { key: 'reg-due-outside' } }] });
    expect(row({ due: '31/01/2020' })).toMatchObject({ ok: true, warnings: [{ key: 'form-warn-due-past' }] });
  });

  it('finds an area by number, by its list label, or by a unique part of its title', () => {
    expect(readArea('6. Cải cách hành chính', areas)).toMatchObject({ ok: true, value: { number: 6 } });
    expect(readArea('cai cach', areas)).toMatchObject({ ok: true, value: { number: 6 } });
    expect(readArea('Nội dung', areas)).toMatchObject({ ok: false });
    expect(readDirection('Không vượt quá')).toEqual({ ok: true, value: 'at_most' });
  });
});

describe('a result written in one cell or line', () => {
  const quantitative = { kind: 'quantitative' as const, measure: 'sản phẩm', plannedValue: 100 };
  it('reads a figure in the target’s unit, a qualitative state by name, and questions a figure 1,000 times off', () => {
    expect(readResult('35', quantitative)).toEqual({ ok: true, value: { value: 35, assessment: null } });
    expect(readResult('Hoàn thành xuất sắc', { kind: 'qualitative', measure: null, plannedValue: null })).toEqual({ ok: true, value: { value: null, assessment: 'exceeded' } });
    expect(readResult('35000', quantitative)).toMatchObject({ ok: false, problem: { key: 'form-err-magnitude', args: { factor: '350', above: 'yes' } } });
    expect(readResult('-1', quantitative)).toEqual({ ok: false, problem: { key: 'reg-planned-negative' } });
  });

  it('takes a figure far off the plan when written with its unit, the real factor said; a bare one is an open question', () => {
    expect(readResult('35000 sản phẩm', quantitative)).toMatchObject({ ok: true, value: { value: 35000, warning: { key: 'form-warn-magnitude', args: { factor: '350' } } } });
    const money = { kind: 'quantitative' as const, measure: 'tỷ đồng', plannedValue: 1.5 };
    expect(readResult('350000000', money)).toMatchObject({ ok: false, problem: { key: 'form-err-magnitude', args: { factor: '230.000.000', asDong: '0,35 tỷ đồng' } } });
    expect(readResult('350000000 đồng', money)).toEqual({ ok: true, value: { value: 0.35, assessment: null } });
    expect(readResult('0,001', money)).toMatchObject({ ok: false, problem: { key: 'form-err-magnitude', args: { factor: '1.500', above: 'no' } } });
  });
});
