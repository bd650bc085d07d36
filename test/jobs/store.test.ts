import { describe, expect, it } from 'vitest';
import { finishJob, pendingJobs, pruneJobs } from '../../src/jobs/store.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const DAY = 24 * 3_600_000;

describe('the jobs table', () => {
  it('forgets jobs done long ago, keeps those given up and those not done', () => {
    const { db } = openTempDatabase();
    const add = (kind: string) =>
      db.$client.prepare('INSERT INTO jobs (channel, job, created_at) VALUES (?, ?, ?) RETURNING id').pluck().get('telegram', JSON.stringify({ kind, identityId: 1 }), 0) as number;
    const old = add('export');
    const givenUp = add('document');
    const recent = add('form-out');
    const waiting = add('form-in');
    finishJob(db, old, 1 * DAY);
    finishJob(db, givenUp, 1 * DAY, 'given up');
    finishJob(db, recent, 9 * DAY);

    expect(pruneJobs(db, 8 * DAY)).toBe(1);
    expect(db.$client.prepare('SELECT id FROM jobs ORDER BY id').pluck().all()).toEqual([givenUp, recent, waiting]);
    expect(pendingJobs(db, ['telegram']).map((j) => j.id)).toEqual([waiting]);
    expect(pendingJobs(db, ['zalo'])).toEqual([]);
  });
});
