/**
 * Start-up: the time from spawning `npm start` (the terminal chat: no messenger configured, a fresh
 * database each run, so migrations and the sample movement are part of it) to its first answer on
 * stdout — the reply to "/help" — against the time `npx tsx` takes to run an empty file, the floor
 * any start of the bot pays. Runs alternate, several of each; medians compared.
 * Target: at most 1.5× the empty file. Shown beside it: a later start (the database already
 * there), and on Linux the CPU time of each (user + system, of the whole process tree, until it
 * exits), steadier than the wall time on a busy machine.
 *
 * Run alone: `npx tsx test/bench/startup.ts` (`BENCH_STARTUP_RUNS=9` for more runs).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** CPU milliseconds of this process's children waited for so far (Linux: cutime + cstime of /proc/self/stat); null elsewhere. */
function childrenCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces), counted from field 3: cutime is 16th, cstime 17th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Clock ticks: 100 a second on Linux.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

interface Run {
  /** Wall time to the answer (or to the exit). */
  ms: number;
  /** CPU time of the whole run, to the exit; null where it cannot be read. */
  cpuMs: number | null;
}

/**
 * Milliseconds from the spawn to `done(stdout)` turning true (or, without `done`, to the exit).
 * The child is then told the input has ended, and awaited.
 */
function timeRun(command: string, args: string[], env: NodeJS.ProcessEnv, input: string, done?: (out: string) => boolean): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const cpuBefore = childrenCpuMs();
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
      else {
        const cpuAfter = childrenCpuMs();
        resolvePromise({ ms: at, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore });
      }
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
    const runs: Record<'empty' | 'first' | 'later', Run[]> = { empty: [], first: [], later: [] };
    // One of each first, not counted: npm's and tsx's caches warmed alike.
    await timeRun(NPX, ['tsx', empty], process.env, '');
    await timeRun(NPM, ['start'], chatOnlyEnv(join(dir, 'warm', 'bot.db')), '/help\n', answered);
    for (let i = 0; i < RUNS; i++) {
      const db = join(dir, `run-${i}`, 'bot.db');
      runs.empty.push(await timeRun(NPX, ['tsx', empty], process.env, ''));
      runs.first.push(await timeRun(NPM, ['start'], chatOnlyEnv(db), '/help\n', answered));
      runs.later.push(await timeRun(NPM, ['start'], chatOnlyEnv(db), '/help\n', answered));
    }
    const base = median(runs.empty.map((r) => r.ms));
    const baseCpu = runs.empty.every((r) => r.cpuMs !== null) ? median(runs.empty.map((r) => r.cpuMs!)) : null;
    const line = (label: string, list: Run[]) => {
      const ms = median(list.map((r) => r.ms));
      const cpu = list.every((r) => r.cpuMs !== null) ? median(list.map((r) => r.cpuMs!)) : null;
      const cpuText = cpu === null || baseCpu === null ? '' : `   CPU ${cpu.toFixed(0)} ms (${(cpu / baseCpu).toFixed(2)}×)`;
      console.log(`  ${label.padEnd(42)}${ms.toFixed(0).padStart(6)} ms (${(ms / base).toFixed(2)}×)${cpuText}   [${list.map((r) => r.ms.toFixed(0)).join(', ')}]`);
      return ms / base;
    };
    console.log(`startup: ${RUNS} runs each, medians, against npx tsx running an empty file`);
    line('npx tsx (empty file)', runs.empty);
    const ratio = line('npm start → first answer (new database)', runs.first);
    line('npm start → first answer (again)', runs.later);
    const ok = ratio <= TARGET_RATIO;
    console.log(`  first start ${ratio.toFixed(2)}× the empty file (target ≤ ${TARGET_RATIO}×) ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = (await benchStartup()) ? 0 : 1;
}
