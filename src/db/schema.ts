/**
 * The data model. Calendar days are ISO `YYYY-MM-DD` text (a day in the movement's time zone,
 * never a UTC instant); moments are integer epoch milliseconds. Column names become snake_case
 * through drizzle's `casing` option, set both here (drizzle-kit) and on the connection.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  MOVEMENT_STATUSES,
  PERIOD_KINDS,
  GROUP_KINDS,
  ROLES,
  CHANNELS,
  LOCALES,
  REGISTRATION_STATUSES,
  TARGET_KINDS,
  DIRECTIONS,
  ASSESSMENTS,
  EVIDENCE_KINDS,
  REMINDER_KINDS,
  OUTBOX_STATUSES,
  REMINDER_SUBJECTS,
  BROADCAST_STATUSES,
  FORM_KINDS,
  ZALO_QUOTA_KINDS,
  PROPOSAL_TITLES,
  DECISION_OUTCOMES,
} from '../util/vocabulary.ts';

const createdAt = () =>
  integer({ mode: 'number' })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

export const movements = sqliteTable('movements', {
  id: integer().primaryKey({ autoIncrement: true }),
  code: text().notNull().unique(),
  name: text().notNull(),
  province: text(),
  theme: text(),
  documentNumber: text(),
  documentDate: text(),
  documentIssuer: text(),
  documentSigner: text(),
  documentSignerTitle: text(),
  standingBody: text(),
  startsOn: text().notNull(),
  endsOn: text().notNull(),
  registrationDeadline: text().notNull(),
  /** The year-end review (tổng kết) closing the movement; null: 31/03 of the year after it ends. */
  finalReviewOn: text(),
  timezone: text().notNull().default('Asia/Ho_Chi_Minh'),
  status: text({ enum: MOVEMENT_STATUSES }).notNull().default('open'),
  createdAt: createdAt(),
  /**
   * How a reminder reaches someone Zalo will not deliver to (outside its 7-day window), in order
   * of preference: comma-separated `telegram`, `zalobot` (the Zalo Bot Platform), `zns`, `call` (listed for the Board to call).
   */
  reachOrder: text().notNull().default('telegram,zalobot,zns,call'),
  /**
   * JSON: who issues the Board's documents and who signs them (documents/settings.ts
   * `boardSettings`); null: worked out from the province and the standing body.
   */
  boardSettings: text({ mode: 'json' }),
});

/** A period a progress report covers; `dueOn` is when the report is owed. */
export const reportingPeriods = sqliteTable(
  'reporting_periods',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    kind: text({ enum: PERIOD_KINDS }).notNull(),
    startsOn: text().notNull(),
    endsOn: text().notNull(),
    dueOn: text().notNull(),
  },
  (t) => [uniqueIndex('reporting_periods_movement_code').on(t.movementId, t.code)],
);

/** A period's report due day extended by the Board for one unit; without a row, the period's own. */
export const periodExtensions = sqliteTable(
  'period_extensions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    dueOn: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('period_extensions_period_unit').on(t.periodId, t.unitId)],
);

export const contentAreas = sqliteTable(
  'content_areas',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    title: text().notNull(),
    titleEn: text(),
  },
  (t) => [uniqueIndex('content_areas_movement_number').on(t.movementId, t.number)],
);

/** Units outlive movements; `validTo` marks a unit merged away or abolished. */
export const units = sqliteTable('units', {
  id: integer().primaryKey({ autoIncrement: true }),
  code: text().notNull().unique(),
  name: text().notNull(),
  kind: text().notNull(),
  validFrom: text(),
  validTo: text(),
  createdAt: createdAt(),
  /** The unit's office phone: whom the Board calls when a reminder reaches none of its people. */
  phone: text(),
  /** Who signs the unit's registration: "GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"; asked once in chat. */
  signerTitle: text(),
  signerName: text(),
});

/** A cluster (cụm) or block (khối) of one movement. */
export const groups = sqliteTable(
  'groups',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    kind: text({ enum: GROUP_KINDS }).notNull(),
    name: text().notNull(),
    headUnitId: integer().references(() => units.id),
    deputyUnitId: integer().references(() => units.id),
    illustrative: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('groups_movement_code').on(t.movementId, t.code)],
);

/** A unit belongs to at most one cluster or block per movement. */
export const groupMembers = sqliteTable(
  'group_members',
  {
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.unitId] }),
    uniqueIndex('group_members_movement_unit').on(t.movementId, t.unitId),
  ],
);

export const people = sqliteTable(
  'people',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    fullName: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    unitId: integer().references(() => units.id),
    /** Where known: shown to whoever urges the unit, so they can call. */
    phone: text(),
    locale: text({ enum: LOCALES }).notNull().default('vi'),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  // people_role: the admins are looked up (to notify them) among every person of the province.
  (t) => [index('people_unit').on(t.unitId), index('people_role').on(t.role)],
);

/** One messenger account of a person; a person may have several. */
export const identities = sqliteTable(
  'identities',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer().references(() => people.id),
    channel: text({ enum: CHANNELS }).notNull(),
    externalId: text().notNull(),
    displayName: text(),
    locale: text({ enum: LOCALES }),
    lastInboundAt: integer(),
    unreachableAt: integer(),
    unreachableReason: text(),
    linkFailures: integer().notNull().default(0),
    lockedUntil: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('identities_channel_external').on(t.channel, t.externalId),
    index('identities_person').on(t.personId),
  ],
);

/**
 * Single-use invite codes, split selector/verifier: the selector finds the row, only a hash of the
 * verifier is stored, and wrong verifiers for a known selector count towards locking the code.
 */
export const invites = sqliteTable('invites', {
  id: integer().primaryKey({ autoIncrement: true }),
  selector: text().notNull().unique(),
  verifierHash: text().notNull(),
  unitId: integer().references(() => units.id),
  role: text({ enum: ROLES }).notNull(),
  personName: text(),
  /** The person's phone, copied to them when the code is used. */
  phone: text(),
  expiresAt: integer().notNull(),
  usedAt: integer(),
  usedByPersonId: integer().references(() => people.id),
  failedAttempts: integer().notNull().default(0),
  lockedAt: integer(),
  createdBy: text().notNull(),
  createdAt: createdAt(),
});

export const registrations = sqliteTable(
  'registrations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    status: text({ enum: REGISTRATION_STATUSES }).notNull().default('draft'),
    /** How many times it has been submitted; each submission is kept in registration_versions. */
    version: integer().notNull().default(0),
    late: integer({ mode: 'boolean' }).notNull().default(false),
    /** The registration deadline extended by the Board for this unit alone; null: the movement's. */
    deadlineOn: text(),
    firstSubmittedAt: integer(),
    submittedAt: integer(),
    reviewedAt: integer(),
    reviewedBy: integer().references(() => people.id),
    reviewComment: text(),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
  },
  (t) => [uniqueIndex('registrations_movement_unit').on(t.movementId, t.unitId)],
);

/** A frozen copy of each submitted version: targets and titles as they were sent. */
export const registrationVersions = sqliteTable(
  'registration_versions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    registrationId: integer()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    snapshot: text({ mode: 'json' }).notNull(),
    submittedAt: integer().notNull(),
    submittedBy: integer().references(() => people.id),
    late: integer({ mode: 'boolean' }).notNull().default(false),
    /** The liaison's note when sending this version ("đã bổ sung chỉ tiêu CCHC theo ý kiến của Ban"). */
    note: text(),
    outcome: text({ enum: ['approved', 'returned'] }),
    reviewComment: text(),
    reviewedAt: integer(),
    reviewedBy: integer().references(() => people.id),
  },
  (t) => [uniqueIndex('registration_versions_reg_version').on(t.registrationId, t.version)],
);

export const targets = sqliteTable(
  'targets',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    registrationId: integer()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    contentAreaId: integer()
      .notNull()
      .references(() => contentAreas.id),
    text: text().notNull(),
    kind: text({ enum: TARGET_KINDS }).notNull(),
    measure: text(),
    plannedValue: real(),
    direction: text({ enum: DIRECTIONS }),
    dueOn: text(),
    note: text(),
    position: integer().notNull(),
    /** Soft delete: progress reports may still point at a target removed later. */
    deletedAt: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index('targets_registration').on(t.registrationId),
    check(
      'targets_quantitative_has_plan',
      sql`${t.kind} = 'qualitative' OR (${t.plannedValue} IS NOT NULL AND ${t.direction} IS NOT NULL)`,
    ),
  ],
);

/** Titles a unit aims for (danh hiệu), by catalogue code (labels live in locales/). */
export const registrationTitles = sqliteTable(
  'registration_titles',
  {
    registrationId: integer()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    title: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.title] })],
);

/**
 * One progress report of a unit for a period. Append-only (enforced by triggers): a correction is
 * a new report with the next `revision`, the earlier one stays.
 */
export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    registrationId: integer()
      .notNull()
      .references(() => registrations.id),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriods.id),
    revision: integer().notNull(),
    reportedBy: integer().references(() => people.id),
    reportedAt: integer().notNull(),
    note: text(),
  },
  (t) => [uniqueIndex('progress_reports_reg_period_rev').on(t.registrationId, t.periodId, t.revision)],
);

export const progressLines = sqliteTable(
  'progress_lines',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => progressReports.id),
    targetId: integer()
      .notNull()
      .references(() => targets.id),
    value: real(),
    /** true: `value` is the running total since the start; false: this period only. */
    cumulative: integer({ mode: 'boolean' }).notNull().default(false),
    percentOfPlan: real(),
    assessment: text({ enum: ASSESSMENTS }),
    evidenceKind: text({ enum: EVIDENCE_KINDS }),
    evidenceRef: text(),
    note: text(),
  },
  (t) => [
    uniqueIndex('progress_lines_report_target').on(t.reportId, t.targetId),
    index('progress_lines_target').on(t.targetId),
  ],
);

/** The guided conversation an identity is in, if any. */
export const conversations = sqliteTable('conversations', {
  identityId: integer()
    .primaryKey()
    .references(() => identities.id, { onDelete: 'cascade' }),
  flow: text().notNull(),
  flowVersion: integer().notNull(),
  step: text().notNull(),
  /** Bumped at every question asked: a button carries it, so a press on an old question is recognised. */
  seq: integer().notNull().default(0),
  /** JSON, read defensively by the chat core: a damaged row is dropped, never trusted. */
  data: text().notNull(),
  history: text().notNull(),
  /** JSON: what the last question offered (see chat/engine.ts Asked); null in rows saved before it existed. */
  asked: text(),
  startedAt: integer().notNull(),
  updatedAt: integer().notNull(),
  expiresAt: integer().notNull(),
});

export const reminderRules = sqliteTable('reminder_rules', {
  id: integer().primaryKey({ autoIncrement: true }),
  movementId: integer()
    .notNull()
    .references(() => movements.id, { onDelete: 'cascade' }),
  kind: text({ enum: REMINDER_KINDS }).notNull(),
  /** Days relative to the deadline: negative before, 0 on the day, positive overdue. */
  offsetDays: integer(),
  cron: text(),
  /** Send at this local time of day (HH:MM) for deadline rules. */
  atTime: text().notNull().default('08:00'),
  /** After this many ignored reminders the unit's cluster head is told. */
  escalateAfter: integer(),
  paused: integer({ mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  /** registration_deadline rules: registration; period_due: report; cron rules: any of them, or digest. */
  subject: text({ enum: REMINDER_SUBJECTS }).notNull().default('any'),
  /** A note for the admins ("nhắc hằng tuần"). */
  label: text(),
  /** Slots due before this instant are not sent (set when the rule is created and when it is resumed). */
  activeFrom: integer(),
});

export const outbox = sqliteTable(
  'outbox',
  {
    // A plain rowid, not AUTOINCREMENT: ids still only grow (no outbox row is ever deleted, so the
    // largest is never freed for reuse; ZNS tracking ids rely on it), and writing a message no
    // longer rewrites sqlite_sequence (a page fewer in every reply's transaction).
    id: integer().primaryKey(),
    /** (rule or broadcast, slot, person): the same key is never planned twice (see outbox_dedupe). */
    dedupeKey: text().notNull(),
    personId: integer().references(() => people.id),
    identityId: integer().references(() => identities.id),
    channel: text({ enum: CHANNELS }).notNull(),
    payload: text({ mode: 'json' }).notNull(),
    status: text({ enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    notBefore: integer().notNull(),
    lastError: text(),
    ruleId: integer().references(() => reminderRules.id),
    broadcastId: integer(),
    createdAt: createdAt(),
    sentAt: integer(),
    /** When a dispatcher took the row ('sending'), renewed while the send is in flight; a stale one is taken again. */
    claimedAt: integer(),
    /** Which process took it (`pid:token`): a claim by a process that is gone is taken again at once. */
    claimedBy: text(),
    /** An answer to a message the person just sent: goes before everything else, in the order written. */
    reply: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // Rows waiting to be sent only: a reply is written already taken ('sending') and then marked sent,
    // so it never enters this index (three pages fewer written per message answered).
    index('outbox_pending').on(t.notBefore).where(sql`status = 'pending'`),
    // Unique among planned messages only: a reply's key is new by construction (the update, the
    // moment, the position) and a repeated update is dropped before it is handled, so replies stay
    // out of the index (a page fewer written per message answered).
    uniqueIndex('outbox_dedupe').on(t.dedupeKey).where(sql`reply = 0`),
    // Broadcasts' rows only: a reply (most rows) is not in it, so writing one touches fewer pages.
    index('outbox_broadcast').on(t.broadcastId).where(sql`broadcast_id IS NOT NULL`),
  ],
);

/** Every change, by whom, before and after. Append-only (enforced by triggers). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer().notNull(),
    actorPersonId: integer().references(() => people.id),
    actor: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: text({ mode: 'json' }),
    after: text({ mode: 'json' }),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId)],
);

/** Small key-value settings the program learns at run time (e.g. the Telegram bot's username). */
export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: integer().notNull(),
});

/**
 * Every update a messenger delivered, stored before it is processed: a delivery repeated by the
 * messenger (same channel and key: Telegram update_id, Zalo msg_id) is recognised and dropped, a
 * crash between receiving and processing loses nothing, and an update that failed because of a
 * fault of ours stays here with its error. Processed rows are pruned after a while.
 */
export const inboundQueue = sqliteTable(
  'inbound_queue',
  {
    // No AUTOINCREMENT: rowids still only grow here (rows are pruned oldest first), and it spares
    // every message a write to sqlite_sequence.
    id: integer().primaryKey(),
    channel: text({ enum: CHANNELS }).notNull(),
    key: text().notNull(),
    event: text({ mode: 'json' }).notNull(),
    receivedAt: integer().notNull(),
    processedAt: integer(),
    error: text(),
  },
  (t) => [
    uniqueIndex('inbound_queue_channel_key').on(t.channel, t.key),
    // Partial: only updates still waiting are in it, so recording a handled one writes no index page.
    index('inbound_queue_waiting').on(t.channel, t.id).where(sql`${t.processedAt} IS NULL`),
  ],
);

/** The Zalo OA's token pair. One row; the single-use refresh token is replaced atomically on each refresh. */
export const zaloTokens = sqliteTable('zalo_tokens', {
  id: integer().primaryKey(),
  accessToken: text().notNull(),
  refreshToken: text().notNull(),
  /** When the access token expires (epoch ms). */
  expiresAt: integer().notNull(),
  updatedAt: integer().notNull(),
});

/**
 * One firing of a reminder rule: (rule, slot) is planned once, whatever the number of ticks or
 * processes. `slotAt` is the nominal time; `deliverAt` the first allowed time after it (quiet hours,
 * weekends, holidays), when the audience is computed and the messages queued.
 */
export const reminderFirings = sqliteTable(
  'reminder_firings',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ruleId: integer()
      .notNull()
      .references(() => reminderRules.id, { onDelete: 'cascade' }),
    slotAt: integer().notNull(),
    deliverAt: integer().notNull(),
    firedAt: integer().notNull(),
    /** Messages queued (reminders, escalations or digests). */
    recipients: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('reminder_firings_rule_slot').on(t.ruleId, t.slotAt)],
);

/**
 * What each firing reminded each unit of: `obligation` is `registration` (never sent),
 * `registration:r<version>` (returned at that version, not sent again) or `period:<id>`. Counting
 * these tells how many reminders a unit has ignored.
 */
export const reminderNotices = sqliteTable(
  'reminder_notices',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    firingId: integer()
      .notNull()
      .references(() => reminderFirings.id, { onDelete: 'cascade' }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    obligation: text().notNull(),
    at: integer().notNull(),
  },
  (t) => [
    uniqueIndex('reminder_notices_firing_unit_obligation').on(t.firingId, t.unitId, t.obligation),
    index('reminder_notices_unit').on(t.movementId, t.unitId, t.obligation),
  ],
);

/** A unit whose cluster head was told it ignored the reminders, once per obligation. */
export const reminderEscalations = sqliteTable(
  'reminder_escalations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    obligation: text().notNull(),
    firingId: integer().references(() => reminderFirings.id, { onDelete: 'set null' }),
    ignored: integer().notNull(),
    at: integer().notNull(),
  },
  (t) => [uniqueIndex('reminder_escalations_unit_obligation').on(t.movementId, t.unitId, t.obligation)],
);

/**
 * A unit urged (/dondoc) about one obligation on one local day: `registration` or `period:<id>`.
 * Unique per (unit, obligation, day), so pressing again, a redelivered update or a restart never
 * urges a unit twice the same day about the same thing, and "already urged today" is known.
 */
export const urges = sqliteTable(
  'urges',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    obligation: text().notNull(),
    /** The local day (YYYY-MM-DD) in the movement's time zone. */
    day: text().notNull(),
    byPersonId: integer().references(() => people.id),
    at: integer().notNull(),
  },
  (t) => [uniqueIndex('urges_obligation_day_unit').on(t.movementId, t.obligation, t.day, t.unitId)],
);

/** An admin's message to many people: drafted (previewed), then confirmed into the outbox. */
export const broadcasts = sqliteTable('broadcasts', {
  id: integer().primaryKey({ autoIncrement: true }),
  movementId: integer().references(() => movements.id, { onDelete: 'set null' }),
  text: text().notNull(),
  /** all | unsent | report-missing:<period> | report-sent:<period> | group:<code> | kind:<kind> (late, overdue: older drafts) */
  audience: text().notNull(),
  status: text({ enum: BROADCAST_STATUSES }).notNull().default('draft'),
  createdBy: text().notNull(),
  createdByPersonId: integer().references(() => people.id),
  createdAt: integer().notNull(),
  confirmedAt: integer(),
  recipients: integer(),
});

/**
 * Work a message asked for (src/chat/engine.ts, Job: an export, a document, a form out or in),
 * written in the transaction that handled the message and done after it, so a restart resumes
 * what was in hand. A form sent in keeps the path of its file once fetched: a job resumed or
 * retried reads it from disk and never needs the messenger again.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    // AUTOINCREMENT: a job's id names what it queues in the outbox, so an id is never used twice.
    id: integer().primaryKey({ autoIncrement: true }),
    channel: text({ enum: CHANNELS }).notNull(),
    /** The Job, as the flow asked for it. */
    job: text({ mode: 'json' }).notNull(),
    createdAt: integer().notNull(),
    /** Times a runner took it up: one that keeps stopping the process is given up. */
    attempts: integer().notNull().default(0),
    storedPath: text(),
    doneAt: integer(),
    /** Why it was given up (it was done otherwise). */
    error: text(),
  },
  (t) => [index('jobs_pending').on(t.channel, t.id).where(sql`${t.doneAt} IS NULL`)],
);

/**
 * A filled form sent back in the chat (or given to the CLI): the file as received, kept beside the
 * database, and what reading it found (a plan of changes, or the problems by row). Nothing of it
 * is applied until the person confirms; `appliedAt` records when they did.
 */
export const formUploads = sqliteTable('form_uploads', {
  id: integer().primaryKey({ autoIncrement: true }),
  identityId: integer().references(() => identities.id),
  form: text({ enum: FORM_KINDS }).notNull(),
  registrationId: integer()
    .notNull()
    .references(() => registrations.id),
  periodId: integer().references(() => reportingPeriods.id),
  fileName: text().notNull(),
  /** Where the received bytes were kept (null when they could not be fetched). */
  storedPath: text(),
  receivedAt: integer().notNull(),
  /** TargetImportReading or ResultImportReading (src/forms/), or the download's problem. */
  reading: text({ mode: 'json' }).notNull(),
  appliedAt: integer(),
});
/**
 * Every message the Zalo OA sent, with the allowance it used as Zalo's answer said (`quotaType`:
 * reply, sub_quota, purchase_quota, reward_quota) or, when Zalo said nothing, as we sent it:
 * free replies, proactive messages (counted against the month's budget) and paid ZNS messages.
 * `month` is the Vietnamese calendar month (Zalo resets the allowance at 00:00 on the 1st).
 */
export const zaloQuotaLedger = sqliteTable(
  'zalo_quota_ledger',
  {
    id: integer().primaryKey(),
    at: integer().notNull(),
    month: text().notNull(),
    /** The Zalo user id (or, for ZNS, the phone number). */
    recipient: text().notNull(),
    kind: text({ enum: ZALO_QUOTA_KINDS }).notNull(),
    quotaType: text(),
    /** What Zalo said is left of that allowance, when it said. */
    remain: integer(),
    total: integer(),
  },
  (t) => [index('zalo_quota_ledger_month').on(t.month, t.kind), index('zalo_quota_ledger_recipient').on(t.recipient, t.at)],
);
/**
 * A file handed out as a signed link (documents and workbooks too big for Zalo): the link names
 * this row, its expiry and its recipient, signed with the bot's secret (http/signed-links.ts).
 */
export const fileLinks = sqliteTable('file_links', {
  /** Random, 128 bits, base64url. */
  id: text().primaryKey(),
  path: text().notNull(),
  /** The name the file is downloaded under. */
  name: text().notNull(),
  personId: integer().references(() => people.id),
  expiresAt: integer().notNull(),
  /** The link works for one complete download only. */
  once: integer({ mode: 'boolean' }).notNull().default(false),
  usedAt: integer(),
  downloads: integer().notNull().default(0),
  createdAt: createdAt(),
});

/** The year's end of a movement: its dates (the `yearEnd` section of the movement file). */
export const yearEnds = sqliteTable('year_ends', {
  movementId: integer()
    .primaryKey()
    .references(() => movements.id, { onDelete: 'cascade' }),
  selfAssessmentBy: text().notNull(),
  clusterMeetingBy: text().notNull(),
  dossierDeadline: text().notNull(),
  councilOn: text().notNull(),
  /** The confirmations a dossier must carry besides the law's documents: [{ code, title }] (police, tax…). */
  confirmations: text({ mode: 'json' }).$type<{ code: string; title: string }[]>().notNull().default([]),
});

/** A scoring table, its quotas and its vote rule; shared by the groups that score by it. */
export const scoringTables = sqliteTable(
  'scoring_tables',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    flagQuota: integer().notNull(),
    certificateQuota: integer().notNull(),
    /** Shares of all members (0.8 is 80%). */
    quorum: real().notNull(),
    threshold: real().notNull(),
  },
  (t) => [uniqueIndex('scoring_tables_movement_code').on(t.movementId, t.code)],
);

/** Which table a group scores by (one at most). */
export const scoringTableGroups = sqliteTable(
  'scoring_table_groups',
  {
    groupId: integer()
      .primaryKey()
      .references(() => groups.id, { onDelete: 'cascade' }),
    tableId: integer()
      .notNull()
      .references(() => scoringTables.id, { onDelete: 'cascade' }),
  },
  (t) => [index('scoring_table_groups_table').on(t.tableId)],
);

/** A line of a scoring table: a criterion scored up to `max`, a deduction or a bonus. */
export const scoringCriteria = sqliteTable(
  'scoring_criteria',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tableId: integer()
      .notNull()
      .references(() => scoringTables.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    section: text().notNull(),
    title: text().notNull(),
    kind: text({ enum: ['score', 'deduction', 'bonus'] }).notNull(),
    max: real().notNull(),
    fromResults: text({ enum: ['targets-reached', 'targets-exceeded'] }),
    position: integer().notNull(),
  },
  (t) => [uniqueIndex('scoring_criteria_table_code').on(t.tableId, t.code)],
);

/**
 * A unit's score sheet against its group's table: its own scores line by line (`score_lines`),
 * sent to the cluster head when `sentAt` is set. One sheet per unit and group.
 */
export const scoreSheets = sqliteTable(
  'score_sheets',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    updatedAt: integer().notNull(),
    sentAt: integer(),
    sentBy: integer().references(() => people.id),
  },
  (t) => [uniqueIndex('score_sheets_group_unit').on(t.groupId, t.unitId)],
);

/**
 * One criterion of a score sheet, by the criterion's code (a table re-imported keeps its codes):
 * the unit's own points (`prefilled` when the year's results gave them), its evidence, and the
 * cluster head's adjustment with its reason, the unit's own points kept beside it.
 */
export const scoreLines = sqliteTable(
  'score_lines',
  {
    sheetId: integer()
      .notNull()
      .references(() => scoreSheets.id, { onDelete: 'cascade' }),
    criterionCode: text().notNull(),
    self: real(),
    prefilled: integer({ mode: 'boolean' }).notNull().default(false),
    evidenceKind: text({ enum: EVIDENCE_KINDS }),
    evidenceRef: text(),
    note: text(),
    adjustedTo: real(),
    adjustReason: text(),
    adjustedBy: integer().references(() => people.id),
    adjustedAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.criterionCode] })],
);

/** Chấm chéo: the cluster head asks one member unit to score another; its points line by line. */
export const crossScorings = sqliteTable(
  'cross_scorings',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    scorerUnitId: integer()
      .notNull()
      .references(() => units.id),
    scoredUnitId: integer()
      .notNull()
      .references(() => units.id),
    assignedBy: integer().references(() => people.id),
    assignedAt: integer().notNull(),
    sentAt: integer(),
  },
  (t) => [uniqueIndex('cross_scorings_pair').on(t.groupId, t.scorerUnitId, t.scoredUnitId)],
);

export const crossScoreLines = sqliteTable(
  'cross_score_lines',
  {
    crossScoringId: integer()
      .notNull()
      .references(() => crossScorings.id, { onDelete: 'cascade' }),
    criterionCode: text().notNull(),
    points: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.crossScoringId, t.criterionCode] })],
);

/**
 * A bình xét vote of one group on candidates for one title, with the rule it was opened under
 * (quorum and threshold as shares of all members). Closed once: `closedAt` set.
 */
export const votes = sqliteTable(
  'votes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    title: text({ enum: PROPOSAL_TITLES }).notNull(),
    quorum: real().notNull(),
    threshold: real().notNull(),
    /** The last day ballots are taken; from it the vote may close without the quorum. */
    endsOn: text().notNull(),
    openedBy: integer().references(() => people.id),
    openedAt: integer().notNull(),
    /** The local day it closed (the minutes' date) and who closed it. */
    closedOn: text(),
    closedAt: integer(),
    closedBy: integer().references(() => people.id),
  },
  (t) => [index('votes_group').on(t.groupId)],
);

/** The members of the group when the vote opened: the "all members" its shares are of. */
export const voteMembers = sqliteTable(
  'vote_members',
  {
    voteId: integer()
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.unitId] })],
);

/** A candidate, with its total and rank when the vote opened (what the minutes show). */
export const voteCandidates = sqliteTable(
  'vote_candidates',
  {
    voteId: integer()
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    position: integer().notNull(),
    total: real(),
    rank: integer(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.unitId] })],
);

/**
 * One member's approval or not of one candidate: cast in chat by the member, or (`written`) taken
 * from an absent member's written opinion by the cluster head. Unseen by others until the close.
 */
export const ballots = sqliteTable(
  'ballots',
  {
    voteId: integer()
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    voterUnitId: integer()
      .notNull()
      .references(() => units.id),
    candidateUnitId: integer()
      .notNull()
      .references(() => units.id),
    approve: integer({ mode: 'boolean' }).notNull(),
    written: integer({ mode: 'boolean' }).notNull().default(false),
    castBy: integer().references(() => people.id),
    castAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.voterUnitId, t.candidateUnitId] })],
);

/** An absent member's written opinion: the head's note on it (its approvals are ballots, `written`). */
export const writtenOpinions = sqliteTable(
  'written_opinions',
  {
    voteId: integer()
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    note: text().notNull(),
    recordedBy: integer().references(() => people.id),
    recordedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.unitId] })],
);

/**
 * A proposal of a title for a unit: by its group after a vote (Cờ, Bằng khen; `groupId`,
 * `voteId`) or by the unit itself (TTLĐXS, TTLĐTT). `declared` holds what the unit declares for
 * the conditions (domain/year-end/conditions.ts); the bot flags them, people decide. The Board
 * records the Chairman's decision on it.
 */
export const proposals = sqliteTable(
  'proposals',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    movementId: integer()
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    title: text({ enum: PROPOSAL_TITLES }).notNull(),
    groupId: integer().references(() => groups.id),
    voteId: integer().references(() => votes.id),
    declared: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    proposedBy: integer().references(() => people.id),
    proposedAt: integer().notNull(),
    withdrawnAt: integer(),
    outcome: text({ enum: DECISION_OUTCOMES }),
    decisionNumber: text(),
    decidedOn: text(),
    decisionRecordedBy: integer().references(() => people.id),
    decisionRecordedAt: integer(),
    notifiedAt: integer(),
  },
  (t) => [uniqueIndex('proposals_movement_unit_title').on(t.movementId, t.unitId, t.title)],
);

/**
 * A document of a proposal's dossier, sent in chat and kept beside the database: `item` is the
 * checklist line it answers (to-trinh, bao-cao-thanh-tich, bien-ban, or confirmation:<code>).
 * A later file for the same item replaces the earlier in the checklist; both are kept.
 */
export const dossierFiles = sqliteTable(
  'dossier_files',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    proposalId: integer()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    item: text().notNull(),
    fileName: text().notNull(),
    storedPath: text().notNull(),
    bytes: integer().notNull(),
    receivedBy: integer().references(() => people.id),
    receivedAt: integer().notNull(),
  },
  (t) => [index('dossier_files_proposal').on(t.proposalId, t.item)],
);
