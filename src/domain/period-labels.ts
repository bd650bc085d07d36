/** How a reporting period is named in text: by the reminders, the flows and the exports alike. */
import type { Translate } from '../i18n/index.ts';
import type { Period } from './model.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * "Quý I/2020", "6 tháng đầu năm 2020", "năm 2020", "tháng 3/2020": as inside a sentence ("báo cáo
 * năm 2020"); `periodTitle` capitalises it where it starts a line, a button or a cell.
 */
export function periodLabel(t: Translate, period: Pick<Period, 'kind' | 'code' | 'startsOn' | 'endsOn'>): string {
  const year = period.endsOn.slice(0, 4);
  const month = Number(period.endsOn.slice(5, 7));
  switch (period.kind) {
    case 'quarter':
      return t('period-quarter', { roman: ROMAN[Math.ceil(month / 3) - 1]!, year });
    case 'half':
      return t('period-half', { half: month <= 6 ? 'first' : 'second', year });
    case 'year':
      return t('period-year', { year });
    case 'month':
      return t('period-month', { month, year });
    default:
      return period.code;
  }
}

/** A period's label where it stands first: "Năm 2020", "Tháng 3/2020". */
export function periodTitle(t: Translate, period: Pick<Period, 'kind' | 'code' | 'startsOn' | 'endsOn'>): string {
  const label = periodLabel(t, period);
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
}

/**
 * The arguments `period-label` reads, for a message formatted later in its recipient's language
 * (a notice to other people), where the label cannot be formatted beforehand.
 */
export function periodLabelArgs(period: Pick<Period, 'kind' | 'code' | 'endsOn'>): Record<string, string | number> {
  const month = Number(period.endsOn.slice(5, 7));
  return { periodKind: period.kind, roman: ROMAN[Math.ceil(month / 3) - 1]!, half: month <= 6 ? 'first' : 'second', year: period.endsOn.slice(0, 4), month, code: period.code };
}
