import { eq } from 'drizzle-orm';
import type { FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { prepared } from '../db/prepared.ts';
import { people } from '../db/schema.ts';
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
