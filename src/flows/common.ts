import type { FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { adminPersonIds } from '../domain/people.ts';
import { cleanText } from '../domain/text-input.ts';
import { unitsInService } from '../domain/units.ts';
import type { Translate } from '../i18n/index.ts';
import { findByCodeOrName } from '../util/text.ts';
import type { Unit } from '../domain/model.ts';

/** The main actions, as buttons that open their flow from anywhere (`go:` payloads). */
const MENU: Record<string, string[]> = {
  liaison: ['register', 'report', 'myunit', 'yearend'],
  admin: ['status', 'review', 'late', 'broadcast', 'invite', 'export', 'yearend'],
  cluster_head: ['status', 'late', 'myunit', 'export', 'yearend'],
  viewer: ['status', 'export'],
};

export function mainMenuChoices(t: Translate, role: string | undefined): Choice[] {
  return [...(MENU[role ?? ''] ?? []), 'lang'].map((flow) => ({ id: `go:${flow}`, label: t(`menu-${flow}`) }));
}

/** A flow's requirement (Requirements.person): the person belongs to a unit. */
export const hasUnit = (_person: unknown, unit: Unit | null) => unit !== null;

/** "Nguyễn Thị Hoa — Cán bộ đầu mối, Sở Nội vụ" */
export function whoIs(ctx: FlowContext): string {
  if (!ctx.person) return '';
  return ctx.t('who-is', {
    name: ctx.person.fullName,
    role: ctx.t(`role-${ctx.person.role}`),
    unit: ctx.unit?.name ?? '',
    hasUnit: ctx.unit ? 'yes' : 'no',
  });
}

export const adminIds = (ctx: FlowContext): number[] => adminPersonIds(ctx.db);

/** The "skip" option of optional questions. */
export const skipChoice = (t: Translate): Choice => ({ id: 'skip', label: t('choice-skip') });

/** A reason typed for a decision (return, reopen, a request): cleaned, at least 5 and at most 1,000 characters. */
export function readReason(ctx: FlowContext, text: string | undefined): { reason: string } | { error: string } {
  const reason = cleanText(text ?? '');
  if (reason.length < 5) return { error: ctx.t('rev-reason-expected') };
  if (reason.length > 1000) return { error: ctx.t('reg-text-too-long', { max: 1000, length: reason.length }) };
  return { reason };
}

/**
 * The unit whose registration or report is entered: the person's own; for the Board, the unit
 * named after the command (`/dangky SNV`, `/baocao hai hau`), to enter what the unit emailed.
 */
export function unitToEnter(ctx: FlowContext, words: string): { unit: Unit } | { refused: string } | undefined {
  if (words === '' || ctx.person?.role !== 'admin') return ctx.unit ? { unit: ctx.unit } : undefined;
  const found = findByCodeOrName(unitsInService(ctx.db), words);
  if (found.length !== 1) return { refused: ctx.t(found.length === 0 ? 'reg-unit-unknown' : 'reg-unit-ambiguous', { query: words, count: found.length }) };
  return { unit: found[0]! };
}
