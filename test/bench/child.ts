/** A benchmark step run in a child process of its own, so that its peak memory (maxRSS) is its own. */
import { spawn } from 'node:child_process';

/** Runs `file` with `args` under tsx; its last line on stdout is the JSON result. */
export function runInChild<T>(file: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${args.join(' ')}: child failed (${code}): ${out}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

/** This process's peak resident memory so far, in MB. */
export const rssMB = () => process.resourceUsage().maxRSS / 1024;
