/**
 * A database file whose "disk" is full: SQLite is allowed no page beyond those it has
 * (`PRAGMA max_page_count`, on this connection) and every free page is taken by padding, so the
 * next write that needs a page fails with SQLITE_FULL, as on a full disk.
 */
import type { Db } from '../../src/db/connection.ts';

const PADDING_SIZES = [65_536, 4_096, 1_024, 256, 64, 16, 1];

/** Fills the database; returns what frees the space again (the limit lifted and the padding dropped). */
export function fillDisk(db: Db): () => void {
  const client = db.$client;
  client.exec('CREATE TABLE IF NOT EXISTS test_disk_padding (bytes BLOB)');
  const limit = client.pragma('max_page_count', { simple: true }) as number;
  client.pragma(`max_page_count = ${client.pragma('page_count', { simple: true }) as number}`);
  const pad = client.prepare('INSERT INTO test_disk_padding (bytes) VALUES (zeroblob(?))');
  for (const size of PADDING_SIZES) {
    try {
      for (;;) pad.run(size);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
    }
  }
  return () => {
    client.pragma(`max_page_count = ${limit}`);
    client.exec('DROP TABLE test_disk_padding');
  };
}

/** SQLite's own check of the file: 'ok' when nothing is corrupted. */
export const integrity = (db: Db) => db.$client.pragma('integrity_check', { simple: true });
