/**
 * A unit's registration (Bản đăng ký thi đua năm …) as the unit's head signs it: its targets
 * grouped by content area in the columns of form Mẫu 1a (nội dung chỉ tiêu, đơn vị tính, kế hoạch,
 * ghi chú), the titles sought, "Nơi nhận" and the head's signature block.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { TARGET_ORDER } from '../domain/target-order.ts';
import { contentAreas, registrations, targets, units } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { listTitles } from '../domain/registrations.ts';
import { TITLES } from '../domain/titles.ts';
import { formatVnDate, formatVnNumber, localDate } from '../domain/vn-input.ts';
import type { Translate } from '../i18n/index.ts';
import { unitSigner, type UnitSigner } from '../domain/unit-signer.ts';
import { findByCodeOrName, fold } from '../util/text.ts';
import { body, documentTitle, grid, heading, nationalHeader, officialDocument, para, signatureBlock, type GridRow } from './layout.ts';
import { headerText, launchSentence, type DocumentContext } from './common.ts';
import { planText } from './figures.ts';
import type { Movement, RegistrationStatus } from '../domain/model.ts';

/** Kinds of unit whose header names the province's People's Committee above them. */
const UNDER_PROVINCE = ['so', 'ban-nganh'];

interface RegistrationDocumentData {
  unit: { id: number; code: string; name: string; kind: string };
  signer: UnitSigner;
  status: RegistrationStatus | 'none';
  version: number;
  /** The day it was (last) sent, in the movement's time zone: the document's date once sent. */
  submittedOn: string | null;
  areas: { number: number; title: string; targets: { text: string; plan: string; note: string | null; dueOn: string | null }[] }[];
  targetCount: number;
  titles: string[];
}

/** The unit by code (or name), refused with the codes that exist when there is none. */
export function findUnit(db: DbOrTx, query: string) {
  const all = db.select({ id: units.id, code: units.code, name: units.name, kind: units.kind }).from(units).all();
  const exact = all.find((u) => u.code.toUpperCase() === query.trim().toUpperCase());
  if (exact) return exact;
  const found = findByCodeOrName(all, query);
  if (found.length === 1) return found[0]!;
  throw new DomainError('err-doc-unit-unknown', { code: query });
}

export function registrationData(db: DbOrTx, movement: Movement, unitId: number, t: Translate): RegistrationDocumentData {
  const unit = db.select({ id: units.id, code: units.code, name: units.name, kind: units.kind }).from(units).where(eq(units.id, unitId)).get();
  if (!unit) throw new DomainError('err-doc-unit-unknown', { code: String(unitId) });
  const reg = db.select().from(registrations).where(and(eq(registrations.movementId, movement.id), eq(registrations.unitId, unitId))).get();
  const rows = reg
    ? db
        .select({ number: contentAreas.number, title: contentAreas.title, target: targets })
        .from(targets)
        .innerJoin(contentAreas, eq(contentAreas.id, targets.contentAreaId))
        .where(and(eq(targets.registrationId, reg.id), isNull(targets.deletedAt)))
        .orderBy(...TARGET_ORDER)
        .all()
    : [];
  const areas: RegistrationDocumentData['areas'] = [];
  for (const { number, title, target } of rows) {
    let area = areas.at(-1);
    if (!area || area.number !== number) areas.push((area = { number, title, targets: [] }));
    area.targets.push({
      text: target.text,
      plan: target.kind === 'quantitative' && target.plannedValue !== null ? planText(target.plannedValue, target.direction, target.measure) : t('doc-qualitative-plan'),
      note: target.note,
      dueOn: target.dueOn,
    });
  }
  const chosen = reg ? listTitles(db, reg.id) : [];
  return {
    unit,
    signer: unitSigner(db, unitId),
    status: reg?.status ?? 'none',
    version: reg?.version ?? 0,
    submittedOn: reg?.submittedAt ? localDate(reg.submittedAt, movement.timezone) : null,
    areas,
    targetCount: rows.length,
    titles: TITLES.filter((title) => chosen.includes(title)),
  };
}

/** Sent or approved: the registration as the Board has it, dated the day it was sent. */
export const isSent = (data: Pick<RegistrationDocumentData, 'status'>) => data.status === 'submitted' || data.status === 'approved';

/**
 * Whom the registration goes to: the standing body (Sở Nội vụ, Ban Thi đua - Khen thưởng); the
 * standing body's own registration goes above it, to the People's Committee, never to itself.
 */
function addressee(ctx: DocumentContext, unitName: string): { to: string; recipients: string } {
  const { t, movement, settings } = ctx;
  const standing = movement.standingBody ?? t('doc-default-standing-body');
  const own = [settings.bodyName, standing.replace(/\(.*\)/, '').trim()].some((name) => fold(name) === fold(unitName));
  if (own) return { to: settings.addressee, recipients: t('doc-reg-recipients-own', { addressee: settings.addressee }) };
  return { to: standing, recipients: t('doc-reg-recipients', { standingBody: standing }) };
}

export function registrationDocument(ctx: DocumentContext, data: RegistrationDocumentData) {
  const { t, movement, settings } = ctx;
  const year = movement.endsOn.slice(0, 4);
  const unitName = data.unit.name;
  const header = headerText(ctx, {
    parent: UNDER_PROVINCE.includes(data.unit.kind) ? settings.parent : null,
    body: unitName.toLocaleUpperCase('vi'),
    kind: t('doc-reg-number-kind'),
    abbreviation: data.unit.code.toLocaleUpperCase('vi'),
  });
  const sent = isSent(data);
  const to = addressee(ctx, unitName);
  const children = [
    nationalHeader(header),
    ...documentTitle(t('doc-reg-kind'), t('doc-reg-title', { year })),
    ...(sent ? [] : [para(t('doc-reg-draft-mark', { status: data.status }), { size: 13, italics: true, align: 'center', after: 6 })]),
    para(t('doc-to', { addressee: to.to }), { align: 'center', before: 6, after: 12 }),
    body(t('doc-reg-intro', { launch: launchSentence(ctx), unit: unitName, year })),
    heading(t('doc-reg-targets-heading')),
  ];
  if (data.targetCount === 0) children.push(body(t('doc-reg-no-targets')));
  else {
    const rows: GridRow[] = [];
    let index = 0;
    for (const area of data.areas) {
      rows.push({ band: `${area.number}. ${area.title}` });
      for (const target of area.targets)
        rows.push({ cells: [formatVnNumber(++index), target.text, target.plan, target.dueOn ? formatVnDate(target.dueOn) : '', target.note ?? ''] });
    }
    children.push(
      grid(
        ctx.rows,
        [
          { header: t('doc-col-index'), weight: 8, align: 'center' },
          { header: t('doc-col-target'), weight: 50 },
          { header: t('doc-col-plan'), weight: 17, align: 'center' },
          { header: t('doc-col-due'), weight: 14, align: 'center' },
          { header: t('doc-col-note'), weight: 20 },
        ],
        rows,
      ),
    );
  }
  children.push(heading(t('doc-reg-titles-heading')));
  if (data.titles.length === 0) children.push(body(t('doc-reg-no-titles')));
  else for (const title of data.titles) children.push(body(`- ${t(`title-${title}`)}`));
  children.push(body(t('doc-reg-commitment', { unit: unitName })));
  children.push(
    signatureBlock({
      recipientsLabel: t('doc-recipients'),
      recipients: to.recipients.split('\n'),
      signerTitle: data.signer.title ?? t('doc-reg-signer'),
      signHint: t('doc-sign-hint'),
      signerName: data.signer.name,
    }),
  );
  return officialDocument(
    { title: t('doc-reg-title', { year }), subject: `${data.unit.code} · ${movement.code}`, creator: t('doc-creator') },
    [{ children }],
  );
}
