// A worker thread that moves the WAL back into the database file now and then, on its own
// connection, so that this copying (and its fsyncs) never happens inside a chat message's
// transaction on the main thread.
//
// A PASSIVE checkpoint never waits for, nor blocks, the bot's writes, but alone it never lets the
// WAL start over while messages keep coming (the writer is always ahead of it), so under steady
// load the file would grow without end. After each one, a RESTART is tried between two of the
// bot's transactions: it has only the last few frames left to copy, and the bot's next write
// then starts the WAL from the beginning. It never waits (busy_timeout 0): when the bot is in
// the middle of a transaction, it simply tries again a moment later.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const RESTART_TRIES = 50;
const RESTART_PAUSE_MS = 2;

const db = new Database(workerData.path);
const pause = new Int32Array(new SharedArrayBuffer(4));

const checkpoint = (mode) => {
  try {
    return db.pragma(`wal_checkpoint(${mode})`, { simple: true }) === 0;
  } catch {
    // Locked: the next round will do it.
    return false;
  }
};

const round = () => {
  db.pragma('busy_timeout = 5000');
  checkpoint('PASSIVE');
  db.pragma('busy_timeout = 0');
  for (let i = 0; i < RESTART_TRIES && !checkpoint('RESTART'); i++) Atomics.wait(pause, 0, 0, RESTART_PAUSE_MS);
};

const timer = setInterval(round, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('PASSIVE');
  db.close();
  parentPort.postMessage('stopped');
  parentPort.close();
});
parentPort.postMessage('ready');
