/**
 * What changed between two submitted versions of a registration, for the Board reviewing a
 * resubmission: targets added, removed, and changed field by field; titles added and removed.
 * Targets are matched by their id (editing keeps it), so a reworded target is a change, not a
 * removal and an addition.
 */
import type { DbOrTx } from '../db/connection.ts';
import { listVersions, type RegistrationSnapshot } from './registrations.ts';

type SnapshotTarget = RegistrationSnapshot['targets'][number];

/** The fields of a target the Board reads, in the order of the form. */
const COMPARED_FIELDS = ['contentAreaId', 'text', 'kind', 'measure', 'plannedValue', 'direction', 'dueOn', 'note'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

interface FieldChange {
  field: ComparedField;
  before: SnapshotTarget[ComparedField];
  after: SnapshotTarget[ComparedField];
}

interface VersionDiff {
  added: SnapshotTarget[];
  removed: SnapshotTarget[];
  changed: { target: SnapshotTarget; changes: FieldChange[] }[];
  titlesAdded: string[];
  titlesRemoved: string[];
}

export function diffSnapshots(before: RegistrationSnapshot, after: RegistrationSnapshot): VersionDiff {
  const old = new Map(before.targets.map((t) => [t.id, t]));
  const now = new Map(after.targets.map((t) => [t.id, t]));
  const changed: VersionDiff['changed'] = [];
  for (const target of after.targets) {
    const previous = old.get(target.id);
    if (!previous) continue;
    const changes = COMPARED_FIELDS.filter((f) => (previous[f] ?? null) !== (target[f] ?? null)).map((field) => ({ field, before: previous[field], after: target[field] }));
    if (changes.length > 0) changed.push({ target, changes });
  }
  return {
    added: after.targets.filter((t) => !old.has(t.id)),
    removed: before.targets.filter((t) => !now.has(t.id)),
    changed,
    titlesAdded: after.titles.filter((x) => !before.titles.includes(x)),
    titlesRemoved: before.titles.filter((x) => !after.titles.includes(x)),
  };
}

export const isEmptyDiff = (d: VersionDiff) =>
  d.added.length + d.removed.length + d.changed.length + d.titlesAdded.length + d.titlesRemoved.length === 0;

/** The latest version against the one before it, with the note sent with it; undefined for a first version. */
export function latestChanges(db: DbOrTx, registrationId: number): { version: number; note: string | null; diff: VersionDiff } | undefined {
  const versions = listVersions(db, registrationId);
  const last = versions.at(-1);
  const previous = versions.at(-2);
  if (!last || !previous) return undefined;
  return { version: last.version, note: last.note, diff: diffSnapshots(previous.snapshot as RegistrationSnapshot, last.snapshot as RegistrationSnapshot) };
}
