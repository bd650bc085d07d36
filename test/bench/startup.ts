/**
 * Start-up: the time from spawning `npm start` (the terminal chat: no messenger configured, a fresh
 * database each run, so migrations and the sample movement are part of it) to its first answer on
 * stdout — the reply to "/help" — against the time `npx tsx` takes to run an empty file, the floor
 * any start of the bot pays. Runs alternate, several of each; medians compared.
 * Target: at most 1.5× the empty file.
 *
 * Run alone: `npx tsx test/bench/startup.ts` (`BENCH_STARTUP_RUNS=9` for more runs).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const TARGET_RATIO = 1.5;
/** A start that has not answered by then has failed. */
const GIVE_UP_MS = 60_000;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The environment of the bot's runs: every messenger off (a blank value is unset, and `.env` does not override it). */
function chatOnlyEnv(databasePath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: databasePath, LOG_LEVEL: 'error' };
  for (const key of Object.keys(env)) if (/^(TELEGRAM|ZALO)_/.test(key)) env[key] = '';
  for (const key of ['TELEGRAM_BOT_TOKEN', 'ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_BOT_TOKEN']) env[key] = '';
  return env;
}

/**
 * Milliseconds from the spawn to `done(stdout)` turning true (or, without `done`, to the exit).
 * The child is then told the input has ended, and awaited.
 */
function timeRun(command: string, args: string[], env: NodeJS.ProcessEnv, input: string, done?: (out: string) => boolean): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let answeredAt: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
    child.stdin.on('error', () => {});
    child.stdin.write(input);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (done && answeredAt === undefined && done(out)) {
        answeredAt = elapsed();
        child.stdin.end();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const at = done ? answeredAt : code === 0 ? elapsed() : undefined;
      if (at === undefined) reject(new Error(`${command} ${args.join(' ')}: no answer (exit ${code})\n${out}\n${err}`));
      else resolvePromise(at);
    });
    if (!done) child.stdin.end();
  });
}

/** After npm's own lines ("> thidua-bot@… start"), the terminal chat's first line is its welcome; the first answer is what follows it. */
const answered = (out: string) => {
  const lines = out.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('> '));
  return lines.length >= 2;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function benchStartup(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-startup-'));
  try {
    const empty = join(dir, 'empty.ts');
    writeFileSync(empty, '');
    const emptyMs: number[] = [];
    const startMs: number[] = [];
    // One of each first, not counted: npm's and tsx's caches warmed alike.
    await timeRun(NPX, ['tsx', empty], process.env, '');
    await timeRun(NPM, ['start'], chatOnlyEnv(join(dir, 'warm', 'bot.db')), '/help\n', answered);
    for (let i = 0; i < RUNS; i++) {
      emptyMs.push(await timeRun(NPX, ['tsx', empty], process.env, ''));
      startMs.push(await timeRun(NPM, ['start'], chatOnlyEnv(join(dir, `run-${i}`, 'bot.db')), '/help\n', answered));
    }
    const base = median(emptyMs);
    const start = median(startMs);
    const ratio = start / base;
    const ok = ratio <= TARGET_RATIO;
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`startup: ${RUNS} runs each, medians`);
    console.log(`  npx tsx (empty file):          ${base.toFixed(0)} ms   [${list(emptyMs)}]`);
    console.log(`  npm start → first answer:      ${start.toFixed(0)} ms   [${list(startMs)}]`);
    console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = (await benchStartup()) ? 0 : 1;
}
