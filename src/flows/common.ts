import { eq } from 'drizzle-orm';
import type { FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { prepared } from '../db/prepared.ts';
import { people } from '../db/schema.ts';
import { cleanText } from '../domain/text-input.ts';
import type { Translate } from '../i18n/index.ts';

/** The main actions, as buttons that open their flow from anywhere (`go:` payloads). */
const MENU: Record<string, string[]> = {
  liaison: ['register', 'report', 'myunit'],
  admin: ['status', 'review', 'late', 'broadcast', 'invite', 'export'],
  cluster_head: ['status', 'late', 'myunit', 'export'],
  viewer: ['status', 'export'],
};

export function mainMenuChoices(t: Translate, role: string | undefined): Choice[] {
  return [...(MENU[role ?? ''] ?? []), 'lang'].map((flow) => ({ id: `go:${flow}`, label: t(`menu-${flow}`) }));
}

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

export const adminIds = (ctx: FlowContext): number[] =>
  prepared(ctx.db, 'people.admins', (d) => d.select({ id: people.id }).from(people).where(eq(people.role, 'admin')).prepare())
    .all()
    .map((p) => p.id);

/** The "skip" option of optional questions. */
export const skipChoice = (t: Translate): Choice => ({ id: 'skip', label: t('choice-skip') });

/** A reason typed for a decision (return, reopen, a request): cleaned, at least 5 and at most 1,000 characters. */
export function readReason(ctx: FlowContext, text: string | undefined): { reason: string } | { error: string } {
  const reason = cleanText(text ?? '');
  if (reason.length < 5) return { error: ctx.t('rev-reason-expected') };
  if (reason.length > 1000) return { error: ctx.t('reg-text-too-long', { max: 1000, length: reason.length }) };
  return { reason };
}
