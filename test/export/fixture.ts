/**
 * A small movement with a bit of everything an export shows, built with the domain services:
 * the test movement (KHOI-A: SNV, STC · CUM-1: HHH, HGT · no group: MTTQ), deadline 31/03/2020.
 *
 * - SNV: three targets (≥ 98,5 %, ≤ 3 vụ, qualitative) and a title, submitted on time and approved; Q1 reported
 *   then corrected (revision 2, first target only), Q2 reported with evidence.
 * - STC: a draft with one target (≥ 1.234,5 triệu đồng): in the exports only when drafts are asked for.
 * - HHH: submitted after the deadline (late), one qualitative target.
 * - HGT, MTTQ: nothing.
 */
import type { Db } from '../../src/db/connection.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, approveRegistration, ensureRegistration, setTitles, submitRegistration } from '../../src/domain/registrations.ts';
import { loadMovement, type LoadedMovement } from '../helpers/movement.ts';

export const ON_TIME = Date.parse('2020-03-10T03:00:00Z'); // 10/03/2020 in Hà Nội
export const LATE = Date.parse('2020-04-01T18:30:00Z'); // 02/04/2020 01:30 in Hà Nội
export const Q1_REPORT = Date.parse('2020-04-05T02:00:00Z');
export const Q1_CORRECTION = Date.parse('2020-04-08T17:30:00Z'); // 09/04/2020 00:30 in Hà Nội
export const Q2_REPORT = Date.parse('2020-07-03T02:00:00Z');
/** When the exports are made: 15/07/2020, after the deadline. */
export const EXPORT_AT = Date.parse('2020-07-15T03:00:00Z');

const liaison: Actor = { label: 'telegram:1' };
const reviewer: Actor = { label: 'cli' };

export const TEXTS = {
  ontime: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  complaints: 'Số vụ khiếu nại, tố cáo vượt cấp',
  training: 'Tổ chức hội nghị, tập huấn chuyên đề',
  budget: 'Thu ngân sách vượt dự toán',
  hhh: 'Xây dựng huyện nông thôn mới kiểu mẫu',
} as const;
export const NOTE_WITH_QUOTES = 'Theo "Kế hoạch 12", ưu tiên quý I';
export const LINK = 'https://snv.namdinh.gov.vn/bao-cao-q1.pdf';

export interface Fixture extends LoadedMovement {
  targetIds: Record<keyof typeof TEXTS, number>;
}

export function buildFixture(db: Db): Fixture {
  const m = loadMovement(db);
  const period = (code: string) => listPeriods(db, m.movement.id).find((p) => p.code === code)!.id;

  const snv = ensureRegistration(db, m.movement.id, m.unit('SNV'), ON_TIME).id;
  const ontime = addTarget(
    db,
    snv,
    { contentAreaId: m.area(1), text: TEXTS.ontime, kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31', note: NOTE_WITH_QUOTES },
    liaison,
    ON_TIME,
  ).id;
  const complaints = addTarget(
    db,
    snv,
    { contentAreaId: m.area(2), text: TEXTS.complaints, kind: 'quantitative', measure: 'vụ', plannedValue: 3, direction: 'at_most', dueOn: '2020-06-30' },
    liaison,
    ON_TIME,
  ).id;
  const training = addTarget(db, snv, { contentAreaId: m.area(3), text: TEXTS.training, kind: 'qualitative' }, liaison, ON_TIME).id;
  setTitles(db, snv, ['tap-the-lao-dong-xuat-sac'], liaison, ON_TIME);
  submitRegistration(db, snv, liaison, ON_TIME);
  approveRegistration(db, snv, reviewer, ON_TIME + 60_000);

  recordProgressReport(
    db,
    {
      registrationId: snv,
      periodId: period('Q2020-1'),
      lines: [
        { targetId: ontime, value: 50 },
        { targetId: complaints, value: 1 },
        { targetId: training, assessment: 'met' },
      ],
    },
    liaison,
    Q1_REPORT,
  );
  recordProgressReport(
    db,
    { registrationId: snv, periodId: period('Q2020-1'), lines: [{ targetId: ontime, value: 60, evidenceKind: 'link', evidenceRef: LINK, note: 'Số liệu đã rà soát lại' }] },
    liaison,
    Q1_CORRECTION,
  );
  recordProgressReport(
    db,
    {
      registrationId: snv,
      periodId: period('Q2020-2'),
      lines: [
        { targetId: ontime, value: 40 },
        { targetId: complaints, value: 2, cumulative: true, evidenceKind: 'photo', evidenceRef: 'AgACAgIAAxkBAAIB' },
        { targetId: training, assessment: 'exceeded', note: 'Đã tổ chức 2 hội nghị' },
      ],
    },
    liaison,
    Q2_REPORT,
  );

  const stc = ensureRegistration(db, m.movement.id, m.unit('STC'), ON_TIME).id;
  const budget = addTarget(
    db,
    stc,
    { contentAreaId: m.area(1), text: TEXTS.budget, kind: 'quantitative', measure: 'triệu đồng', plannedValue: 1234.5, direction: 'at_least', dueOn: '2020-12-31' },
    liaison,
    ON_TIME,
  ).id;

  const hhh = ensureRegistration(db, m.movement.id, m.unit('HHH'), ON_TIME).id;
  const hhhTarget = addTarget(db, hhh, { contentAreaId: m.area(2), text: TEXTS.hhh, kind: 'qualitative', dueOn: '2020-11-30' }, liaison, ON_TIME).id;
  submitRegistration(db, hhh, liaison, LATE);

  return { ...m, targetIds: { ontime, complaints, training, budget, hhh: hhhTarget } };
}
