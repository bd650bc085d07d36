/** The last line of defence in a real Node process: what an uncaught exception or unhandled rejection does. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `body` in a fresh process after installing the watch the bot installs at start; its exit status and log. */
function runWatched(body: string): { status: number | null; log: { level: string; msg: string }[] } {
  const script = `
    import { watchProcessFaults } from './src/util/process-faults.ts';
    import { storageFault } from './src/db/faults.ts';
    import { createLogger } from './src/util/log.ts';
    const log = createLogger('info');
    watchProcessFaults({ log, passing: (error) => storageFault(error) !== undefined, stop: (code) => process.exit(code) });
    const sqliteError = (code) => Object.assign(new Error('database is locked'), { code });
    ${body}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  const log = run.stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; msg: string });
  return { status: run.status, log };
}

describe('uncaught faults', () => {
  it('an uncaught exception is logged and ends the process with status 1', () => {
    const { status, log } = runWatched(`setTimeout(() => { throw new TypeError('boom'); }, 10); setTimeout(() => undefined, 5_000);`);
    expect(status).toBe(1);
    expect(log).toEqual([expect.objectContaining({ level: 'error', msg: 'uncaught exception; the process cannot be trusted any more and stops with status 1' })]);
  });

  it('an unhandled rejection is logged and ends the process with status 1', () => {
    const { status, log } = runWatched(`void Promise.reject(new Error('nobody waited')); setTimeout(() => undefined, 5_000);`);
    expect(status).toBe(1);
    expect(log.map((l) => l.msg)).toEqual(['unhandled rejection; the process cannot be trusted any more and stops with status 1']);
  });

  it('a database lock or full disk nobody caught is logged, and the process goes on', () => {
    const { status, log } = runWatched(
      `setTimeout(() => { throw sqliteError('SQLITE_BUSY'); }, 10); void Promise.reject(sqliteError('SQLITE_FULL')); setTimeout(() => { log.info('still running'); process.exit(0); }, 300);`,
    );
    expect(status).toBe(0);
    expect(log.map((l) => l.msg)).toEqual([
      'unhandled rejection (database busy or full; the bot goes on)',
      'uncaught exception (database busy or full; the bot goes on)',
      'still running',
    ]);
  });
});
