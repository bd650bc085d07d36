// The process around the CLI: `npm run cli -- …` and `npx thidua …` both land here.
import { loadDotEnv } from '../config.ts';
import { usePrivateUmask } from '../util/file-modes.ts';
import { exitQuietlyOnClosedPipe } from '../util/pipe.ts';
import { runCli } from './main.ts';

// Backups, exports and forms the CLI writes are for the bot's user alone (0600 in 0700 folders).
usePrivateUmask();
exitQuietlyOnClosedPipe();
loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2));
