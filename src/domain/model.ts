/**
 * The domain's nouns: what a row of each table is, and the words its columns may hold. Every layer
 * above the database names these types from here, so no module has to import another's functions
 * (or the schema) just to say what it holds.
 */
import type {
  broadcasts,
  contentAreas,
  identities,
  movements,
  people,
  proposals,
  registrations,
  reminderRules,
  reportingPeriods,
  targets,
  units,
} from '../db/schema.ts';
import type {
  ASSESSMENTS,
  CHANNELS,
  DECISION_OUTCOMES,
  EVIDENCE_KINDS,
  PERIOD_KINDS,
  PERIOD_REPORT_STATES,
  PROPOSAL_TITLES,
  REGISTRATION_STATUSES,
  REMINDER_KINDS,
  REMINDER_SUBJECTS,
  ROLES,
} from '../util/vocabulary.ts';
import { CLUSTER_DOCUMENT_KINDS, DOCUMENT_KINDS } from '../util/vocabulary.ts';

export type Movement = typeof movements.$inferSelect;
export type ContentArea = typeof contentAreas.$inferSelect;
export type Period = typeof reportingPeriods.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type Person = typeof people.$inferSelect;
/** A person's account on one channel (a Telegram chat, a Zalo follower…), or a stranger's before linking. */
export type Identity = typeof identities.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
export type Target = typeof targets.$inferSelect;
export type ReminderRule = typeof reminderRules.$inferSelect;
export type Broadcast = typeof broadcasts.$inferSelect;
export type Proposal = typeof proposals.$inferSelect;

export type Role = (typeof ROLES)[number];
export type Channel = (typeof CHANNELS)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type Assessment = (typeof ASSESSMENTS)[number];
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type PeriodReportState = (typeof PERIOD_REPORT_STATES)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type ProposalTitle = (typeof PROPOSAL_TITLES)[number];
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type ReminderSubject = (typeof REMINDER_SUBJECTS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type ClusterDocumentKind = (typeof CLUSTER_DOCUMENT_KINDS)[number];
export const isDocumentKind = (v: unknown): v is DocumentKind => typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);
export const isClusterDocumentKind = (v: unknown): v is ClusterDocumentKind => typeof v === 'string' && (CLUSTER_DOCUMENT_KINDS as readonly string[]).includes(v);

/** What sort of body a unit is (sở, ban ngành, huyện…), as a movement's definition file names it. */
export const UNIT_KINDS = ['so', 'ban-nganh', 'doan-the', 'huyen', 'xa', 'doanh-nghiep', 'khac'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
