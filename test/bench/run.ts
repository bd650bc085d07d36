// `npm run bench`: every benchmark, each printing its figures; exits non-zero if a target is missed.
import { benchDocuments } from './documents.ts';
import { benchExport } from './export.ts';
import { benchForms } from './forms.ts';
import { benchTelegramInbound } from './telegram-inbound.ts';
import { benchTelegramLoad } from './telegram-load.ts';

const results = [await benchTelegramInbound(), await benchTelegramLoad(), await benchExport(), await benchDocuments()];
results.push(await (await import('./reminders.ts')).benchReminders());
results.push(await benchForms());
results.push(await (await import('./hostile-files.ts')).benchHostileFiles());
results.push(await (await import('./zalo-season.ts')).benchZaloSeason());
results.push(await (await import('./db-lock.ts')).benchDbLock());
process.exitCode = results.every(Boolean) ? 0 : 1;
