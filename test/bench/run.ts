// `npm run bench`: every benchmark, each printing its figures; exits non-zero if a target is missed.
// `npm run bench -- hostile-files db-lock` runs only the ones named.
const BENCHES: Record<string, () => Promise<boolean>> = {
  'telegram-inbound': async () => (await import('./telegram-inbound.ts')).benchTelegramInbound(),
  'telegram-load': async () => (await import('./telegram-load.ts')).benchTelegramLoad(),
  export: async () => (await import('./export.ts')).benchExport(),
  documents: async () => (await import('./documents.ts')).benchDocuments(),
  reminders: async () => (await import('./reminders.ts')).benchReminders(),
  forms: async () => (await import('./forms.ts')).benchForms(),
  'hostile-files': async () => (await import('./hostile-files.ts')).benchHostileFiles(),
  'zalo-season': async () => (await import('./zalo-season.ts')).benchZaloSeason(),
  'db-lock': async () => (await import('./db-lock.ts')).benchDbLock(),
  startup: async () => (await import('./startup.ts')).benchStartup(),
  charts: async () => (await import('./charts.ts')).benchCharts(),
  'period-standing': async () => (await import('./period-standing.ts')).benchPeriodStanding(),
  urging: async () => (await import('./urging.ts')).benchUrging(),
  'year-end': async () => (await import('./year-end.ts')).benchYearEnd(),
  'score-review': async () => (await import('./score-review.ts')).benchScoreReview(),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const results: boolean[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) results.push(await BENCHES[name]!());
process.exitCode = results.every(Boolean) ? 0 : 1;
