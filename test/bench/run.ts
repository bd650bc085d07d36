// `npm run bench`: every benchmark, each printing its figures; exits non-zero if a target is missed.
import { benchTelegramInbound } from './telegram-inbound.ts';

const results = [await benchTelegramInbound()];
process.exitCode = results.every(Boolean) ? 0 : 1;
