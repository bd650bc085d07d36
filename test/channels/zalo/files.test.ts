/**
 * Files to Zalo: a DOCX up to 5 MB is uploaded and sent as a file; a workbook, or a document over
 * 5 MB, goes as a signed link in a text (Zalo's upload takes only PDF/DOC/DOCX up to 5 MB), and
 * that link downloads the file from the bot's HTTP server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../src/http/server.ts';
import { createSignedLinks } from '../../../src/http/signed-links.ts';
import { DAY, useZaloHarnesses, zaloHarness } from './harness.ts';

useZaloHarnesses();

const LIAISON = '246845883529197922';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('files sent to Zalo', () => {
  it('a Word document of up to 5 MB goes as a file, uploaded as DOCX', async () => {
    const h = await zaloHarness();
    const path = join(h.temp.dir, 'dang-ky-thi-dua-SNV.docx');
    writeFileSync(path, Buffer.alloc(5 * 1024 * 1024, 7));
    expect(await h.channel.sender.send(LIAISON, { text: '', file: { path, name: 'dang-ky-thi-dua-SNV.docx' } })).toEqual({ ok: true });
    const upload = h.fake.requests.find((r) => r.path === '/v2.0/oa/upload/file')!;
    expect(upload.raw.toString('latin1')).toContain(`filename="dang-ky-thi-dua-SNV.docx"\r\nContent-Type: ${DOCX}`);
    expect(h.newMessages(LIAISON)).toEqual([{ userId: LIAISON, fileToken: 'Kk8Jx7n3r0hV1bY2Zc4QeT6uWm9Ps5Df' }]);
  });

  it('a workbook, or a document over 5 MB, goes as a signed link that downloads it', async () => {
    const h = await zaloHarness({}, {
      links: (harness) =>
        createSignedLinks({ db: harness.db, baseUrl: 'http://127.0.0.1:0', secret: 'x'.repeat(16) + 'y'.repeat(16), clock: harness.clock, log: harness.log, defaultTtlMs: DAY }),
    });
    // The link's server: the bot's own, on 127.0.0.1.
    const server = await startHttpServer(0, [h.links!.route], h.log, '127.0.0.1');
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const workbook = join(h.temp.dir, 'thidua-ND-2020.xlsx');
      writeFileSync(workbook, 'PK workbook bytes');
      const big = join(h.temp.dir, 'bao-cao-lon.docx');
      writeFileSync(big, Buffer.alloc(5 * 1024 * 1024 + 1, 1));
      expect(await h.channel.sender.send(LIAISON, { text: 'Số liệu phong trào', file: { path: workbook, name: 'thidua-ND-2020.xlsx' } })).toEqual({ ok: true });
      expect(await h.channel.sender.send(LIAISON, { text: '', file: { path: big, name: 'bao-cao-lon.docx' } })).toEqual({ ok: true });
      expect(h.fake.requests.some((r) => r.path === '/v2.0/oa/upload/file')).toBe(false);
      const texts = h.newMessages(LIAISON).map((m) => m.text!);
      expect(texts[0]).toBe('Số liệu phong trào');
      // 15/02/2020 10:00 in Hà Nội + 1 day.
      expect(texts[1]).toMatch(/^Tệp thidua-ND-2020\.xlsx \(1 KB\) không gửi thẳng được qua Zalo\. Anh\/chị tải tại đường link riêng này \(dùng được đến \d\d:\d\d ngày 16\/02\/2020\): http:\/\/127\.0\.0\.1:0\/files\//);
      expect(texts[2]).toMatch(/^Tệp bao-cao-lon\.docx \(5 MB\) không gửi thẳng được qua Zalo/);
      const url = /(http:\S+)$/.exec(texts[1]!)![1]!.replace('http://127.0.0.1:0', base);
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      expect(Buffer.from(await answer.arrayBuffer()).equals(readFileSync(workbook))).toBe(true);
      expect((await fetch(url.replace(/\/files\/.{5}/, '/files/AAAAA'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('without a public address the person is told the file cannot go through Zalo', async () => {
    const h = await zaloHarness();
    const workbook = join(h.temp.dir, 'thidua.xlsx');
    writeFileSync(workbook, 'PK');
    expect(await h.channel.sender.send(LIAISON, { text: '', file: { path: workbook, name: 'thidua.xlsx' } })).toEqual({ ok: true });
    expect(h.newMessages(LIAISON).map((m) => m.text)).toEqual([
      'Tệp thidua.xlsx (1 KB) không gửi được qua Zalo (Zalo chỉ nhận tệp PDF, Word đến 5 MB). Anh/chị nhận tệp qua Telegram hoặc đề nghị Ban Thi đua - Khen thưởng gửi qua thư điện tử.',
    ]);
    expect(h.logs.some((l) => l.includes('PUBLIC_BASE_URL is not set'))).toBe(true);
  });
});
