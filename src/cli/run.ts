// The process around the CLI: `npm run cli -- …` and `npx thidua …` both land here.
import { loadDotEnv } from '../config.ts';
import { exitQuietlyOnClosedPipe } from '../util/pipe.ts';
import { runCli } from './main.ts';

exitQuietlyOnClosedPipe();
loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2));
