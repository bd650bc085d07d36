/**
 * The Board's documents as .docx files: a unit's registration, the aggregate report on
 * registration, the period report; at the year's end a cluster's minutes of its bình xét, its tờ
 * trình and its scoring table, and the Board's summary of proposals for the Council. Used by `thidua document`, the chat's /export and the
 * liaison's "Tải bản đăng ký để trình ký". The figures are read in one go (synchronously, so
 * nothing changes under them), then the file is packed and written under a temporary name and
 * renamed: a failed document leaves nothing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Packer } from 'docx';
import type { Db } from '../db/connection.ts';
import { DomainError } from '../domain/errors.ts';
import { listPeriods, resolveMovement } from '../domain/movements.ts';
import { localDate } from '../domain/vn-input.ts';
import { DEFAULT_LOCALE, translator, type Locale } from '../i18n/index.ts';
import { safe, stamp } from '../export/index.ts';
import { chartRequests, drawCharts } from './charts.ts';
import type { DocumentContext } from './common.ts';
import { TableRows } from './layout.ts';
import { packDocx } from './pack.ts';
import { periodDocument } from './period.ts';
import { periodData } from './period-data.ts';
import { findUnit, isSent, registrationData, registrationDocument } from './registration.ts';
import { resolveBoardSettings } from './settings.ts';
import { summaryDocument } from './summary.ts';
import { summaryData } from './summary-data.ts';
import type { DocumentKind, Movement } from '../domain/model.ts';
import { clusterData, findGroup, groupById } from './cluster-data.ts';
import { minutesDate, minutesDocument } from './minutes.ts';
import { proposalsDocument } from './proposals.ts';
import { proposalsData } from './proposals-data.ts';
import { scoresDocument } from './scores.ts';
import { submissionDocument } from './submission.ts';

const YEAR_END_NAMES = { minutes: 'bien-ban-binh-xet', submission: 'to-trinh-de-nghi-khen-thuong', scores: 'bang-diem-thi-dua' } as const;

interface DocumentRequest {
  kind: DocumentKind;
  /** The movement by code; neither this nor `movement`: the open movement. */
  movementCode?: string;
  movement?: Movement;
  /** registration: the unit, by code or name, or by id. */
  unit?: string;
  unitId?: number;
  /** period: the reporting period's code (Q2020-2, H2020-1, Y2020). */
  periodCode?: string;
  /** minutes, submission, scores: the cluster/block, by code or by id. */
  group?: string;
  groupId?: number;
  dir: string;
  locale?: Locale;
  now?: number;
}

interface WrittenDocument {
  kind: DocumentKind;
  path: string;
  /** The file's name, as offered for download. */
  name: string;
  bytes: number;
  movement: string;
  unit: string | null;
  period: string | null;
  group: string | null;
}

export async function writeDocument(db: Db, request: DocumentRequest): Promise<WrittenDocument> {
  const movement = request.movement ?? resolveMovement(db, request.movementCode);
  const locale = request.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const now = request.now ?? Date.now();
  const ctx: DocumentContext = { t, locale, movement, settings: resolveBoardSettings(movement, t), today: localDate(now, movement.timezone), rows: new TableRows() };
  let document;
  let unit: string | null = null;
  let period: string | null = null;
  let group: string | null = null;
  let base: string;
  switch (request.kind) {
    case 'registration': {
      const unitId = request.unitId ?? (request.unit ? findUnit(db, request.unit).id : undefined);
      if (unitId === undefined) throw new DomainError('err-doc-unit-needed');
      const data = registrationData(db, movement, unitId, t);
      // A sent registration bears the day it was sent, whenever it is printed.
      if (isSent(data) && data.submittedOn) ctx.today = data.submittedOn;
      unit = data.unit.code;
      document = registrationDocument(ctx, data);
      base = `dang-ky-thi-dua-${safe(data.unit.code)}-${safe(movement.code)}`;
      break;
    }
    case 'summary': {
      const data = summaryData(db, movement, ctx.today, t);
      const requests = chartRequests(db, movement, [{ chart: 'registration-timeline' }, { chart: 'group-status' }], ctx.today, t);
      const [timeline, groups] = await drawCharts(requests, locale);
      document = summaryDocument(ctx, data, { timeline, groups });
      base = `bao-cao-dang-ky-thi-dua-${safe(movement.code)}`;
      break;
    }
    case 'period': {
      const periods = listPeriods(db, movement.id);
      const found = request.periodCode ? periods.find((p) => p.code.toUpperCase() === request.periodCode!.trim().toUpperCase()) : undefined;
      if (!found)
        throw new DomainError(request.periodCode ? 'err-export-period-unknown' : 'err-doc-period-needed', {
          code: request.periodCode ?? '',
          movement: movement.code,
          periods: periods.map((p) => p.code).join(', ') || '—',
        });
      period = found.code;
      const data = periodData(db, movement, found, ctx.today, t);
      const requests = chartRequests(db, movement, [{ chart: 'period-reporting', periodId: found.id }, { chart: 'target-outcomes', periodId: found.id }], ctx.today, t);
      const [reporting, outcomes] = await drawCharts(requests, locale);
      document = periodDocument(ctx, data, { reporting, outcomes });
      base = `bao-cao-ket-qua-${safe(found.code)}-${safe(movement.code)}`;
      break;
    }
    case 'minutes':
    case 'submission':
    case 'scores': {
      const found = request.groupId !== undefined ? groupById(db, movement, request.groupId) : findGroup(db, movement, request.group);
      group = found.code;
      const data = clusterData(db, movement, found);
      if (request.kind === 'minutes') {
        // The minutes bear the day the vote closed, whenever they are printed.
        ctx.today = minutesDate(data);
        document = minutesDocument(ctx, data);
      } else document = request.kind === 'submission' ? submissionDocument(ctx, data) : scoresDocument(ctx, data);
      base = `${YEAR_END_NAMES[request.kind]}-${safe(found.code)}-${safe(movement.code)}`;
      break;
    }
    case 'proposals':
      document = proposalsDocument(ctx, proposalsData(db, movement));
      base = `tong-hop-de-nghi-khen-thuong-${safe(movement.code)}`;
      break;
    default:
      throw new DomainError('err-doc-kind', { kind: String(request.kind) });
  }
  // The tables' rows go into the packed document as XML (see TableRows), streamed into the zip.
  const buffer = packDocx(new Uint8Array(await Packer.toBuffer(document)), ctx.rows);
  const dir = resolve(request.dir);
  mkdirSync(dir, { recursive: true });
  const name = `${base}-${stamp(now, movement.timezone)}.docx`;
  const path = join(dir, name);
  const part = `${path}.part`;
  try {
    writeFileSync(part, buffer);
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  return { kind: request.kind, path, name, bytes: buffer.length, movement: movement.code, unit, period, group };
}
