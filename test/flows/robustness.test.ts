import { it } from 'vitest';
import { chatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
useTempDatabases();
it('timing', () => {
  const t0 = Date.now();
  for (let i = 0; i < 10; i++) { const h = chatHarness(); h.link('a', 'SNV'); }
  console.log('per harness', (Date.now() - t0) / 10);
});
for (const [col, val] of [['data', 'garbage{'], ['history', '{"x":1}'], ['history', '[{"step":"nope","data":{}}]'], ['step', 'nope'], ['flow', 'gone']] as const) {
  it(`corrupt ${col}=${val}`, () => {
    const h = chatHarness(); h.link('a', 'SNV'); h.say('a', '/dangky'); h.say('a', '6');
    h.db.$client.prepare(`update conversations set ${col} = ?`).run(val);
    try { console.log(col, val, '=>', h.say('a', 'Tỷ lệ hồ sơ trực tuyến')); } catch (e) { console.log(col, val, 'THROWS', String(e)); }
    try { console.log(col, val, '/back =>', h.say('a', '/back')); } catch (e) { console.log(col, val, '/back THROWS', String(e)); }
  });
}
