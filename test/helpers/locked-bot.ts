/**
 * The bot as `npm start` runs it, while another process holds the database's write lock: for the
 * lock fault test and the db-lock benchmark. Every process started here is added to `cleanups`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { fixtureJson, type FakeZalo } from '../channels/zalo/fake-zalo.ts';
import { sign } from '../channels/zalo/harness.ts';
import { waitFor } from './wait.ts';

export type Cleanups = (() => Promise<unknown> | void)[];

const PROBE = fileURLToPath(new URL('./loop-probe.js', import.meta.url));

/** One line of loop-probe.js: a 250 ms window of the measured process's event loop. */
export interface LoopWindow {
  /** When the window ended (ms since the epoch). */
  at: number;
  /** perf_hooks' largest delay in the window (ms). */
  maxMs: number;
  /** How late each 20 ms tick came (ms). */
  lateMs: number[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Creates the database file at `path` with the sample movement; `prepare` adds what is needed. */
export function seedDatabase(path: string, prepare: (db: Db) => void = () => undefined): string {
  const db = openDatabase(path);
  loadSampleMovement(db, cliActor, Date.now());
  prepare(db);
  closeDatabase(db);
  return path;
}

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
}

/** `npm start` (node --import tsx src/main.ts) with this environment; with `probeFile`, its event loop is measured there (loop-probe.ts). */
export function npmStart(cleanups: Cleanups, env: Record<string, string>, options: { stdin?: 'pipe' | 'ignore'; probeFile?: string } = {}): Running {
  const probe = options.probeFile ? ['--import', PROBE] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...probe, 'src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env, ...(options.probeFile ? { LOOP_PROBE_FILE: options.probeFile } : {}) },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => out, stderr: () => err };
}

/** A second process that takes the write lock of every file (BEGIN IMMEDIATE) and keeps it `ms`. */
export async function holdWriteLock(cleanups: Cleanups, paths: string[], ms: number): Promise<{ lockedAt: number; released: Promise<number> }> {
  const script = `
    const Database = require('better-sqlite3');
    const dbs = JSON.parse(process.argv[1]).map((p) => new Database(p));
    for (const db of dbs) db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { for (const db of dbs) { db.exec('COMMIT'); db.close(); } process.stdout.write('released\\n'); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script, JSON.stringify(paths)], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => void child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await waitFor(() => out.includes('locked'), 'the lock to be taken', 10_000);
  return { lockedAt: Date.now(), released: new Promise((resolve) => child.once('exit', () => resolve(Date.now()))) };
}

export interface Answered {
  status: number;
  ms: number;
}

/** Delivers a Zalo event as Zalo does: signed, and again a second later while the answer is not 200; each answer with how long it took. */
export async function deliverToZalo(port: number, zalo: FakeZalo, userId: string, text: string): Promise<Answered[]> {
  const answers: Answered[] = [];
  const sample = fixtureJson('user_send_text.official-example.json');
  zalo.inbound(userId, `lock-${userId}`);
  const timestamp = String(Date.now());
  const raw = JSON.stringify({ ...sample, sender: { id: userId }, message: { text, msg_id: `lock-${userId}` }, timestamp });
  for (let attempt = 0; attempt < 30; attempt++) {
    const started = performance.now();
    const status = await fetch(`http://127.0.0.1:${port}/zalo/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': sign(raw, timestamp) }, body: raw })
      .then(async (r) => (await r.text(), r.status))
      .catch(() => 0);
    answers.push({ status, ms: performance.now() - started });
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return answers;
}

export interface HealthAnswer extends Answered {
  body: { status?: string; problems?: { code: string; message: string }[] };
}

/** Asks GET /health every `everyMs` until `until` resolves. */
export async function pollHealth(port: number, until: Promise<unknown>, everyMs = 500): Promise<HealthAnswer[]> {
  let done = false;
  void until.then(() => (done = true));
  const answers: HealthAnswer[] = [];
  while (!done) {
    const started = performance.now();
    const answer = await fetch(`http://127.0.0.1:${port}/health`)
      .then(async (r) => ({ status: r.status, body: (await r.json()) as HealthAnswer['body'] }))
      .catch(() => ({ status: 0, body: {} }));
    answers.push({ ...answer, ms: performance.now() - started });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return answers;
}

/** The loop probe's windows that ended between `from` and `to`. */
export function loopWindows(probeFile: string, from: number, to: number): LoopWindow[] {
  if (!existsSync(probeFile)) return [];
  return readFileSync(probeFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LoopWindow)
    .filter((w) => w.at >= from && w.at <= to);
}

/** Largest and 99th-percentile event-loop lag over windows (ms). */
export function lagFigures(windows: LoopWindow[]): { maxMs: number; p99Ms: number; samples: number } {
  const late = windows.flatMap((w) => w.lateMs).sort((a, b) => a - b);
  const p99Ms = late.length === 0 ? 0 : late[Math.min(late.length - 1, Math.floor(late.length * 0.99))]!;
  const maxMs = Math.max(0, ...windows.map((w) => w.maxMs), ...late);
  return { maxMs, p99Ms, samples: late.length };
}
