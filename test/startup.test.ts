/**
 * What a start pays for: the terminal chat answers without the workbook and document libraries
 * (exceljs, docx) and the year's-end flows loaded; they load with the first form, export, document
 * or year-end step asked for.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.ts';
import { waitFor } from './helpers/wait.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The libraries among the modules the probe saw loaded. */
function loadedLibraries(probeFile: string): string[] {
  const urls = existsSync(probeFile) ? readFileSync(probeFile, 'utf8').split('\n') : [];
  return [...new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))];
}

/** The bot's own modules among those the probe saw loaded, from the repository's root. */
function loadedSources(probeFile: string): string[] {
  const urls = existsSync(probeFile) ? readFileSync(probeFile, 'utf8').split('\n') : [];
  return urls.flatMap((url) => /\/(src\/.+\.ts)$/.exec(url)?.[1] ?? []);
}

describe('start-up', () => {
  it('answers in the terminal chat with neither exceljs, docx nor the year-end flows loaded, and loads each when first asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-startup-'));
    dirs.push(dir);
    const probe = join(dir, 'modules.txt');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: join(dir, 'thidua.db'), MODULE_PROBE_FILE: probe, LOG_LEVEL: 'warn' };
    for (const key of ['TELEGRAM_BOT_TOKEN', 'ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_BOT_TOKEN']) env[key] = '';
    const bot = spawn(process.execPath, ['--import', './test/helpers/module-probe.js', '--import', 'tsx', 'src/main.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    bot.stderr.on('data', () => {});
    const say = async (line: string, until: RegExp) => {
      const from = output.length;
      bot.stdin.write(`${line}\n`);
      await waitFor(() => until.test(output.slice(from)), `"${until.source}" after ${line}`, 30_000);
    };
    try {
      await say('/help', /mã mời/);
      const atFirstAnswer = loadedLibraries(probe);
      expect(atFirstAnswer).toContain('drizzle-orm');
      expect(atFirstAnswer).not.toContain('exceljs');
      expect(atFirstAnswer).not.toContain('docx');
      // The year's-end flows are declared, their code not loaded yet (src/flows/year-end.ts).
      expect(loadedSources(probe)).toContain('src/flows/year-end.ts');
      expect(loadedSources(probe)).not.toContain('src/flows/vote.ts');

      await say('/as SNV', /SNV/);
      await say('/dangky', /Nhận biểu mẫu Excel/);
      await say('Nhận biểu mẫu Excel', /📎 Tệp dang-ky-SNV-2020\.xlsx/);
      expect(loadedLibraries(probe)).toContain('exceljs');
      expect(loadedLibraries(probe)).not.toContain('docx');

      // And the year's end works as soon as it is asked for.
      await say('/as admin', /Quản trị viên/);
      await say('/binhxet', new RegExp(t('vi', 'vote-none')));
      expect(loadedSources(probe)).toContain('src/flows/vote.ts');
    } finally {
      bot.stdin.end();
      await new Promise((resolve) => bot.once('close', resolve));
    }
  }, 90_000);
});
