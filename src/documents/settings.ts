/**
 * Who issues the Board's documents and who signs them: the movement's board settings
 * (domain/board-settings.ts), and what is not set worked out from the movement itself: the
 * province, and the standing body "Sở Nội vụ (Ban Thi đua - Khen thưởng)" → SỞ NỘI VỤ, ký hiệu SNV.
 */
import { storedBoardSettings } from '../domain/board-settings.ts';
import type { Translate } from '../i18n/index.ts';
import { fold } from '../util/text.ts';
import type { Movement } from '../domain/model.ts';

export interface BoardSettings {
  parent: string;
  body: string;
  bodyName: string;
  abbreviation: string;
  place: string;
  signerTitle: string;
  signerName: string | null;
  recipients: string[];
  /** The Board's own proposals in its reports (IV. ĐỀ XUẤT, KIẾN NGHỊ), a paragraph each; none: only what the figures call for. */
  proposals?: string[];
  /** The People's Committee the reports go to: "Ủy ban nhân dân tỉnh Nam Định". */
  addressee: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "SỞ NỘI VỤ" → "SNV". */
function abbreviate(body: string): string {
  const letters = fold(body)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return letters.slice(0, 20) || 'TĐKT';
}

/** The settings with every gap filled from the movement and the locale's defaults. */
export function resolveBoardSettings(movement: Movement, t: Translate): BoardSettings {
  const stored = storedBoardSettings(movement);
  const province = movement.province?.trim() || t('doc-default-province');
  // "Sở Nội vụ (Ban Thi đua - Khen thưởng)": the body is what stands before the brackets.
  const standing = movement.standingBody?.replace(/\(.*\)/, '').trim() || t('doc-default-body');
  const body = stored.body ?? upper(standing);
  return {
    parent: stored.parent ?? upper(t('doc-default-parent', { province })),
    body,
    bodyName: stored.bodyName ?? (stored.body && !movement.standingBody ? stored.body : standing),
    abbreviation: stored.abbreviation ?? abbreviate(body),
    place: stored.place ?? province,
    signerTitle: (stored.signerTitle ?? t('doc-default-signer-title')).replace(/\s*\|\s*/g, '\n'),
    signerName: stored.signerName ?? null,
    recipients: stored.recipients ?? t('doc-default-recipients').split('\n').map((r) => r.trim()).filter(Boolean),
    ...(stored.proposals ? { proposals: stored.proposals } : {}),
    addressee: t('doc-addressee', { province }),
  };
}

