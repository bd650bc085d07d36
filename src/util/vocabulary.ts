/**
 * The words the data is written in: each list is a column's allowed values (db/schema.ts) and
 * the domain's vocabulary (domain/model.ts). Kept at the bottom so the schema, i18n and config
 * can all read them without reaching up.
 */
export const MOVEMENT_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year', 'adhoc'] as const;
export const GROUP_KINDS = ['cum', 'khoi'] as const;
export const ROLES = ['admin', 'cluster_head', 'liaison', 'viewer'] as const;
/**
 * Where a person can be written to: the messengers (`zalobot`: the Zalo Bot Platform), the
 * terminal, and `zns` (Zalo's paid template messages, addressed by the phone number the person
 * agreed to give at linking; used only for reminders to someone Zalo's window shuts out).
 */
export const CHANNELS = ['telegram', 'zalo', 'console', 'zalobot', 'zns'] as const;
export const LOCALES = ['vi', 'en'] as const;
export const REGISTRATION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const TARGET_KINDS = ['quantitative', 'qualitative'] as const;
export const DIRECTIONS = ['at_least', 'at_most'] as const;
/**
 * vượt / đạt / không đạt are judged from a target's due date; before it a target is in_progress
 * (đang thực hiện). A qualitative target is reported as not_started (chưa thực hiện), in_progress,
 * met (hoàn thành) or exceeded (hoàn thành xuất sắc).
 */
export const ASSESSMENTS = ['exceeded', 'met', 'not_met', 'in_progress', 'not_started'] as const;
/** Where a unit stands for one period's report: đúng hạn, trễ hạn, quá hạn chưa gửi, chưa đến hạn. */
export const PERIOD_REPORT_STATES = ['on_time', 'late', 'overdue', 'not_due'] as const;
export const EVIDENCE_KINDS = ['photo', 'document', 'link'] as const;
export const REMINDER_KINDS = ['registration_deadline', 'period_due', 'cron', 'dossier_deadline', 'self_assessment'] as const;
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unreachable'] as const;
/** What a reminder rule is about: what the unit owes, or (digest) the admins' summary of who is late. */
export const REMINDER_SUBJECTS = ['registration', 'report', 'any', 'digest', 'dossier', 'score'] as const;

export const BROADCAST_STATUSES = ['draft', 'queued', 'cancelled'] as const;

export const FORM_KINDS = ['targets', 'results', 'score'] as const;

/** The Board's documents (documents/): the province's, a unit's, and the year-end ones. */
export const DOCUMENT_KINDS = ['registration', 'summary', 'period', 'minutes', 'submission', 'scores', 'proposals'] as const;
/** The year-end documents of one cluster/block. */
export const CLUSTER_DOCUMENT_KINDS = ['minutes', 'submission', 'scores'] as const;

/** Which of Zalo's allowances a message used (see the README, "Which Zalo route"). */
export const ZALO_QUOTA_KINDS = ['reply', 'proactive', 'zns'] as const;

/**
 * The titles proposed at the year's end: the province's flag and certificate (proposed by a
 * cluster/block after its vote) and the two collective titles a unit proposes for itself.
 */
export const PROPOSAL_TITLES = ['co-thi-dua-ubnd-tinh', 'bang-khen-ubnd-tinh', 'tap-the-lao-dong-xuat-sac', 'tap-the-lao-dong-tien-tien'] as const;
/** What the Chairman decided on a proposal, as the Board records it. */
export const DECISION_OUTCOMES = ['awarded', 'not_awarded'] as const;
